/** Pure assembly of operation results from engine rows, shared by both engines (the Cypher differs, the shape does not). */
import { type Graph, type GraphEdge, type GraphNode, type PlainValue } from '../shared/graph.js';
import { isRelType } from '../shared/schema.js';
import type { NeighbourCount, Paths, RunResult, TimelineEntry } from './store.js';

/** Per-type counts from rows `{ type, count }` of each direction, largest first. */
export function neighbourCounts(perDirection: ReadonlyArray<{ direction: 'out' | 'in'; rows: Record<string, PlainValue>[] }>): NeighbourCount[] {
  const counts = perDirection.flatMap(({ direction, rows }) =>
    rows.flatMap((row) => {
      const type = String(row.type);
      return isRelType(type) ? [{ type, direction, count: Number(row.count) }] : [];
    }),
  );
  return counts.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction));
}

const text = (v: PlainValue | undefined) => (typeof v === 'string' ? v : null);

/**
 * Where an event or a fact sits on the timeline: a range starts at its first
 * day (not at the first of the month its precision names) and says its last.
 */
function timelineDates(properties: Record<string, PlainValue>): Pick<TimelineEntry, 'date' | 'dateTo' | 'datePrecision'> {
  const from = text(properties.dateFrom);
  const to = text(properties.dateTo);
  const isRange = from !== null && to !== null && from !== to;
  return {
    date: (isRange ? from : null) ?? text(properties.date) ?? from ?? String(properties.dateTo),
    dateTo: isRange ? to : null,
    datePrecision: text(properties.datePrecision),
  };
}

/** Timeline entries of events and facts, by date then id, at most `limit`. */
export function timelineEntries(events: readonly GraphNode[], facts: readonly GraphEdge[], limit: number): { entries: TimelineEntry[]; truncated: boolean } {
  const entries: TimelineEntry[] = [
    ...events.map((e): TimelineEntry => ({ kind: 'event', ...timelineDates(e.properties), element: e })),
    ...facts.map((r): TimelineEntry => ({ kind: 'relationship', ...timelineDates(r.properties), element: r })),
  ];
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.element.id.localeCompare(b.element.id));
  return { entries: entries.slice(0, limit), truncated: entries.length > limit };
}

/** No node twice: a path of k edges through k + 1 distinct nodes (converters may list a revisited node once). */
function isSimple(path: Graph): boolean {
  return new Set(path.nodes.map((n) => n.id)).size === path.edges.length + 1;
}

const pathKey = (p: Graph) => p.edges.map((e) => e.id).join(' ');

/**
 * Collects simple paths hop count by hop count (the caller asks for 1 hop,
 * then 2, …), so shorter paths are never crowded out by longer ones; stops at
 * `limit` and says `truncated` when any query was cut or more paths remain.
 */
export async function pathsByHops(maxHops: number, limit: number, query: (hops: number, cap: number) => Promise<RunResult>): Promise<Paths> {
  const kept: Graph[] = [];
  const seen = new Set<string>();
  let truncated = false;
  for (let hops = 1; hops <= maxHops && !truncated; hops++) {
    const wanted = limit - kept.length;
    // Walks that revisit a node are dropped below, so ask for more than needed.
    const r = await query(hops, wanted * 4 + 1);
    for (const row of r.rows) {
      const path = row.p as unknown as Graph;
      if (!isSimple(path) || seen.has(pathKey(path))) continue;
      if (kept.length === limit) {
        truncated = true;
        break;
      }
      seen.add(pathKey(path));
      kept.push(path);
    }
    if (r.truncated) truncated = true;
  }
  return { paths: kept, truncated };
}
