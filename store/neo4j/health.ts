import type { Health } from '../store.js';

export const COUNT_NODES_QUERY = 'MATCH (n) RETURN count(n) AS count';
export const COUNT_RELS_QUERY = 'MATCH ()-[r]->() RETURN count(r) AS count';

/** `count` runs one counting query (the adapter uses auto-commit reads, so an unreachable server shows quickly). */
export async function health(count: (query: string) => Promise<number>, location: string): Promise<Health> {
  const base = { engine: 'neo4j' as const, location };
  try {
    const nodes = await count(COUNT_NODES_QUERY);
    const relationships = await count(COUNT_RELS_QUERY);
    return { ...base, ok: true, nodes, relationships };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ...base, ok: false, nodes: 0, relationships: 0, message };
  }
}
