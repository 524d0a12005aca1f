import type { GraphResponse, NeighboursResponse, NodeResponse, SearchResponse } from '../../shared/api.js';
import type { GraphNode } from '../../shared/graph.js';
import { REL_TYPES, type NodeLabel, type RelType } from '../../shared/schema.js';
import { badRequest, notFound } from '../../shared/errors.js';
import { FACT_TYPES } from '../../store/cypher-names.js';
import type { Direction, Store } from '../../store/store.js';

export { FACT_TYPES };

export async function overview(store: Store, limit: number, includeArticles = false): Promise<GraphResponse> {
  const r = await store.overview({ limit, types: includeArticles ? REL_TYPES : FACT_TYPES });
  return { graph: r.graph, truncated: r.truncated, total: r.total, limit };
}

export async function getNode(store: Store, id: string): Promise<NodeResponse> {
  const found = await store.node(id);
  if (!found) throw notFound(`no node with id '${id}'`);
  return found;
}

export interface NeighbourOptions {
  limit: number;
  types: readonly RelType[];
  direction: Direction;
  /** Skip this many neighbours: "+N more" pages through them. */
  offset: number;
}

/** The node with this id, or NotFound. */
export async function findNode(store: Store, id: string): Promise<GraphNode> {
  return (await getNode(store, id)).node;
}

/** Neighbours of a node, one page in a stable order, with the count per relationship type and direction so the UI can offer the rest. */
export async function neighbours(store: Store, id: string, options: NeighbourOptions): Promise<NeighboursResponse> {
  const r = await store.neighbours({ id, ...options });
  if (!r) throw notFound(`no node with id '${id}'`);
  return { graph: r.graph, counts: r.counts, total: r.total, limit: options.limit, truncated: r.truncated };
}

/** Search over names and aliases, case- and accent-insensitive, tolerant of a typo per word, ranked. */
export async function search(store: Store, rawQuery: string, limit: number, labels: readonly NodeLabel[] = []): Promise<SearchResponse> {
  const r = await store.search({ text: rawQuery, limit, labels });
  return { query: rawQuery, hits: r.hits, truncated: r.truncated };
}

export function parseRelTypes(value: unknown): RelType[] {
  if (value === undefined || value === '') return [];
  const list = (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean);
  const unknown = list.filter((t) => !(REL_TYPES as readonly string[]).includes(t));
  if (unknown.length) throw badRequest(`unknown relationship type ${unknown.join(', ')}; allowed: ${REL_TYPES.join(', ')}`, { param: 'types' });
  return list as RelType[];
}
