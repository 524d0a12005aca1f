/**
 * Synthetic news graphs for benchmarks, shaped like a newsroom's year of one
 * story: at 1M relationships, 10k articles and 100k entities (the same ratios
 * at every scale), dates over one year (2024), 1–7 claims per fact. A few hub
 * states and their leaders take most of the facts (tens of thousands of edges
 * each at 1M), many events, people, bodies, places and agreements take a few
 * each, every claim quotes a sentence that stands verbatim in a synthetic
 * Indonesian article text, and articles MENTION the entities of their claims.
 * Deterministic from a seed; only relationship types and endpoint labels
 * allowed by shared/schema.ts. Quotes are shared string references between
 * the article texts and the edges, not copies.
 */
import { normalizeText, type Graph, type GraphEdge, type GraphNode, type PlainValue } from '../shared/graph.js';
import { RELATIONSHIPS, endpointPairs, type ClaimStatus, type NodeLabel, type RelType } from '../shared/schema.js';

/** mulberry32: a tiny seeded PRNG, so a scale factor always yields the same graph. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
/** Index skewed towards 0: the first entries of a list are its hubs. */
const skewed = (rand: Rand, n: number, power: number): number => Math.min(n - 1, Math.floor(n * rand() ** power));

export interface SyntheticOptions {
  /** Exact number of relationships. */
  relationships: number;
  /** Exact number of nodes (articles included); by default 0.11 per relationship (0.1 entities, 0.01 articles). */
  nodes?: number;
  seed?: number;
}

type EntityLabel = Exclude<NodeLabel, 'Article'>;

// ---------- names and words (Indonesian news register) ----------

const STATE_NAMES = [
  ['Rusia', 'Russia'], ['Korea Utara', 'Korut'], ['Ukraina', 'Ukraine'], ['Amerika Serikat', 'AS'], ['Korea Selatan', 'Korsel'],
  ['China', 'Tiongkok'], ['Jepang', 'Japan'], ['Indonesia', 'RI'], ['Iran', 'Republik Islam Iran'], ['India', 'Republik India'],
  ['Turki', 'Turkiye'], ['Jerman', 'Germany'], ['Prancis', 'France'], ['Inggris', 'Britania Raya'], ['Belarus', 'Belarusia'],
] as const;
const GIVEN = ['Budi', 'Siti', 'Andi', 'Dewi', 'Rizal', 'Maria', 'Ivan', 'Olga', 'Park', 'Lee', 'Kim', 'Sergei', 'Anna', 'Yuri', 'Hana', 'Joko', 'Sri', 'Agus', 'Nadia', 'Pavel'];
const FAMILY = ['Santoso', 'Wijaya', 'Petrov', 'Ivanova', 'Choe', 'Song', 'Lavrov', 'Hartono', 'Kusuma', 'Sokolov', 'Moon', 'Yoon', 'Nugroho', 'Smirnov', 'Halim'];
const ROLES = ['Menteri Luar Negeri', 'Menteri Pertahanan', 'Juru Bicara', 'Duta Besar', 'Jenderal', 'Analis', 'Anggota Parlemen', 'Perdana Menteri'];
const ORG_KINDS = [['Kementerian Pertahanan', 'ministry'], ['Parlemen', 'parliament'], ['Kantor Berita', 'agency'], ['Aliansi', 'alliance'], ['Dewan Keamanan', 'council']] as const;
const PLACE_KINDS = [['Kota', 'city'], ['Provinsi', 'region'], ['Laut', 'sea'], ['Wilayah', 'region']] as const;
const PLACE_ROOTS = ['Kursk', 'Pyongyang', 'Vladivostok', 'Donetsk', 'Seoul', 'Busan', 'Kharkiv', 'Rason', 'Sinuiju', 'Khasan', 'Wonsan', 'Belgorod', 'Odesa', 'Incheon'];
const EVENT_KINDS = [['KTT', 'summit'], ['Pertemuan', 'meeting'], ['Peluncuran Rudal', 'launch'], ['Latihan Militer', 'exercise'], ['Pengerahan Pasukan', 'deployment'], ['Konferensi Pers', 'briefing']] as const;
const AGREEMENT_KINDS = ['Perjanjian Kemitraan Strategis', 'Pakta Pertahanan', 'Nota Kesepahaman', 'Perjanjian Kerja Sama Militer', 'Kesepakatan Dagang'];
const OUTLETS = ['Okezone', 'Tempo', 'Kompas', 'Detik', 'CNN Indonesia', 'Antara', 'Republika', 'Sindonews'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** Troop numbers as the text says them, with their normalised value (sourceNumbers). */
const NUMBERS: ReadonlyArray<readonly [string, string]> = [
  ['lebih dari 10.000 tentara', '>10000'], ['sekitar 10.000 tentara', '~10000'], ['puluhan ribu tentara', 'tens-of-thousands'],
  ['12.000 tentara', '12000'], ['ribuan tentara', 'thousands'], ['sekitar 3.000 tentara', '~3000'],
];
/** Claim statuses by weight: most claims are plainly reported. */
const STATUS_WEIGHTS: Array<[ClaimStatus, number]> = [['reported', 60], ['attributed', 22], ['attributed-unnamed', 6], ['alleged', 7], ['believed', 3], ['denied', 2]];

/** Indonesian sentence per relationship type: `{s}` subject, `{o}` object, `{d}` date phrase. */
const TEMPLATES: Record<RelType, readonly string[]> = {
  SIGNED: ['{s} menandatangani {o} pada {d}.', 'Pada {d}, {s} resmi meneken {o}.'],
  RATIFIED: ['{s} telah meratifikasi {o} pada {d}, menurut laporan media pemerintah.', '{s} mengesahkan {o} menjadi undang-undang pada {d}.'],
  PARTY_TO: ['{s} merupakan pihak dalam {o} yang mulai berlaku {d}.'],
  ENTERED_INTO_FORCE: ['{s} mulai berlaku pada {o} tanggal {d}.'],
  DEPLOYED_TROOPS_TO: ['{s} telah mengirim {n} ke {o} untuk mendukung perangnya, kata pejabat pada {d}.', 'Menurut intelijen, {s} menempatkan {n} di {o} sejak {d}.'],
  MET_WITH: ['{s} bertemu dengan {o} di ibu kota pada {d}.', '{s} dan {o} mengadakan pembicaraan tertutup pada {d}.'],
  VISITED: ['{s} mengunjungi {o} pada {d} dalam kunjungan kenegaraan.', 'Pada {d}, {s} tiba di {o}.'],
  PARTICIPATED_IN: ['{s} hadir dalam {o} pada {d}.', '{s} ikut serta dalam {o} yang digelar {d}.'],
  HELD_IN: ['{s} digelar di {o} pada {d}.'],
  CONCERNS: ['{s} membahas {o}, kata panitia pada {d}.'],
  LEADER_OF: ['{s} memimpin {o} sejak {d}.'],
  MEMBER_OF: ['{s} menjabat di {o} sejak {d}.', '{s} bergabung dengan {o} pada {d}.'],
  PART_OF: ['{s} berada di bawah {o}, menurut dokumen resmi tertanggal {d}.'],
  LOCATED_IN: ['{s} terletak di {o}.'],
  LAUNCHED: ['{s} meluncurkan rudal balistik dalam {o} pada {d}.', 'Pada {d}, {s} melancarkan {o}.'],
  ACCUSED: ['{s} menuduh {o} melanggar hukum internasional pada {d}.', 'Pada {d}, {s} menuding {o} memasok senjata secara ilegal.'],
  SUPPLIED: ['{s} memasok peluru artileri dan rudal kepada {o}, kata pejabat pada {d}.', '{s} mengirim teknologi militer ke {o} pada {d}.'],
  SUPPORTS: ['{s} menyatakan dukungan penuh kepada {o} pada {d}.'],
  OPPOSES: ['{s} mengecam keputusan {o} pada {d}.', '{s} menentang langkah {o}, katanya pada {d}.'],
  FIGHTS: ['{s} masih berperang melawan {o} hingga {d}.'],
  STATED: ['"Kami siap membantu," kata {s} tentang {o} pada {d}.', '{s} mengatakan pada {d} bahwa {o} adalah prioritas.'],
  REPORTED: ['{s} melaporkan pada {d} bahwa {o} menjadi sorotan.'],
  MENTIONS: ['{s} menyebut {o}.'],
};

// ---------- dates ----------

const DAY_MS = 86_400_000;
/** One year of news: 2024 (a leap year). */
export const SYNTHETIC_YEAR = 2024;
const EPOCH = Date.UTC(SYNTHETIC_YEAR, 0, 1);
const SPAN_DAYS = 366;

const isoDay = (days: number): string => new Date(EPOCH + days * DAY_MS).toISOString().slice(0, 10);
function datePhrase(iso: string, precision: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (precision === 'year') return `tahun ${y}`;
  if (precision === 'month') return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

// ---------- builders ----------

interface ArticleDraft {
  node: GraphNode;
  day: number;
  parts: string[];
  length: number;
  /** Entities already mentioned by a claim of this article. */
  mentioned: Set<string>;
}

function slug(text: string): string {
  return normalizeText(text).replace(/ /g, '-');
}

function entityNode(label: EntityLabel, name: string, index: number, aliases: string[], extra: Record<string, PlainValue>, description: string): GraphNode {
  const id = `${label.toLowerCase()}:${slug(name)}-${index}`;
  const properties: Record<string, PlainValue> = {
    id,
    name,
    aliases,
    description,
    searchText: normalizeText([name, ...aliases].join(' ')),
    ...extra,
  };
  return { id, label, properties };
}

/** Budget per label: a few hub states, one leader per state, then the rest by the real graph's mix. */
function entityBudget(entities: number, relationships: number): Record<EntityLabel, number> {
  const states = Math.max(3, Math.min(60, Math.round(Math.cbrt(relationships) / 2), Math.floor(entities / 6)));
  const rest = Math.max(0, entities - states);
  const people = Math.max(states, Math.round(rest * 0.3));
  const orgs = Math.round(rest * 0.2);
  const places = Math.round(rest * 0.15);
  const agreements = Math.max(1, Math.round(rest * 0.1));
  const events = Math.max(1, entities - states - people - orgs - places - agreements);
  return { State: states, Person: people, Organization: orgs, Place: places, Agreement: agreements, Event: events };
}

function makeEntities(rand: Rand, budget: Record<EntityLabel, number>): Record<EntityLabel, GraphNode[]> {
  const out = {} as Record<EntityLabel, GraphNode[]>;
  out.State = Array.from({ length: budget.State }, (_, i) => {
    const [name, alias] = STATE_NAMES[i % STATE_NAMES.length];
    const full = i < STATE_NAMES.length ? name : `${name} ${Math.floor(i / STATE_NAMES.length) + 1}`;
    return entityNode('State', full, i, [alias, `Negara ${full}`], {}, `synthetic state ${i}`);
  });
  out.Person = Array.from({ length: budget.Person }, (_, i) => {
    const name = `${pick(rand, GIVEN)} ${pick(rand, FAMILY)}`;
    // The first people lead the hub states.
    const role = i < budget.State ? `Presiden ${out.State[i].properties.name}` : pick(rand, ROLES);
    return entityNode('Person', name, i, [name.split(' ')[1], `${role} ${name}`], { role }, role);
  });
  out.Organization = Array.from({ length: budget.Organization }, (_, i) => {
    const [word, kind] = pick(rand, ORG_KINDS);
    const name = `${word} ${pick(rand, FAMILY)} ${i}`;
    return entityNode('Organization', name, i, [word], { kind }, `synthetic ${kind}`);
  });
  out.Place = Array.from({ length: budget.Place }, (_, i) => {
    const [word, kind] = pick(rand, PLACE_KINDS);
    const name = `${word} ${pick(rand, PLACE_ROOTS)} ${i}`;
    return entityNode('Place', name, i, [name.split(' ')[1]], { kind }, `synthetic ${kind}`);
  });
  out.Agreement = Array.from({ length: budget.Agreement }, (_, i) => {
    const signed = Math.floor(rand() * SPAN_DAYS);
    const name = `${pick(rand, AGREEMENT_KINDS)} ${i}`;
    return entityNode('Agreement', name, i, [`pakta ${i}`], { dateSigned: isoDay(signed), dateInForce: rand() < 0.6 ? isoDay(signed + 30 + Math.floor(rand() * 150)) : null }, 'synthetic agreement');
  });
  out.Event = Array.from({ length: budget.Event }, (_, i) => {
    const [word, kind] = pick(rand, EVENT_KINDS);
    const precision = rand() < 0.8 ? 'day' : 'month';
    const name = `${word} ${pick(rand, PLACE_ROOTS)} ${i}`;
    return entityNode('Event', name, i, [word.toLowerCase()], { kind, date: isoDay(Math.floor(rand() * SPAN_DAYS)), datePrecision: precision }, `synthetic ${kind}`);
  });
  return out;
}

function makeArticle(rand: Rand, index: number): ArticleDraft {
  const day = Math.floor(rand() * SPAN_DAYS);
  const outlet = pick(rand, OUTLETS);
  const date = isoDay(day);
  const headline = `Laporan ${index}: ${pick(rand, ['Ketegangan', 'Kerja Sama', 'Pertemuan', 'Pakta', 'Serangan'])} ${pick(rand, PLACE_ROOTS)} Meningkat`;
  const id = `article:${slug(outlet)}-${date}-${index}`;
  const lead = `${pick(rand, PLACE_ROOTS).toUpperCase()} - ${headline}. `;
  const node: GraphNode = {
    id,
    label: 'Article',
    properties: {
      id,
      name: headline,
      aliases: [],
      description: `News article (${outlet}, ${date})`,
      searchText: normalizeText(headline),
      outlet,
      headline,
      byline: `${pick(rand, GIVEN)} ${pick(rand, FAMILY)}`,
      publishedAt: date,
      language: 'id',
      file: `synthetic_${String(index).padStart(6, '0')}.txt`,
      text: '',
    },
  };
  return { node, day, parts: [lead], length: lead.length, mentioned: new Set() };
}

/** Appends a sentence to an article and returns its offset: quotes are therefore verbatim substrings. */
function appendSentence(article: ArticleDraft, sentence: string): number {
  const offset = article.length;
  article.parts.push(sentence, ' ');
  article.length += sentence.length + 1;
  return offset;
}

/** Weighted mix of fact types, roughly the real graph's (MENTIONS are derived separately). */
const FACT_WEIGHTS: Array<[RelType, number]> = [
  ['STATED', 15], ['PARTICIPATED_IN', 11], ['OPPOSES', 9], ['ACCUSED', 8], ['MEMBER_OF', 8], ['REPORTED', 7], ['SUPPORTS', 6],
  ['HELD_IN', 5], ['RATIFIED', 5], ['SIGNED', 5], ['MET_WITH', 4], ['VISITED', 4], ['PART_OF', 4], ['LEADER_OF', 2], ['CONCERNS', 3],
  ['SUPPLIED', 3], ['LOCATED_IN', 2], ['PARTY_TO', 2], ['DEPLOYED_TROOPS_TO', 2], ['FIGHTS', 2], ['ENTERED_INTO_FORCE', 1], ['LAUNCHED', 1],
];
const FACT_TOTAL = FACT_WEIGHTS.reduce((s, [, w]) => s + w, 0);

/** Claims per fact, 1–7: most facts have one source, big stories many. */
const CLAIM_WEIGHTS = [45, 20, 12, 9, 6, 4, 4];
function claimStatus(rand: Rand): ClaimStatus {
  let x = rand() * 100;
  for (const [status, w] of STATUS_WEIGHTS) if ((x -= w) < 0) return status;
  return 'reported';
}

function claimCount(rand: Rand): number {
  let x = rand() * 100;
  for (let i = 0; i < CLAIM_WEIGHTS.length; i++) if ((x -= CLAIM_WEIGHTS[i]) < 0) return i + 1;
  return 1;
}

interface DateRange {
  date: string;
  from: string | null;
  to: string | null;
}

/** A day, or the month or year around it as a range (timelines match ranges that overlap a window). */
function dateRange(day: number, precision: string): DateRange {
  const iso = isoDay(day);
  if (precision === 'day') return { date: iso, from: null, to: null };
  const [y, m] = iso.split('-').map(Number);
  if (precision === 'year') return { date: `${y}-01-01`, from: `${y}-01-01`, to: `${y}-12-31` };
  const first = `${iso.slice(0, 7)}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { date: first, from: first, to: last };
}

function pickFactType(rand: Rand): RelType {
  let x = rand() * FACT_TOTAL;
  for (const [type, w] of FACT_WEIGHTS) if ((x -= w) < 0) return type;
  return 'STATED';
}

/**
 * A synthetic news graph with exactly `relationships` edges (about 60% facts,
 * 40% MENTIONS) and, when given, exactly `nodes` nodes.
 */
export function syntheticGraph(options: SyntheticOptions): Graph {
  const { relationships } = options;
  if (!Number.isInteger(relationships) || relationships < 1) throw new Error('relationships must be a positive integer');
  const rand = prng(options.seed ?? 20241112);
  if (options.nodes !== undefined && (!Number.isInteger(options.nodes) || options.nodes < 12)) throw new Error('nodes must be an integer of at least 12');
  const totalNodes = options.nodes ?? Math.max(12, Math.round(relationships * 0.11));
  const mentionsTarget = Math.floor(relationships * 0.4);
  const factsTarget = relationships - mentionsTarget;
  // One article per eleven nodes (10k articles beside 100k entities at 1M relationships).
  const articleCount = Math.max(2, Math.round(totalNodes / 11));
  const entityCount = totalNodes - articleCount;
  const byLabel = makeEntities(rand, entityBudget(entityCount, relationships));
  const articles = Array.from({ length: articleCount }, (_, i) => makeArticle(rand, i));
  const edges: GraphEdge[] = [];
  const mentionCandidates: Array<{ article: ArticleDraft; entityId: string; quote: string; offset: number }> = [];
  const powers: Record<EntityLabel, number> = { State: 2, Person: 3, Organization: 2.5, Place: 2, Agreement: 2, Event: 1.5 };
  const pickEntity = (label: EntityLabel) => byLabel[label][skewed(rand, byLabel[label].length, powers[label])];
  const pairsOf = new Map(RELATIONSHIPS.map((r) => [r.type as RelType, endpointPairs(r.type).filter(([f, t]) => byLabel[f as EntityLabel]?.length && byLabel[t as EntityLabel]?.length)]));

  const addFact = (n: number) => {
    let type = pickFactType(rand);
    // The first facts give every hub state its leader.
    if (n < byLabel.State.length) type = 'LEADER_OF';
    let [from, to] = [byLabel.Person[n], byLabel.State[n]];
    for (let attempt = 0; type !== 'LEADER_OF' || n >= byLabel.State.length; attempt++) {
      const [fromLabel, toLabel] = pick(rand, pairsOf.get(type)!) as [EntityLabel, EntityLabel];
      [from, to] = [pickEntity(fromLabel), pickEntity(toLabel)];
      // No self-loops: pick again (a label with one node may need another pair).
      if (from.id !== to.id || attempt > 20) break;
    }
    const claims = claimCount(rand);
    const x = rand();
    const precision = x < 0.85 ? 'day' : x < 0.97 ? 'month' : 'year';
    const sources: { article: string; quote: string; offset: number; claim: string; note: string; status: ClaimStatus; number: string; date: string }[] = [];
    let range: DateRange | null = null;
    for (let c = 0; c < claims; c++) {
      const article = articles[skewed(rand, articles.length, 1.2)];
      const day = Math.max(0, article.day - Math.floor(rand() * 30));
      range ??= dateRange(day, precision);
      const phrase = datePhrase(range.date, precision);
      const [number, normalised] = type === 'DEPLOYED_TROOPS_TO' ? pick(rand, NUMBERS) : ['', ''];
      const quote = pick(rand, TEMPLATES[type])
        .replace('{s}', String(from.properties.name))
        .replace('{o}', String(to.properties.name))
        .replace('{d}', phrase)
        .replace('{n}', number);
      const offset = appendSentence(article, quote);
      for (const e of [from, to]) {
        if (article.mentioned.has(e.id)) continue;
        article.mentioned.add(e.id);
        mentionCandidates.push({ article, entityId: e.id, quote, offset });
      }
      const stated = precision === 'day' ? range.date : precision === 'month' ? range.date.slice(0, 7) : range.date.slice(0, 4);
      sources.push({ article: article.node.id, quote, offset, claim: number, note: `stated: '${phrase}'`, status: claimStatus(rand), number: normalised, date: stated });
    }
    const id = `rel:${type.toLowerCase().replace(/_/g, '-')}:${from.id.split(':')[1]}:${to.id.split(':')[1]}:${n}`;
    edges.push({
      id,
      type,
      source: from.id,
      target: to.id,
      properties: {
        id,
        summary: `${from.properties.name} ${type.toLowerCase().replace(/_/g, ' ')} ${to.properties.name}.`,
        date: range!.date,
        datePrecision: precision,
        dateFrom: range!.from,
        dateTo: range!.to,
        place: type === 'MET_WITH' || type === 'SIGNED' ? pickEntity('Place').id : null,
        sourceArticles: sources.map((s) => s.article),
        sourceQuotes: sources.map((s) => s.quote),
        sourceOffsets: sources.map((s) => s.offset),
        sourceClaims: sources.map((s) => s.claim),
        sourceDateNotes: sources.map((s) => s.note),
        sourceStatuses: sources.map((s) => s.status),
        sourceNumbers: sources.map((s) => s.number),
        sourceDates: sources.map((s) => s.date),
        sourcePlaces: sources.map(() => ''),
      },
    });
  };

  let facts = 0;
  while (facts < factsTarget) addFact(facts++);
  const mentionEdge = (article: ArticleDraft, entityId: string, src: { quote: string; offset: number }): GraphEdge => {
    const id = `rel:mentions:${article.node.id}:${entityId}`;
    return {
      id,
      type: 'MENTIONS',
      source: article.node.id,
      target: entityId,
      properties: {
        id,
        summary: `“${article.node.properties.headline}” mentions ${entityId}.`,
        date: null,
        datePrecision: null,
        dateFrom: null,
        dateTo: null,
        place: null,
        sourceArticles: [article.node.id],
        sourceQuotes: [src.quote],
        sourceOffsets: [src.offset],
        sourceClaims: [''],
        sourceDateNotes: [''],
        sourceStatuses: ['reported'],
        sourceNumbers: [''],
        sourceDates: [''],
        sourcePlaces: [''],
      },
    };
  };
  // MENTIONS are derived from the claims, as in the seed; a small graph may need extra facts to reach the total.
  // Evenly spaced over the candidates, so every part of the graph keeps some.
  const mentions = Math.min(mentionsTarget, mentionCandidates.length);
  const step = mentionCandidates.length / Math.max(1, mentions);
  for (let i = 0; i < mentions; i++) {
    const c = mentionCandidates[Math.floor(i * step)];
    edges.push(mentionEdge(c.article, c.entityId, c));
  }
  for (let extra = mentions; extra < mentionsTarget; extra++) addFact(facts++);

  for (const a of articles) a.node.properties.text = a.parts.join('').trimEnd();
  const entities = (['State', 'Person', 'Organization', 'Place', 'Agreement', 'Event'] as const).flatMap((l) => byLabel[l]);
  return { nodes: [...entities, ...articles.map((a) => a.node)], edges };
}

// ---------- raw articles for the extractor ----------

export interface SyntheticArticle {
  raw: string;
  date: string;
  outlet: string;
}

/**
 * Corpus-like raw pages (headline, byline, date line, dateline lead, paragraphs)
 * built from the graph's own facts, so a gazetteer of its entities finds them.
 */
export function syntheticArticles(graph: Graph, count: number, seed = 7): SyntheticArticle[] {
  const rand = prng(seed);
  const name = new Map(graph.nodes.map((n) => [n.id, String(n.properties.name)]));
  const facts = graph.edges.filter((e) => e.type !== 'MENTIONS');
  return Array.from({ length: count }, (_, i) => {
    const day = Math.floor(rand() * SPAN_DAYS);
    const date = isoDay(day);
    const [y, m, d] = date.split('-').map(Number);
    const outlet = pick(rand, OUTLETS);
    const sentences = Array.from({ length: 12 + Math.floor(rand() * 12) }, () => {
      const e = pick(rand, facts);
      return pick(rand, TEMPLATES[e.type as RelType])
        .replace('{s}', name.get(e.source) ?? e.source)
        .replace('{o}', name.get(e.target) ?? e.target)
        .replace('{d}', datePhrase(isoDay(Math.max(0, day - Math.floor(rand() * 20))), 'day'))
        .replace('{n}', pick(rand, NUMBERS)[0]);
    });
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences.length; s += 3) paragraphs.push(sentences.slice(s, s + 3).join(' '));
    const raw = [
      `Laporan ${i}: Ketegangan di ${pick(rand, PLACE_ROOTS)} Meningkat`,
      '',
      `${pick(rand, GIVEN)} ${pick(rand, FAMILY)}, Jurnalis`,
      `Senin ${d} ${MONTHS[m - 1]} ${y} 10:15 WIB`,
      'Share :',
      '',
      `${pick(rand, PLACE_ROOTS).toUpperCase()} - ${paragraphs[0]}`,
      '',
      ...paragraphs.slice(1).flatMap((p) => [p, '']),
    ].join('\n');
    return { raw, date, outlet };
  });
}
