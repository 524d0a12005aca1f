/**
 * The timeline's date index on Kùzu: every dated relationship's first day,
 * last day and sort day as day numbers, in the timeline's order (sort day,
 * then relationship id), read once per generation of the data. Kùzu has no
 * index on relationship properties, so without it a week of timeline compared
 * every relationship's dates and sorted the matches whole.
 *
 * Rows are kept in typed arrays (about 17 bytes a relationship: 17 MB at 1M)
 * and found in the database again by their table and internal offset. Edges
 * a merge creates go to a small side list with their ids, ordered among the
 * indexed rows when a window is read (the rows' ids come back with them).
 */
import { REL_TYPES, endpointPairs, type NodeLabel, type RelType } from '../../shared/schema.js';

const DAY_MS = 86_400_000;

/** An ISO day (YYYY-MM-DD, UTC) as days since 1970-01-01; NaN when it is not one. */
export function dayNumber(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.round(ms / DAY_MS) : Number.NaN;
}

/** A Kùzu DATE value (a Date at UTC midnight), an ISO string or null, as a day number or null. */
export function dayOf(value: unknown): number | null {
  if (value instanceof Date) return Math.round(value.getTime() / DAY_MS);
  if (typeof value === 'string') {
    const d = dayNumber(value.slice(0, 10));
    return Number.isNaN(d) ? null : d;
  }
  return null;
}

/** A relationship table's part between two node tables: where Kùzu's internal offsets count from. */
export interface RelGroup {
  from: NodeLabel;
  type: RelType;
  to: NodeLabel;
}

/** Every (from label, type, to label) of the schema, in a fixed order (an index's group numbers). */
export const REL_GROUPS: readonly RelGroup[] = REL_TYPES.flatMap((type) => endpointPairs(type).map(([from, to]) => ({ from, type, to })));
const GROUP_INDEX = new Map(REL_GROUPS.map((g, i) => [`${g.from}|${g.type}|${g.to}`, i]));
export const groupIndex = (from: string, type: string, to: string): number => GROUP_INDEX.get(`${from}|${type}|${to}`) ?? -1;

/** The timeline's dates of one relationship: null when it has none (the timeline never shows it). */
export function timelineDays(date: unknown, dateFrom: unknown, dateTo: unknown): { sort: number; first: number; last: number } | null {
  const d = dayOf(date);
  const first = dayOf(dateFrom) ?? d;
  const last = dayOf(dateTo) ?? d;
  if (first === null || last === null) return null;
  return { sort: d ?? first, first, last };
}

/** The indexed relationships, one entry each in the timeline's order (sort day, then relationship id), as columns. */
export interface IndexedColumns {
  /** Its place in REL_GROUPS. */
  group: Uint8Array;
  /** Kùzu's internal offset of the relationship in its table. */
  offset: Uint32Array;
  sort: Int32Array;
  first: Int32Array;
  last: Int32Array;
}

/** A relationship created by a merge since the index was built: found again by its ends and id. */
export interface SideRow {
  group: number;
  id: string;
  fromId: string;
  toId: string;
  sort: number;
  first: number;
  last: number;
}

/** What a window asks of the database: indexed rows by table and offset, side rows by their ends, `limit` at most once ordered. */
export interface WindowPick {
  /** Offsets of the indexed rows, per group number. */
  indexed: Map<number, number[]>;
  side: SideRow[];
}

export class DateIndex {
  private readonly sort: Int32Array;
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly group: Uint8Array;
  private readonly offset: Uint32Array;
  private readonly side: SideRow[] = [];

  /** `columns` must come in the timeline's order: sort day, then relationship id. */
  constructor(columns: IndexedColumns) {
    ({ sort: this.sort, first: this.first, last: this.last, group: this.group, offset: this.offset } = columns);
  }

  get size(): number {
    return this.sort.length + this.side.length;
  }

  /** Relationships created since the build; when this grows large the owner rebuilds the index. */
  get sideSize(): number {
    return this.side.length;
  }

  /** Adds a relationship a merge created (one without dates is never on the timeline). */
  add(row: Omit<SideRow, 'sort' | 'first' | 'last'>, date: unknown, dateFrom: unknown, dateTo: unknown): void {
    const days = timelineDays(date, dateFrom, dateTo);
    if (days && row.group >= 0) this.side.push({ ...row, ...days });
  }

  /**
   * The rows overlapping [from, to] (day numbers) of the given types that can
   * be among the first `limit` in the timeline's order: the first `limit`
   * indexed rows, and the side rows not after the last of those (ties are
   * ordered by id once the rows are read).
   */
  window(from: number, to: number, types: readonly RelType[], limit: number): WindowPick {
    const typeSet = new Set<string>(types);
    const wanted = new Uint8Array(256);
    REL_GROUPS.forEach((g, i) => (wanted[i] = typeSet.has(g.type) ? 1 : 0));
    const indexed: WindowPick['indexed'] = new Map();
    let found = 0;
    let lastSort = Number.POSITIVE_INFINITY;
    const n = this.sort.length;
    for (let i = 0; i < n && found < limit; i++) {
      if (this.first[i] > to || this.last[i] < from || !wanted[this.group[i]]) continue;
      const list = indexed.get(this.group[i]);
      if (list) list.push(this.offset[i]);
      else indexed.set(this.group[i], [this.offset[i]]);
      if (++found === limit) lastSort = this.sort[i];
    }
    const side = this.side.filter((r) => r.first <= to && r.last >= from && wanted[r.group] === 1 && r.sort <= lastSort);
    return { indexed, side };
  }
}
