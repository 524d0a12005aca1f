import type { GraphNode } from '../../shared/graph.js';
import { badRequest } from '../../shared/errors.js';
import { isNodeLabel } from '../../shared/schema.js';
import { luceneQuery, rankEntries, searchWords } from '../search-rank.js';
import type { Runner, SearchRequest, SearchResult } from '../store.js';
import { ANY_LABEL } from './match.js';
import { ENTITY_SEARCH_INDEX } from './schema.js';

/**
 * Candidates from the full-text index (the user's words as escaped terms, in
 * a parameter), best Lucene score first: only what the ranking reads (id,
 * label, name, aliases), not the nodes whole, which for articles carry their
 * whole text.
 */
export const SEARCH_QUERY =
  `CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', $query, {limit: $pool}) YIELD node, score ` +
  'WHERE size($labels) = 0 OR any(l IN labels(node) WHERE l IN $labels) ' +
  'RETURN node.id AS id, labels(node) AS labels, node.name AS name, node.aliases AS aliases ORDER BY score DESC, node.id';

/** The page's nodes whole, each through its label's uniqueness constraint. */
export const SEARCH_PAGE_QUERY = `UNWIND $ids AS id MATCH (n:${ANY_LABEL} {id: id}) RETURN n`;

/** The index finds candidates; the shared rule keeps and orders them, as on Kùzu; only the page is read whole. */
export async function search(run: Runner, request: SearchRequest): Promise<SearchResult> {
  if (!searchWords(request.text).length) throw badRequest('q must contain at least one letter or digit');
  // Lucene's order is not the shared rule's: ask for more than the page so the rule can reorder them.
  const pool = Math.max(request.limit * 10, 100);
  const r = await run(SEARCH_QUERY, { query: luceneQuery(request.text), pool, labels: [...request.labels] }, { maxRows: pool });
  const entries = r.rows.map((row) => {
    const labels = Array.isArray(row.labels) ? row.labels.map(String) : [];
    return {
      id: String(row.id),
      // As the converter labels a node: a schema label first when it has several.
      label: labels.find((l) => isNodeLabel(l)) ?? labels[0] ?? '',
      name: String(row.name ?? ''),
      aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [],
    };
  });
  const { ranked, truncated } = rankEntries(entries, request.text, request.limit, request.labels);
  const ids = ranked.map((h) => h.entry.id);
  const page = ids.length ? await run(SEARCH_PAGE_QUERY, { ids }, { maxRows: ids.length }) : { rows: [] };
  const byId = new Map((page.rows.map((row) => row.n) as unknown as GraphNode[]).map((n) => [n.id, n]));
  // A node deleted between the two reads is left out rather than answered without its properties.
  const hits = ranked.flatMap((h) => {
    const node = byId.get(h.entry.id);
    return node ? [{ node, score: h.score, matched: h.matched }] : [];
  });
  return { hits, truncated: truncated || r.rows.length >= pool };
}
