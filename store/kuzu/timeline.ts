/**
 * The timeline on Kùzu, through the date index (`date-index.ts`): the index
 * picks the window's first `limit` relationships in the timeline's order, and
 * only those are read, one query per relationship table part, by internal
 * offset. The common query compared every relationship's dates and sorted
 * the matches whole: 3.6 s for a week at 1M relationships.
 */
import { JejakError, storeUnavailable } from '../../shared/errors.js';
import type { GraphEdge, GraphNode } from '../../shared/graph.js';
import { REL_TYPES } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import { eventsInWindow, timeline as scanTimeline, timelineOf, windowOf } from '../common/timeline.js';
import type { Runner, Timeline, TimelineRequest } from '../store.js';
import { inLanes, int32Column, uint32Column, uint8Column, type BuildScan } from './build-lanes.js';
import { DateIndex, REL_GROUPS, dayNumber, timelineDays } from './date-index.js';

/** How long a timeline waits for the index being built before it answers with the scan instead. */
export const INDEX_WAIT_MS = 20_000;

/**
 * The fallback while an index is still being read (the first half-minute after the
 * worker starts, at 1M relationships) is the engine's own query, which on a big
 * graph can run out of the buffer pool: that is the server not ready yet, a 503 the
 * client retries, not a 400 for a request the user did not write.
 */
export function whileIndexing(operation: string, index: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof JejakError && err.code === 'BAD_QUERY' && /buffer (pool|manager)/i.test(err.message))
      throw storeUnavailable(`the ${operation}'s ${index} is still being read after the embedded engine started, and the graph is too big to answer without it; try again in a few seconds`);
    throw err;
  };
}

/** Every dated relationship's offset and days, in the timeline's order (sort day, then id); stops once `wanted` turns false. */
export async function buildDateIndex(scan: BuildScan, wanted: () => boolean = () => true): Promise<DateIndex> {
  // Read into columns (a million relationships as objects were most of the build's memory); ids only to order ties.
  const [group, sort, first, last] = [uint8Column(), int32Column(), int32Column(), int32Column()];
  const offset = uint32Column();
  const ids: string[] = [];
  await inLanes(
    REL_GROUPS.map((g, index) => async () => {
      // Labels and types come from the schema; offsets count within one (from, type, to) part of a table.
      await scan(
        `MATCH (a:${g.from})-[r:${g.type}]->(b:${g.to}) WHERE r.date IS NOT NULL OR r.dateFrom IS NOT NULL ` +
          'RETURN offset(ID(r)) AS o, r.id AS id, r.date AS d, r.dateFrom AS f, r.dateTo AS t',
        (row) => {
          const days = timelineDays(row.d, row.f, row.t);
          if (!days) return;
          group.push(index);
          offset.push(Number(row.o));
          sort.push(days.sort);
          first.push(days.first);
          last.push(days.last);
          ids.push(String(row.id));
        },
      );
    }),
    wanted,
    'the date index was dropped while it was read',
  );
  const order = Uint32Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => inTimelineOrder(sort.at(a), ids[a], sort.at(b), ids[b]));
  const pick = <A extends Uint8Array | Uint32Array | Int32Array>(column: { at(i: number): number; values(): A }): A => {
    const out = column.values();
    order.forEach((from, to) => (out[to] = column.at(from)));
    return out;
  };
  return new DateIndex({ group: pick(group), offset: pick(offset), sort: pick(sort), first: pick(first), last: pick(last) });
}

/** The timeline's order, as the common query's ORDER BY spells it (ids in code-unit order, as Kùzu compares strings). */
function inTimelineOrder(sortA: number, idA: string, sortB: number, idB: string): number {
  return sortA - sortB || (idA < idB ? -1 : idA > idB ? 1 : 0);
}

function byTimeline(a: { sort: number; id: string }, b: { sort: number; id: string }): number {
  return inTimelineOrder(a.sort, a.id, b.sort, b.id);
}

function sortDayOf(edge: GraphEdge): number {
  return timelineDays(edge.properties.date, edge.properties.dateFrom, edge.properties.dateTo)?.sort ?? Number.POSITIVE_INFINITY;
}

/**
 * Events and facts whose date or range overlaps the window: the same answer
 * as `common/timeline.ts`, which answers instead while the index is still
 * being read (`dates` gives null): a first call on a big graph must not wait
 * for the whole read.
 */
export async function timeline(run: Runner, dates: () => Promise<DateIndex | null>, request: TimelineRequest): Promise<Timeline> {
  const types = request.types.length ? request.types : REL_TYPES;
  typeFilter(types); // refuses a type outside the schema, as the common query does
  const window = windowOf(request);
  const index = await dates();
  if (!index) return scanTimeline(run, request).catch(whileIndexing('timeline', 'date index'));
  const events = eventsInWindow(run, request);
  const pick = index.window(dayNumber(window.from), dayNumber(window.to), types, request.limit);
  const [parts, eventRows] = await Promise.all([Promise.all([
    ...[...pick.indexed].map(([group, offsets]) => {
      const g = REL_GROUPS[group];
      return run(`MATCH (a:${g.from})-[r:${g.type}]->(b:${g.to}) WHERE offset(ID(r)) IN $offsets RETURN a, r, b`, { offsets });
    }),
    ...pick.side.map((s) => {
      const g = REL_GROUPS[s.group];
      return run(`MATCH (a:${g.from} {id: $from})-[r:${g.type}]->(b:${g.to} {id: $to}) WHERE r.id = $id RETURN a, r, b`, { from: s.fromId, to: s.toId, id: s.id });
    }),
  ]), events]);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const p of parts) {
    for (const n of p.graph.nodes) nodes.set(n.id, n);
    for (const e of p.graph.edges) edges.set(e.id, e);
  }
  const kept = [...edges.values()]
    .map((edge) => ({ edge, sort: sortDayOf(edge), id: edge.id }))
    .sort(byTimeline)
    .slice(0, request.limit)
    .map((k) => k.edge);
  // The nodes in row order, as the common query returns them: each edge's source, then its target.
  const ends = new Map<string, GraphNode>();
  for (const e of kept) for (const id of [e.source, e.target]) if (!ends.has(id) && nodes.has(id)) ends.set(id, nodes.get(id)!);
  return timelineOf(eventRows, { graph: { nodes: [...ends.values()], edges: kept }, truncated: false }, request.limit);
}
