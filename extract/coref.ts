/**
 * Coreference within one article: words that point back to an entity named
 * earlier become mentions of that entity, each with the reason shown.
 *
 * - pronouns: he, she, him, her, ia, dia, beliau → the last person named;
 * - "-nya" on a verb or on troops ("ditandatanganinya" → its signer, the last
 *   person; "pasukannya" → the last state);
 * - plurals: "the two leaders", "kedua pemimpin", "kedua negara" → the last two;
 * - a surname or an abbreviation the article introduced ("Sergei Shoigu" …
 *   "Shoigu", "Badan Intelijen Nasional (NIS)" … "NIS");
 * - a title without a name ("the North Korean foreign minister", "Menlu Korut",
 *   "Russia's lower house", "Pemimpin Korea Utara itu") → the one entity whose
 *   role (from the gazetteer, or a title the article put before a name) fits,
 *   preferring the one the article named last.
 */
import { normalizeText } from '../shared/graph.js';
import type { NodeLabel } from '../shared/schema.js';
import type { EntityMention, Gazetteer, GazetteerEntity } from './entities.js';

const PERSON_PRONOUNS = /(?<![\p{L}\p{N}])(?:he|she|him|her|ia|dia|beliau)(?![\p{L}\p{N}-])/giu;
const PLURAL_PEOPLE = /(?<![\p{L}\p{N}])(?:the two (?:leaders|men|ministers|officials|presidents)|both (?:leaders|men|ministers)|kedua (?:pemimpin|menteri|pejabat|tokoh|presiden))(?![\p{L}\p{N}])/giu;
const PLURAL_STATES = /(?<![\p{L}\p{N}])(?:the two (?:countries|nations|states|sides)|both (?:countries|nations|sides)|kedua (?:negara|pihak|belah pihak))(?![\p{L}\p{N}])/giu;
/** "-nya" on a verb form points to the doer; on troops, to their state. */
const NYA_VERB = /(?<![\p{L}])(?:ditandatangani|diratifikasi|dikirim|dikerahkan|ditempatkan|diteken|disahkan|dikunjungi|ditemui)nya(?![\p{L}])/giu;
const NYA_TROOPS = /(?<![\p{L}])(?:pasukan|tentara|prajurit|serdadu)nya(?![\p{L}])/giu;

/** Title words in either language, as one English key each; a phrase is a title only with a head. */
const ROLE_WORDS: Record<string, string[]> = {
  minister: ['minister'], menteri: ['minister'], menlu: ['foreign', 'minister'], menhan: ['defence', 'minister'],
  foreign: ['foreign'], luar: ['foreign'], negeri: [], defence: ['defence'], defense: ['defence'], pertahanan: ['defence'],
  president: ['president'], presiden: ['president'], leader: ['leader'], pemimpin: ['leader'],
  house: ['house'], majelis: ['house'], lower: ['lower'], rendah: ['lower'], upper: ['upper'], tinggi: ['upper'],
  chamber: ['house'], parliament: ['parliament'], parlemen: ['parliament'], spokesman: ['spokesperson'], spokesperson: ['spokesperson'],
  secretary: ['secretary'], sekretaris: ['secretary'], security: ['security'], keamanan: ['security'], council: ['council'], dewan: ['council'],
  deputy: ['deputy'], wakil: ['deputy'],
};
const HEADS = new Set(['minister', 'president', 'leader', 'house', 'spokesperson', 'secretary']);
/** Demonyms and short state names as state names the gazetteer knows. */
const DEMONYMS: Record<string, string> = {
  russian: 'russia', 'north korean': 'north korea', 'south korean': 'south korea', ukrainian: 'ukraine', american: 'united states',
  us: 'united states', korut: 'korea utara', korsel: 'korea selatan', chinese: 'china',
};
const ENDS_REFERENCE = /^(?:itu|tersebut|ini)$/i;
const STATE_PARTS = new Set(['north', 'south', 'korean', 'korea', 'utara', 'selatan']);

export interface Reference {
  mention: EntityMention;
  /** Why the words were read as that entity. */
  reason: string;
}

interface Role {
  id: string;
  name: string;
  label: NodeLabel;
  words: Set<string>;
  state: string | null;
}

type Antecedent = Pick<EntityMention, 'id' | 'name' | 'label' | 'start' | 'end'>;

function roleWords(tokens: string[]): string[] {
  return tokens.flatMap((t) => ROLE_WORDS[t] ?? []);
}

/** The state a role phrase names, as a gazetteer id ("North Korean", "Rusia", "Russia's"). */
function stateIn(tokens: string[], gazetteer: Gazetteer): string | null {
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const phrase = tokens.slice(i, i + n).join(' ').replace(/ s$/, '');
      // "Russia's" is one token, "russias": try it without the possessive too.
      for (const key of [DEMONYMS[phrase] ?? phrase, phrase.replace(/s$/, '')]) {
        const state = gazetteer.byKey.get(key)?.find((e) => e.entity.label === 'State');
        if (state) return state.entity.id;
      }
    }
  }
  return null;
}

const roleCache = new WeakMap<Gazetteer, Role[]>();

/** Roles of the gazetteer's entities, from their descriptions and role properties (built once per gazetteer). */
export function rolesOf(gazetteer: Gazetteer): Role[] {
  const cached = roleCache.get(gazetteer);
  if (cached) return cached;
  const roles: Role[] = [];
  roleCache.set(gazetteer, roles);
  for (const e of gazetteer.byId.values()) roles.push(...rolesOfEntity(e, gazetteer));
  return roles;
}

function rolesOfEntity(e: GazetteerEntity, gazetteer: Gazetteer): Role[] {
  const roles: Role[] = [];
  for (const r of e.roles ?? []) {
    const tokens = normalizeText(r).split(' ');
    const words = roleWords(tokens);
    if (!words.some((w) => HEADS.has(w))) continue;
    roles.push({ id: e.id, name: e.name, label: e.label, words: new Set(words), state: stateIn(tokens, gazetteer) });
  }
  return roles;
}

/** Entities just added to a gazetteer join its roles, when they were read already. */
export function addRoles(gazetteer: Gazetteer, entities: readonly GazetteerEntity[]): void {
  const roles = roleCache.get(gazetteer);
  if (roles) for (const e of entities) roles.push(...rolesOfEntity(e, gazetteer));
}

function lastBefore(mentions: readonly EntityMention[], pos: number, fits: (m: EntityMention) => boolean): EntityMention | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.end <= pos && !m.modifier && fits(m)) return m;
  }
  return undefined;
}

function lastDistinct(mentions: readonly EntityMention[], pos: number, label: NodeLabel, n: number): EntityMention[] {
  const found: EntityMention[] = [];
  for (let i = mentions.length - 1; i >= 0 && found.length < n; i--) {
    const m = mentions[i];
    if (m.end > pos || m.modifier || m.label !== label) continue;
    if (!found.some((f) => (f.id ?? f.name) === (m.id ?? m.name))) found.push(m);
  }
  return found.length === n ? found.reverse() : [];
}

function ref(a: Antecedent, start: number, end: number, surface: string, reason: string): Reference {
  return {
    mention: { id: a.id, label: a.label, name: a.name, surface, start, end, reason, modifier: false, refersTo: reason },
    reason,
  };
}

const covered = (mentions: readonly EntityMention[], start: number, end: number) => mentions.some((m) => m.start < end && start < m.end);

/** Title phrases without a name after them, read as the role's holder. */
function titleReferences(text: string, mentions: readonly EntityMention[], gazetteer: Gazetteer, roles: Role[]): Reference[] {
  const out: Reference[] = [];
  // Titles the article itself puts before a name ("Menteri Pertahanan Korea Utara No Kwang-chol").
  const local: Role[] = [];
  const re = /[\p{L}'’]+/gu;
  // Lower-casing is enough for the keys here (role words are ASCII; states go through stateIn): normalizing every word of a page is not.
  const words = [...text.matchAll(re)].map((m) => ({ text: m[0], key: m[0].toLowerCase().replace(/['’]/g, ''), start: m.index!, end: m.index! + m[0].length }));
  let i = 0;
  while (i < words.length) {
    const w0 = words[i];
    if (!(w0.key in ROLE_WORDS) && w0.key !== 'the' && !/^\p{Lu}/u.test(w0.text)) {
      i++;
      continue;
    }
    const headAt = (() => {
      let j = i;
      const found: number[] = [];
      while (j < words.length && j - i < 7) {
        const w = words[j];
        const gap = j > i ? text.slice(words[j - 1].end, w.start) : ' ';
        if (j > i && !/^(?:\s+|['’]s\s+|\s*-\s*)$/u.test(gap)) break;
        const isRole = w.key in ROLE_WORDS;
        // Only a capitalised word can name a state; looking up every word costs more than the rest.
        const isState = !isRole && /^\p{Lu}/u.test(w.text) && (w.key in DEMONYMS || STATE_PARTS.has(w.key) || stateIn([w.key.replace(/s$/, '')], gazetteer) !== null);
        const isThe = w.key === 'the' && j === i;
        if (!isRole && !isState && !isThe) break;
        if (isRole && HEADS.has((ROLE_WORDS[w.key] ?? []).slice(-1)[0] ?? '')) found.push(j);
        j++;
      }
      return { end: j, heads: found };
    })();
    if (!headAt.heads.length) {
      i++;
      continue;
    }
    const phrase = words.slice(i, headAt.end);
    const start = phrase[0].start;
    let end = phrase[phrase.length - 1].end;
    const tokens = phrase.map((w) => normalizeText(w.text).replace(/ /g, ''));
    const next = words[headAt.end];
    const nextGap = next ? text.slice(end, next.start) : '';
    const person = mentions.find((m) => m.label === 'Person' && m.start >= end && /^[ \t]{1,2}$/.test(text.slice(end, m.start)));
    const stateId = stateIn(tokens.map((t) => t.replace(/s$/, '')), gazetteer) ?? stateIn(tokens, gazetteer);
    const rw = roleWords(tokens);
    i = headAt.end;
    if (person) {
      // A title before a name: remember it for "the minister" later on.
      local.push({ id: person.id ?? '', name: person.name, label: 'Person', words: new Set(rw), state: stateId });
      if (person.id === null) local[local.length - 1].id = `name:${person.name}`;
      continue;
    }
    const definite = tokens[0] === 'the' || (next && ENDS_REFERENCE.test(next.text) && /^\s+$/.test(nextGap));
    const hasState = stateId !== null;
    if (!definite && !hasState) continue;
    if (next && ENDS_REFERENCE.test(next.text)) end = next.end;
    if (covered(mentions, start, end) && !definite) continue;
    const fits = (r: Role) => rw.every((w) => r.words.has(w)) && (!stateId || r.state === stateId);
    const candidates = [...local.filter(fits), ...roles.filter(fits)];
    const ids = [...new Set(candidates.map((c) => c.id))];
    if (!ids.length) continue;
    // Several holders fit ("the minister"): the one the article named last.
    const named = lastBefore(mentions, start, (m) => ids.includes(m.id ?? `name:${m.name}`));
    const chosen = named ? (named.id ?? `name:${named.name}`) : ids.length === 1 ? ids[0] : null;
    if (!chosen) continue;
    const holder = candidates.find((c) => c.id === chosen)!;
    const surface = text.slice(start, end);
    const a: Antecedent = named ?? { id: holder.id.startsWith('name:') ? null : holder.id, name: holder.name, label: holder.label, start, end };
    out.push(ref(a, start, end, surface, `"${surface}" read as ${a.name}, the holder of that role${named ? ' named earlier' : ''}`));
  }
  return out;
}

/** Surnames and abbreviations the article introduced for a proposed entity. */
function shortForms(text: string, mentions: readonly EntityMention[]): Reference[] {
  const out: Reference[] = [];
  const forms = new Map<string, EntityMention>();
  for (const m of mentions) {
    if (m.id !== null || !m.label) continue;
    const parts = m.name.split(/\s+/);
    if (m.label === 'Person' && parts.length >= 2) forms.set(parts[parts.length - 1], m);
    const abbr = /^\s*\((\p{Lu}{2,6})\)/u.exec(text.slice(m.end, m.end + 10));
    if (abbr) forms.set(abbr[1], m);
  }
  for (const [form, m] of forms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-])`, 'gu');
    for (const hit of text.matchAll(re)) {
      const start = hit.index!;
      const end = start + form.length;
      if (start < m.end || covered(mentions, start, end)) continue;
      out.push(ref(m, start, end, form, `"${form}" is how the article shortens ${m.name}`));
    }
  }
  return out;
}

/** Mentions for the words in `text` that point back to entities of `mentions`. */
export function resolveReferences(text: string, mentions: readonly EntityMention[], gazetteer: Gazetteer): EntityMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const refs: Reference[] = [...shortForms(text, sorted)];
  const withShort = [...sorted, ...refs.map((r) => r.mention)].sort((a, b) => a.start - b.start);
  refs.push(...titleReferences(text, withShort, gazetteer, rolesOf(gazetteer)));
  const base = [...sorted, ...refs.map((r) => r.mention)].sort((a, b) => a.start - b.start);

  for (const hit of text.matchAll(PERSON_PRONOUNS)) {
    const start = hit.index!;
    // A pronoun opening a sentence is the previous sentence's subject (its first person), as news writes;
    // inside a sentence, the last person before it.
    const sentenceStart = Math.max(text.lastIndexOf('. ', start), text.lastIndexOf('\n', start - 1)) + 1;
    const opens = text.slice(sentenceStart, start).trim() === '';
    let person: EntityMention | undefined;
    if (opens) {
      const prevEnd = sentenceStart;
      const prevStart = Math.max(text.lastIndexOf('. ', prevEnd - 3), text.lastIndexOf('\n', prevEnd - 2)) + 1;
      person = base.find((m) => m.label === 'Person' && !m.modifier && m.start >= prevStart && m.end <= prevEnd);
    }
    person ??= lastBefore(base, start, (m) => m.label === 'Person');
    if (!person || start - person.end > 600) continue;
    refs.push(ref(person, start, start + hit[0].length, hit[0], `"${hit[0]}" refers back to ${person.name}`));
  }
  for (const hit of text.matchAll(NYA_TROOPS)) {
    const state = lastBefore(base, hit.index!, (m) => m.label === 'State');
    if (!state) continue;
    const start = hit.index! + hit[0].length - 3;
    refs.push(ref(state, start, start + 3, '-nya', `"${hit[0]}": the troops of ${state.name}, named before`));
  }
  for (const hit of text.matchAll(NYA_VERB)) {
    const person = lastBefore(base, hit.index!, (m) => m.label === 'Person');
    if (!person) continue;
    const start = hit.index! + hit[0].length - 3;
    refs.push(ref(person, start, start + 3, '-nya', `"${hit[0]}": done by ${person.name}, named before`));
  }
  for (const [re, label] of [[PLURAL_PEOPLE, 'Person'], [PLURAL_STATES, 'State']] as const) {
    for (const hit of text.matchAll(re)) {
      const start = hit.index!;
      const pair = lastDistinct(base, start, label, 2);
      for (const a of pair) refs.push(ref(a, start, start + hit[0].length, hit[0], `"${hit[0]}": ${pair.map((p) => p.name).join(' and ')}`));
    }
  }
  return refs.map((r) => r.mention).filter((m) => !covered(mentions, m.start, m.end) || m.surface === '-nya');
}
