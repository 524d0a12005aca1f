/**
 * Relation patterns over one sentence at a time: Indonesian and English verbs,
 * their passive and noun forms, with subject and object taken from the entities
 * found in the same sentence.
 *
 * What yields nothing (by design; each such trigger is reported in `skipped`):
 * - negation before the verb: tidak, tak, belum, bukan, tanpa, not, never, did not …
 * - questions ("Apakah …?", "Did …?", any sentence ending in "?")
 * - conditional, future and possibility: jika/if anywhere before the verb in the
 *   sentence; akan/bakal/will/would, dapat/bisa/mungkin/could/may, harus/must just
 *   before it. A plan or a threat is not a fact: it gets no candidate rather than a
 *   low-confidence one, so a reviewer never accepts it by accident.
 * - purpose clauses ("untuk mengirim", "to send"), except a decree "to ratify".
 * Reported speech ("X mengatakan bahwa Y menandatangani …", "…, kata X") yields Y's
 * fact with lower confidence and `reportedBy: X`; "dituduh"/"diyakini"/"reportedly"
 * or an accusation ("X menuduh Y mengirim …") marks it `alleged`, lower still.
 */
import type { NodeLabel, RelType } from '../shared/schema.js';
import type { EntityMention, Gazetteer } from './entities.js';
import { splitSentences, type Sentence } from './sentences.js';

export { splitSentences, type Sentence } from './sentences.js';

export interface Arg {
  id: string | null;
  name: string;
  label: NodeLabel;
  /** How the argument was resolved when not by name (a generic noun, a capital for its state). */
  via?: string;
  /** Where in the whole text the words that gave this argument stand. */
  start?: number;
  end?: number;
}

export type { ClaimStatus } from '../shared/api.js';
import type { ClaimStatus } from '../shared/api.js';

export interface Relation {
  predicate: RelType;
  subject: Arg;
  object: Arg;
  sentence: Sentence;
  /** The verb or noun that triggered the pattern, and its offset in the whole text. */
  trigger: string;
  triggerStart: number;
  confidence: number;
  status: ClaimStatus;
  reportedBy?: string;
  notes: string[];
}

export type SkipReason = 'negated' | 'question' | 'conditional' | 'future' | 'possible' | 'obligation' | 'purpose' | 'no-subject' | 'no-object';

export interface SkippedTrigger {
  predicate: RelType;
  trigger: string;
  offset: number;
  reason: SkipReason;
  sentence: string;
}

export interface RelationResult {
  relations: Relation[];
  skipped: SkippedTrigger[];
  /** Offsets (in the whole text) of every verb seen, facts or not: dates attach to the nearest one. */
  anchors: number[];
}

const ACTORS: readonly NodeLabel[] = ['Person', 'State', 'Organization'];
const STATE: readonly NodeLabel[] = ['State'];
const PLACE_OR_STATE: readonly NodeLabel[] = ['State', 'Place'];

function words(list: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${list})(?![\\p{L}\\p{N}])`, 'giu');
}
function wordsAtEnd(list: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${list})\\s*$`, 'iu');
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
function wordList(s: string): string[] {
  return (s.match(WORD_RE) ?? []).map((w) => w.toLowerCase());
}
function wordCount(s: string): number {
  return (s.match(WORD_RE) ?? []).length;
}

// ---- cue words ----
const NEGATION = new Set(['tidak', 'tak', 'belum', 'bukan', 'tanpa', 'jangan', 'enggan', 'gagal', 'batal', 'not', 'never', 'no', "didn't", "don't", "doesn't", "hasn't", "haven't", "hadn't", "won't", "wasn't", "weren't", 'didnt', 'without', 'refused', 'failed', 'denied', 'menolak', 'membantah', 'nor']);
/** Negations that leave a claim (denied) rather than no fact: the others ("without", "refused to") say nothing happened. */
const FUTURE = new Set(['akan', 'bakal', 'hendak', 'ingin', 'mau', 'berencana', 'berniat', 'siap', 'bersiap', 'berjanji', 'mengancam', 'will', 'would', 'shall', 'plans', 'plan', 'planning', 'intends', 'intend', 'threatened', 'threatens', 'wants', 'want', 'ready', 'promised', 'pledged', 'agreed']);
const POSSIBLE = new Set(['mungkin', 'dapat', 'bisa', 'boleh', 'kemungkinan', 'could', 'may', 'might', 'can', 'possibly', 'mempertimbangkan', 'considering', 'considered']);
const OBLIGATION = new Set(['harus', 'wajib', 'mewajibkan', 'mengharuskan', 'perlu', 'must', 'should', 'obliges', 'oblige', 'required']);
const ALLEGED = new Set(['dituduh', 'dikabarkan', 'disebut', 'disebut-sebut', 'reportedly', 'allegedly', 'accused', 'alleged']);
/** Belief and expectation: the claim stays, as `believed`, even when a plan or purpose word follows ("expected to visit", "diyakini akan dikerahkan"). */
const BELIEVED = new Set(['diyakini', 'diduga', 'diperkirakan', 'diprediksi', 'believed', 'believes', 'suspected', 'expected', 'likely', 'thought', 'presumably']);
/** A denial verb anywhere before the trigger governs it ("membantah memasok", "denied that Russia had deployed"). */
const DENIAL_RE = /(?<![\p{L}])(?:membantah|menyangkal|menepis|denied|denies|deny|rejected|dismissed)(?![\p{L}])/iu;
const PURPOSE = new Set(['untuk', 'agar', 'supaya', 'guna', 'to']);
const CONDITIONAL_RE = words('jika|apabila|kalau|seandainya|bilamana|andaikan|if|unless');
const QUESTION_START = /^(?:apakah|apa|mengapa|kenapa|bagaimana|siapa|kapan|di mana|dimana|did|does|do|has|have|will|would|is|are|was|were|why|how|what|who|when|where|can|could|should)\b/i;
const CLAUSE_BREAK = /[;:,“”"()]|(?<![\p{L}])(?:bahwa|that|yang|which|who|dan|and|tetapi|namun|but|sedangkan|while)(?![\p{L}])/giu;
const PREPOSITION_BEFORE = wordsAtEnd('dengan|di|ke|dari|kepada|terhadap|antara|tentang|mengenai|melawan|atas|bagi|oleh|pada|bersama|with|to|from|in|at|against|of|by|on|between|about|than|daripada|alongside');

const TROOPS = 'pasukan|tentara|prajurit|serdadu|personel militer|unit militer|troops|soldiers|forces|military personnel';
const ARMS = 'senjata|rudal|peluru|amunisi|artileri|drone|teknologi|roket|misil|peluncur|weapons|weapon|missiles|missile|ammunition|shells|arms|rockets|drones|technology|munitions|artillery';
const GENERIC_AGREEMENT = words('perjanjian|pakta|kesepakatan|traktat|persetujuan|treaty|pact|agreement|accord|deal');
const DOCUMENT = words('dekrit|undang-undang|keputusan presiden|decree|law|bill');

// Reporting: "X mengatakan (bahwa) …", "…, kata X", "menurut X", "Dilansir dari X, …".
const REPORT_VERB = words(
  'mengatakan|menyatakan|mengungkapkan|menegaskan|menyebut|menyebutkan|melaporkan|mengklaim|mengonfirmasi|mengkonfirmasi|membenarkan|menuduh|said|says|told|stated|claimed|claims|confirmed|reported|reports|accused|accuses|alleged|alleges',
);
const ACCUSE_VERB = /^(?:menuduh|accused|accuses|alleged|alleges)$/i;
const TRAILING_ATTRIBUTION = words('kata|ujar|tutur|tulis|menurut laporan|menurut|demikian dilaporkan|dilaporkan oleh|dilaporkan|lapor|dikutip dari|according to|reported by|said');
const LEADING_ATTRIBUTION = /^(?:menurut|mengutip(?: laporan)?|dilansir(?: dari)?|according to|citing)(?![\p{L}])/iu;
const NOMINAL_REPORT = words('tuduhan|pernyataan|klaim|laporan|accusations?|claims?|statement');

interface Ctx {
  sentence: Sentence;
  text: string;
  /** Mentions inside the sentence, offsets local to the sentence, without modifiers. */
  mentions: Array<EntityMention & { ls: number; le: number }>;
  /** Local spans of modifier mentions ("Rusia" in "Presiden Rusia Vladimir Putin"). */
  modSpans: Array<[number, number]>;
  mainAgreement: Arg | null;
  actsFor: Map<string, Arg>;
  headline: boolean;
}

interface Found {
  predicate: RelType;
  subject: Arg;
  object: Arg;
  confidence: number;
  notes?: string[];
}

type HandlerResult = Found[] | SkipReason;

interface TriggerDef {
  predicate: RelType;
  re: RegExp;
  /** Cue checks (negation, modality, purpose) look just before the trigger. */
  handle: (ctx: Ctx, m: RegExpExecArray) => HandlerResult;
}

// ---- argument helpers ----

/** Titles between a verb and a name ("dengan Menteri Luar Negeri Korea Utara Choe Son Hui") do not count as distance. */
const TITLE_WORDS = words(
  'presiden|pemimpin|menteri|menlu|menhan|luar|negeri|pertahanan|wakil|juru|bicara|perdana|kepala|ketua|kanselir|jenderal|pejabat|sekretaris|dewan|keamanan|president|leader|minister|foreign|defence|defense|prime|deputy|spokesperson|spokesman|chief|secretary|security|council|the|' +
    // Demonyms qualify a title ("Russian President Vladimir Putin", "North Korean Foreign Minister Choe Son Hui").
    'russian|north korean|south korean|ukrainian|american|u\\.s\\.|chinese|korean|state media|media pemerintah',
);
const AUX = new Set(['telah', 'sudah', 'juga', 'pun', 'baru', 'sempat', 'kini', 'lalu', 'kemudian', 'sebelumnya', 'akhirnya', 'resmi', 'secara', 'has', 'had', 'have', 'also', 'already', 'then', 'officially', 'reportedly']);

/** The text between two local offsets with modifier mentions and title words blanked out. */
function gapText(ctx: Ctx, a: number, b: number): string {
  let g = ctx.sentence.text.slice(a, b);
  for (const [ms, me] of ctx.modSpans) {
    const from = Math.max(ms, a);
    const to = Math.min(me, b);
    if (from < to) g = g.slice(0, from - a) + ' '.repeat(to - from) + g.slice(to - a);
  }
  return g.replace(TITLE_WORDS, ' ');
}

function toArg(m: EntityMention, labels: readonly NodeLabel[], ctx: Ctx): Arg | null {
  if (!m.label) return null;
  if (labels.includes(m.label)) return { id: m.id, name: m.name, label: m.label, start: m.start, end: m.end, ...(m.refersTo ? { via: m.refersTo } : {}) };
  // A capital standing for its government ("Pyongyang memberikan rudal").
  if (m.label === 'Place' && m.id && labels.includes('State')) {
    const state = ctx.actsFor.get(m.id);
    if (state) return { ...state, via: `"${m.surface}" stands for ${state.name}`, start: m.start, end: m.end };
  }
  return null;
}

function sameArg(a: Arg, b: Arg): boolean {
  return a.id !== null ? a.id === b.id : a.name === b.name;
}

function uniqueArgs(args: Arg[]): Arg[] {
  return args.filter((a, i) => args.findIndex((b) => sameArg(a, b)) === i);
}

/** The actor(s) before `pos` that can be the subject: the nearest one not governed by a preposition, plus those coordinated with it. */
function subjectsBefore(ctx: Ctx, pos: number, labels: readonly NodeLabel[], maxWords = 10): Arg[] {
  const s = ctx.sentence.text;
  const before = ctx.mentions.filter((m) => m.le <= pos).sort((a, b) => b.le - a.le || a.ls - b.ls);
  for (let k = 0; k < before.length; k++) {
    const m = before[k];
    const gap = gapText(ctx, m.le, pos);
    if (wordCount(gap) > maxWords || /[;:]/.test(gap)) return [];
    const arg = toArg(m, labels, ctx);
    if (!arg) continue;
    // "… dengan Korea Utara telah mengirim …": only auxiliaries between, so it is the subject after all.
    const onlyAux = wordList(gap).every((w) => AUX.has(w));
    if (PREPOSITION_BEFORE.test(s.slice(0, m.ls)) && !onlyAux) continue;
    // "The two leaders" / "kedua pemimpin": several mentions on the same words, all subjects.
    const found = [...before.filter((p) => p !== m && p.ls === m.ls && p.le === m.le).map((p) => toArg(p, labels, ctx)).filter((a): a is Arg => a !== null).reverse(), arg];
    // Walk back over "X, Y dan Z" / "X-Y" / "X (Y)"; a bare comma only inside a list closed by "dan".
    let head = m;
    let conjunction = false;
    for (const p of before.slice(k + 1)) {
      if (p.le > head.ls) continue;
      const between = gapText(ctx, p.le, head.ls);
      const conj = /^\s*(?:,\s*)?(?:dan|and|serta|&)\s+$/iu.test(between) || /^\)\s*(?:,\s*)?(?:dan|and|serta)\s+$/iu.test(between);
      // "Rusia-Korut" joins two actors; a spaced dash is a dateline ("PYONGYANG - Pemimpin …") or an aside.
      const hyphen = /^[-–]$|^\s*\(\s*$/u.test(between);
      const comma = /^\)?\s*,\s*$/u.test(between);
      if (!(conj || hyphen || (comma && conjunction))) break;
      if (conj) conjunction = true;
      if (PREPOSITION_BEFORE.test(s.slice(0, p.ls))) break;
      const pa = toArg(p, labels, ctx);
      if (!pa) break;
      found.unshift(pa);
      head = p;
    }
    return uniqueArgs(found);
  }
  return [];
}

/** The first mention after `pos` with one of `labels`, when the words between end with `prep` (if given). */
function objectAfter(ctx: Ctx, pos: number, labels: readonly NodeLabel[], opts: { prep?: RegExp; maxWords?: number } = {}): { arg: Arg; end: number } | null {
  const s = ctx.sentence.text;
  const maxWords = opts.maxWords ?? 6;
  const after = ctx.mentions.filter((m) => m.ls >= pos).sort((a, b) => a.ls - b.ls);
  for (const m of after) {
    const gap = s.slice(pos, m.ls);
    if (wordCount(gapText(ctx, pos, m.ls)) > maxWords || /[;:]/.test(gap)) return null;
    const arg = toArg(m, labels, ctx);
    if (!arg) continue;
    if (opts.prep && !opts.prep.test(gapText(ctx, pos, m.ls).replace(/\s+/g, ' '))) continue;
    return { arg, end: m.le };
  }
  return null;
}

/** Agents of a passive verb: "oleh X (dengan|dan Y)", "by X", "melalui dekrit dari X", or X right after the verb. */
function agentsAfter(ctx: Ctx, pos: number): Arg[] {
  const after = ctx.mentions.filter((m) => m.ls >= pos).sort((a, b) => a.ls - b.ls || a.le - b.le);
  const agents: Arg[] = [];
  let cursor = pos;
  for (const m of after) {
    if (m.ls < cursor) {
      // Another mention on the same words ("the two leaders" → both): an agent too.
      if (agents.length && m.ls === after.find((x) => x.le === cursor)?.ls) {
        const arg = toArg(m, ACTORS, ctx);
        if (arg) agents.push(arg);
      }
      continue;
    }
    const gap = gapText(ctx, cursor, m.ls).replace(/\s+/g, ' ');
    const first = agents.length === 0;
    // "diratifikasi melalui keputusan presiden oleh Kim", "signed in Pyongyang by Putin": a short phrase may stand before oleh/by.
    const ok = first
      ? /^\s*(?:(?:[\p{L}\p{N}-]+\s+){0,4}?(?:oleh|by)\s*|(?:melalui|lewat|through|via)\s+(?:dekrit|decree|keputusan)\s+(?:dari\s+|of\s+)?|)$/iu.test(gap)
      : /^\s*(?:,\s*)?(?:dengan|dan|and|serta|with)\s*$/iu.test(gap);
    if (!ok) break;
    const arg = toArg(m, ACTORS, ctx);
    if (!arg) break;
    agents.push(arg);
    cursor = m.le;
  }
  return uniqueArgs(agents);
}

function agreementArg(ctx: Ctx, nounStart: number, noun: string): Arg {
  const s = ctx.sentence.text;
  const phrase = s.slice(nounStart).match(/^[\p{L}-]+(?:\s+(?!yang|dengan|untuk|pada|di|ke|dari|oleh|dan|dalam|that|with|to|on|in|by|and)[\p{L}-]+){0,3}/iu)?.[0] ?? noun;
  if (DOCUMENT.test(noun)) {
    DOCUMENT.lastIndex = 0;
    return { id: null, name: phrase, label: 'Agreement' };
  }
  if (ctx.mainAgreement) return { ...ctx.mainAgreement, via: `"${phrase}" read as the article's agreement, ${ctx.mainAgreement.name}` };
  return { id: null, name: phrase, label: 'Agreement' };
}

/** The agreement named or referred to ("perjanjian tersebut", "pakta", "dekrit") soon after `pos`. */
function agreementAfter(ctx: Ctx, pos: number, maxWords = 5): Arg | null {
  const s = ctx.sentence.text;
  const named = ctx.mentions.filter((m) => m.label === 'Agreement' && m.ls >= pos).sort((a, b) => a.ls - b.ls)[0];
  const tail = s.slice(pos);
  const generic = firstMatch(GENERIC_AGREEMENT, tail) ?? null;
  const doc = firstMatch(DOCUMENT, tail) ?? null;
  const options: Array<{ at: number; arg: () => Arg }> = [];
  if (named) options.push({ at: named.ls, arg: () => ({ id: named.id, name: named.name, label: 'Agreement' }) });
  if (generic) options.push({ at: pos + generic.index, arg: () => agreementArg(ctx, pos + generic.index, generic[0]) });
  if (doc) options.push({ at: pos + doc.index, arg: () => agreementArg(ctx, pos + doc.index, doc[0]) });
  options.sort((a, b) => a.at - b.at);
  const first = options[0];
  if (!first || wordCount(s.slice(pos, first.at)) > maxWords || /[;:]/.test(s.slice(pos, first.at))) return null;
  // A generic noun inside a named agreement is the named one.
  if (named && first.at >= named.ls && first.at < named.le) return { id: named.id, name: named.name, label: 'Agreement' };
  return first.arg();
}

/** The agreement a passive verb is about: the nearest one before it. */
function agreementBefore(ctx: Ctx, pos: number): Arg | null {
  const s = ctx.sentence.text;
  const named = ctx.mentions.filter((m) => m.label === 'Agreement' && m.le <= pos).sort((a, b) => b.le - a.le)[0];
  const head = s.slice(0, pos);
  const generic = lastMatch(GENERIC_AGREEMENT, head);
  const doc = lastMatch(DOCUMENT, head);
  const options: Array<{ at: number; arg: () => Arg }> = [];
  if (named) options.push({ at: named.ls, arg: () => ({ id: named.id, name: named.name, label: 'Agreement' }) });
  if (generic && !(named && generic.index >= named.ls && generic.index < named.le)) {
    options.push({ at: generic.index, arg: () => agreementArg(ctx, generic.index, generic[0]) });
  }
  if (doc) options.push({ at: doc.index, arg: () => agreementArg(ctx, doc.index, doc[0]) });
  options.sort((a, b) => b.at - a.at);
  return options[0]?.arg() ?? null;
}

function firstMatch(re: RegExp, s: string): RegExpExecArray | undefined {
  re.lastIndex = 0;
  const m = re.exec(s) ?? undefined;
  re.lastIndex = 0;
  return m;
}

function lastMatch(re: RegExp, s: string): RegExpExecArray | undefined {
  re.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) last = m;
  re.lastIndex = 0;
  return last;
}

function pairs(subjects: Arg[], object: Arg, predicate: RelType, confidence: number, notes: string[] = []): Found[] {
  return subjects.filter((s) => !sameArg(s, object)).map((subject) => ({ predicate, subject, object, confidence, notes }));
}

function viaNotes(...args: Arg[]): string[] {
  return args.filter((a) => a.via).map((a) => a.via!);
}

// ---- patterns ----

/** "undang-undang tentang ratifikasi X", "a law ratifying X", "dekrit untuk meratifikasi X": signing it ratifies X. */
const RATIFICATION_DOC = /^(?:\s+(?:[\p{L}-]+\s+){0,2}?)?(?:undang-undang|uu|law|bill|dekrit|decree|keputusan)\s+(?:[\p{L}]+\s+){0,3}?(?:tentang\s+|on\s+(?:the\s+)?)?(?:ratifikasi|ratification|ratifying|untuk\s+meratifikasi|to\s+ratify|pengesahan)(?![\p{L}])/iu;

/** The agreement a law or decree ratifies: named after it, else the article's agreement. */
function ratifiedBy(ctx: Ctx, pos: number): Arg | null {
  const named = agreementAfter(ctx, pos, 8);
  if (named && named.id !== null) return named;
  return ctx.mainAgreement ? { ...ctx.mainAgreement, via: `the law or decree ratifies the article's agreement, ${ctx.mainAgreement.name}` } : named;
}

function agreementVerb(predicate: 'SIGNED' | 'RATIFIED'): TriggerDef['handle'] {
  return (ctx, m) => {
    const s = ctx.sentence.text;
    const end = m.index + m[0].length;
    // "was signed by": the passive pattern owns it.
    if (/^\s+by\b/i.test(s.slice(end)) || /\b(?:was|were|been|being|is|are)\s+$/i.test(s.slice(0, m.index))) return [];
    const subjects = subjectsBefore(ctx, m.index, ACTORS);
    if (!subjects.length) return 'no-subject';
    // Signing a ratification law is ratifying the treaty, not signing it (a different event).
    const doc = predicate === 'SIGNED' ? RATIFICATION_DOC.exec(s.slice(end, end + 120)) : null;
    if (doc) {
      // "menandatangani dekrit untuk meratifikasi X": the ratify verb is a trigger of its own and owns the fact.
      if (/(?:untuk\s+meratifikasi|to\s+ratify)$/i.test(doc[0])) return [];
      const treaty = ratifiedBy(ctx, end + doc[0].length);
      if (!treaty) return 'no-object';
      return pairs(subjects, treaty, 'RATIFIED', 0.8, ['signed the law or decree that ratifies it', ...viaNotes(treaty, ...subjects)]);
    }
    let object = agreementAfter(ctx, end);
    // "The treaty, which Kim and Putin signed", "perjanjian yang ditandatangani …": the agreement comes first.
    const firstSubject = Math.min(...ctx.mentions.filter((x) => subjects.some((a) => sameArg(a, toArg(x, ACTORS, ctx) ?? { id: '-', name: '-', label: 'Event' }))).map((x) => x.ls), m.index);
    if (!object && /(?:,\s*which|,\s*that|\byang)\s+$/iu.test(s.slice(0, firstSubject))) object = agreementBefore(ctx, firstSubject);
    if (!object) return 'no-object';
    // A document signed with no ratification in sight: a law, not the treaty.
    if (predicate === 'RATIFIED' && object.id === null && DOCUMENT.test(object.name) && ctx.mainAgreement) {
      DOCUMENT.lastIndex = 0;
      object = { ...ctx.mainAgreement, via: `the law ratifies the article's agreement, ${ctx.mainAgreement.name}` };
    }
    DOCUMENT.lastIndex = 0;
    const confidence = object.id === null ? 0.5 : object.via ? 0.8 : 0.9;
    const found = pairs(subjects, object, predicate, confidence, viaNotes(object, ...subjects));
    // "Ia menandatangani perjanjian itu bersama Kim Jong-un": the partner signed too.
    const partner = predicate === 'SIGNED' ? objectAfter(ctx, end, ACTORS, { prep: wordsAtEnd('bersama|bersama dengan|together with|alongside'), maxWords: 6 }) : null;
    if (partner) found.push(...pairs([partner.arg], object, predicate, confidence * 0.9, viaNotes(object, partner.arg)));
    return found;
  };
}

function agreementPassive(predicate: 'SIGNED' | 'RATIFIED'): TriggerDef['handle'] {
  return (ctx, m) => {
    // "ditandatanganinya": the -nya is the agent (a coreference mention on those three letters).
    const agents = agentsAfter(ctx, m.index + m[0].length - (/nya$/i.test(m[0]) ? 3 : 0));
    if (!agents.length) return 'no-subject';
    let object = agreementBefore(ctx, m.index);
    if (!object) return 'no-object';
    // "Undang-undang itu disahkan oleh Duma": passing the ratification law is ratifying the treaty.
    if (predicate === 'RATIFIED' && object.id === null && /undang|law|bill|dekrit|decree/i.test(object.name) && ctx.mainAgreement) {
      object = { ...ctx.mainAgreement, via: `the law ratifies the article's agreement, ${ctx.mainAgreement.name}` };
    }
    // A signed ratification law is not the treaty's signing.
    if (predicate === 'SIGNED' && object.id === null && /undang|law|bill/i.test(object.name)) return [];
    const confidence = object.id === null ? 0.5 : object.via ? 0.75 : 0.85;
    return pairs(agents, object, predicate, confidence, viaNotes(object, ...agents));
  };
}

/** One of `nouns` within the first few words after a verb ("mengirim puluhan ribu tentara"). */
const nounSoonAfter = (nouns: string) => new RegExp(`^\\s+(?:[\\p{L}\\p{N}.,-]+\\s+){0,4}?(?:${nouns})(?![\\p{L}])`, 'iu');

const TROOPS_AFTER = nounSoonAfter(TROOPS);
const TO_PLACE = wordsAtEnd('(?:ke|to|into|di|in|menuju)(?:\\s+(?:the|wilayah|perbatasan|kawasan|daerah|kota|front|garis depan|region|border|area|frontline))*');
const TO_HELP = wordsAtEnd('untuk membantu|untuk mendukung|guna membantu|to help|to assist|to support');

const deployActive: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const afterVerb = m.index + m[0].length;
  const troops = TROOPS_AFTER.exec(s.slice(afterVerb));
  if (!troops) return [];
  const subjects = subjectsBefore(ctx, m.index, STATE);
  if (!subjects.length) return 'no-subject';
  const troopsEnd = afterVerb + troops[0].length;
  const dest = destinationAfter(ctx, troopsEnd);
  if (!dest.length) return 'no-object';
  return dest.flatMap((d) => pairs(subjects, d.arg, 'DEPLOYED_TROOPS_TO', d.confidence, [...d.notes, ...viaNotes(d.arg, ...subjects)]));
};

/**
 * Where troops went, after the verb: "ke Rusia"; a head noun and an apposition
 * ("ke wilayah perbatasan Rusia, Kursk" → Kursk); or a purpose ("untuk membantu
 * Rusia", "to help Russia retake Kursk" → Russia, and the place named in it).
 */
function destinationAfter(ctx: Ctx, pos: number): Array<{ arg: Arg; confidence: number; notes: string[] }> {
  const s = ctx.sentence.text;
  const dest = objectAfter(ctx, pos, PLACE_OR_STATE, { prep: TO_PLACE, maxWords: 4 });
  if (dest) {
    const apposition = /^\s*,\s*$/;
    const next = ctx.mentions.filter((x) => x.ls >= dest.end).sort((a, b) => a.ls - b.ls)[0];
    if (dest.arg.label === 'State' && next && apposition.test(s.slice(dest.end, next.ls))) {
      const place = toArg(next, ['Place'], ctx);
      if (place) return [{ arg: place, confidence: 0.85, notes: [`"${s.slice(dest.end - 0, next.le).replace(/^,\s*/, '')}": the place in apposition to ${dest.arg.name}`] }];
    }
    return [{ arg: dest.arg, confidence: 0.9, notes: [] }];
  }
  const helped = objectAfter(ctx, pos, STATE, { prep: TO_HELP, maxWords: 4 });
  if (!helped) return [];
  const out = [{ arg: helped.arg, confidence: 0.7, notes: [`destination read from the purpose "to help ${helped.arg.name}"`] }];
  const place = objectAfter(ctx, helped.end, ['Place'], { maxWords: 5 });
  if (place) out.push({ arg: place.arg, confidence: 0.6, notes: [`destination read from the purpose clause naming ${place.arg.name}`] });
  return out;
}

/** "unit militer Korea Utara telah dikerahkan ke wilayah Kursk". */
const deployPassive: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const troops = lastMatch(words(`(?:${TROOPS})(?:nya)?`), s.slice(0, m.index));
  if (!troops) return [];
  // "tentara Korea Utara", or "pasukannya" (the -nya is a mention of the state, inside the word).
  const owner = objectAfter(ctx, troops.index + troops[0].length, STATE, { maxWords: 0 }) ?? objectAfter(ctx, troops.index + troops[0].length - 3, STATE, { maxWords: 0 });
  if (!owner || owner.end > m.index) return 'no-subject';
  const dest = destinationAfter(ctx, m.index + m[0].length);
  if (!dest.length) return 'no-object';
  return dest.map((d) => ({ predicate: 'DEPLOYED_TROOPS_TO', subject: owner.arg, object: d.arg, confidence: d.confidence - 0.05, notes: [...d.notes, ...viaNotes(owner.arg, d.arg)] }));
};

/** "penempatan 10.000 tentara Korea Utara di Rusia", "10.000 tentara Korea Utara berada di wilayah Kursk". */
const deployNominal: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const lead = s.slice(Math.max(0, m.index - 60), m.index);
  const nominal = /(?:penempatan|pengiriman|pengerahan|kehadiran|deployment of|dispatch of|presence of)\s+(?:[\p{L}\p{N}.,]+\s+){0,4}$/iu.test(lead);
  const counted = /(?:\d[\d.,]*|ribu|ribuan|ratusan|puluhan|thousands?|hundreds?)\s+$/iu.test(lead);
  if (!nominal && !counted) return [];
  const owner = objectAfter(ctx, m.index + m[0].length, STATE, { maxWords: 0 });
  if (!owner) return [];
  const dest = objectAfter(ctx, owner.end, PLACE_OR_STATE, { prep: wordsAtEnd('(?:berada |ada |sudah |telah )?(?:di|ke|in|to)(?: wilayah)?'), maxWords: 3 });
  if (!dest) return [];
  return [{ predicate: 'DEPLOYED_TROOPS_TO', subject: owner.arg, object: dest.arg, confidence: nominal ? 0.75 : 0.6, notes: viaNotes(owner.arg, dest.arg) }];
};

const meetVerb: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const end = m.index + m[0].length;
  const subjects = subjectsBefore(ctx, m.index, ACTORS);
  const withPrep = /^\s+(?:dengan|with)\b/i.test(s.slice(end));
  const transitive = /^(?:menemui|temui|met|meets|meet)$/i.test(m[0]) && !withPrep;
  if (withPrep || transitive) {
    const obj = objectAfter(ctx, end, ACTORS, { maxWords: withPrep ? 3 : 2 });
    if (obj && subjects.length) return pairs(subjects, obj.arg, 'MET_WITH', 0.9, viaNotes(obj.arg, ...subjects));
    if (!subjects.length) return 'no-subject';
    if (!transitive) return 'no-object';
  }
  // "X dan Y bertemu": the coordinated subjects met each other.
  if (subjects.length >= 2) return pairs([subjects[0]], subjects[1], 'MET_WITH', 0.85, viaNotes(...subjects));
  return subjects.length ? 'no-object' : 'no-subject';
};

/** "X mengadakan pembicaraan dengan Y", "X held talks with Y", "pertemuan (…) antara X dan Y", "talks between X and Y". */
const meetNominal: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const tail = s.slice(m.index + m[0].length);
  const doer = /(?:mengadakan|melakukan|menggelar|melangsungkan|held|holds|hold|had|has|holding)\s+(?:[\p{L}]+\s+){0,2}$/iu.exec(s.slice(0, m.index));
  const withWhom = /^(?:\s+[\p{L}-]+){0,3}?\s+(?:dengan|with)\s/iu.exec(tail);
  if (doer && withWhom) {
    const subjects = subjectsBefore(ctx, doer.index, ACTORS, 6);
    if (!subjects.length) return 'no-subject';
    const obj = objectAfter(ctx, m.index + m[0].length + withWhom[0].length - 1, ACTORS, { maxWords: 4 });
    if (!obj) return 'no-object';
    return pairs(subjects, obj.arg, 'MET_WITH', 0.85, viaNotes(obj.arg, ...subjects));
  }
  const between = /^(?:\s+[\p{L}-]+){0,4}?\s+(?:antara|between)\s/iu.exec(tail);
  if (!between) return [];
  const from = m.index + m[0].length + between[0].length;
  const a = objectAfter(ctx, from, ACTORS, { maxWords: 3 });
  if (!a) return 'no-subject';
  const b = objectAfter(ctx, a.end, ACTORS, { prep: wordsAtEnd('dan|and|dengan|with'), maxWords: 4 });
  if (!b) return 'no-object';
  return pairs([a.arg], b.arg, 'MET_WITH', 0.75, viaNotes(a.arg, b.arg));
};

/** "X berbicara melalui telepon dengan Y", "X spoke by phone with Y": a call, read as a meeting with a note. */
const meetCall: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const end = m.index + m[0].length;
  const how = /^\s+(?:(?:melalui|lewat|via|by|over the|on the)\s+(?:telepon|sambungan telepon|panggilan video|phone|telephone|video link)\s+)?(?:dengan|with|to)\s/iu.exec(s.slice(end));
  if (!how) return [];
  const subjects = subjectsBefore(ctx, m.index, ACTORS);
  if (!subjects.length) return 'no-subject';
  const obj = objectAfter(ctx, end + how[0].length - 1, ACTORS, { maxWords: 4 });
  if (!obj) return 'no-object';
  const call = /telepon|phone|video/i.test(how[0]);
  return pairs(subjects, obj.arg, 'MET_WITH', 0.75, [...(call ? ['by telephone or video, not in person'] : []), ...viaNotes(obj.arg, ...subjects)]);
};

/** "X disambut oleh Y", "X was welcomed by Y": Y met X. */
const meetWelcomed: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const end = m.index + m[0].length;
  if (!/^\s+(?:(?:[\p{L}-]+\s+){0,3}?)(?:oleh|by)\s/iu.test(s.slice(end))) return [];
  const hosts = agentsAfter(ctx, end);
  if (!hosts.length) return 'no-subject';
  const guests = subjectsBefore(ctx, m.index, ACTORS);
  if (!guests.length) return 'no-object';
  return guests.flatMap((g) => pairs(hosts, g, 'MET_WITH', 0.75, ['welcomed or received: read as a meeting', ...viaNotes(g, ...hosts)]));
};

const visitVerb: TriggerDef['handle'] = (ctx, m) => {
  const end = m.index + m[0].length;
  const subjects = subjectsBefore(ctx, m.index, ACTORS);
  if (!subjects.length) return 'no-subject';
  const verb = m[0].toLowerCase();
  const prep = verb === 'berkunjung' ? wordsAtEnd('ke') : /^(?:tiba|arrived)$/.test(verb) ? wordsAtEnd('di|in|at') : undefined;
  const obj = objectAfter(ctx, end, PLACE_OR_STATE, { prep, maxWords: prep ? 3 : 1 });
  if (!obj) return 'no-object';
  return pairs(subjects, obj.arg, 'VISITED', 0.85, viaNotes(obj.arg, ...subjects));
};

/** "kunjungan Putin ke Pyongyang", "X melakukan kunjungan resmi ke Rusia". Without a named visitor: nothing. */
const visitNominal: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const end = m.index + m[0].length;
  let subjects: Arg[] = [];
  const visitor = objectAfter(ctx, end, ACTORS, { maxWords: 1 });
  let destFrom = end;
  if (visitor && !/^\s*(?:ke|to)\b/i.test(s.slice(end))) {
    subjects = [visitor.arg];
    destFrom = visitor.end;
  } else {
    const doer = /(?:melakukan|mengadakan|made|paid)\s+(?:[\p{L}]+\s+)?$/iu.exec(s.slice(0, m.index));
    if (doer) subjects = subjectsBefore(ctx, doer.index, ACTORS, 6);
  }
  if (!subjects.length) return 'no-subject';
  const dest = objectAfter(ctx, destFrom, PLACE_OR_STATE, { prep: wordsAtEnd('ke|to'), maxWords: 3 });
  if (!dest) return 'no-object';
  return pairs(subjects, dest.arg, 'VISITED', 0.75, viaNotes(dest.arg, ...subjects));
};

const launchVerb: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const end = m.index + m[0].length;
  const subjects = subjectsBefore(ctx, m.index, ACTORS);
  if (!subjects.length) return 'no-subject';
  const found: Found[] = [];
  const event = objectAfter(ctx, end, ['Event'], { maxWords: 3 });
  if (event) found.push(...pairs(subjects, event.arg, 'LAUNCHED', 0.85));
  const target = objectAfter(ctx, event?.end ?? end, ['Place'], { prep: wordsAtEnd('ke|to|into|toward|towards|ke arah'), maxWords: 10 });
  if (target) found.push(...pairs(subjects, target.arg, 'LAUNCHED', 0.7));
  if (!found.length) {
    const phrase = s.slice(end).match(/^\s+((?:(?!ke\b|to\b|into\b|untuk\b|pada\b|di\b)[\p{L}\p{N}-]+\s*){1,5})/iu)?.[1]?.trim();
    if (!phrase) return 'no-object';
    found.push(...pairs(subjects, { id: null, name: phrase, label: 'Event' }, 'LAUNCHED', 0.5));
  }
  return found;
};

const accuseVerb: TriggerDef['handle'] = (ctx, m) => {
  const subjects = subjectsBefore(ctx, m.index, ACTORS);
  if (!subjects.length) return 'no-subject';
  const obj = objectAfter(ctx, m.index + m[0].length, ACTORS, { maxWords: 3 });
  if (!obj) return 'no-object';
  return pairs(subjects, obj.arg, 'ACCUSED', 0.85, viaNotes(obj.arg, ...subjects));
};

/** "tuduhan Korea Selatan dan Barat mengenai penempatan pasukan Korea Utara …" */
const accuseNominal: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const end = m.index + m[0].length;
  const first = objectAfter(ctx, end, ACTORS, { maxWords: 0 });
  if (!first) return 'no-subject';
  const accusers = [first.arg];
  let cursor = first.end;
  for (;;) {
    const next = objectAfter(ctx, cursor, ACTORS, { prep: /^\s*(?:,\s*)?(?:dan|and|serta|,)\s*$/iu, maxWords: 1 });
    if (!next) break;
    accusers.push(next.arg);
    cursor = next.end;
  }
  const about = /^\s*(?:mengenai|bahwa|terhadap|atas|tentang|that|against|of)\s/iu.exec(s.slice(cursor));
  if (!about) return 'no-object';
  const obj = objectAfter(ctx, cursor + about[0].length, ACTORS, { maxWords: 6 });
  if (!obj) return 'no-object';
  return pairs(uniqueArgs(accusers), obj.arg, 'ACCUSED', 0.7, viaNotes(obj.arg));
};

const ARMS_AFTER = nounSoonAfter(ARMS);

const supplyVerb: TriggerDef['handle'] = (ctx, m) => {
  const s = ctx.sentence.text;
  const end = m.index + m[0].length;
  const arms = ARMS_AFTER.exec(s.slice(end));
  if (!arms) return [];
  const subjects = subjectsBefore(ctx, m.index, ACTORS);
  if (!subjects.length) return 'no-subject';
  const recipient = objectAfter(ctx, end + arms[0].length, ACTORS, { prep: wordsAtEnd('kepada|ke|untuk|bagi|to|for'), maxWords: 8 });
  if (!recipient) return 'no-object';
  const what = arms[0].trim();
  return pairs(subjects, recipient.arg, 'SUPPLIED', 0.85, [`supplied: ${what}`, ...viaNotes(recipient.arg, ...subjects)]);
};

const TRIGGERS: TriggerDef[] = [
  { predicate: 'SIGNED', re: words('menandatangani|meneken|menekan kesepakatan|teken|tandatangani|signed|signs|sign|inked'), handle: agreementVerb('SIGNED') },
  { predicate: 'SIGNED', re: words('ditandatangani(?:nya)?|diteken(?:nya)?|(?:was|were|been|being|is|are) signed'), handle: agreementPassive('SIGNED') },
  { predicate: 'RATIFIED', re: words('meratifikasi|mengesahkan|ratified|ratifies|ratify'), handle: agreementVerb('RATIFIED') },
  { predicate: 'RATIFIED', re: words('diratifikasi(?:nya)?|disahkan(?:nya)?|(?:was|were|been|being|is|are) ratified'), handle: agreementPassive('RATIFIED') },
  { predicate: 'RATIFIED', re: words('ratifikasi(?:nya)?(?=\\s+(?:oleh|by))|ratification(?=\\s+by)'), handle: agreementPassive('RATIFIED') },
  { predicate: 'DEPLOYED_TROOPS_TO', re: words('mengirim|mengirimkan|mengerahkan|menempatkan|kirim|sent|sends|send|deployed|deploys|deploy|dispatched'), handle: deployActive },
  { predicate: 'DEPLOYED_TROOPS_TO', re: words('dikirim|dikirimkan|dikerahkan|ditempatkan|(?:was|were|been|being|are|is) (?:sent|deployed)'), handle: deployPassive },
  { predicate: 'DEPLOYED_TROOPS_TO', re: words(TROOPS), handle: deployNominal },
  { predicate: 'MET_WITH', re: words('bertemu|menemui|temui|bertatap muka|met|meets|meet'), handle: meetVerb },
  { predicate: 'MET_WITH', re: words('pertemuan|pembicaraan|perundingan|talks|meeting'), handle: meetNominal },
  { predicate: 'MET_WITH', re: words('berbicara|berbincang|spoke|speaks|talked'), handle: meetCall },
  { predicate: 'MET_WITH', re: words('disambut|diterima|welcomed|greeted|received'), handle: meetWelcomed },
  { predicate: 'VISITED', re: words('berkunjung|mengunjungi|tiba|visited|visits|visit|arrived'), handle: visitVerb },
  { predicate: 'VISITED', re: words('kunjungan|lawatan'), handle: visitNominal },
  { predicate: 'LAUNCHED', re: words('meluncurkan|menembakkan|launched|launches|fired|fires|test-fired'), handle: launchVerb },
  { predicate: 'ACCUSED', re: words('menuduh|accused|accuses|accuse'), handle: accuseVerb },
  { predicate: 'ACCUSED', re: words('tuduhan|accusations?'), handle: accuseNominal },
  { predicate: 'SUPPLIED', re: words('memasok|mengirim|mengirimkan|memberikan|memberi|menyediakan|mentransfer|menjual|menyuplai|supplied|supplies|supply|provided|provides|sent|sold|transferred|gave|shipped'), handle: supplyVerb },
];

// ---- cues around a trigger ----

/** Words just before the trigger in its clause (up to a comma, "bahwa", "yang" …). */
function clauseBefore(s: string, pos: number, max = 5): string[] {
  const head = s.slice(0, pos);
  const last = lastMatch(CLAUSE_BREAK, head);
  const clause = last ? head.slice(last.index + last[0].length) : head;
  return wordList(clause).slice(-max);
}

interface Cue {
  /** No fact: the reason. */
  skip?: SkipReason;
  /** A fact with a lowered status. */
  status?: 'denied' | 'believed';
}

/** What the words before a trigger say about it: no fact (a plan, a condition, a purpose), a denial, a belief, or nothing. */
function cueOf(s: string, pos: number): Cue {
  // "No Kwang-chol" is a name, not a negation.
  const head = s.slice(0, pos).replace(/(?<![\p{L}])No(?=\s+\p{Lu})/gu, 'Xx');
  CONDITIONAL_RE.lastIndex = 0;
  if (CONDITIONAL_RE.test(head)) {
    CONDITIONAL_RE.lastIndex = 0;
    return { skip: 'conditional' };
  }
  const before = clauseBefore(head, pos);
  const near = before.slice(-3);
  const believed = wordList(head).slice(-5).some((w) => BELIEVED.has(w));
  if (!believed) {
    if (near.some((w) => FUTURE.has(w))) return { skip: 'future' };
    if (near.some((w) => POSSIBLE.has(w))) return { skip: 'possible' };
    if (near.some((w) => OBLIGATION.has(w))) return { skip: 'obligation' };
    // "untuk tidak menandatangani": a purpose stays a purpose when negated.
    const prev = wordList(head).filter((w) => !['segera', 'secara', 'juga', 'langsung', 'tidak', 'not', 'never'].includes(w));
    if (prev.length && PURPOSE.has(prev[prev.length - 1])) {
      // "menandatangani dekrit untuk meratifikasi": the decree is the ratification.
      if (!/(?:dekrit|decree|undang-undang|law)\s+(?:untuk|to)\s+$/i.test(head)) return { skip: 'purpose' };
    }
  }
  if (before.some((w) => NEGATION.has(w)) || /\bdid\s+not\s*$|n't\s*$/i.test(head) || DENIAL_RE.test(head)) {
    if (before.some((w) => w === 'without' || w === 'tanpa')) return { skip: 'negated' };
    return { status: 'denied' };
  }
  return believed ? { status: 'believed' } : {};
}

function isQuestion(s: string): boolean {
  return /\?["”’)]*\s*$/.test(s) || QUESTION_START.test(s.trim());
}

interface Attribution {
  speaker: string;
  status: ClaimStatus;
  factor: number;
}

function speakerAt(ctx: Ctx, pos: number, direction: 'before' | 'after'): string | null {
  if (direction === 'before') {
    const subj = subjectsBefore(ctx, pos, [...ACTORS, 'Place'], 6);
    if (subj.length) return subj.map((a) => a.name).join(', ');
    const w = wordList(ctx.sentence.text.slice(0, pos)).slice(-3);
    return w.length ? ctx.sentence.text.slice(0, pos).trim().split(/\s+/).slice(-Math.min(3, w.length)).join(' ') : null;
  }
  const s = ctx.sentence.text;
  const limit = s.slice(pos).search(/[,;.]/);
  const end = limit < 0 ? s.length : pos + limit;
  const stop = s.slice(pos, end).search(/(?<![\p{L}])(?:mengenai|bahwa|tentang|terhadap|that|about|of)(?![\p{L}])/iu);
  const until = stop < 0 ? end : pos + stop;
  const inRange = ctx.mentions.filter((m) => m.ls >= pos && m.le <= until && m.label && ACTORS.includes(m.label)).sort((a, b) => a.ls - b.ls);
  // "menurut laporan KCNA", "Dilansir dari media Korea Utara KCNA": the agency or person, not the country.
  const named = inRange.filter((m) => m.label === 'Organization' || m.label === 'Person');
  const speakers = uniqueArgs((named.length ? named : inRange).map((m) => ({ id: m.id, name: m.name, label: m.label! })));
  if (speakers.length) return speakers.map((a) => a.name).join(', ');
  const phrase = s.slice(pos, end).trim().split(/\s+/).slice(0, 4).join(' ');
  return phrase || null;
}

function attribution(ctx: Ctx, pos: number, subjects: Arg[]): Attribution | null {
  const s = ctx.sentence.text;
  const head = s.slice(0, pos);
  const verb = lastMatch(REPORT_VERB, head);
  if (verb) {
    const speaker = speakerAt(ctx, verb.index, 'before');
    if (speaker && !subjects.some((a) => a.name === speaker)) {
      const accuse = ACCUSE_VERB.test(verb[0]);
      return { speaker, status: accuse ? 'alleged' : 'attributed', factor: accuse ? 0.6 : 0.75 };
    }
  }
  const nominal = lastMatch(NOMINAL_REPORT, head);
  if (nominal) {
    const speaker = speakerAt(ctx, nominal.index + nominal[0].length, 'after');
    const accuse = /tuduhan|accusation/i.test(nominal[0]);
    if (speaker) return { speaker, status: accuse ? 'alleged' : 'attributed', factor: accuse ? 0.6 : 0.75 };
  }
  const lead = LEADING_ATTRIBUTION.exec(s);
  if (lead) {
    const speaker = speakerAt(ctx, lead[0].length, 'after');
    if (speaker) return { speaker, status: 'attributed', factor: 0.85 };
  }
  // "…, state media KCNA reported on Tuesday.", "…, the Kremlin said.": the speaker before a closing reporting verb.
  const closing = /,\s+((?:[\p{L}.'’-]+\s+){0,5}?)(?:reported|said|says|announced|added|confirmed|melaporkan|mengatakan|menyatakan|lapor|kata)(?![\p{L}])[^,]*$/iu.exec(s.slice(pos));
  if (closing) {
    const from = pos + closing.index;
    const to = from + closing[0].length;
    const inRange = ctx.mentions.filter((x) => x.ls >= from && x.le <= to && x.label && (ACTORS as readonly string[]).includes(x.label));
    const named = inRange.filter((x) => x.label === 'Organization' || x.label === 'Person');
    const speakers = uniqueArgs((named.length ? named : inRange).map((x) => ({ id: x.id, name: x.name, label: x.label! })));
    const speaker = speakers.length ? speakers.map((a) => a.name).join(', ') : closing[1].trim();
    if (speaker && !subjects.some((a) => a.name === speaker)) return { speaker, status: 'attributed', factor: 0.85 };
  }
  const trailing = firstMatch(TRAILING_ATTRIBUTION, s.slice(pos));
  if (trailing) {
    const speaker = speakerAt(ctx, pos + trailing.index + trailing[0].length, 'after');
    if (speaker) return { speaker, status: 'attributed', factor: 0.85 };
  }
  return null;
}

function allegedBefore(s: string, pos: number): boolean {
  return wordList(s.slice(0, pos)).slice(-4).some((w) => ALLEGED.has(w));
}

// ---- driver ----

/** The agreement an article is about: the one it names most often. */
export function mainAgreementOf(mentions: readonly EntityMention[]): Arg | null {
  const counts = new Map<string, { n: number; m: EntityMention }>();
  for (const m of mentions) {
    if (m.label !== 'Agreement' || !m.id) continue;
    const c = counts.get(m.id) ?? { n: 0, m };
    c.n++;
    counts.set(m.id, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || a.m.start - b.m.start)[0];
  return best ? { id: best.m.id, name: best.m.name, label: 'Agreement' } : null;
}

/** Places that stand for a state when used as an actor (capitals), from the gazetteer. */
export function actsForOf(gazetteer: Gazetteer): Map<string, Arg> {
  const map = new Map<string, Arg>();
  for (const e of gazetteer.byId.values()) {
    if (!e.actsFor) continue;
    const state = gazetteer.byId.get(e.actsFor);
    if (state) map.set(e.id, { id: state.id, name: state.name, label: state.label });
  }
  return map;
}

function isTitleCase(line: string): boolean {
  if (/[.!?]["”’)]?\s*$/.test(line)) return false;
  const ws = line.match(WORD_RE) ?? [];
  if (ws.length < 4) return false;
  return ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length >= 0.6;
}

export function extractRelations(text: string, mentions: readonly EntityMention[], opts: { gazetteer?: Gazetteer; sentences?: Sentence[] } = {}): RelationResult {
  const sentences = opts.sentences ?? splitSentences(text);
  const mainAgreement = mainAgreementOf(mentions);
  const actsFor = opts.gazetteer ? actsForOf(opts.gazetteer) : new Map<string, Arg>();
  const relations: Relation[] = [];
  const skipped: SkippedTrigger[] = [];
  const anchors: number[] = [];

  // Mentions in text order, walked once alongside the sentences (both are sorted by offset).
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  let first = 0;
  for (const sentence of sentences) {
    while (first < ordered.length && ordered[first].start < sentence.start) first++;
    const inside: EntityMention[] = [];
    for (let k = first; k < ordered.length && ordered[k].start < sentence.end; k++) if (ordered[k].end <= sentence.end) inside.push(ordered[k]);
    // No entity, no fact: most sentences of a long page end here.
    if (!inside.length) continue;
    const local = inside.filter((m) => !m.modifier && m.label).map((m) => ({ ...m, ls: m.start - sentence.start, le: m.end - sentence.start }));
    const modSpans = inside.filter((m) => m.modifier).map((m) => [m.start - sentence.start, m.end - sentence.start] as [number, number]);
    const ctx: Ctx = { sentence, text, mentions: local, modSpans, mainAgreement, actsFor, headline: isTitleCase(sentence.text) };
    const s = sentence.text;
    const question = isQuestion(s);
    for (const rv of s.matchAll(REPORT_VERB)) anchors.push(sentence.start + rv.index!);

    const seen = new Set<string>();
    for (const def of TRIGGERS) {
      def.re.lastIndex = 0;
      for (const m of s.matchAll(def.re)) {
        const offset = sentence.start + m.index!;
        const skip = (reason: SkipReason) => skipped.push({ predicate: def.predicate, trigger: m[0], offset, reason, sentence: s });
        const cue: Cue = question ? { skip: 'question' } : cueOf(s, m.index!);
        const result = def.handle(ctx, m as RegExpExecArray);
        if (Array.isArray(result) && result.length === 0) continue; // not this pattern after all
        anchors.push(offset);
        if (cue.skip) {
          skip(cue.skip);
          continue;
        }
        if (!Array.isArray(result)) {
          skip(result);
          continue;
        }
        const alleged = allegedBefore(s, m.index!);
        for (const f of result) {
          const key = `${f.predicate}|${f.subject.id ?? f.subject.name}|${f.object.id ?? f.object.name}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const attr = attribution(ctx, m.index!, [f.subject]);
          let confidence = f.confidence;
          let status: ClaimStatus = 'reported';
          const notes = [...(f.notes ?? [])];
          if (attr) {
            confidence *= attr.factor;
            status = attr.status;
          }
          if (alleged) {
            confidence *= 0.6;
            status = 'alleged';
            notes.push('hedged in the text (alleged or reportedly)');
          }
          // A denial or a belief is the source's stance on the claim: it wins over who said it.
          if (cue.status === 'denied') {
            confidence *= 0.7;
            status = 'denied';
            notes.push('denied or negated in the text: the source says it did not happen');
          } else if (cue.status === 'believed') {
            confidence *= 0.7;
            status = 'believed';
            notes.push('believed or expected, not stated as having happened');
          }
          if (ctx.headline) {
            confidence *= 0.8;
            notes.push('from a title-case headline');
          }
          relations.push({
            predicate: f.predicate,
            subject: f.subject,
            object: f.object,
            sentence,
            trigger: m[0],
            triggerStart: offset,
            confidence: Math.round(confidence * 100) / 100,
            status,
            ...(attr ? { reportedBy: attr.speaker } : {}),
            notes,
          });
        }
      }
    }
  }
  return { relations, skipped, anchors: [...new Set(anchors)].sort((a, b) => a - b) };
}
