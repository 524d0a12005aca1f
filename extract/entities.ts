/**
 * Finds known entities (from the curated seed) in text and proposes new ones.
 *
 * Known names and aliases match accent-, case- and hyphen-insensitively
 * (`Kim Jong-un` = `Kim Jong Un` = `Kim Jong un`), longest first, with offsets into
 * the original text. Two guards keep short aliases honest: an all-capital alias of
 * up to five letters (`AS`, `NATO`) matches only in capitals, and a capitalised
 * alias matches only where the text capitalises it too (`Barat`, not `barat`).
 *
 * New entities are runs of capitalised words that the gazetteer does not know,
 * typed by the title before them (`Menteri Luar Negeri X` → Person) or by their
 * head word (`Dewan …` → Organization, `Semenanjung …` → Place).
 */
import type { IngestProposedEntity } from '../shared/api.js';
import type { Graph } from '../shared/graph.js';
import { normalizeText } from '../shared/graph.js';
import { isNodeLabel, type NodeLabel } from '../shared/schema.js';
import { isMonthOrWeekdayName } from './dates.js';

export interface GazetteerEntity {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: readonly string[];
  /** For a capital: the state it stands for when used as an actor ("Pyongyang memberikan rudal"). */
  actsFor?: string;
  /** Roles it holds, in words ("Foreign Minister of North Korea", "Menteri Luar Negeri Korea Utara"): a title alone can then name it. */
  roles?: string[];
}

type CaseRule = 'any' | 'capital' | 'upper';

interface GazetteerEntry {
  entity: GazetteerEntity;
  caseRule: CaseRule;
  /** True when the key is the entity's own name, which wins over another entity's alias. */
  isName: boolean;
}

export interface Gazetteer {
  byKey: Map<string, GazetteerEntry[]>;
  byId: Map<string, GazetteerEntity>;
  maxTokens: number;
}

export interface EntityMention {
  /** Seed id, or null for a proposed new entity. */
  id: string | null;
  label: NodeLabel | null;
  /** Canonical name (the seed's name, or the text for a proposal). */
  name: string;
  /** The words as they appear in the text. */
  surface: string;
  start: number;
  end: number;
  /** Why a proposal got its label (the title or head word), empty for seed matches. */
  reason: string;
  /**
   * True for a known state or body that only qualifies the next name
   * ("Presiden Rusia Vladimir Putin": Rusia qualifies Putin).
   */
  modifier: boolean;
  /** Id of the event or agreement whose alias contains this name. */
  nestedIn?: string;
  /** For a pronoun, title or short form that points back to an entity: why it was read so (extract/coref.ts). */
  refersTo?: string;
  /** A name the gazetteer does not have as written, linked to a known entity that is the same (or proposed as such). */
  linked?: { id: string; name: string; reason: string; sure: boolean };
}

interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’`][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const key = normalizeText(m[0]).replace(/ /g, '');
    if (key) tokens.push({ text: m[0], key, start: m.index!, end: m.index! + m[0].length });
  }
  return tokens;
}

function caseRuleOf(alias: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  const first = alias.trim().charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) return 'capital';
  return 'any';
}

export function buildGazetteer(entities: readonly GazetteerEntity[]): Gazetteer {
  const gazetteer: Gazetteer = { byKey: new Map(), byId: new Map(), maxTokens: 1 };
  for (const entity of entities) addEntity(gazetteer, entity);
  return gazetteer;
}

/** Adds one entity's name and aliases; returns the keys it was the first to use. */
function addEntity(gazetteer: Gazetteer, entity: GazetteerEntity): string[] {
  const { byKey, byId } = gazetteer;
  const newKeys: string[] = [];
  byId.set(entity.id, entity);
  const surfaces = [entity.name, ...entity.aliases];
  for (const surface of surfaces) {
    const key = normalizeText(surface);
    if (!key) continue;
    gazetteer.maxTokens = Math.max(gazetteer.maxTokens, key.split(' ').length);
    const list = byKey.get(key) ?? [];
    if (!list.length) newKeys.push(key);
    const existing = list.find((e) => e.entity.id === entity.id);
    const entry: GazetteerEntry = { entity, caseRule: caseRuleOf(surface), isName: surface === entity.name };
    if (!existing) list.push(entry);
    else if (rank(entry.caseRule) < rank(existing.caseRule)) existing.caseRule = entry.caseRule;
    byKey.set(key, list);
  }
  return newKeys;
}

/**
 * Adds entities whose id is new to a gazetteer in place, and to its link
 * index when one was built, so a cached gazetteer follows the graph's new
 * nodes without being built again (extract/extend-gazetteer.ts adds the roles).
 */
export function addToGazetteer(gazetteer: Gazetteer, entities: readonly GazetteerEntity[]): GazetteerEntity[] {
  const fresh = entities.filter((e) => !gazetteer.byId.has(e.id));
  const index = linkIndexes.get(gazetteer);
  for (const entity of fresh) {
    const newKeys = addEntity(gazetteer, entity);
    if (index) {
      for (const k of newKeys) indexKey(index, k, entity);
      if (entity.label === 'Person') indexSurname(index, entity);
    }
  }
  return fresh;
}

function rank(rule: CaseRule): number {
  return rule === 'any' ? 0 : rule === 'capital' ? 1 : 2;
}

/**
 * The seed's entities from a graph (every node but articles). A city with a
 * LOCATED_IN edge to a state stands for that state when it acts (a capital in
 * the news: "Pyongyang menolak …").
 */
export function entitiesFromGraph(graph: Graph): GazetteerEntity[] {
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const stateOf = new Map<string, string>();
  for (const e of graph.edges) {
    if (e.type === 'LOCATED_IN' && labelOf.get(e.target) === 'State' && !stateOf.has(e.source)) stateOf.set(e.source, e.target);
  }
  return graph.nodes
    .filter((n) => n.label !== 'Article' && isNodeLabel(n.label))
    .map((n) => {
      const aliases = Array.isArray(n.properties.aliases) ? n.properties.aliases.map(String) : [];
      const name = typeof n.properties.name === 'string' ? n.properties.name : n.id;
      const roles = [n.properties.description, n.properties.role].filter((r): r is string => typeof r === 'string' && r.length > 0);
      const entity: GazetteerEntity = { id: n.id, label: n.label as NodeLabel, name, aliases, ...(roles.length ? { roles } : {}) };
      const state = stateOf.get(n.id);
      if (n.label === 'Place' && n.properties.kind === 'city' && state) entity.actsFor = state;
      return entity;
    });
}

function isCapitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isUpper(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

function passesCase(rule: CaseRule, words: Token[]): boolean {
  if (rule === 'upper') return words.every((t) => isUpper(t.text));
  if (rule === 'capital') return isCapitalised(words[0].text);
  return true;
}

/** Words of one name are joined by spaces or hyphens only, never by punctuation. */
function joined(text: string, a: Token, b: Token): boolean {
  return /^(?:[ \t\u00a0]{1,2}|[-‐‑])$/u.test(text.slice(a.end, b.start));
}

// ---- proposals ----

const PERSON_TITLES = new Set([
  'presiden', 'wakil', 'menteri', 'menlu', 'menhan', 'perdana', 'pemimpin', 'juru', 'jubir', 'kepala', 'pakar', 'analis',
  'jenderal', 'kanselir', 'raja', 'ratu', 'dubes', 'duta', 'direktur', 'ketua', 'sekretaris', 'panglima', 'komandan',
  'wartawan', 'koresponden', 'profesor', 'prof', 'dr', 'pak', 'bu', 'tuan', 'nyonya', 'diktator', 'kanselir',
  'president', 'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'leader', 'general', 'ambassador', 'chief',
  'secretary', 'expert', 'analyst', 'mr', 'mrs', 'ms', 'chancellor', 'king', 'queen', 'premier', 'envoy', 'director', 'commander',
]);
/** Words that continue a title ("Menteri Luar Negeri", "Juru bicara") and are not part of the name. */
const TITLE_PARTS = new Set([
  'luar', 'negeri', 'pertahanan', 'dalam', 'bicara', 'besar', 'jenderal', 'perdana', 'menteri', 'utama', 'urusan', 'keuangan',
  'foreign', 'defence', 'defense', 'prime', 'state', 'deputy', 'vice', 'negara', 'tertinggi', 'agung',
]);
const ORG_HEADS = new Set([
  'dewan', 'departemen', 'kementerian', 'kemlu', 'majelis', 'komisi', 'komite', 'partai', 'kantor', 'badan', 'lembaga',
  'organisasi', 'dinas', 'angkatan', 'parlemen', 'duma', 'senat', 'kongres', 'uni', 'pakta', 'aliansi', 'markas',
  'council', 'department', 'ministry', 'agency', 'party', 'office', 'assembly', 'parliament', 'committee', 'commission',
  'organization', 'organisation', 'union', 'institute', 'alliance', 'army', 'navy', 'command',
]);
const PLACE_HEADS = new Set([
  'semenanjung', 'laut', 'selat', 'pulau', 'teluk', 'gunung', 'sungai', 'provinsi', 'kota', 'wilayah', 'distrik', 'kabupaten',
  'region', 'peninsula', 'sea', 'province', 'city', 'island', 'strait', 'gulf',
]);
const PLACE_CUES = new Set(['wilayah', 'kota', 'provinsi', 'kawasan', 'daerah', 'region', 'city', 'province', 'kabupaten', 'distrik', 'desa']);
const AGREEMENT_HEADS = new Set(['perjanjian', 'traktat', 'kesepakatan', 'treaty', 'pact', 'agreement', 'accord', 'konvensi', 'convention']);
const EVENT_HEADS = new Set(['perang', 'ktt', 'konferensi', 'pertempuran', 'pemilu', 'pemilihan', 'war', 'summit', 'conference', 'battle', 'operasi', 'operation']);
/** Capitalised words that start sentences or headings but name nothing. */
const STOPWORDS = new Set([
  'pada', 'dalam', 'di', 'ke', 'dari', 'para', 'hal', 'ini', 'itu', 'ia', 'dia', 'mereka', 'kami', 'kita', 'saya', 'anda',
  'sementara', 'menurut', 'sebelumnya', 'adapun', 'namun', 'tetapi', 'tapi', 'dan', 'atau', 'jika', 'ketika', 'saat', 'selama',
  'setelah', 'sebelum', 'sejak', 'untuk', 'dengan', 'oleh', 'bahwa', 'yang', 'juga', 'apa', 'apakah', 'mengapa', 'bagaimana',
  'siapa', 'kapan', 'keduanya', 'beberapa', 'bukti', 'mengenai', 'mengutip', 'dikatakan', 'dilansir', 'laporan', 'sebagai',
  'hari', 'bulan', 'tahun', 'pekan', 'awal', 'akhir', 'kata', 'ujar', 'tulis', 'the', 'a', 'an', 'in', 'on', 'at', 'of', 'and',
  'or', 'but', 'for', 'to', 'by', 'with', 'from', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'its', 'as', 'after', 'before', 'during', 'while', 'when', 'if', 'said', 'according', 'tidak', 'belum',
  'foto', 'ilustrasi', 'sumber', 'baca', 'para', 'seorang', 'sebuah', 'setiap', 'semua', 'kedua', 'pihak', 'negara',
]);
/** Demonyms: they qualify a title or a name, they are not names ("North Korean leader Kim Jong Un"). */
const DEMONYM_WORDS = new Set(['russian', 'north', 'south', 'korean', 'american', 'ukrainian', 'chinese', 'western', 'japanese', 'soviet', 'european']);
const CONNECTORS = new Set(['bin', 'binti', 'al', 'van', 'von', 'der', 'de', 'da', 'del', 'la', 'le', 'el']);

/** Title-case headlines capitalise every word; proposals from them are noise. */
function isTitleCaseLine(line: string): boolean {
  // Headlines do not end with a full stop; a sentence full of names does.
  if (/[.!?]["”’)]?\s*$/.test(line)) return false;
  const words = line.match(TOKEN_RE) ?? [];
  if (words.length < 4) return false;
  const caps = words.filter((w) => isCapitalised(w)).length;
  return caps / words.length >= 0.6;
}

function sentenceInitial(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 4), pos);
  return pos === 0 || /(?:^|[.!?]["”’)]?\s+|\n\s*|[“"(]\s*|[:]\s+)$/u.test(before) || /\n\s*$/.test(text.slice(0, pos));
}

function lowerWordsOf(text: string): Set<string> {
  const set = new Set<string>();
  for (const m of text.matchAll(TOKEN_RE)) if (!isCapitalised(m[0])) set.add(m[0].toLowerCase());
  return set;
}

interface LabelGuess {
  label: NodeLabel | null;
  reason: string;
}

function guessLabel(words: Token[], precedingWords: string[]): LabelGuess {
  const head = words[0].key;
  if (ORG_HEADS.has(head)) return { label: 'Organization', reason: `head word "${words[0].text}"` };
  if (AGREEMENT_HEADS.has(head)) return { label: 'Agreement', reason: `head word "${words[0].text}"` };
  if (EVENT_HEADS.has(head)) return { label: 'Event', reason: `head word "${words[0].text}"` };
  if (PLACE_HEADS.has(head)) return { label: 'Place', reason: `head word "${words[0].text}"` };
  const last = precedingWords[precedingWords.length - 1];
  if (last && PLACE_CUES.has(last)) return { label: 'Place', reason: `after "${last}"` };
  const title = precedingWords.slice(-6).reverse().find((w) => PERSON_TITLES.has(w));
  if (title && words.length >= 2 && words.length <= 4) return { label: 'Person', reason: `after the title "${title}"` };
  return { label: null, reason: 'capitalised name, no title or head word' };
}

function propose(text: string, tokens: Token[], covered: boolean[], mentions: EntityMention[]): EntityMention[] {
  const lower = lowerWordsOf(text);
  const proposals: EntityMention[] = [];
  const lineOf = (pos: number) => {
    const s = text.lastIndexOf('\n', pos - 1) + 1;
    const e = text.indexOf('\n', pos);
    return text.slice(s, e < 0 ? text.length : e);
  };
  const isNameWord = (t: Token) => isCapitalised(t.text) && !isMonthOrWeekdayName(t.text);

  let i = 0;
  while (i < tokens.length) {
    // "TEMPO.CO": a web address, not a name.
    const inDomain = (t: Token) => /\.$/.test(text.slice(t.start - 1, t.start)) || /^\.\p{L}/u.test(text.slice(t.end, t.end + 2));
    if (covered[i] || !isNameWord(tokens[i]) || inDomain(tokens[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && !covered[j] && joined(text, tokens[j - 1], tokens[j])) {
      if (isNameWord(tokens[j])) j++;
      // "Kwang-chol": a lower-case part after a hyphen belongs to the name.
      else if (/^[-‐‑]$/u.test(text.slice(tokens[j - 1].end, tokens[j].start)) && /^\p{Ll}/u.test(tokens[j].text)) j++;
      else if (CONNECTORS.has(tokens[j].key) && j + 1 < tokens.length && isNameWord(tokens[j + 1]) && joined(text, tokens[j], tokens[j + 1])) j += 2;
      else break;
    }
    let run = tokens.slice(i, j);
    i = j;
    if (isTitleCaseLine(lineOf(run[0].start))) continue;
    // Drop leading stop words, titles and common words capitalised by position.
    const titleWords: string[] = [];
    while (run.length) {
      const t = run[0];
      const isCommonStart = sentenceInitial(text, t.start) && lower.has(t.text.toLowerCase());
      if (STOPWORDS.has(t.key) || isCommonStart) run = run.slice(1);
      else if (PERSON_TITLES.has(t.key) || (titleWords.length && TITLE_PARTS.has(t.key))) {
        titleWords.push(t.key);
        run = run.slice(1);
      } else break;
    }
    while (run.length && STOPWORDS.has(run[run.length - 1].key)) run = run.slice(0, -1);
    // "Russian Security Council Secretary Sergei Shoigu": the name is what follows the last title.
    const lastTitle = run.map((t) => PERSON_TITLES.has(t.key) || DEMONYM_WORDS.has(t.key)).lastIndexOf(true);
    if (lastTitle >= 0 && run.length - lastTitle - 1 >= 2 && run.length - lastTitle - 1 <= 4) {
      titleWords.push(...run.slice(0, lastTitle + 1).map((t) => t.key));
      run = run.slice(lastTitle + 1);
    }
    // Demonyms and titles alone ("North Korean", "Russian President") name nobody.
    if (run.length && !ORG_HEADS.has(run[0].key) && run.every((t) => DEMONYM_WORDS.has(t.key) || PERSON_TITLES.has(t.key) || TITLE_PARTS.has(t.key))) continue;
    if (run.length === 0) continue;
    if (run.length === 1 && sentenceInitial(text, run[0].start) && !titleWords.length) continue;
    if (run.length === 1 && run[0].text.length < 2) continue;
    const precedingText = text.slice(Math.max(0, run[0].start - 80), run[0].start);
    const preceding = precedingText.split(/[.!?\n]/).pop()!.match(TOKEN_RE)?.map((w) => normalizeText(w)) ?? [];
    const guess = guessLabel(run, preceding);
    let end = run[run.length - 1].end;
    // "Departemen Luar Negeri AS": a new body absorbs the known state it belongs to.
    if (guess.label === 'Organization') {
      const next = mentions.find((m) => m.label === 'State' && /^[ \t]{1,2}$/.test(text.slice(end, m.start)));
      if (next) {
        end = next.end;
        next.modifier = true;
      }
    }
    const surface = text.slice(run[0].start, end);
    proposals.push({ id: null, label: guess.label, name: surface.replace(/\s+/g, ' '), surface, start: run[0].start, end, reason: guess.reason, modifier: false });
  }
  return proposals;
}

/**
 * A known state or body directly followed by a person ("Presiden Rusia Vladimir
 * Putin") qualifies that person: it is not an argument of the sentence's verbs.
 */
function markModifiers(text: string, mentions: EntityMention[]): void {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k];
    const b = mentions[k + 1];
    const gap = text.slice(a.end, b.start);
    if ((a.label === 'State' || a.label === 'Organization') && b.label === 'Person' && /^[ \t]{1,2}$/.test(gap)) a.modifier = true;
    // "Dewan Federasi Rusia": a body followed by its state.
    if (a.label === 'Organization' && b.label === 'State' && /^[ \t]{1,2}$/.test(gap) && a.id !== null) b.modifier = true;
  }
}

/** Longest-first, left-to-right matching of seed names over tokens[from, to). */
function matchKnown(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  maxTokens: number,
  gazetteer: Gazetteer,
  covered: boolean[],
): EntityMention[] {
  const found: EntityMention[] = [];
  let i = from;
  while (i < to) {
    let n = Math.min(maxTokens, to - i);
    for (; n >= 1; n--) {
      const words = tokens.slice(i, i + n);
      if (!words.every((t, k) => k === 0 || joined(text, words[k - 1], t))) continue;
      const entries = gazetteer.byKey.get(words.map((t) => t.key).join(' '));
      const fitting = entries?.filter((e) => passesCase(e.caseRule, words));
      if (!fitting?.length) continue;
      const entry = fitting.find((e) => e.isName) ?? fitting[0];
      const start = words[0].start;
      const end = words[n - 1].end;
      const previous = found[found.length - 1];
      // "Pemimpin Korea Utara Kim Jong un": two names of one person, one mention.
      if (previous && previous.id === entry.entity.id && /^[ \t]{1,2}$/.test(text.slice(previous.end, start))) {
        previous.end = end;
        previous.surface = text.slice(previous.start, end);
      } else {
        found.push({ id: entry.entity.id, label: entry.entity.label, name: entry.entity.name, surface: text.slice(start, end), start, end, reason: '', modifier: false });
      }
      for (let k = i; k < i + n; k++) covered[k] = true;
      break;
    }
    i += n >= 1 ? n : 1;
  }
  return found;
}

/** Known entities and proposed new ones in `text`, in text order; nested names (see `nestedIn`) overlap their container. */
export function findEntities(text: string, gazetteer: Gazetteer): EntityMention[] {
  const tokens = tokenize(text);
  const covered = new Array<boolean>(tokens.length).fill(false);
  const known = matchKnown(text, tokens, 0, tokens.length, gazetteer.maxTokens, gazetteer, covered);
  // Names inside a longer event or agreement alias ("pertemuan … antara Kim dan
  // Putin") are still actors of the sentence: match them too, marked as nested.
  const nested: EntityMention[] = [];
  for (const outer of known) {
    if (outer.label !== 'Event' && outer.label !== 'Agreement') continue;
    const from = tokens.findIndex((t) => t.start === outer.start);
    const to = tokens.findIndex((t) => t.end === outer.end) + 1;
    if (from < 0 || to - from < 3) continue;
    const inner = matchKnown(text, tokens, from, to, to - from - 1, gazetteer, []);
    for (const m of inner) if (m.label !== 'Event' && m.label !== 'Agreement') nested.push({ ...m, nestedIn: outer.id! });
  }
  known.push(...nested);

  const proposals = propose(text, tokens, covered, known);
  // A name typed once ("Menteri Pertahanan Rusia Andrei Belousov") keeps its type elsewhere.
  const typed = new Map<string, EntityMention>();
  for (const p of proposals) if (p.label && !typed.has(normalizeText(p.name))) typed.set(normalizeText(p.name), p);
  for (const p of proposals) {
    const t = typed.get(normalizeText(p.name));
    if (!p.label && t) {
      p.label = t.label;
      p.reason = t.reason;
    }
  }
  // "Choe Sonhui": a known short alias ("Choe") and a new word after it may be one known name written differently.
  for (const p of [...proposals]) {
    const k = known.find((m) => m.label === 'Person' && m.id && /^ $/.test(text.slice(m.end, p.start)));
    if (!k) continue;
    const link = linkToKnown(text.slice(k.start, p.end), 'Person', gazetteer);
    if (!link?.sure || link.id !== k.id) continue;
    k.linked = link;
    k.surface = text.slice(k.start, p.end);
    k.end = p.end;
    k.refersTo = link.reason;
    proposals.splice(proposals.indexOf(p), 1);
  }
  linkProposals(proposals, gazetteer);
  const all = [...known, ...proposals].sort((a, b) => a.start - b.start);
  markModifiers(text, all);
  return all;
}

export type ProposedEntity = IngestProposedEntity;

const compact = (name: string) => normalizeText(name).replace(/ /g, '');

/** Edit distance up to `max` (beyond it, max + 1): names a letter apart are spelling variants. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...cur) > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

/**
 * A known entity that a new name is the same as: written without spaces or
 * hyphens ("Choe Sonhui"), a letter apart in a long name ("Zelenskyi"), or
 * the same surname with the same initial ("V. Putin"). The first two link the
 * mention; the last is only proposed, for the reviewer.
 */
interface LinkIndex {
  /** Every name and alias without spaces, hyphens or accents. */
  compact: Map<string, GazetteerEntity>;
  /** People's compact names by their first and by their last three letters, for the one-letter check. */
  peopleByEnds: Map<string, Array<{ key: string; entity: GazetteerEntity }>>;
  /** People by surname. */
  bySurname: Map<string, GazetteerEntity[]>;
}

/** Built once per gazetteer: linking runs for every new name of every article. */
const linkIndexes = new WeakMap<Gazetteer, LinkIndex>();

function linkIndexOf(gazetteer: Gazetteer): LinkIndex {
  let index = linkIndexes.get(gazetteer);
  if (index) return index;
  index = { compact: new Map(), peopleByEnds: new Map(), bySurname: new Map() };
  for (const [k, entries] of gazetteer.byKey) indexKey(index, k, entries[0].entity);
  for (const e of gazetteer.byId.values()) if (e.label === 'Person') indexSurname(index, e);
  linkIndexes.set(gazetteer, index);
  return index;
}

/** A gazetteer key in the link index, under the first entity that has it. */
function indexKey(index: LinkIndex, k: string, e: GazetteerEntity): void {
  const ck = k.replace(/ /g, '');
  if (!index.compact.has(ck)) index.compact.set(ck, e);
  if (e.label === 'Person' && ck.length >= 7) {
    for (const end of [`^${ck.slice(0, 3)}`, `$${ck.slice(-3)}`]) {
      const list = index.peopleByEnds.get(end) ?? [];
      list.push({ key: ck, entity: e });
      index.peopleByEnds.set(end, list);
    }
  }
}

function indexSurname(index: LinkIndex, e: GazetteerEntity): void {
  const parts = normalizeText(e.name).split(' ');
  const surname = parts[parts.length - 1];
  const list = index.bySurname.get(surname);
  if (list) list.push(e);
  else index.bySurname.set(surname, [e]);
}

export function linkToKnown(name: string, label: NodeLabel | null, gazetteer: Gazetteer): EntityMention['linked'] {
  const key = compact(name);
  if (key.length < 4) return undefined;
  const index = linkIndexOf(gazetteer);
  const same = index.compact.get(key);
  if (same && (!label || same.label === label)) return { id: same.id, name: same.name, reason: `"${name}" is "${same.name}" written with other spaces, hyphens or accents`, sure: true };
  if (key.length >= 8 && (!label || label === 'Person')) {
    // One letter apart: the first or the last three letters are the same.
    for (const end of [`^${key.slice(0, 3)}`, `$${key.slice(-3)}`]) {
      const near = (index.peopleByEnds.get(end) ?? []).find((p) => Math.abs(p.key.length - key.length) <= 1 && within(p.key, key, 1));
      if (near) return { id: near.entity.id, name: near.entity.name, reason: `"${name}" is one letter from "${near.entity.name}": a spelling or transliteration variant`, sure: true };
    }
  }
  const words = normalizeText(name).split(' ');
  if ((label === 'Person' || label === null) && words.length >= 2) {
    const surname = words[words.length - 1];
    const fits = (index.bySurname.get(surname) ?? []).filter((e) => normalizeText(e.name)[0] === words[0][0]);
    if (fits.length === 1) return { id: fits[0].id, name: fits[0].name, reason: `same surname "${surname}" and initial as ${fits[0].name}: probably the same person`, sure: false };
  }
  return undefined;
}

/** Proposals linked to the known entity they are: the mention takes its id when the link is sure. */
export function linkProposals(mentions: EntityMention[], gazetteer: Gazetteer): void {
  for (const m of mentions) {
    if (m.id !== null || m.refersTo) continue;
    const link = linkToKnown(m.name, m.label, gazetteer);
    if (!link) continue;
    m.linked = link;
    if (link.sure) {
      const e = gazetteer.byId.get(link.id)!;
      m.id = e.id;
      m.label = e.label;
      m.name = e.name;
      m.refersTo = link.reason;
    }
  }
}

/** Proposed entities grouped by normalised name, first occurrence first, with the short forms the article uses and any known entity they are. */
export function proposedEntities(mentions: readonly EntityMention[]): ProposedEntity[] {
  const byKey = new Map<string, ProposedEntity>();
  for (const m of mentions) {
    const linked = m.linked;
    if ((m.id !== null && !linked) || (m.refersTo && !linked)) continue;
    const name = linked?.sure ? m.surface.replace(/\s+/g, ' ') : m.name;
    // A sure link is the known entity: listed so the reviewer sees why, typed as that entity.
    const key = normalizeText(name);
    const existing = byKey.get(key);
    if (existing) {
      existing.offsets.push(m.start);
      if (!existing.label && m.label) {
        existing.label = m.label;
        existing.reason = m.reason;
      }
    } else {
      byKey.set(key, {
        name,
        label: m.label,
        reason: m.reason || (linked ? 'name not in the graph as written' : ''),
        aliases: [],
        offsets: [m.start],
        ...(linked ? { sameAs: { id: linked.id, name: linked.name, reason: linked.reason } } : {}),
      });
    }
  }
  // Short forms the article introduced ("Shoigu", "NIS") are aliases of the name they point back to.
  for (const m of mentions) {
    if (!m.refersTo || m.id !== null || m.linked) continue;
    const p = byKey.get(normalizeText(m.name));
    if (p && /shortens/.test(m.refersTo) && !p.aliases.includes(m.surface)) p.aliases.push(m.surface);
  }
  return [...byKey.values()];
}
