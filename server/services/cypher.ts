import type { CypherRequest, QueryResponse } from '../../shared/api.js';
import { badRequest } from '../../shared/errors.js';
import type { Store } from '../../store/store.js';
import { guardAdHocCypher } from './cypher-guard.js';

export interface CypherLimits {
  timeoutMs: number;
  maxRows: number;
}

/**
 * Ad-hoc Cypher, read-only, in three layers: a lexical guard (reading clause
 * first, one statement, no file access), the engine's own verdict (Neo4j:
 * EXPLAIN's query type; Kùzu: the plan's operators inside a read-only
 * transaction), and finally a read-mode transaction for the run itself.
 */
export async function runAdHoc(store: Store, request: CypherRequest, limits: CypherLimits): Promise<QueryResponse> {
  const query = request.query.trim().replace(/;\s*$/, '');
  if (!query) throw badRequest("body field 'query' is empty: send one Cypher statement", { param: 'query' });
  guardAdHocCypher(query);
  await store.assertReadOnly(query);
  const timeoutMs = Math.min(request.timeoutMs ?? limits.timeoutMs, limits.timeoutMs);
  const maxRows = Math.min(request.maxRows ?? limits.maxRows, limits.maxRows);
  const started = performance.now();
  const result = await store.run(query, request.params ?? {}, { mode: 'read', timeoutMs, maxRows });
  return { engine: store.engine, ...result, elapsedMs: Math.round(performance.now() - started) };
}
