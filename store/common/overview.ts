/** The same Cypher on every engine (Kùzu and Neo4j spell this one alike), so one file serves both. */
import { REL_TYPES } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import type { Overview, OverviewRequest, Runner } from '../store.js';

export async function overview(run: Runner, request: OverviewRequest): Promise<Overview> {
  const rel = `[r${typeFilter(request.types.length ? request.types : REL_TYPES)}]`;
  const [edges, total] = await Promise.all([
    run(`MATCH (a)-${rel}->(b) RETURN a, r, b ORDER BY r.id LIMIT $limit`, { limit: request.limit }, { maxRows: request.limit }),
    run(`MATCH ()-${rel}->() RETURN count(r) AS c`),
  ]);
  const count = Number(total.rows[0]?.c ?? 0);
  return { graph: edges.graph, truncated: count > request.limit, total: count };
}
