import type { TimelineItem, TimelineResponse } from '../../shared/api.js';
import type { GraphEdge } from '../../shared/graph.js';
import { FACT_TYPES } from '../../store/cypher-names.js';
import type { Store, TimelineEntry } from '../../store/store.js';

function title(entry: TimelineEntry, names: Map<string, string>): string {
  const e = entry.element;
  if (entry.kind === 'event') return String(e.properties.name);
  const r = e as GraphEdge;
  return String(r.properties.summary ?? `${names.get(r.source)} ${r.type} ${names.get(r.target)}`);
}

/**
 * Events and facts whose date or date range overlaps [from, to], sorted by date, capped at `limit` items.
 * Each item names its node or edge by id; the element itself is in `graph` (the store's timeline
 * graph holds every entry's node or edge), so a week of 500 facts is not sent twice.
 */
export async function timeline(store: Store, from: string | null, to: string | null, limit: number): Promise<TimelineResponse> {
  const r = await store.timeline({ from, to, limit, types: FACT_TYPES });
  const names = new Map(r.graph.nodes.map((n) => [n.id, String(n.properties.name ?? n.id)]));
  const items: TimelineItem[] = r.entries.map((entry) => ({
    date: entry.date,
    dateTo: entry.dateTo,
    datePrecision: entry.datePrecision,
    kind: entry.kind,
    id: entry.element.id,
    title: title(entry, names),
  }));
  return { from, to, items, graph: r.graph, truncated: r.truncated };
}
