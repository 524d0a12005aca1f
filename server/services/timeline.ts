import type { TimelineItem, TimelineResponse } from '../../shared/api.js';
import { mergeGraphs, type GraphEdge, type GraphNode } from '../../shared/graph.js';
import type { Store } from '../../store/store.js';
import { FACT_TYPES, typeFilter } from './graph.js';

const EARLIEST = '0001-01-01';
const LATEST = '9999-12-31';

/** Events and dated relationships in [from, to], sorted by date, capped at `limit` items. */
export async function timeline(store: Store, from: string | null, to: string | null, limit: number): Promise<TimelineResponse> {
  const range = { from: from ?? EARLIEST, to: to ?? LATEST, limit };
  const events = await store.run(
    'MATCH (e:Event) WHERE e.date >= date($from) AND e.date <= date($to) RETURN e ORDER BY e.date LIMIT $limit',
    range,
    { maxRows: limit },
  );
  const rels = await store.run(
    `MATCH (a)-[r${typeFilter(FACT_TYPES)}]->(b) WHERE r.date >= date($from) AND r.date <= date($to) RETURN a, r, b ORDER BY r.date, r.id LIMIT $limit`,
    range,
    { maxRows: limit },
  );
  const names = new Map(rels.graph.nodes.map((n) => [n.id, String(n.properties.name ?? n.id)]));
  const eventItems: TimelineItem[] = (events.rows.map((r) => r.e) as unknown as GraphNode[]).map((e) => ({
    date: String(e.properties.date),
    datePrecision: (e.properties.datePrecision as string | null) ?? null,
    kind: 'event',
    id: e.id,
    title: String(e.properties.name),
    element: e,
  }));
  const relItems: TimelineItem[] = rels.graph.edges.map((r: GraphEdge) => ({
    date: String(r.properties.date),
    datePrecision: (r.properties.datePrecision as string | null) ?? null,
    kind: 'relationship',
    id: r.id,
    title: String(r.properties.summary ?? `${names.get(r.source)} ${r.type} ${names.get(r.target)}`),
    element: r,
  }));
  const items = [...eventItems, ...relItems].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return {
    from,
    to,
    items: items.slice(0, limit),
    graph: mergeGraphs(events.graph, rels.graph),
    truncated: items.length > limit || events.truncated || rels.truncated,
  };
}
