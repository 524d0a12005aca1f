/**
 * An in-memory word index over the names and aliases search ranks, for an
 * engine without a usable full-text index (Kùzu's extension is not available
 * offline). Names are normalised once, when added; a query looks up only the
 * entries with a word that can match (equal or prefix from the sorted words,
 * one edit away from the distinct words of a close length) and scores those
 * with the shared rule, so it answers exactly as ranking every name would
 * (`rankEntries`), without touching the rest. Kept in step with writes by
 * `add` (new nodes); anything else rebuilds it.
 */
import { byRank, FUZZY_MIN_LENGTH, memoWordScore, prepareEntry, scorePrepared, searchWords, withinOneEdit, type PreparedEntry, type RankedEntry, type SearchEntry } from './search-rank.js';

export class SearchIndex {
  private readonly byId = new Map<string, PreparedEntry>();
  private readonly byWord = new Map<string, PreparedEntry[]>();
  /** Distinct words by length, for the one-edit look-up. */
  private readonly byLength = new Map<number, string[]>();
  /** Distinct words in code-unit order, for the prefix look-up; rebuilt when words were added since. */
  private sorted: string[] | null = null;

  constructor(entries: Iterable<SearchEntry> = []) {
    this.add(entries);
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds entries whose id is new; an id already indexed keeps its names (a merge never renames a node). */
  add(entries: Iterable<SearchEntry>): void {
    for (const entry of entries) {
      if (this.byId.has(entry.id)) continue;
      const prepared = prepareEntry(entry);
      this.byId.set(entry.id, prepared);
      for (const word of new Set(prepared.names.flatMap((n) => n.words))) {
        const list = this.byWord.get(word);
        if (list) list.push(prepared);
        else {
          this.byWord.set(word, [prepared]);
          const sameLength = this.byLength.get(word.length);
          if (sameLength) sameLength.push(word);
          else this.byLength.set(word.length, [word]);
          this.sorted = null;
        }
      }
    }
  }

  /** Matching entries, best first, and whether more than `limit` matched: the same answer as `rankEntries` over every entry. */
  search(text: string, limit: number, labels: readonly string[] = []): { ranked: RankedEntry[]; truncated: boolean } {
    const queryWords = searchWords(text);
    const candidates = new Set<PreparedEntry>();
    for (const word of new Set(queryWords.flatMap((qw) => this.wordsMatching(qw)))) for (const e of this.byWord.get(word) ?? []) candidates.add(e);
    const hits: RankedEntry[] = [];
    const scorer = memoWordScore();
    const q = queryWords.join(' ');
    for (const prepared of candidates) {
      if (labels.length && !labels.includes(prepared.entry.label)) continue;
      const hit = scorePrepared(prepared, queryWords, scorer, q);
      if (hit) hits.push(hit);
    }
    return { ranked: best(hits, limit), truncated: hits.length > limit };
  }

  /** Indexed words a query word matches (wordScore > 0): equal, a prefix of it, or one edit away from four letters on. */
  private wordsMatching(queryWord: string): string[] {
    const words = this.sortedWords();
    const found: string[] = [];
    for (let i = lowerBound(words, queryWord); i < words.length && words[i].startsWith(queryWord); i++) found.push(words[i]);
    if (queryWord.length >= FUZZY_MIN_LENGTH) {
      for (let len = queryWord.length - 1; len <= queryWord.length + 1; len++) {
        for (const w of this.byLength.get(len) ?? []) if (withinOneEdit(queryWord, w)) found.push(w);
      }
    }
    return found;
  }

  private sortedWords(): string[] {
    // Plain code-unit order: what startsWith agrees with (localeCompare would not keep prefixes together).
    this.sorted ??= [...this.byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.sorted;
  }
}

/**
 * The first `limit` hits in rank order, as sorting them all would give: a
 * common surname matches thousands of names, and sorting them all (names
 * compared by locale) was most of a search's time at 1M relationships.
 */
export function best(hits: readonly RankedEntry[], limit: number): RankedEntry[] {
  const kept: RankedEntry[] = [];
  for (const hit of hits) {
    if (kept.length === limit && (limit === 0 || byRank(hit, kept[limit - 1]) >= 0)) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byRank(kept[mid], hit) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, hit);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/** The first index whose word is not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
