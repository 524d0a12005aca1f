/**
 * Kùzu's word index before its compact layout (store/search-index.ts): an
 * object per entry and per name, each name with its normal form and an array
 * of word strings, postings of entry objects, and a search that scored words
 * through a memo keyed by strings. Copied from the code it replaced, kept so
 * the bench can put its footprint and speed beside the index's on one graph.
 */
import { normalizeText } from '../../shared/graph.js';
import { best } from '../../store/search-index.js';
import { combinedScore, entryScore, FUZZY_MIN_LENGTH, searchWords, withinOneEdit, wordScore, type RankedEntry, type SearchEntry } from '../../store/search-rank.js';

interface PreparedName {
  name: string;
  normal: string;
  words: readonly string[];
}

interface PreparedEntry {
  entry: SearchEntry;
  names: readonly PreparedName[];
}

type WordScorer = (queryWord: string, word: string) => number;

function prepareEntry(entry: SearchEntry): PreparedEntry {
  return {
    entry,
    names: [entry.name, ...entry.aliases].map((name) => {
      const normal = normalizeText(name);
      return { name, normal, words: normal.split(' ').filter(Boolean) };
    }),
  };
}

function scorePrepared(prepared: PreparedEntry, queryWords: readonly string[], score: WordScorer, q: string): RankedEntry | null {
  let found: RankedEntry | null = null;
  for (const { name, normal, words } of prepared.names) {
    let matched = 0;
    let quality = 0;
    for (const qw of queryWords) {
      let top = 0;
      for (const w of words) top = Math.max(top, score(qw, w));
      if (top > 0) matched++;
      quality += top;
    }
    const s = combinedScore(matched, quality, words.length, normal === q, normal.startsWith(q));
    if (s > 0 && (!found || s > found.score || (s === found.score && name.length < found.matched.length))) found = { entry: prepared.entry, score: s, matched: name };
  }
  if (found) found.score = entryScore(prepared.entry.label, found.score);
  return found;
}

function memoWordScore(): WordScorer {
  const memo = new Map<string, Map<string, number>>();
  return (queryWord, word) => {
    let known = memo.get(queryWord);
    if (!known) memo.set(queryWord, (known = new Map()));
    let s = known.get(word);
    if (s === undefined) known.set(word, (s = wordScore(queryWord, word)));
    return s;
  };
}

export class ObjectSearchIndex {
  private readonly byId = new Map<string, PreparedEntry>();
  private readonly byWord = new Map<string, PreparedEntry[]>();
  private readonly byLength = new Map<number, string[]>();
  private sorted: string[] | null = null;

  constructor(entries: Iterable<SearchEntry>) {
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

  search(text: string, limit: number): { ranked: RankedEntry[]; truncated: boolean } {
    const queryWords = searchWords(text);
    const candidates = new Set<PreparedEntry>();
    for (const word of new Set(queryWords.flatMap((qw) => this.wordsMatching(qw)))) for (const e of this.byWord.get(word) ?? []) candidates.add(e);
    const hits: RankedEntry[] = [];
    const scorer = memoWordScore();
    const q = queryWords.join(' ');
    for (const prepared of candidates) {
      const hit = scorePrepared(prepared, queryWords, scorer, q);
      if (hit) hits.push(hit);
    }
    return { ranked: best(hits, limit), truncated: hits.length > limit };
  }

  private wordsMatching(queryWord: string): string[] {
    this.sorted ??= [...this.byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const words = this.sorted;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid] < queryWord) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < words.length && words[i].startsWith(queryWord); i++) found.push(words[i]);
    if (queryWord.length >= FUZZY_MIN_LENGTH) {
      for (let len = queryWord.length - 1; len <= queryWord.length + 1; len++) for (const w of this.byLength.get(len) ?? []) if (withinOneEdit(queryWord, w)) found.push(w);
    }
    return found;
  }
}
