import type { Graph } from '../../../shared/graph.js';
import { badRequest } from '../../../shared/errors.js';
import type { Store } from '../../../store/store.js';
import type { SavedQueries } from '../saved-queries.js';

export const MAX_EXPORT_IDS = 10_000;

/** The nodes with these ids and every relationship among them. */
export async function subgraphOf(store: Store, ids: string[], maxRows: number): Promise<{ graph: Graph; truncated: boolean }> {
  if (ids.length > MAX_EXPORT_IDS) throw badRequest(`at most ${MAX_EXPORT_IDS} ids per export`, { param: 'ids' });
  return store.subgraph(ids, maxRows);
}

export interface ExportSource {
  ids?: string[];
  query?: { name: string; params?: Record<string, unknown> };
}

/** What to export: given ids, or the graph of a saved query's result. */
export async function exportSource(store: Store, queries: SavedQueries, source: ExportSource, limits: { timeoutMs: number; maxRows: number }) {
  if (source.ids?.length) return subgraphOf(store, source.ids, limits.maxRows);
  if (source.query) {
    const r = await queries.run(store, source.query.name, source.query.params ?? {}, limits);
    return { graph: r.graph, truncated: r.truncated };
  }
  throw badRequest("say what to export: 'ids' (node ids) or 'query' ({ name, params } of a saved query)", { param: 'ids' });
}
