/**
 * When does a new claim belong on an existing edge? Only when it is about the
 * same event: same type and endpoints (the caller's match), and a compatible
 * date and place. Both engines' mergeFacts use this one rule.
 */
import type { PlainValue } from '../shared/graph.js';

/** The properties of an edge that say which event it is. */
export interface EventKey {
  id: string;
  date?: PlainValue;
  datePrecision?: PlainValue;
  dateFrom?: PlainValue;
  dateTo?: PlainValue;
  place?: PlainValue;
}

const isoDay = (v: PlainValue | undefined): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The days an edge's date covers, as ISO strings [from, to]; undefined when it has no date. */
export function dateSpan(key: EventKey): [string, string] | undefined {
  const from = isoDay(key.dateFrom);
  const to = isoDay(key.dateTo);
  if (from || to) return [from ?? to!, to ?? from!];
  const date = isoDay(key.date);
  if (!date) return undefined;
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (key.datePrecision === 'year') return [`${year}-01-01`, `${year}-12-31`];
  if (key.datePrecision === 'month') return [`${date.slice(0, 7)}-01`, lastDayOfMonth(year, month)];
  return [date, date];
}

/**
 * Same event: the date spans overlap (or one side is undated: it does not
 * contradict), and the places agree (or one side names none).
 */
export function sameEvent(existing: EventKey, incoming: EventKey): boolean {
  const a = dateSpan(existing);
  const b = dateSpan(incoming);
  if (a && b && (a[1] < b[0] || b[1] < a[0])) return false;
  const pa = typeof existing.place === 'string' && existing.place ? existing.place : undefined;
  const pb = typeof incoming.place === 'string' && incoming.place ? incoming.place : undefined;
  return !(pa && pb && pa !== pb);
}

/** How close a compatible edge is: exact id, then exact date, then a dated match, then the rest. */
function closeness(existing: EventKey, incoming: EventKey): number {
  if (existing.id === incoming.id) return 0;
  const a = dateSpan(existing);
  const b = dateSpan(incoming);
  if (a && b && a[0] === b[0] && a[1] === b[1]) return 1;
  if (a && b) return 2;
  return 3;
}

/**
 * The existing edge (of the same type between the same nodes) that a new
 * claim supports, or undefined when none is the same event. Ties go to the
 * earliest date, then the smallest id, so every engine picks the same one.
 */
export function matchingEvent<T extends EventKey>(existing: readonly T[], incoming: EventKey): T | undefined {
  const order = (e: T) => [closeness(e, incoming), dateSpan(e)?.[0] ?? '9999', e.id] as const;
  return existing
    .filter((e) => sameEvent(e, incoming))
    .sort((x, y) => {
      const [a, b] = [order(x), order(y)];
      return a[0] - b[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]);
    })[0];
}

/**
 * The id for a new edge. The extractor names edges by (type, endpoints), so a
 * second event between the same nodes needs its own id: the event's date is
 * added (deterministic, so two writers of the same new event pick the same id),
 * then a counter if even that is taken.
 */
export function newEdgeId(incoming: EventKey, taken: ReadonlySet<string>): string {
  if (!taken.has(incoming.id)) return incoming.id;
  const span = dateSpan(incoming);
  const precision = incoming.datePrecision === 'year' ? 4 : incoming.datePrecision === 'month' ? 7 : 10;
  const base = `${incoming.id}:${span ? span[0].slice(0, precision) : 'undated'}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
