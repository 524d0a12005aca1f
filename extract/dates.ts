/**
 * Date expressions in Indonesian and English news text, resolved against the
 * article's publication date.
 *
 * Rules (documented once, here):
 * - Absolute dates ("19 Juni 2024", "(12/11/2024)" as DD/MM/YYYY, "June 19, 2024")
 *   → precision 'day'. "Juni 2024" → 'month'; "tahun 2000" / "in 2000" → 'year'.
 * - A weekday ("pada hari Senin", "Rabu", "on Monday") → the most recent such day
 *   on or before the article date, precision 'day'.
 * - A month without a year ("pada bulan Juni", "Juni", "in June") → the most recent
 *   such month not after the article's month; with "lalu"/"last" ("Juni lalu",
 *   "last June") the month must lie strictly before the article's month.
 * - "pekan lalu" / "minggu lalu" / "last week": the schema knows only day, month
 *   and year precision, so a week is recorded as precision 'month' with `date` the
 *   first day of the month in which that week's Monday falls; `from`/`to` carry the
 *   exact Monday–Sunday range and the note says so.
 * - "bulan lalu" → previous month ('month'); "tahun lalu" → previous year ('year');
 *   "kemarin"/"yesterday" → the day before; "hari ini"/"today" → the article date.
 * - Without an article date, every relative expression resolves to date null with a
 *   note saying why: the extractor never guesses.
 */

export type { DatePrecision } from '../shared/api.js';
import type { DatePrecision } from '../shared/api.js';

export interface ResolvedDate {
  date: string | null;
  precision: DatePrecision | null;
  note: string;
  /** Exact range when the expression names a period finer than its precision (a week). */
  from?: string;
  to?: string;
}

export interface DateMention extends ResolvedDate {
  /** The expression as it appears in the sentence. */
  text: string;
  /** Offset of `text` in the sentence. */
  index: number;
}

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, pebruari: 2, february: 2, feb: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

/** Full month names only: abbreviations are accepted only next to a day and a year. */
const FULL_MONTHS = Object.keys(MONTHS).filter((m) => m.length > 4 || ['mei', 'may', 'juni', 'june', 'juli', 'july'].includes(m));

/** JavaScript getUTCDay numbering: 0 = Sunday. */
const WEEKDAYS: Record<string, number> = {
  minggu: 0, ahad: 0, sunday: 0,
  senin: 1, monday: 1,
  selasa: 2, tuesday: 2,
  rabu: 3, wednesday: 3,
  kamis: 4, thursday: 4,
  jumat: 5, "jum'at": 5, 'jum’at': 5, friday: 5,
  sabtu: 6, saturday: 6,
};

export const MONTH_NAMES: readonly string[] = Object.keys(MONTHS);
export const WEEKDAY_NAMES: readonly string[] = Object.keys(WEEKDAYS);

export function isMonthOrWeekdayName(word: string): boolean {
  const w = word.toLowerCase();
  return w in MONTHS || w in WEEKDAYS || w === 'jumat' || w === 'jum';
}

const ALL_MONTHS_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const FULL_MONTHS_RE = FULL_MONTHS.sort((a, b) => b.length - a.length).join('|');
// "Minggu" is also the word for "week": it counts as Sunday only when written as a
// name (capitalised, see below) and not followed by lalu/ini/depan/terakhir.
const WEEKDAY_RE = "senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

interface Rule {
  re: RegExp;
  resolve: (m: RegExpExecArray, articleDate: string | null) => ResolvedDate | null;
}

// ---- calendar helpers (UTC, ISO strings) ----

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function parseIso(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function toIso(t: Date): string {
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function addDays(date: string, days: number): string {
  const t = parseIso(date);
  t.setUTCDate(t.getUTCDate() + days);
  return toIso(t);
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function weekdayKey(word: string): number | undefined {
  const w = word.toLowerCase().replace(/['’]/g, '');
  return WEEKDAYS[w];
}

/** A week as a date: the schema has no week precision, so the month holds it and the exact range rides along. */
function week(phrase: string, from: string, to: string, relation: string): ResolvedDate {
  return {
    date: `${from.slice(0, 8)}01`,
    precision: 'month',
    from,
    to,
    note: `"${phrase}": the week ${from} – ${to} ${relation}; stored with month precision (the schema has no week)`,
  };
}

function noArticleDate(phrase: string): ResolvedDate {
  return {
    date: null,
    precision: null,
    note: `"${phrase}" is relative to the publication date, which is unknown (give --date): not resolved`,
  };
}

function weekdayOnOrBefore(weekday: number, articleDate: string): string {
  const diff = (parseIso(articleDate).getUTCDay() - weekday + 7) % 7;
  return addDays(articleDate, -diff);
}

function monthNotAfter(month: number, articleDate: string, strictlyBefore: boolean): string {
  const [y, m] = articleDate.split('-').map(Number);
  const year = month < m || (month === m && !strictlyBefore) ? y : y - 1;
  return isoDate(year, month, 1);
}

// ---- rules, most specific first ----

const RULES: Rule[] = [
  {
    // "Rabu, 4 Desember 2024", "19 Juni 2024", "05 DESEMBER 2024"
    re: new RegExp(`(?:\\b(?:${WEEKDAY_RE})\\b,?\\s*)?\\b(\\d{1,2})\\s+(${ALL_MONTHS_RE})\\.?\\s+(\\d{4})\\b`, 'giu'),
    resolve: (m) => {
      const d = Number(m[1]);
      const mo = MONTHS[m[2].toLowerCase()];
      const y = Number(m[3]);
      if (!isValidDay(y, mo, d)) return null;
      return { date: isoDate(y, mo, d), precision: 'day', note: `stated: "${m[0].trim()}"` };
    },
  },
  {
    // "June 19, 2024"
    re: new RegExp(`(?:\\b(?:${WEEKDAY_RE})\\b,?\\s*)?\\b(${ALL_MONTHS_RE})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'giu'),
    resolve: (m) => {
      const mo = MONTHS[m[1].toLowerCase()];
      const d = Number(m[2]);
      const y = Number(m[3]);
      if (!isValidDay(y, mo, d)) return null;
      return { date: isoDate(y, mo, d), precision: 'day', note: `stated: "${m[0].trim()}"` };
    },
  },
  {
    // "Selasa, (12/11/2024)", "12/11/2024", "12-11-2024": Indonesian order DD/MM/YYYY
    re: new RegExp(`(?:\\b(?:${WEEKDAY_RE})\\b,?\\s*)?\\(?\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\b\\)?`, 'giu'),
    resolve: (m) => {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      const y = Number(m[3]);
      if (!isValidDay(y, mo, d)) return null;
      return { date: isoDate(y, mo, d), precision: 'day', note: `stated as DD/MM/YYYY: "${m[0].trim()}"` };
    },
  },
  {
    // ISO "2024-06-19"
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (!isValidDay(y, mo, d)) return null;
      return { date: isoDate(y, mo, d), precision: 'day', note: `stated: "${m[0]}"` };
    },
  },
  {
    // "24 Oktober", "October 24" without a year: the most recent such day not after the article's date.
    re: new RegExp(`\\b(?:(\\d{1,2})\\s+(${FULL_MONTHS_RE})|(${FULL_MONTHS_RE})\\.?\\s+(\\d{1,2}))\\b(?![,.]?\\s*\\d{4})(?!\\d)`, 'giu'),
    resolve: (m, articleDate) => {
      const monthWord = m[2] ?? m[3];
      if (monthWord[0] !== monthWord[0].toUpperCase()) return null;
      const d = Number(m[1] ?? m[4]);
      const mo = MONTHS[monthWord.toLowerCase()];
      if (d < 1 || d > 31) return null;
      if (!articleDate) return noArticleDate(m[0]);
      const [y, am, ad] = articleDate.split('-').map(Number);
      const year = mo < am || (mo === am && d <= ad) ? y : y - 1;
      if (!isValidDay(year, mo, d)) return null;
      return { date: isoDate(year, mo, d), precision: 'day', note: `"${m[0]}" without a year: the most recent one not after the article of ${articleDate}` };
    },
  },
  {
    // "Juni 2024", "September 2023", "bulan Juni 2024"
    re: new RegExp(`\\b(?:bulan\\s+)?(${FULL_MONTHS_RE})\\s+(?:tahun\\s+)?(\\d{4})\\b`, 'giu'),
    resolve: (m) => {
      const mo = MONTHS[m[1].toLowerCase()];
      const y = Number(m[2]);
      if (y < 1000) return null;
      return { date: isoDate(y, mo, 1), precision: 'month', note: `stated month: "${m[0].trim()}"` };
    },
  },
  {
    // "tahun 2000", "sejak tahun 2000", "in 2023"
    re: /\b(?:tahun|in|since|sejak)\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)/giu,
    resolve: (m) => ({ date: isoDate(Number(m[1]), 1, 1), precision: 'year', note: `stated year: "${m[0].trim()}"` }),
  },
  {
    // "pekan lalu", "minggu lalu", "akhir pekan lalu", "last week"
    re: /\b(?:(?:akhir\s+)?(?:pekan|minggu)\s+lalu|(?:last\s+week(?:end)?))\b/giu,
    resolve: (m, articleDate) => {
      if (!articleDate) return noArticleDate(m[0]);
      const thisMonday = weekdayOnOrBefore(1, articleDate);
      return week(m[0], addDays(thisMonday, -7), addDays(thisMonday, -1), `before the article of ${articleDate}`);
    },
  },
  {
    // "pekan ini", "minggu ini", "this week"
    re: /\b(?:(?:pekan|minggu)\s+ini|this\s+week)\b/giu,
    resolve: (m, articleDate) => {
      if (!articleDate) return noArticleDate(m[0]);
      const from = weekdayOnOrBefore(1, articleDate);
      const to = addDays(from, 6) < articleDate ? addDays(from, 6) : articleDate;
      return week(m[0], from, to, `of the article of ${articleDate}`);
    },
  },
  {
    // "bulan lalu", "last month"
    re: /\b(?:bulan\s+lalu|last\s+month)\b/giu,
    resolve: (m, articleDate) => {
      if (!articleDate) return noArticleDate(m[0]);
      const [y, mo] = articleDate.split('-').map(Number);
      const date = mo === 1 ? isoDate(y - 1, 12, 1) : isoDate(y, mo - 1, 1);
      return { date, precision: 'month', note: `"${m[0]}": the month before the article of ${articleDate}` };
    },
  },
  {
    // "bulan ini", "awal bulan ini", "this month"
    re: /\b(?:(?:awal\s+|akhir\s+)?bulan\s+ini|(?:earlier\s+)?this\s+month)\b/giu,
    resolve: (m, articleDate) => {
      if (!articleDate) return noArticleDate(m[0]);
      return { date: `${articleDate.slice(0, 8)}01`, precision: 'month', note: `"${m[0]}": the month of the article of ${articleDate}` };
    },
  },
  {
    // "tahun lalu", "last year"
    re: /\b(?:tahun\s+lalu|last\s+year)\b/giu,
    resolve: (m, articleDate) => {
      if (!articleDate) return noArticleDate(m[0]);
      const y = Number(articleDate.slice(0, 4)) - 1;
      return { date: isoDate(y, 1, 1), precision: 'year', note: `"${m[0]}": the year before the article of ${articleDate}` };
    },
  },
  {
    // "tahun ini", "this year"
    re: /\b(?:tahun\s+ini|this\s+year)\b/giu,
    resolve: (m, articleDate) => {
      if (!articleDate) return noArticleDate(m[0]);
      return { date: `${articleDate.slice(0, 4)}-01-01`, precision: 'year', note: `"${m[0]}": the year of the article of ${articleDate}` };
    },
  },
  {
    re: /\b(?:kemarin|yesterday)\b/giu,
    resolve: (m, articleDate) => {
      if (!articleDate) return noArticleDate(m[0]);
      return { date: addDays(articleDate, -1), precision: 'day', note: `"${m[0]}": the day before the article of ${articleDate}` };
    },
  },
  {
    re: /\b(?:hari\s+ini|today)\b/giu,
    resolve: (m, articleDate) => {
      if (!articleDate) return noArticleDate(m[0]);
      return { date: articleDate, precision: 'day', note: `"${m[0]}": the article date ${articleDate}` };
    },
  },
  {
    // "Juni lalu", "pada bulan Juni", "pada Juni", "bulan September", "in June", "last June"
    re: new RegExp(
      `\\b(?:(last)\\s+)?(?:(?:pada|in|sejak|since|awal|akhir|pertengahan)\\s+)?(?:bulan\\s+)?(${FULL_MONTHS_RE})\\b(?:\\s+(lalu))?`,
      'giu',
    ),
    resolve: (m, articleDate) => {
      const word = m[2];
      // A month name is a name: lower-case "mei"/"may" are ordinary words.
      if (word[0] !== word[0].toUpperCase()) return null;
      const mo = MONTHS[word.toLowerCase()];
      if (!articleDate) return noArticleDate(m[0].trim());
      const strictly = Boolean(m[1] || m[3]);
      const date = monthNotAfter(mo, articleDate, strictly);
      return {
        date,
        precision: 'month',
        note: `"${m[0].trim()}": the most recent ${word} ${strictly ? 'before' : 'not after'} the article of ${articleDate}`,
      };
    },
  },
  {
    // "pada hari Senin", "Rabu", "on Monday", "last Friday"
    re: new RegExp(`\\b(?:(?:pada\\s+)?hari\\s+|on\\s+|last\\s+)?(${WEEKDAY_RE})\\b(?!\\s+(?:lalu|ini|depan|terakhir|mendatang)\\b)`, 'giu'),
    resolve: (m, articleDate) => {
      const word = m[1];
      const isName = word[0] === word[0].toUpperCase();
      // "minggu" in lower case is the word "week"; other weekday words are unambiguous.
      if (!isName && /^minggu$/i.test(word)) return null;
      if (!isName && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(word)) return null;
      const wd = weekdayKey(word);
      if (wd === undefined) return null;
      if (!articleDate) return noArticleDate(m[0].trim());
      const date = weekdayOnOrBefore(wd, articleDate);
      return { date, precision: 'day', note: `"${m[0].trim()}": the ${word} on or before the article of ${articleDate}` };
    },
  },
];

/** Every date expression in a sentence, left to right, without overlaps (earlier rules win). */
export function findDates(sentence: string, articleDate: string | null): DateMention[] {
  const taken: Array<[number, number]> = [];
  const found: DateMention[] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(sentence))) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      if (overlaps(start, end)) continue;
      const resolved = rule.resolve(m, articleDate);
      if (!resolved) continue;
      taken.push([start, end]);
      found.push({ ...resolved, text: m[0].trim(), index: start + (m[0].length - m[0].trimStart().length) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Resolves one date phrase; the first expression found wins. */
export function resolveDate(phrase: string, articleDate: string | null): ResolvedDate {
  const [first] = findDates(phrase, articleDate);
  if (!first) return { date: null, precision: null, note: `no date expression recognised in "${phrase}"` };
  const { text: _text, index: _index, ...resolved } = first;
  return resolved;
}
