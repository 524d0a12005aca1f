/**
 * The timeline on Neo4j, in a shape its indexes answer in order. The shared
 * rule (store/common/timeline.ts, still Kùzu's): a fact or event is in the
 * window when its first day, coalesce(dateFrom, date), is on or before the
 * window's end and its last day, coalesce(dateTo, date), on or after its
 * start; they come by coalesce(date, first day), then id. Those coalesces
 * hide the dates from every index.
 *
 * So the adapter writes that order key on every relationship, and two more
 * for ranges (timeline-keys.ts), each with an index per type (schema.ts).
 * A fact in the window has its key
 * - within the window: a seek on (key, id) over the window, in the
 *   timeline's order, so it stops after `limit` facts that pass the rule;
 * - before the window: then its range runs past its key, so it is in the
 *   span index, sought in the same order up to the window's start;
 * - after the window: then its range starts before its key, so it is in the
 *   (small) early index, sought up to the window's end.
 * The three parts of one type give its first `limit` facts. Before this, the
 * parts sought date pairs, and every range that started before the window
 * had to be read and sorted (all of a year's month and year ranges for a
 * week in June: 148k index entries and 17k rows sorted at 1M relationships).
 *
 * Types are asked one query each, side by side: one UNION of every type's
 * parts took seconds to plan (and past 2 GiB of transaction memory once),
 * and passed each row through a Union operator per part after it. A type is
 * first asked for a few keys (its share of the page, twice over), and asked
 * again only while its keys may reach into the page (firstKeys). The page is
 * cut from the keys, in Cypher's order (date, then id by code unit), and
 * only its rows are read whole.
 */
import { REL_TYPES, type RelType } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import { timelineOf, windowOf } from '../common/timeline.js';
import type { RunResult, Runner, Timeline, TimelineRequest } from '../store.js';
import { TIMELINE_EARLY, TIMELINE_KEY, TIMELINE_SPAN } from './timeline-keys.js';

const IN_WINDOW = 'coalesce(x.dateFrom, x.date) <= date($to) AND coalesce(x.dateTo, x.date) >= date($from)';
const KEEP = 'RETURN x, k, xid ORDER BY k, xid LIMIT $limit';

/** One type's first `$limit` facts in the window, as keys: `k` (ISO day), `xid`, and `eid` (elementId, to read the page's rows whole). */
export function typeTimelineQuery(type: RelType): string {
  typeFilter([type]); // refuses a type outside the schema
  const m = `MATCH ()-[x:${type}]->()`;
  const hint = (props: string) => `USING INDEX x:${type}(${props})`;
  const parts = [
    `${m} ${hint(`${TIMELINE_KEY}, id`)} WHERE x.${TIMELINE_KEY} >= date($from) AND x.${TIMELINE_KEY} <= date($to) AND x.id IS NOT NULL AND ${IN_WINDOW} WITH x, x.${TIMELINE_KEY} AS k, x.id AS xid ${KEEP}`,
    `${m} ${hint(`${TIMELINE_SPAN}, id`)} WHERE x.${TIMELINE_SPAN} < date($from) AND x.id IS NOT NULL AND ${IN_WINDOW} WITH x, x.${TIMELINE_SPAN} AS k, x.id AS xid ${KEEP}`,
    `${m} ${hint(TIMELINE_EARLY)} WHERE x.${TIMELINE_EARLY} <= date($to) AND x.${TIMELINE_KEY} > date($to) AND ${IN_WINDOW} WITH x, x.${TIMELINE_KEY} AS k, x.id AS xid ${KEEP}`,
  ];
  return `CALL () { ${parts.join(' UNION ALL ')} } WITH x, k, xid ORDER BY k, xid LIMIT $limit RETURN toString(k) AS k, xid, elementId(x) AS eid`;
}

/** The page's facts whole, in the order of `$eids`. */
export const TIMELINE_PAGE_QUERY = 'UNWIND $eids AS eid MATCH ()-[x]->() WHERE elementId(x) = eid RETURN startNode(x) AS a, x AS r, endNode(x) AS b';

/** Events: few enough for the planner's own choice among their single-date indexes. */
function eventParts(): string[] {
  const keep = 'RETURN x, k, x.id AS xid ORDER BY k, xid LIMIT $limit';
  const match = 'MATCH (x:Event)';
  return [
    `${match} WHERE x.date >= date($from) AND x.date <= date($to) AND x.dateFrom IS NULL AND x.dateTo IS NULL WITH x, x.date AS k ${keep}`,
    `${match} WHERE x.dateFrom <= date($to) AND x.dateTo >= date($from) WITH x, coalesce(x.date, x.dateFrom) AS k ${keep}`,
    `${match} WHERE x.date >= date($from) AND x.dateFrom <= date($to) AND x.dateTo IS NULL WITH x, x.date AS k ${keep}`,
    `${match} WHERE x.dateTo >= date($from) AND x.date <= date($to) AND x.dateFrom IS NULL WITH x, x.date AS k ${keep}`,
  ];
}

export const EVENTS_TIMELINE_QUERY = `CALL () { ${eventParts().join(' UNION ALL ')} } WITH x, k, xid ORDER BY k, xid LIMIT $limit RETURN x AS e`;

export interface FactKey {
  k: string;
  xid: string;
  eid: string;
}

/** Cypher's order of the timeline: day, then id, strings by code unit (as `<` compares them). */
export function compareKeys(a: FactKey, b: FactKey): number {
  if (a.k !== b.k) return a.k < b.k ? -1 : 1;
  return a.xid < b.xid ? -1 : a.xid > b.xid ? 1 : 0;
}

/**
 * The first `limit` keys over every type, exactly. Each type is asked for a
 * few first. A type that gave all it was asked, and whose last key is before
 * the page's last so far, may have more in the page: it is "open". Of the
 * open types, the one whose last key comes first is asked for as many as the
 * page has room for past the keys known to come before its next one; the
 * others for twice as many as before (never past that room). Then again,
 * until no type is open. (Ten types each give the page a few keys: two or
 * three rounds; one type gives all of it, as a year's dated facts of one
 * type do at 1M: two, 1.5k keys read instead of 4k asking every open type
 * for all the room it had.)
 */
export async function firstKeys(ask: (asks: ReadonlyArray<{ type: RelType; take: number }>) => Promise<FactKey[][]>, types: readonly RelType[], limit: number): Promise<FactKey[]> {
  const first = Math.min(limit, Math.max(16, Math.ceil((2 * limit) / Math.max(1, types.length))));
  const asked = new Map<RelType, number>(types.map((t) => [t, first]));
  const firstRows = await ask(types.map((type) => ({ type, take: first })));
  const got = new Map<RelType, FactKey[]>(types.map((t, i) => [t, firstRows[i]]));
  for (;;) {
    const all = [...got.values()].flat().sort(compareKeys);
    const last = all.length >= limit ? all[limit - 1] : undefined;
    const open = types
      .filter((t) => got.get(t)!.length === asked.get(t)! && asked.get(t)! < limit) // it may have more, and the page could take them
      .map((t) => ({ t, end: got.get(t)!.at(-1)! }))
      .filter(({ end }) => !last || compareKeys(end, last) < 0) // its next keys may come before the page's last
      .sort((a, b) => compareKeys(a.end, b.end));
    if (!open.length) return all.slice(0, limit);
    const next = open.map(({ t, end }, i) => {
      // Keys of other types before its last one come before anything more it has: that is what the page has room for.
      const ahead = all.filter((r) => compareKeys(r, end) < 0).length - (got.get(t)!.length - 1);
      const room = Math.min(limit, Math.max(asked.get(t)! + 1, limit - ahead));
      return { type: t, take: i === 0 ? room : Math.min(room, 2 * asked.get(t)!) };
    });
    const more = await ask(next);
    next.forEach(({ type, take }, i) => {
      asked.set(type, take);
      got.set(type, more[i]);
    });
  }
}

/** Runs `work`'s reads in one read transaction (the store's inOneRead), or each on its own. */
export type InOneRead = <T>(work: (run: Runner) => Promise<T>) => Promise<T>;

/**
 * Events and facts whose date or dateFrom..dateTo range overlaps the window:
 * the shared rule's answer. The facts' keys and page are read in one
 * transaction when the store gives one (`inOneRead`).
 */
export async function timeline(run: Runner, request: TimelineRequest, inOneRead: InOneRead = (work) => work(run)): Promise<Timeline> {
  const window = windowOf(request);
  const types = request.types.length ? [...new Set(request.types)] : REL_TYPES;
  typeFilter(types);
  const facts = (read: Runner): Promise<Pick<RunResult, 'graph' | 'truncated'>> =>
    firstKeys(
      (asks) =>
        Promise.all(
          asks.map(async ({ type, take }) =>
            (await read(typeTimelineQuery(type), { ...window, limit: take }, { maxRows: take })).rows.map((r) => ({ k: String(r.k), xid: String(r.xid), eid: String(r.eid) })),
          ),
        ),
      types,
      request.limit,
    ).then(
      (page): Promise<Pick<RunResult, 'graph' | 'truncated'>> | Pick<RunResult, 'graph' | 'truncated'> =>
        page.length ? read(TIMELINE_PAGE_QUERY, { eids: page.map((p) => p.eid) }, { maxRows: page.length }) : { graph: { nodes: [], edges: [] }, truncated: false },
    );
  const [events, page] = await Promise.all([run(EVENTS_TIMELINE_QUERY, { ...window, limit: request.limit }, { maxRows: request.limit }), inOneRead(facts)]);
  return timelineOf(events, page, request.limit);
}
