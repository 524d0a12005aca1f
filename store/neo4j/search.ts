import type { GraphNode } from '../../shared/graph.js';
import { badRequest } from '../../shared/errors.js';
import { luceneQuery, rankEntries, searchWords } from '../search-rank.js';
import type { Runner, SearchRequest, SearchResult } from '../store.js';
import { ENTITY_SEARCH_INDEX } from './schema.js';

/** Candidates from the full-text index (the user's words as escaped terms, in a parameter), best Lucene score first. */
export const SEARCH_QUERY =
  `CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', $query, {limit: $pool}) YIELD node, score ` +
  'WHERE size($labels) = 0 OR any(l IN labels(node) WHERE l IN $labels) RETURN node ORDER BY score DESC, node.id';

/** The index finds candidates; the shared rule keeps and orders them, as on Kùzu. */
export async function search(run: Runner, request: SearchRequest): Promise<SearchResult> {
  if (!searchWords(request.text).length) throw badRequest('q must contain at least one letter or digit');
  // Lucene's order is not the shared rule's: ask for more than the page so the rule can reorder them.
  const pool = Math.max(request.limit * 10, 100);
  const r = await run(SEARCH_QUERY, { query: luceneQuery(request.text), pool, labels: [...request.labels] }, { maxRows: pool });
  const nodes = r.rows.map((row) => row.node) as unknown as GraphNode[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const entries = nodes.map((n) => ({
    id: n.id,
    label: n.label,
    name: String(n.properties.name ?? ''),
    aliases: Array.isArray(n.properties.aliases) ? n.properties.aliases.map(String) : [],
  }));
  const { ranked, truncated } = rankEntries(entries, request.text, request.limit, request.labels);
  return { hits: ranked.map((h) => ({ node: byId.get(h.entry.id)!, score: h.score, matched: h.matched })), truncated: truncated || nodes.length >= pool };
}
