import type { Health, Runner } from '../store.js';

export async function health(run: Runner, location: string): Promise<Health> {
  try {
    const nodes = await run('MATCH (n) RETURN count(n) AS c');
    const rels = await run('MATCH ()-[r]->() RETURN count(r) AS c');
    return { ok: true, engine: 'kuzu', location, nodes: Number(nodes.rows[0].c), relationships: Number(rels.rows[0].c) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, engine: 'kuzu', location, nodes: 0, relationships: 0, message };
  }
}
