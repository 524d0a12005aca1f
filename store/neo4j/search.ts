import { normalizeText, type GraphNode } from '../../shared/graph.js';
import { badRequest } from '../../shared/errors.js';
import { rankHits } from '../search-rank.js';
import type { Runner, SearchRequest, SearchResult } from '../store.js';

import { ANY_LABEL } from './match.js';
/** For now a scan of the normalised names like Kùzu's, ranked by the shared rule. */
export async function search(run: Runner, request: SearchRequest): Promise<SearchResult> {
  const q = normalizeText(request.text);
  if (!q) throw badRequest('q must contain at least one letter or digit');
  const pool = Math.max(request.limit * 5, 50);
  const r = await run(`MATCH (n:${ANY_LABEL}) WHERE n.searchText CONTAINS $q RETURN n LIMIT $pool`, { q, pool }, { maxRows: pool });
  const labels = request.labels;
  const nodes = (r.rows.map((row) => row.n) as unknown as GraphNode[]).filter((n) => labels.length === 0 || (labels as readonly string[]).includes(n.label));
  const hits = rankHits(nodes, q);
  return { hits: hits.slice(0, request.limit), truncated: hits.length > request.limit || r.truncated };
}
