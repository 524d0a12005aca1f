/**
 * An in-memory word index over the names and aliases search ranks, for an
 * engine without a usable full-text index (Kùzu's extension is not available
 * offline). Names are normalised once, when added; a query looks up only the
 * entries with a word that can match (equal or prefix from the sorted words,
 * one edit away from the distinct words of a close length) and scores those
 * with the shared rule, so it answers exactly as ranking every name would
 * (`rankEntries`), without touching the rest. Kept in step with writes by
 * `add` (new nodes); anything else rebuilds it.
 *
 * Laid out for a big graph (110,000 entries at 1M relationships): each
 * distinct word is stored once and a name is the run of its words' numbers
 * in one typed array, so an entry costs its id, its names and a few numbers,
 * not an object per name and a string per word. A search scores each word
 * the query can match once, then a candidate's names by table look-ups; a
 * name's normal form is its words joined by single spaces (what
 * `normalizeText` makes), so whether it equals or starts with the query is
 * read from the same scores.
 */
import { combinedScore, compareRanked, entryScore, FUZZY_MIN_LENGTH, searchWords, wordScore, withinOneEdit, type RankedEntry, type SearchEntry } from './search-rank.js';
import { normalizeText } from '../shared/graph.js';

/** A growable run of 32-bit integers: the index's numbers without a JS array's 8 bytes an element. */
class IntList {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** A match before its entry is read back: entry number, score, and which of its names matched. */
interface Hit {
  entry: number;
  score: number;
  name: number;
}

export class SearchIndex {
  private readonly byId = new Map<string, number>();
  /** Per entry: id, label (one string per label), and where its names start in `names`. */
  private readonly ids: string[] = [];
  private readonly labels: string[] = [];
  private readonly labelOf = new Map<string, string>();
  private readonly nameStart = new IntList();
  /** Every entry's name then aliases, as given; per name, where its words start in `wordRuns`. */
  private readonly names: string[] = [];
  private readonly wordStart = new IntList();
  private readonly wordRuns = new IntList();
  /** The distinct words, by number; per word, the entries that have it (each once, in entry order). */
  private readonly words: string[] = [];
  private readonly wordNumber = new Map<string, number>();
  private readonly postings: number[][] = [];
  /** Distinct words by length, for the one-edit look-up. */
  private readonly byLength = new Map<number, number[]>();
  /** Word numbers in the words' code-unit order, for the prefix look-up; rebuilt when words were added since. */
  private sorted: number[] | null = null;
  /** Per entry, the last search that took it as a candidate: candidates without a set. */
  private seen = new Int32Array(1024);
  private searches = 0;

  constructor(entries: Iterable<SearchEntry> = []) {
    this.nameStart.push(0);
    this.wordStart.push(0);
    this.add(entries);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds entries whose id is new; an id already indexed keeps its names (a merge never renames a node). */
  add(entries: Iterable<SearchEntry>): void {
    for (const entry of entries) {
      if (this.byId.has(entry.id)) continue;
      const e = this.ids.length;
      this.byId.set(entry.id, e);
      this.ids.push(entry.id);
      let label = this.labelOf.get(entry.label);
      if (label === undefined) this.labelOf.set(entry.label, (label = entry.label));
      this.labels.push(label);
      for (const name of [entry.name, ...entry.aliases]) {
        this.names.push(name);
        for (const word of normalizeText(name).split(' ')) if (word) this.wordRuns.push(this.wordOf(word, e));
        this.wordStart.push(this.wordRuns.length);
      }
      this.nameStart.push(this.names.length);
    }
  }

  /** Matching entries, best first, and whether more than `limit` matched: the same answer as `rankEntries` over every entry. */
  search(text: string, limit: number, labels: readonly string[] = []): { ranked: RankedEntry[]; truncated: boolean } {
    const queryWords = searchWords(text);
    // Per query word, the score of every indexed word it matches (wordScore), by word number.
    const matching = queryWords.map((qw) => this.wordsMatching(qw));
    const scores = queryWords.map((qw, i) => {
      const score = new Uint8Array(this.words.length);
      for (const w of matching[i]) score[w] = wordScore(qw, this.words[w]);
      return score;
    });
    if (this.seen.length < this.ids.length) this.seen = new Int32Array(Math.max(this.ids.length, 2 * this.seen.length));
    if (this.searches === 0x7fffffff) this.seen.fill((this.searches = 0));
    const epoch = ++this.searches;
    const hits: Hit[] = [];
    for (const words of matching) {
      for (const w of words) {
        for (const e of this.postings[w]) {
          if (this.seen[e] === epoch) continue;
          this.seen[e] = epoch;
          if (labels.length && !labels.includes(this.labels[e])) continue;
          const hit = this.scoreEntry(e, scores);
          if (hit) hits.push(hit);
        }
      }
    }
    return { ranked: this.best(hits, limit).map((h) => this.ranked(h)), truncated: hits.length > limit };
  }

  /** `scoreEntry` on an indexed entry, its names read as word numbers against the query words' scores. */
  private scoreEntry(e: number, scores: readonly Uint8Array[]): Hit | null {
    let best: Hit | null = null;
    for (let n = this.nameStart.data[e]; n < this.nameStart.data[e + 1]; n++) {
      const score = this.nameScore(n, scores);
      if (score > 0 && (!best || score > best.score || (score === best.score && this.names[n].length < this.names[best.name].length))) best = { entry: e, score, name: n };
    }
    if (best) best.score = entryScore(this.labels[e], best.score);
    return best;
  }

  /** The shared rule's name score (search-rank.ts `nameScore`, `combinedScore`) from the query words' scores of this name's words. */
  private nameScore(n: number, scores: readonly Uint8Array[]): number {
    const runs = this.wordRuns.data;
    const from = this.wordStart.data[n];
    const count = this.wordStart.data[n + 1] - from;
    let matched = 0;
    let quality = 0;
    for (const score of scores) {
      let best = 0;
      for (let i = from; i < from + count; i++) best = Math.max(best, score[runs[i]]);
      if (best > 0) matched++;
      quality += best;
    }
    if (matched === 0) return 0;
    // The normal form equals the query when the words are the query's, one for one; it starts with
    // the query when the first words are the query's and the next starts with its last word.
    const k = scores.length;
    let leading = count >= k;
    for (let i = 0; leading && i < k - 1; i++) leading = scores[i][runs[from + i]] === 3;
    const last = leading ? scores[k - 1][runs[from + k - 1]] : 0;
    return combinedScore(matched, quality, count, last === 3 && count === k, last >= 2);
  }

  /** The first `limit` hits in rank order (`best`), compared as `byRank` compares their entries. */
  private best(hits: readonly Hit[], limit: number): Hit[] {
    return firstInOrder(hits, limit, (a, b) => compareRanked(a.score, this.names[this.nameStart.data[a.entry]], this.ids[a.entry], b.score, this.names[this.nameStart.data[b.entry]], this.ids[b.entry]));
  }

  private ranked(hit: Hit): RankedEntry {
    const e = hit.entry;
    const [name, ...aliases] = this.names.slice(this.nameStart.data[e], this.nameStart.data[e + 1]);
    return { entry: { id: this.ids[e], label: this.labels[e], name, aliases }, score: hit.score, matched: this.names[hit.name] };
  }

  /** The word's number (a new one for a new word), with entry `e` added to its postings. */
  private wordOf(word: string, e: number): number {
    let w = this.wordNumber.get(word);
    if (w === undefined) {
      w = this.words.length;
      this.wordNumber.set(word, w);
      this.words.push(word);
      this.postings.push([]);
      const sameLength = this.byLength.get(word.length);
      if (sameLength) sameLength.push(w);
      else this.byLength.set(word.length, [w]);
      this.sorted = null;
    }
    const posting = this.postings[w];
    // Entries are added in order, so an entry already listed for this word is the last one.
    if (posting[posting.length - 1] !== e) posting.push(e);
    return w;
  }

  /** Numbers of the indexed words a query word matches (wordScore > 0): equal, a prefix of it, or one edit away from four letters on. */
  private wordsMatching(queryWord: string): number[] {
    const sorted = this.sortedWords();
    const found: number[] = [];
    for (let i = this.lowerBound(sorted, queryWord); i < sorted.length && this.words[sorted[i]].startsWith(queryWord); i++) found.push(sorted[i]);
    if (queryWord.length >= FUZZY_MIN_LENGTH) {
      for (let len = queryWord.length - 1; len <= queryWord.length + 1; len++) {
        for (const w of this.byLength.get(len) ?? []) if (withinOneEdit(queryWord, this.words[w])) found.push(w);
      }
    }
    return found;
  }

  private sortedWords(): number[] {
    // Plain code-unit order: what startsWith agrees with (localeCompare would not keep prefixes together).
    this.sorted ??= this.words.map((_, w) => w).sort((a, b) => (this.words[a] < this.words[b] ? -1 : this.words[a] > this.words[b] ? 1 : 0));
    return this.sorted;
  }

  /** The first place in `sorted` whose word is not below `word`. */
  private lowerBound(sorted: readonly number[], word: string): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[sorted[mid]] < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The first `limit` hits in rank order, as sorting them all would give: a
 * common surname matches thousands of names, and sorting them all (names
 * compared by locale) was most of a search's time at 1M relationships.
 */
export function best(hits: readonly RankedEntry[], limit: number): RankedEntry[] {
  return firstInOrder(hits, limit, (a, b) => compareRanked(a.score, a.entry.name, a.entry.id, b.score, b.entry.name, b.entry.id));
}

/** The first `limit` items in `order`, kept sorted as they come, without sorting them all. */
function firstInOrder<T>(items: readonly T[], limit: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === limit && (limit === 0 || order(item, kept[limit - 1]) >= 0)) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(kept[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
