/**
 * The timeline on Neo4j, in a shape its range indexes answer. The shared
 * rule (store/common/timeline.ts, still Kùzu's): a fact or event is in the
 * window when its first day, coalesce(dateFrom, date), is on or before the
 * window's end and its last day, coalesce(dateTo, date), on or after its
 * start; they come by coalesce(date, first day), then id. Those coalesces
 * hide the dates from every index, so Neo4j read and compared all of the
 * graph's relationships at each call (1M at the bench's largest scale).
 *
 * Here the rule is split by which dates a fact has, each part one index
 * seek (schema.ts: a range index on date and composite ones on pairs of
 * dates, per relationship type), the parts together exactly the rule's:
 * - no range (dateFrom and dateTo null): date within the window, in the
 *   index's order, so the part stops at `limit`;
 * - dateFrom and dateTo: dateFrom up to the window's end and dateTo from
 *   its start, both compared inside the (dateFrom, dateTo) index;
 * - dateFrom without dateTo (the last day is date): (date, dateFrom);
 * - dateTo without dateFrom (the first day is date): (dateTo, date).
 * Each part keeps its first `limit` by the rule's order; the union is cut to
 * `limit` again and only those rows are read whole. The relationship parts
 * name their index (a hint): on its own the planner took the date index for
 * the last part and read 30k facts of one type at 1M instead of 3k.
 */
import { REL_TYPES, type RelType } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import { timelineOf, windowOf } from '../common/timeline.js';
import type { Runner, Timeline, TimelineRequest } from '../store.js';

/** The parts over one pattern variable `x` (a relationship of one type, or an Event), each ending in `RETURN x, k, xid`; `hint(index)` names the index a part seeks. */
function parts(match: string, hint: (on: string) => string): string[] {
  const keep = 'RETURN x, k, x.id AS xid ORDER BY k, xid LIMIT $limit';
  return [
    `${match} ${hint('date')} WHERE x.date >= date($from) AND x.date <= date($to) AND x.dateFrom IS NULL AND x.dateTo IS NULL WITH x, x.date AS k ${keep}`,
    `${match} ${hint('dateFrom, dateTo')} WHERE x.dateFrom <= date($to) AND x.dateTo >= date($from) WITH x, coalesce(x.date, x.dateFrom) AS k ${keep}`,
    `${match} ${hint('date, dateFrom')} WHERE x.date >= date($from) AND x.dateFrom <= date($to) AND x.dateTo IS NULL WITH x, x.date AS k ${keep}`,
    `${match} ${hint('dateTo, date')} WHERE x.dateTo >= date($from) AND x.date <= date($to) AND x.dateFrom IS NULL WITH x, x.date AS k ${keep}`,
  ];
}

/** The facts' query: one part per type and date shape, unioned; types come from the schema's allowlist only. Events have few enough for the planner's own choice among their single-date indexes. */
export function factsTimelineQuery(types: readonly RelType[]): string {
  typeFilter(types); // refuses a type outside the schema
  const union = types.flatMap((t) => parts(`MATCH ()-[x:${t}]->()`, (on) => `USING INDEX x:${t}(${on})`)).join(' UNION ALL ');
  return `CALL () { ${union} } WITH x, k, xid ORDER BY k, xid LIMIT $limit RETURN startNode(x) AS a, x AS r, endNode(x) AS b`;
}

export const EVENTS_TIMELINE_QUERY = `CALL () { ${parts('MATCH (x:Event)', () => '').join(' UNION ALL ')} } WITH x, k, xid ORDER BY k, xid LIMIT $limit RETURN x AS e`;

/** Events and facts whose date or dateFrom..dateTo range overlaps the window: the shared rule's answer. */
export async function timeline(run: Runner, request: TimelineRequest): Promise<Timeline> {
  const params = { ...windowOf(request), limit: request.limit };
  const types = request.types.length ? [...new Set(request.types)] : REL_TYPES;
  const [events, facts] = await Promise.all([
    run(EVENTS_TIMELINE_QUERY, params, { maxRows: request.limit }),
    run(factsTimelineQuery(types), params, { maxRows: request.limit }),
  ]);
  return timelineOf(events, facts, request.limit);
}
