import type { GraphNode } from '../../shared/graph.js';
import type { NodeDetail, Runner } from '../store.js';
import { nodeById } from './match.js';

export async function node(run: Runner, id: string): Promise<NodeDetail | null> {
  const r = await run(`MATCH ${nodeById('n', 'id', id)} OPTIONAL MATCH (n)-[r]-() RETURN n, count(r) AS degree`, { id });
  const found = r.rows[0]?.n as unknown as GraphNode | null | undefined;
  return found ? { node: found, degree: Number(r.rows[0].degree ?? 0) } : null;
}
