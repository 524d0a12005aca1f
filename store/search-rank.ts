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

/**
 * A name's score from how the query's words met its words: `matched` query
 * words found one (`quality` the sum of their best `wordScore`s) among the
 * name's `wordCount` words, and whether its normal form equals the query or
 * starts with it. 0 when no query word matched.
 */
export function combinedScore(matched: number, quality: number, wordCount: number, equal: boolean, startsWith: boolean): number {
  if (matched === 0) return 0;
  // Then names the words cover more of: the alias "Lavrov" before "talks between Choe and Lavrov".
  const coverage = Math.round((10 * Math.min(matched, wordCount)) / wordCount);
  return (equal ? 1000 : 0) + (startsWith ? 100 : 0) + matched * 20 + quality * 2 + coverage;
}

/** An entry's score from its best name's: entities before articles when equally good (analysts look for actors first). */
export function entryScore(label: string, bestNameScore: number): number {
  return label === 'Article' ? bestNameScore - 5 : bestNameScore;
}

function nameScore(name: string, q: string, queryWords: readonly string[]): number {
  const normal = normalizeText(name);
  const words = normal.split(' ').filter(Boolean);
  let matched = 0;
  let quality = 0;
  for (const qw of queryWords) {
    let best = 0;
    for (const w of words) best = Math.max(best, wordScore(qw, w));
    if (best > 0) matched++;
    quality += best;
  }
  return combinedScore(matched, quality, words.length, normal === q, normal.startsWith(q));
}

/**
 * The entry's best name or alias for the query, or null when none matches:
 * the rule itself, a name at a time, which the word index answers the same as.
 */
export function scoreEntry(entry: SearchEntry, text: string): RankedEntry | null {
  const queryWords = searchWords(text);
  const q = queryWords.join(' ');
  let best: RankedEntry | null = null;
  for (const name of [entry.name, ...entry.aliases]) {
    const score = nameScore(name, q, queryWords);
    if (score > 0 && (!best || score > best.score || (score === best.score && name.length < best.matched.length))) best = { entry, score, matched: name };
  }
  if (best) best.score = entryScore(entry.label, best.score);
  return best;
}

/** `localeCompare` with the default locale and options, as one collator: the same order, without looking the locale up at each call. */
const byLocale = new Intl.Collator().compare;

/** Best first, then by name, then id: the one order of search results. */
export function byRank(a: RankedEntry, b: RankedEntry): number {
  return compareRanked(a.score, a.entry.name, a.entry.id, b.score, b.entry.name, b.entry.id);
}

/** `byRank` on the parts it reads, for a ranking that has not made its entries yet. */
export function compareRanked(scoreA: number, nameA: string, idA: string, scoreB: number, nameB: string, idB: string): number {
  return scoreB - scoreA || byLocale(nameA, nameB) || byLocale(idA, idB);
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
