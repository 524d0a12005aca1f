/**
 * Turns a saved news page into the article: headline, byline, date line and the
 * body, with the page furniture (share buttons, teasers, "popular" lists, comment
 * forms) removed. Lines are kept verbatim so quotes can be found in the result.
 */
import { findDates } from './dates.js';

export interface CleanedArticle {
  headline: string;
  byline: string | null;
  /** Publication date, YYYY-MM-DD, when the page states it. */
  date: string | null;
  /** The date as written on the page. */
  dateText: string | null;
  /** Outlet named by a dateline ("TEMPO.CO, Jakarta -") or a follow line ("… Channel Okezone"). */
  outletHint: string | null;
  /** Headline and body, one paragraph a line; candidates' offsets index into it. */
  text: string;
  /** What was dropped, line by line, for review. */
  removed: string[];
}

/** Lines that are page furniture wherever they appear. */
const BOILERPLATE: RegExp[] = [
  /^share\s*:?$/i,
  /^bagikan\s*:?$/i,
  /^follow\s+(?:whatsapp|google news|instagram|twitter|telegram)\b/i,
  /^ikuti\s+(?:kami|berita|whatsapp|google)\b/i,
  /^baca(?:\s+juga)?\s*:/i,
  /^baca\s+(?:juga|selengkapnya)\b/i,
  /^baca berita dengan sedikit iklan/i,
  /^pilihan editor\s*:/i,
  /^tinggalkan balasan$/i,
  /^alamat email anda tidak akan dipublikasikan/i,
  /^ruas yang wajib ditandai/i,
  /^back to top\b/i,
  /^sumber\s*:?$/i,
  /^halaman\s*:?\s*\d*$/i,
  /^topik(?: artikel)?\s*:/i,
  /^tags?\s*:/i,
  /^telusuri berita\b/i,
  /^selengkapnya$/i,
  /^advertisement$/i,
  /^iklan$/i,
  /^scroll to (?:continue|resume)/i,
  /^(?:berita terkait|terpopuler|populer|update|terkini|rekomendasi|related)$/i,
  /^\(?(?:foto|photo|ilustrasi)\s*:[^)]*\)?$/i,
];

/** Section words a page shows above the headline. */
const SECTION_WORDS = /^(?:berita|dunia|internasional|international|global|news|nasional|politik|world|asia|home|beranda|kabar dunia)$/i;

/** Headers of lists of unrelated headlines; everything from here on goes. */
const LIST_MARKER = /^(?:populer|terpopuler|update|berita terkait|terkini|berita lainnya|rekomendasi|baca juga|related(?: news)?|most popular|trending)$/i;

/** "Rabu, 11 Februari 2026 | 19:58": the date stamp under a listed headline. */
const STAMP_LINE = /^(?:\w+,\s*)?\d{1,2}\s+\p{L}+\s+\d{4}\s*(?:\|\s*\d{1,2}[:.]\d{2}(?:\s*\p{L}+)?)?$/u;

/** A date line in a page header: weekday, date, optional time and "LAPORAN: NAME". */
const HEADER_DATE =
  /^(?:(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*)?\(?\d{1,2}[\s/.-]+(?:\p{L}+|\d{1,2})\.?[\s/.-]+\d{4}\)?(?:\s*[|,-]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT|GMT|UTC|KST)\b)?)?/iu;

const DATELINE = /^([A-Z][A-Za-z0-9.]*(?:\.(?:CO|COM|ID)|NEWS|COM)?(?:\.[A-Z]+)*),\s*[A-Z][\p{L} ]*?\s+[-–—]\s+/u;
const CITY_DATELINE = /^([A-Z][A-Z .]{2,}?)\s+[-–—]\s+/;
const BYLINE_REPORTER = /\|\s*(?:laporan|reporter|penulis|oleh|by)\s*:\s*(.+)$/i;
const BYLINE_LINE = /^(?:oleh|by|penulis|reporter)\s*:?\s+(.+)$/i;
const BYLINE_ROLE = /^([\p{L}.' ]{3,60}),\s*(?:jurnalis|wartawan|reporter|koresponden|kontributor|editor|journalist|correspondent)$/iu;
const SIGNOFF = /^\((?:[\p{L}.' ]{3,60}|[a-z]{2,5}(?:\/[a-z]{2,5})*)\)$/iu;
const PHOTO_CREDIT = /(?:\s*\((?:foto|photo|ilustrasi|dok)\s*:[^)]*\)|\s*\/\s*(?:net|ist|istimewa|antara|reuters|afp|ap|getty images|foto\S*)\s*)$/iu;

function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((re) => re.test(line));
}

/**
 * A list marker starts a list of unrelated headlines when the lines after it are
 * headline/date-stamp pairs or more furniture (or nothing at all).
 */
function startsHeadlineList(lines: string[], i: number): boolean {
  if (!LIST_MARKER.test(lines[i].trim())) return false;
  const rest = lines.slice(i + 1).map((l) => l.trim()).filter(Boolean);
  if (rest.length === 0) return true;
  const window = rest.slice(0, 6);
  if (window.some((l) => STAMP_LINE.test(l))) return true;
  return rest.every((l) => isBoilerplate(l) || LIST_MARKER.test(l) || l.length < 60);
}

function headerDate(line: string): { date: string; dateText: string } | null {
  const m = HEADER_DATE.exec(line);
  if (!m) return null;
  const [found] = findDates(m[0], null);
  if (!found?.date || found.precision !== 'day') return null;
  return { date: found.date, dateText: m[0].trim() };
}

function stripCredit(line: string): { line: string; credit: string | null } {
  const m = PHOTO_CREDIT.exec(line);
  if (!m || m.index === 0) return { line, credit: null };
  return { line: line.slice(0, m.index).trimEnd(), credit: m[0].trim() };
}

export function cleanArticle(raw: string): CleanedArticle {
  const removed: string[] = [];
  let lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t\u00a0]+$/u, ''));

  // 1. Cut lists of unrelated headlines at the end of the page.
  const cut = lines.findIndex((_, i) => startsHeadlineList(lines, i));
  if (cut >= 0) {
    removed.push(...lines.slice(cut).filter((l) => l.trim()));
    lines = lines.slice(0, cut);
  }

  // 2. Header: section words, caption credits, headline, byline, date line.
  let headline: string | null = null;
  let byline: string | null = null;
  let date: string | null = null;
  let dateText: string | null = null;
  let outletHint: string | null = null;
  const kept: string[] = [];
  let headerDone = false;
  let contentLines = 0;
  let ledeFirst = false;

  for (const rawLine of lines) {
    let line = rawLine.trim();
    if (!line) {
      kept.push('');
      continue;
    }
    if (isBoilerplate(line)) {
      removed.push(line);
      const follow = /channel\s+(\p{L}+)/iu.exec(line);
      if (follow && /^follow/i.test(line)) outletHint ??= follow[1];
      continue;
    }
    if (SIGNOFF.test(line)) {
      removed.push(line);
      continue;
    }
    if (!headerDone && SECTION_WORDS.test(line)) {
      removed.push(line);
      continue;
    }
    if (!headerDone && !date) {
      const hd = headerDate(line);
      if (hd && line.length < 120) {
        date = hd.date;
        dateText = hd.dateText;
        const reporter = BYLINE_REPORTER.exec(line);
        if (reporter) byline ??= reporter[1].trim();
        removed.push(line);
        continue;
      }
    }
    if (!headerDone) {
      const role = BYLINE_ROLE.exec(line) ?? BYLINE_LINE.exec(line);
      if (role && headline) {
        byline ??= role[1].trim();
        removed.push(line);
        continue;
      }
    }
    const credit = stripCredit(line);
    if (credit.credit) {
      removed.push(credit.credit);
      line = credit.line;
    }
    if (!headline && !ledeFirst && !credit.credit) {
      // No headline above a dateline ("TEMPO.CO, Jakarta - "): the page starts with the lede.
      const dl = DATELINE.exec(line);
      if (dl) {
        outletHint ??= dl[1];
        ledeFirst = true;
      } else if (!CITY_DATELINE.test(line)) headline = line;
    }
    if (contentLines > 0 || !credit.credit) contentLines++;
    if (contentLines > 3 || ((headline || ledeFirst) && date)) headerDone = true;
    kept.push(credit.credit ? line : rawLine.trim());
  }

  const text = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();

  // 3. Pages without a date line (a dateline lede): the first full date near the top.
  if (!date) {
    const top = text.slice(0, 600);
    const stated = findDates(top, null).find((d) => d.precision === 'day' && d.date);
    if (stated && (outletHint || DATELINE.test(text))) {
      date = stated.date;
      dateText = stated.text;
    }
  }
  if (!headline) headline = firstSentence(text);
  return { headline, byline, date, dateText, outletHint, text, removed };
}

/** The lede's first sentence without its dateline, as a stand-in headline. */
function firstSentence(text: string): string {
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  const body = first.replace(DATELINE, '').replace(CITY_DATELINE, '');
  const m = /^(.+?[.!?])(?:\s|$)/u.exec(body);
  return (m ? m[1] : body).trim();
}
