import { mergeGraphs } from '../../shared/graph.js';
import type { Capped, Runner } from '../store.js';
import { ANY_LABEL } from './match.js';

export async function subgraph(run: Runner, ids: readonly string[], maxRows: number): Promise<Capped> {
  const nodes = await run(`MATCH (n:${ANY_LABEL}) WHERE n.id IN $ids RETURN n ORDER BY n.id`, { ids }, { maxRows });
  const edges = await run(`MATCH (a:${ANY_LABEL})-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN a, r, b ORDER BY r.id`, { ids }, { maxRows });
  return { graph: mergeGraphs(nodes.graph, { nodes: [], edges: edges.graph.edges }), truncated: nodes.truncated || edges.truncated };
}
