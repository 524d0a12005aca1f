import type { GraphNode, PlainValue } from '../../shared/graph.js';
import { badRequest } from '../../shared/errors.js';
import { isNodeLabel } from '../../shared/schema.js';
import { luceneQuery, rankEntries, searchWords, type SearchEntry } from '../search-rank.js';
import type { Runner, SearchRequest, SearchResult } from '../store.js';
import { ANY_LABEL } from './match.js';
import { ENTITY_SEARCH_INDEX } from './schema.js';

/**
 * Candidates from the full-text index (the user's words as escaped terms, in
 * a parameter), best Lucene score first, with what the ranking reads (id,
 * label, name, aliases) and the node whole unless it is an article, whose
 * whole text would come along for every candidate: one query answers a page
 * of entities, and only the articles that make the page are read again.
 */
export const SEARCH_QUERY =
  `CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', $query, {limit: $pool}) YIELD node, score ` +
  'WHERE size($labels) = 0 OR any(l IN labels(node) WHERE l IN $labels) ' +
  'RETURN node.id AS id, labels(node) AS labels, node.name AS name, node.aliases AS aliases, CASE WHEN node:Article THEN null ELSE node END AS whole ' +
  'ORDER BY score DESC, id';

/** Nodes whole by id, each through its label's uniqueness constraint: the page's articles. */
export const SEARCH_PAGE_QUERY = `UNWIND $ids AS id MATCH (n:${ANY_LABEL} {id: id}) RETURN n`;

/** A candidate row's id, label, name and aliases: what the shared rule ranks. */
export function candidateEntry(row: Record<string, PlainValue>): SearchEntry {
  const labels = Array.isArray(row.labels) ? row.labels.map(String) : [];
  return {
    id: String(row.id),
    // As the converter labels a node: a schema label first when it has several.
    label: labels.find((l) => isNodeLabel(l)) ?? labels[0] ?? '',
    name: String(row.name ?? ''),
    aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [],
  };
}

/** The index finds candidates; the shared rule keeps and orders them, as on Kùzu. */
export async function search(run: Runner, request: SearchRequest): Promise<SearchResult> {
  if (!searchWords(request.text).length) throw badRequest('q must contain at least one letter or digit');
  // Lucene's order is not the shared rule's: ask for more than the page so the rule can reorder them.
  const pool = Math.max(request.limit * 10, 100);
  const r = await run(SEARCH_QUERY, { query: luceneQuery(request.text), pool, labels: [...request.labels] }, { maxRows: pool });
  const whole = new Map<string, GraphNode>();
  for (const row of r.rows) if (row.whole) whole.set(String(row.id), row.whole as unknown as GraphNode);
  const entries = r.rows.map(candidateEntry);
  const { ranked, truncated } = rankEntries(entries, request.text, request.limit, request.labels);
  const articles = ranked.map((h) => h.entry.id).filter((id) => !whole.has(id));
  if (articles.length) for (const row of (await run(SEARCH_PAGE_QUERY, { ids: articles }, { maxRows: articles.length })).rows) whole.set(String((row.n as unknown as GraphNode).id), row.n as unknown as GraphNode);
  // An article deleted between the two reads is left out rather than answered without its properties.
  const hits = ranked.flatMap((h) => {
    const node = whole.get(h.entry.id);
    return node ? [{ node, score: h.score, matched: h.matched }] : [];
  });
  return { hits, truncated: truncated || r.rows.length >= pool };
}
