/**
 * What search matches and how it ranks, the same on every engine: Neo4j
 * finds candidates with its full-text index, Kùzu by scanning its names, and
 * both keep and order them with these functions, so they answer the same.
 *
 * Text is compared normalised (lower case, accents and punctuation folded).
 * A query word matches a word of a name or alias when it is equal to it, a
 * prefix of it, or (from four letters on) one edit away: a letter added,
 * dropped, changed, or two neighbours swapped ("Lavorv" → Lavrov). Any
 * query word may match ("media pemerintah KCNA" finds KCNA); names matching
 * more of the words, and better, come first.
 */
import { normalizeText } from '../shared/graph.js';

/** Query words shorter than this match only exactly or as a prefix: "as" one edit away is half the dictionary. */
export const FUZZY_MIN_LENGTH = 4;

/** What search needs of a node: its id, label, display name and aliases. */
export interface SearchEntry {
  id: string;
  label: string;
  name: string;
  aliases: readonly string[];
}

export interface RankedEntry {
  entry: SearchEntry;
  score: number;
  /** The name or alias that matched best. */
  matched: string;
}

export function searchWords(text: string): string[] {
  return normalizeText(text).split(' ').filter(Boolean);
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours (optimal string alignment). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return swapped || a.slice(i + 1) === b.slice(i + 1);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** 3 equal, 2 prefix, 1 one edit away, 0 no match. */
export function wordScore(queryWord: string, word: string): number {
  if (word === queryWord) return 3;
  if (word.startsWith(queryWord)) return 2;
  return queryWord.length >= FUZZY_MIN_LENGTH && withinOneEdit(queryWord, word) ? 1 : 0;
}

/** A name or alias with its normalised form and words, computed once: an index keeps these, the scan computes them per call. */
export interface PreparedName {
  name: string;
  normal: string;
  words: readonly string[];
}

/** An entry with its names prepared for scoring. */
export interface PreparedEntry {
  entry: SearchEntry;
  names: readonly PreparedName[];
}

export function prepareEntry(entry: SearchEntry): PreparedEntry {
  return {
    entry,
    names: [entry.name, ...entry.aliases].map((name) => {
      const normal = normalizeText(name);
      return { name, normal, words: normal.split(' ').filter(Boolean) };
    }),
  };
}

/** How well a query word matches a word: `wordScore`, or a memo of it over one search's many candidates. */
export type WordScorer = (queryWord: string, word: string) => number;

function nameScore({ normal, words }: PreparedName, q: string, queryWords: readonly string[], score: WordScorer): number {
  let matched = 0;
  let quality = 0;
  for (const qw of queryWords) {
    let best = 0;
    for (const w of words) best = Math.max(best, score(qw, w));
    if (best > 0) matched++;
    quality += best;
  }
  if (matched === 0) return 0;
  // Then names the words cover more of: the alias "Lavrov" before "talks between Choe and Lavrov".
  const coverage = Math.round((10 * Math.min(matched, words.length)) / words.length);
  return (normal === q ? 1000 : 0) + (normal.startsWith(q) ? 100 : 0) + matched * 20 + quality * 2 + coverage;
}

/** The prepared entry's best name or alias for the query words, or null when none matches. */
export function scorePrepared(prepared: PreparedEntry, queryWords: readonly string[], scorer: WordScorer = wordScore, q = queryWords.join(' ')): RankedEntry | null {
  let best: RankedEntry | null = null;
  for (const name of prepared.names) {
    const score = nameScore(name, q, queryWords, scorer);
    if (score > 0 && (!best || score > best.score || (score === best.score && name.name.length < best.matched.length))) best = { entry: prepared.entry, score, matched: name.name };
  }
  // Entities before articles when equally good: analysts look for actors first.
  if (best && prepared.entry.label === 'Article') best.score -= 5;
  return best;
}

/** The entry's best name or alias for the query, or null when none matches. */
export function scoreEntry(entry: SearchEntry, text: string): RankedEntry | null {
  return scorePrepared(prepareEntry(entry), searchWords(text));
}

/** `localeCompare` with the default locale and options, as one collator: the same order, without looking the locale up at each call. */
const byLocale = new Intl.Collator().compare;

/** Best first, then by name, then id: the one order of search results. */
export function byRank(a: RankedEntry, b: RankedEntry): number {
  return b.score - a.score || byLocale(a.entry.name, b.entry.name) || byLocale(a.entry.id, b.entry.id);
}

/** `wordScore`, remembered per (query word, word) for one search: a common surname's thousands of names share a few hundred distinct words. */
export function memoWordScore(): WordScorer {
  const memo = new Map<string, Map<string, number>>();
  return (queryWord, word) => {
    let known = memo.get(queryWord);
    if (!known) memo.set(queryWord, (known = new Map()));
    let score = known.get(word);
    if (score === undefined) known.set(word, (score = wordScore(queryWord, word)));
    return score;
  };
}

/** Matching entries, best first (then by name, then id), and whether more than `limit` matched. */
export function rankEntries(entries: Iterable<SearchEntry>, text: string, limit: number, labels: readonly string[] = []): { ranked: RankedEntry[]; truncated: boolean } {
  const hits: RankedEntry[] = [];
  for (const entry of entries) {
    if (labels.length && !labels.includes(entry.label)) continue;
    const hit = scoreEntry(entry, text);
    if (hit) hits.push(hit);
  }
  hits.sort(byRank);
  return { ranked: hits.slice(0, limit), truncated: hits.length > limit };
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** A user's word as a Lucene term: every special character escaped, so user text is never query syntax. */
export function luceneTerm(word: string): string {
  return word.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
}

/**
 * The Lucene query for the full-text index: each word equal, as a prefix, or
 * (from FUZZY_MIN_LENGTH on) one edit away; any word may match.
 */
export function luceneQuery(text: string): string {
  return searchWords(text)
    .map((w) => {
      const t = luceneTerm(w);
      return `(${[t, `${t}*`, ...(w.length >= FUZZY_MIN_LENGTH ? [`${t}~1`] : [])].join(' OR ')})`;
    })
    .join(' OR ');
}
