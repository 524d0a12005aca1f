import type { CypherRequest, QueryResponse } from '../../shared/api.js';
import { badRequest, JejakError, queryTimeout } from '../../shared/errors.js';
import type { Store } from '../../store/store.js';
import { guardAdHocCypher, type CypherTextLimits } from './cypher-guard.js';

export interface CypherLimits {
  timeoutMs: number;
  maxRows: number;
  text: CypherTextLimits;
}

/**
 * Ad-hoc Cypher, read-only, behind walls that each refuse on their own: an
 * allow-list decided on Neo4j's parse tree (reading clauses, read-only
 * functions and procedures, nothing that touches files), the engine's own
 * verdict on the plan (Neo4j: EXPLAIN's query type; Kùzu: the plan's operators;
 * a plan that cannot be made refuses the query), and a read-mode transaction
 * for the run itself.
 */
export async function runAdHoc(store: Store, request: CypherRequest, limits: CypherLimits): Promise<QueryResponse> {
  const query = request.query.trim().replace(/;\s*$/, '');
  if (!query) throw badRequest("body field 'query' is empty: send one Cypher statement", { param: 'query' });
  await guardAdHocCypher(query, limits.text);
  const params = request.params ?? {};
  const timeoutMs = Math.min(request.timeoutMs ?? limits.timeoutMs, limits.timeoutMs);
  const maxRows = Math.min(request.maxRows ?? limits.maxRows, limits.maxRows);
  const planned = performance.now();
  await store.assertReadOnly(query, params);
  // Planning counts against the timeout (Kùzu evaluates constant expressions while it plans).
  const left = Math.max(1, Math.round(timeoutMs - (performance.now() - planned)));
  const started = performance.now();
  const result = await store.run(query, params, { mode: 'read', timeoutMs: left, maxRows }).catch((err: unknown) => {
    // The timeout the client asked for, not what was left of it after planning.
    throw err instanceof JejakError && err.code === 'QUERY_TIMEOUT' ? queryTimeout(timeoutMs) : err;
  });
  return { engine: store.engine, ...result, elapsedMs: Math.round(performance.now() - started) };
}
