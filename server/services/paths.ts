import type { PathsResponse } from '../../shared/api.js';
import { mergeGraphs, type Graph } from '../../shared/graph.js';
import type { RelType } from '../../shared/schema.js';
import { badRequest } from '../../shared/errors.js';
import type { Store } from '../../store/store.js';
import { FACT_TYPES, findNode, typeFilter } from './graph.js';

export const MAX_ALL_PATHS_HOPS = 4;

/** The shortest undirected path between two nodes; an empty list when none exists within maxHops. */
export async function shortestPath(store: Store, from: string, to: string, maxHops: number, types: readonly RelType[]): Promise<PathsResponse> {
  await Promise.all([findNode(store, from), findNode(store, to)]);
  // Article mentions would make every two entities of one article neighbours: facts only unless asked.
  const path = await store.shortestPath(from, to, maxHops, types.length ? types : FACT_TYPES);
  return { paths: path ? [path] : [], graph: path ?? { nodes: [], edges: [] }, truncated: false };
}

function isSimple(path: Graph): boolean {
  return new Set(path.nodes.map((n) => n.id)).size === path.nodes.length;
}

/** All simple undirected paths of 1..maxHops between two nodes, shortest first, capped at `limit`. */
export async function allPaths(store: Store, from: string, to: string, maxHops: number, types: readonly RelType[], limit: number): Promise<PathsResponse> {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_ALL_PATHS_HOPS)
    throw badRequest(`maxHops must be an integer from 1 to ${MAX_ALL_PATHS_HOPS} for all paths`, { param: 'maxHops' });
  await Promise.all([findNode(store, from), findNode(store, to)]);
  // The hop bound is a validated integer and the types come from the schema: only they are spelled into the query.
  const pool = limit * 10;
  const r = await store.run(
    `MATCH p = (a {id: $from})-[${typeFilter(types.length ? types : FACT_TYPES)}*1..${maxHops}]-(b {id: $to}) RETURN p LIMIT $pool`,
    { from, to, pool },
    { maxRows: pool },
  );
  const paths = r.rows
    .map((row) => row.p as unknown as Graph)
    .filter(isSimple)
    .sort((a, b) => a.edges.length - b.edges.length);
  const kept = paths.slice(0, limit);
  return { paths: kept, graph: mergeGraphs(...kept), truncated: paths.length > limit || r.truncated };
}
