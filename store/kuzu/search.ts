import type { PlainValue } from '../../shared/graph.js';
import { badRequest } from '../../shared/errors.js';
import { isNodeLabel, type NodeLabel } from '../../shared/schema.js';
import { searchWords, type SearchEntry } from '../search-rank.js';
import { SearchIndex } from '../search-index.js';
import type { Runner, SearchRequest, SearchResult } from '../store.js';
import type { BuildScan } from './build-lanes.js';
import { nodesByIds } from './match.js';

/** Every node's id, label, name and aliases: what the index holds. */
const SEARCH_ENTRIES_QUERY = 'MATCH (n) RETURN n.id AS id, label(n) AS label, n.name AS name, n.aliases AS aliases';

export function toSearchEntry(r: Record<string, PlainValue | undefined>): SearchEntry {
  return { id: String(r.id), label: String(r.label), name: String(r.name ?? ''), aliases: Array.isArray(r.aliases) ? r.aliases.map(String) : [] };
}

/** The word index of every node's names, each row added as it is read. */
export async function buildSearchIndex(scan: BuildScan): Promise<SearchIndex> {
  const index = new SearchIndex();
  await scan(SEARCH_ENTRIES_QUERY, (row) => index.add([toSearchEntry(row)]));
  return index;
}

/**
 * Kùzu's full-text extension is not available offline: the adapter keeps the
 * names in a word index in memory (`index`, kept in step with its writes) and
 * the shared rule ranks the candidates; only the hits' nodes are read from the database.
 */
export async function search(run: Runner, index: () => Promise<SearchIndex>, request: SearchRequest): Promise<SearchResult> {
  if (!searchWords(request.text).length) throw badRequest('q must contain at least one letter or digit');
  const { ranked, truncated } = (await index()).search(request.text, request.limit, request.labels);
  if (!ranked.length) return { hits: [], truncated: false };
  // Each hit by its table's primary key: a label-less match would scan every node table.
  const idsByLabel = new Map<NodeLabel, string[]>();
  for (const r of ranked) if (isNodeLabel(r.entry.label)) idsByLabel.set(r.entry.label, [...(idsByLabel.get(r.entry.label) ?? []), r.entry.id]);
  const found = await Promise.all([...idsByLabel].map(([label, ids]) => nodesByIds(run, label, ids)));
  const byId = new Map(found.flat().map((n) => [n.id, n]));
  // A node deleted since the names were read is left out.
  const hits = ranked.flatMap((r) => {
    const node = byId.get(r.entry.id);
    return node ? [{ node, score: r.score, matched: r.matched }] : [];
  });
  return { hits, truncated };
}
