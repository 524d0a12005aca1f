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
  /** Datelines at the start of paragraphs ("MOSCOW, Nov. 6, 2024 (Outlet) - "): [start, end) in `text`; no fact or date comes from them. */
  datelines: Array<[number, number]>;
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
  // English and Indonesian page furniture seen on news sites.
  /^read (?:more|also)\b/i,
  /^(?:leave|post|write) a (?:comment|reply)\b/i,
  /^your email address will not be published/i,
  /^sign in to comment/i,
  /^comments?\s*(?:\(\d+\))?$/i,
  /^comments are closed\.?$/i,
  /^share(?: this article| on \w+)?\s*:?$/i,
  /^(?:tweet|email|print|facebook|whatsapp|telegram|linkedin)$/i,
  /^(?:facebook|twitter|x|whatsapp|telegram|linkedin|email)(?:\s+(?:facebook|twitter|x|whatsapp|telegram|linkedin|email))+$/i,
  /^(?:subscribe|sign up)\b.*\b(?:newsletter|inbox)\b/i,
  /^newsletter$/i,
  /^get the .* in your inbox$/i,
  /^(?:photo(?: credit)?|foto|image|gambar)\s*:/i,
  /^copyright\b|^©|^hak cipta\b/i,
  /^(?:editor|penyunting|sumber|source)\s*:/i,
  /^(?:tulis|kirim) komentar$|^komentar(?: anda)?$|^kirim$|^nama$|^e-?mail$/i,
  /^menu$/i,
  /^updated\b/i,
];

/** A navigation line: sections split by "|" or ">" ("World | Europe | Asia", "Home > News > Asia"). */
function isNavigation(line: string): boolean {
  if (/[.!?]["”’)]?$/.test(line)) return false;
  const parts = line.split(/\s+[|>»]\s+/);
  if (parts.length < 2) return false;
  return parts.every((p) => p.trim().split(/\s+/).length <= 3);
}

/** Section words a page shows above the headline. */
const SECTION_WORDS = /^(?:berita|dunia|internasional|international|global|news|nasional|politik|world|asia|home|beranda|kabar dunia)$/i;

/** Headers of lists of unrelated headlines; everything from here on goes. */
const LIST_MARKER = /^(?:populer|terpopuler|update|berita terkait|terkini|berita lainnya|rekomendasi|baca juga:?|related(?: news| stories| headlines| articles)?|most popular|trending(?: now)?|you might also like|more from .{2,40}|popular)$/i;

/** "Rabu, 11 Februari 2026 | 19:58": the date stamp under a listed headline. */
const STAMP_LINE = /^(?:\w+,\s*)?\d{1,2}\s+\p{L}+\s+\d{4}\s*(?:\|\s*\d{1,2}[:.]\d{2}(?:\s*\p{L}+)?)?$/u;

/** A date line in a page header: weekday, date, optional time and "LAPORAN: NAME". */
const HEADER_DATE =
  /^(?:(?:published|diterbitkan|dipublikasikan)\s*:?\s*)?(?:(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*)?\(?(?:\d{1,2}[\s/.-]+(?:\p{L}+|\d{1,2})\.?[\s/.-]+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})\)?(?:\s*[|,-]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT|GMT|UTC|KST)\b)?)?/iu;

/**
 * An English-style dateline: "MOSCOW, Nov. 6, 2024 (Outlet) - ", "SEOUL - ",
 * "KYIV (Outlet) - ", "WONSAN, North Korea (Outlet) - ". The date in it is when
 * the outlet filed, not when anything happened.
 */
const CITY_DATE_LINE = /^(\p{Lu}[\p{Lu} .'’-]{2,}?)(?:,\s*(?:\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)*,?\s*)?((?:\p{L}+\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+\p{L}+\.?\s+\d{4}))?)?\s*(?:\(([^)]{2,60})\))?\s+[-–—]\s+/u;

const DATELINE = /^([A-Z][A-Za-z0-9.]*(?:\.(?:CO|COM|ID)|NEWS|COM)?(?:\.[A-Z]+)*),\s*[A-Z][\p{L} ]*?\s+[-–—]\s+/u;
const CITY_DATELINE = /^([A-Z][A-Z .]{2,}?)\s+[-–—]\s+/;
const BYLINE_REPORTER = /\|\s*(?:laporan|reporter|penulis|oleh|by)\s*:\s*(.+)$/i;
const BYLINE_LINE = /^(?:oleh|by|penulis|reporter)\s*:?\s+(.+)$/i;
const BYLINE_ROLE = /^([\p{L}.' ]{3,60}),\s*(?:jurnalis|wartawan|reporter|koresponden|kontributor|editor|journalist|correspondent)$/iu;
const SIGNOFF = /^\((?:[\p{L}.' ]{3,60}|[a-z]{2,5}(?:\/[a-z]{2,5})*)\)$/iu;
const PHOTO_CREDIT = /(?:\s*\((?:foto|photo|ilustrasi|dok)\s*:[^)]*\)|\s*\/\s*(?:net|ist|istimewa|antara|reuters|afp|ap|getty images|foto\S*)\s*)$/iu;

function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((re) => re.test(line)) || isNavigation(line);
}

/** A line that reads like a headline (no closing stop), as the teasers under "Baca juga:" do. */
function isHeadlineLike(line: string): boolean {
  return line.length < 120 && !/[.!?]["”’)]?$/.test(line);
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
  let teasers = false;

  for (const rawLine of lines) {
    let line = rawLine.trim();
    if (!line) {
      kept.push('');
      continue;
    }
    // "Baca juga:" on a line of its own: the headlines under it are teasers, up to the next sentence.
    if (teasers && isHeadlineLike(line)) {
      removed.push(line);
      continue;
    }
    teasers = false;
    if (/^(?:baca juga|read (?:more|also)|lihat juga|simak juga)\s*:?$/i.test(line)) {
      removed.push(line);
      teasers = true;
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
    const cityDate = CITY_DATE_LINE.exec(line);
    if (cityDate) {
      if (cityDate[3]) outletHint ??= cityDate[3].trim();
      if (cityDate[2] && !date) {
        const [d] = findDates(cityDate[2], null);
        if (d?.date && d.precision === 'day') {
          date = d.date;
          dateText = cityDate[2];
        }
      }
    }
    if (!headline && !ledeFirst && !credit.credit) {
      // No headline above a dateline ("TEMPO.CO, Jakarta - "): the page starts with the lede.
      const dl = DATELINE.exec(line);
      if (dl) {
        outletHint ??= dl[1];
        ledeFirst = true;
      } else if (!CITY_DATELINE.test(line) && !cityDate) headline = line;
      else ledeFirst = true;
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
  return { headline, byline, date, dateText, outletHint, text, removed, datelines: datelinesOf(text) };
}

function datelinesOf(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = CITY_DATE_LINE.exec(line) ?? DATELINE.exec(line) ?? CITY_DATELINE.exec(line);
    if (m) spans.push([offset, offset + m[0].length]);
    offset += line.length + 1;
  }
  return spans;
}

/** The lede's first sentence without its dateline, as a stand-in headline. */
function firstSentence(text: string): string {
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  const body = first.replace(DATELINE, '').replace(CITY_DATELINE, '');
  const m = /^(.+?[.!?])(?:\s|$)/u.exec(body);
  return (m ? m[1] : body).trim();
}
