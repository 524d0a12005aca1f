import type { PathsResponse } from '../../shared/api.js';
import { mergeGraphs } from '../../shared/graph.js';
import type { RelType } from '../../shared/schema.js';
import { badRequest } from '../../shared/errors.js';
import type { Store } from '../../store/store.js';
import { findNode } from './graph.js';

export const MAX_ALL_PATHS_HOPS = 4;

/** The shortest undirected path between two nodes; an empty list when none exists within maxHops. */
export async function shortestPath(store: Store, from: string, to: string, maxHops: number, types: readonly RelType[]): Promise<PathsResponse> {
  await Promise.all([findNode(store, from), findNode(store, to)]);
  // Article mentions would make every two entities of one article neighbours: facts only unless asked (the store's default).
  const r = await store.paths({ from, to, mode: 'shortest', maxHops, types, limit: 1 });
  return { paths: r.paths, graph: r.paths[0] ?? { nodes: [], edges: [] }, truncated: false };
}

/** All simple undirected paths of 1..maxHops between two nodes, shortest first, capped at `limit`. */
export async function allPaths(store: Store, from: string, to: string, maxHops: number, types: readonly RelType[], limit: number): Promise<PathsResponse> {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_ALL_PATHS_HOPS)
    throw badRequest(`maxHops must be an integer from 1 to ${MAX_ALL_PATHS_HOPS} for all paths`, { param: 'maxHops' });
  await Promise.all([findNode(store, from), findNode(store, to)]);
  const r = await store.paths({ from, to, mode: 'all', maxHops, types, limit });
  return { paths: r.paths, graph: mergeGraphs(...r.paths), truncated: r.truncated };
}
