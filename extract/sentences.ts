/**
 * Sentence splitting for news text. A full stop ends a sentence only before a
 * space and a capital, digit or quote; never inside a quotation, after an
 * abbreviation ("Dr.", "U.S.", "A.S.") or an initial, and never inside a number
 * ("10.000", "3.5"). Lines are paragraphs: a sentence never crosses a line break.
 */

export interface Sentence {
  text: string;
  /** Offset of `text` in the whole text. */
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'dr', 'prof', 'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'no', 'jl', 'gen', 'lt', 'col', 'kol', 'letjen', 'mayjen', 'brigjen',
  'vs', 'etc', 'eg', 'ie', 'hlm', 'tel', 'sdr', 'bpk', 'ir', 'drs', 'h', 'hj', 'kh', 'inc', 'ltd', 'co', 'corp', 'dept', 'approx',
  // Month abbreviations in dates ("Nov. 6, 2024", "Dec. 5").
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'agu', 'okt', 'des',
]);
const OPEN_QUOTES = '“‘«';
const CLOSE_QUOTES = '”’»';

function isAbbreviation(paragraph: string, dot: number): boolean {
  const m = /([\p{L}.]+)$/u.exec(paragraph.slice(0, dot));
  if (!m) return false;
  const word = m[1];
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "A.S", "a.m"
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase().replace(/\./g, ''));
}

function splitParagraph(paragraph: string, offset: number, out: Sentence[]): void {
  let depth = 0;
  let straightOpen = false;
  let start = 0;
  const push = (end: number) => {
    const raw = paragraph.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: offset + start + lead, end: offset + start + lead + text.length });
    start = end;
  };
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (OPEN_QUOTES.includes(c)) depth++;
    else if (CLOSE_QUOTES.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '"') straightOpen = !straightOpen;
    if (!'.!?'.includes(c)) continue;
    // Closing quotes and brackets after the stop belong to this sentence.
    let j = i + 1;
    while (j < paragraph.length && `"”’»)`.includes(paragraph[j])) j++;
    const closedQuote = j > i + 1;
    const next = paragraph.slice(j);
    if (next.length === 0) continue;
    // "in June 2024.The treaty": a stop with the space missing still ends a sentence,
    // when a lower-case word ends before it and a capitalised word starts after it (not "TEMPO.CO", not "detik.com").
    if (c === '.' && !closedQuote && /\p{Ll}{2}$|\d{4}$/u.test(paragraph.slice(0, i)) && /^\p{Lu}\p{Ll}/u.test(next) && depth === 0 && !straightOpen) {
      push(j);
      i = j - 1;
      continue;
    }
    if (!/^\s+["“‘(\p{Lu}\p{N}]/u.test(next)) continue;
    if (c === '.' && isAbbreviation(paragraph, i)) continue;
    const inQuote = depth > 0 || straightOpen;
    if (inQuote && !closedQuote) continue;
    if (closedQuote) {
      // The stop closed a quotation: recount what is still open.
      depth = 0;
      straightOpen = false;
    }
    push(j);
    i = j - 1;
  }
  push(paragraph.length);
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    splitParagraph(line, offset, out);
    offset += line.length + 1;
  }
  return out;
}
