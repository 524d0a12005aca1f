/**
 * The curated knowledge base: `seed/entities.json` plus one `seed/facts/<corpus-file>.json`
 * per article of `seed/corpus/`. Loads, validates (zod, strict) and turns it into a
 * `Graph` ready for the stores: entities + Article nodes, merged facts with their
 * provenance as parallel lists, and derived MENTIONS edges.
 *
 * Every problem is a `SeedDataError` naming the file, the entry and what to fix.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from '../shared/project-root.js';
import { normalizeText, type Graph, type GraphEdge, type GraphNode, type PlainValue } from '../shared/graph.js';
import { CLAIM_STATUSES, LABELS, NODE_LABELS, REL_PROPS, isNodeLabel, isRelType, relDef, type ClaimStatus, type NodeLabel, type RelType } from '../shared/schema.js';

export class SeedDataError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string | null,
    readonly problem: string,
  ) {
    super(`${file}${entry ? ` [${entry}]` : ''}: ${problem}`);
    this.name = 'SeedDataError';
  }
}

export type { DatePrecision } from '../shared/api.js';
import type { DatePrecision } from '../shared/api.js';
export type EntityLabel = Exclude<NodeLabel, 'Article'>;

export interface EntityRecord {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  description: string;
  /** Label-specific properties declared in the schema (role, kind, dateSigned, …). */
  props: Record<string, string | null>;
}

export interface ArticleInfo {
  id: string;
  /** Corpus file name, e.g. `000_2d0bdcccff2d890c.txt`. */
  file: string;
  /** Facts file name, e.g. `000_2d0bdcccff2d890c.json`. */
  factsFile: string;
  outlet: string | null;
  headline: string | null;
  /** Display name: the headline, or a stated stand-in when the page has none. */
  name: string;
  byline: string | null;
  publishedAt: string | null;
  publishedAtNote: string;
  language: string;
  cutAt: string[];
  dropLines: string[];
  /** Cleaned text; quote offsets index into it. */
  text: string;
  factCount: number;
}

/** One supporting claim of a fact: an article, its words and where they stand. */
export interface FactClaim {
  article: string;
  file: string;
  quote: string;
  offset: number;
  claim: string;
  dateNote: string;
  /** How the source gives the claim; null only while a facts file still lacks it. */
  status: ClaimStatus | null;
  /** The quantity this source gives, normalised (`>10000`), or ''. */
  number: string;
  /** The date this source gives (`2024-11`, `2024-11-06`, `FROM..TO`), or ''. */
  date: string;
  /** The Place this source gives, or ''. */
  place: string;
}

/** A relationship after merging every article entry with the same id. */
export interface MergedFact {
  id: string;
  type: RelType;
  from: string;
  to: string;
  summary: string;
  date: string | null;
  datePrecision: DatePrecision | null;
  dateFrom: string | null;
  dateTo: string | null;
  place: string | null;
  claims: FactClaim[];
}

export interface KnowledgeBase {
  graph: Graph;
  articles: ArticleInfo[];
  entities: EntityRecord[];
  facts: MergedFact[];
}

// ---------------------------------------------------------------- input shapes

const ENTITY_BASE_PROPS = new Set(['id', 'name', 'aliases', 'description', 'searchText']);
const ENTITY_LABELS = NODE_LABELS.filter((l): l is EntityLabel => l !== 'Article');

const EntityInput = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  description: z.string().min(1),
  props: z.record(z.string(), z.string().min(1).nullable()),
});

const EntitiesFileInput = z.strictObject({ entities: z.array(z.unknown()) });

const ArticleInput = z.strictObject({
  id: z.string().regex(/^article:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected article:<slug>'),
  file: z.string().regex(/^[^/\\]+\.txt$/, 'expected a corpus file name such as 000_x.txt'),
  outlet: z.string().min(1).nullable(),
  headline: z.string().min(1).nullable(),
  displayName: z.string().min(1).optional(),
  byline: z.string().min(1).nullable(),
  publishedAt: z.string().nullable(),
  publishedAtNote: z.string(),
  language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code'),
  cutAt: z.array(z.string().min(1)),
  dropLines: z.array(z.string().min(1)),
});

const FactInput = z.strictObject({
  id: z.string().regex(/^rel:[a-z0-9]+(?:[-:][a-z0-9]+)*$/, 'expected rel:<type>:<from>:<to>[:<qualifier>]'),
  type: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  summary: z.string().min(1),
  date: z.string().nullable(),
  datePrecision: z.enum(['day', 'month', 'year']).nullable(),
  dateFrom: z.string().nullable().optional(),
  dateTo: z.string().nullable().optional(),
  dateNote: z.string(),
  place: z.string().nullable(),
  quote: z.string().min(1),
  claim: z.string(),
  status: z.enum(CLAIM_STATUSES).optional(),
  number: z
    .string()
    .regex(/^(?:[~<>]?\d+|tens-of-thousands|thousands|hundreds|some)$/, 'expected a normalised quantity: 10000, ~10000, >10000, <10000, hundreds, thousands, tens-of-thousands or some')
    .optional(),
});

const FactsFileInput = z.strictObject({ article: z.unknown(), facts: z.array(z.unknown()) });

type FactEntry = z.infer<typeof FactInput>;

function zodProblem(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

function entryName(raw: unknown, index: number, kind: string): string {
  if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string') return (raw as { id: string }).id;
  return `${kind} #${index}`;
}

// ---------------------------------------------------------------- dates

/** A problem with an ISO date, or null when it is a real calendar day. */
export function dateProblem(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `"${value}" is not a YYYY-MM-DD date`;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return `"${value}" is not a real calendar date`;
  return null;
}

function datePrecisionProblem(date: string | null, precision: string | null): string | null {
  if (date === null) return precision === null ? null : `datePrecision "${precision}" given without a date: set both or neither`;
  const bad = dateProblem(date);
  if (bad) return bad;
  if (precision === null) return `date ${date} needs a datePrecision (day, month or year)`;
  if (precision === 'month' && !date.endsWith('-01')) return `date ${date} with precision month must be the 1st of the month`;
  if (precision === 'year' && !date.endsWith('-01-01')) return `date ${date} with precision year must be January 1st`;
  if (!['day', 'month', 'year'].includes(precision)) return `datePrecision "${precision}" must be day, month or year`;
  return null;
}

/** The date one entry gives, cut to its precision, so claims compare as values: `2024-11`, `2024-11-06`, `FROM..TO`. */
function claimDateOf(f: FactEntry): string {
  if (f.dateFrom && f.dateTo) return `${f.dateFrom}..${f.dateTo}`;
  if (f.date === null) return '';
  if (f.datePrecision === 'year') return f.date.slice(0, 4);
  if (f.datePrecision === 'month') return f.date.slice(0, 7);
  return f.date;
}

// ---------------------------------------------------------------- article text

/**
 * The stored article text: the raw lines, cut at the first line (trimmed) equal to a
 * `cutAt` marker (that line and everything after dropped), minus lines (trimmed)
 * equal to a `dropLines` entry, joined with "\n" and trimmed.
 */
export function cleanArticleText(raw: string, cutAt: string[], dropLines: string[]): string {
  const cut = new Set(cutAt.map((s) => s.trim()));
  const drop = new Set(dropLines.map((s) => s.trim()));
  const kept: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const t = line.trim();
    if (cut.has(t)) break;
    if (drop.has(t)) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

// ---------------------------------------------------------------- loading

async function readJson(file: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SeedDataError(shown, null, `cannot read ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new SeedDataError(shown, null, `invalid JSON: ${(e as Error).message}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function validateEntity(raw: unknown, index: number, shown: string): EntityRecord {
  const name = entryName(raw, index, 'entity');
  const parsed = EntityInput.safeParse(raw);
  if (!parsed.success) throw new SeedDataError(shown, name, zodProblem(parsed.error));
  const e = parsed.data;
  if (!isNodeLabel(e.label) || e.label === 'Article') {
    throw new SeedDataError(shown, e.id, `unknown label "${e.label}": use one of ${ENTITY_LABELS.join(', ')}`);
  }
  const label = e.label as EntityLabel;
  const idPattern = new RegExp(`^${label.toLowerCase()}:[a-z0-9]+(?:-[a-z0-9]+)*$`);
  if (!idPattern.test(e.id)) throw new SeedDataError(shown, e.id, `id must look like ${label.toLowerCase()}:<slug> (lower case, hyphens)`);
  const declared = new Map(LABELS[label].props.filter((p) => !ENTITY_BASE_PROPS.has(p.name)).map((p) => [p.name, p]));
  for (const [key, value] of Object.entries(e.props)) {
    const def = declared.get(key);
    if (!def) {
      const allowed = [...declared.keys()];
      throw new SeedDataError(shown, e.id, `property "${key}" is not declared for ${label} (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`);
    }
    if (value !== null && def.type === 'DATE') {
      const bad = dateProblem(value);
      if (bad) throw new SeedDataError(shown, e.id, `props.${key}: ${bad}`);
    }
  }
  if (declared.has('date') || declared.has('datePrecision')) {
    const bad = datePrecisionProblem(e.props.date ?? null, e.props.datePrecision ?? null);
    if (bad) throw new SeedDataError(shown, e.id, `props: ${bad}`);
  }
  return { id: e.id, label, name: e.name, aliases: e.aliases, description: e.description, props: e.props };
}

interface LoadedArticle {
  info: ArticleInfo;
  entries: FactEntry[];
}

/** Loads and validates the knowledge base under `seedDir` (default: the project's seed/). */
export async function loadKnowledgeBase(seedDir?: string): Promise<KnowledgeBase> {
  const dir = seedDir ?? projectPath('seed');

  // Entities.
  const entitiesShown = 'entities.json';
  const entitiesRaw = EntitiesFileInput.safeParse(await readJson(path.join(dir, 'entities.json'), entitiesShown));
  if (!entitiesRaw.success) throw new SeedDataError(entitiesShown, null, zodProblem(entitiesRaw.error));
  const entities: EntityRecord[] = [];
  const entityById = new Map<string, EntityRecord>();
  entitiesRaw.data.entities.forEach((raw, i) => {
    const e = validateEntity(raw, i, entitiesShown);
    if (entityById.has(e.id)) throw new SeedDataError(entitiesShown, e.id, 'duplicate entity id: each id must be defined once');
    entityById.set(e.id, e);
    entities.push(e);
  });

  // Articles and their fact entries.
  const factsDir = path.join(dir, 'facts');
  let factFiles: string[];
  try {
    factFiles = (await readdir(factsDir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new SeedDataError('facts/', null, `cannot list ${factsDir}`);
  }
  if (factFiles.length === 0) throw new SeedDataError('facts/', null, 'no facts files: add one facts/<corpus-file>.json per article');

  const loaded: LoadedArticle[] = [];
  const articleIds = new Set<string>();
  for (const factsFile of factFiles) {
    const shown = `facts/${factsFile}`;
    const top = FactsFileInput.safeParse(await readJson(path.join(factsDir, factsFile), shown));
    if (!top.success) throw new SeedDataError(shown, null, zodProblem(top.error));
    const a = ArticleInput.safeParse(top.data.article);
    if (!a.success) throw new SeedDataError(shown, entryName(top.data.article, 0, 'article'), zodProblem(a.error));
    const art = a.data;
    if (articleIds.has(art.id)) throw new SeedDataError(shown, art.id, 'duplicate article id: another facts file uses it');
    articleIds.add(art.id);
    if (factsFile !== art.file.replace(/\.txt$/, '.json')) {
      throw new SeedDataError(shown, art.id, `facts file must be named after its corpus file: expected facts/${art.file.replace(/\.txt$/, '.json')}`);
    }
    const corpusFile = path.join(dir, 'corpus', art.file);
    if (!(await exists(corpusFile))) throw new SeedDataError(shown, art.id, `article file corpus/${art.file} is missing from the corpus`);
    if (art.publishedAt !== null) {
      const bad = dateProblem(art.publishedAt);
      if (bad) throw new SeedDataError(shown, art.id, `publishedAt: ${bad}`);
    }
    if (art.headline === null && !art.displayName) {
      throw new SeedDataError(shown, art.id, 'headline is null: give a displayName for the article node');
    }
    const raw = await readFile(corpusFile, 'utf8');
    const rawLines = new Set(raw.split(/\r?\n/).map((l) => l.trim()));
    for (const marker of art.cutAt) {
      if (!rawLines.has(marker.trim())) throw new SeedDataError(shown, art.id, `cutAt marker "${marker}" matches no line of corpus/${art.file}`);
    }
    for (const line of art.dropLines) {
      if (!rawLines.has(line.trim())) throw new SeedDataError(shown, art.id, `dropLines entry "${line}" matches no line of corpus/${art.file}`);
    }
    const text = cleanArticleText(raw, art.cutAt, art.dropLines);
    if (top.data.facts.length === 0) throw new SeedDataError(shown, art.id, 'article has no facts: every article must contribute at least one');

    const entries: FactEntry[] = [];
    top.data.facts.forEach((rawFact, i) => {
      const name = entryName(rawFact, i, 'fact');
      const parsed = FactInput.safeParse(rawFact);
      if (!parsed.success) throw new SeedDataError(shown, name, zodProblem(parsed.error));
      const f = parsed.data;
      if (!isRelType(f.type) || f.type === 'MENTIONS') {
        throw new SeedDataError(shown, f.id, `unknown relationship type "${f.type}" (MENTIONS is derived, not curated)`);
      }
      const def = relDef(f.type);
      const from = entityById.get(f.from);
      const to = entityById.get(f.to);
      if (!from) throw new SeedDataError(shown, f.id, `from "${f.from}" is not an entity in entities.json`);
      if (!to) throw new SeedDataError(shown, f.id, `to "${f.to}" is not an entity in entities.json`);
      if (!(def.from as readonly string[]).includes(from.label)) {
        throw new SeedDataError(shown, f.id, `${f.type} cannot start at a ${from.label} (${f.from}); allowed: ${def.from.join(', ')}`);
      }
      if (!(def.to as readonly string[]).includes(to.label)) {
        throw new SeedDataError(shown, f.id, `${f.type} cannot end at a ${to.label} (${f.to}); allowed: ${def.to.join(', ')}`);
      }
      if (f.place !== null) {
        const place = entityById.get(f.place);
        if (!place) throw new SeedDataError(shown, f.id, `place "${f.place}" is not an entity in entities.json`);
        if (place.label !== 'Place') throw new SeedDataError(shown, f.id, `place "${f.place}" is a ${place.label}, not a Place`);
      }
      const badDate = datePrecisionProblem(f.date, f.datePrecision);
      if (badDate) throw new SeedDataError(shown, f.id, badDate);
      for (const key of ['dateFrom', 'dateTo'] as const) {
        const v = f[key];
        if (v !== undefined && v !== null) {
          const bad = dateProblem(v);
          if (bad) throw new SeedDataError(shown, f.id, `${key}: ${bad}`);
        }
      }
      if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) throw new SeedDataError(shown, f.id, `dateFrom ${f.dateFrom} is after dateTo ${f.dateTo}`);
      if (!text.includes(f.quote)) {
        throw new SeedDataError(
          shown,
          f.id,
          `quote not found verbatim in the cleaned text of corpus/${art.file}: copy it exactly (quotes, spaces, spelling) from a line that is not cut or dropped — "${f.quote.slice(0, 80)}"`,
        );
      }
      if (entries.some((g) => g.id === f.id && g.quote === f.quote)) {
        throw new SeedDataError(shown, f.id, 'the same quote is given twice for this fact in this article');
      }
      entries.push(f);
    });

    loaded.push({
      info: {
        id: art.id,
        file: art.file,
        factsFile,
        outlet: art.outlet,
        headline: art.headline,
        name: art.headline ?? art.displayName ?? art.id,
        byline: art.byline,
        publishedAt: art.publishedAt,
        publishedAtNote: art.publishedAtNote,
        language: art.language,
        cutAt: art.cutAt,
        dropLines: art.dropLines,
        text,
        factCount: entries.length,
      },
      entries,
    });
  }

  // Merge entries with the same fact id into one relationship with several claims.
  const merged = new Map<string, MergedFact>();
  for (const { info, entries } of loaded) {
    const shown = `facts/${info.factsFile}`;
    for (const f of entries) {
      const claim: FactClaim = {
        article: info.id,
        file: info.file,
        quote: f.quote,
        offset: info.text.indexOf(f.quote),
        claim: f.claim,
        dateNote: f.dateNote,
        status: f.status ?? null,
        number: f.number ?? '',
        date: claimDateOf(f),
        place: f.place ?? '',
      };
      const prev = merged.get(f.id);
      if (!prev) {
        merged.set(f.id, {
          id: f.id,
          type: f.type as RelType,
          from: f.from,
          to: f.to,
          summary: f.summary,
          date: f.date,
          datePrecision: f.datePrecision,
          dateFrom: f.dateFrom ?? null,
          dateTo: f.dateTo ?? null,
          place: f.place,
          claims: [claim],
        });
        continue;
      }
      const conflict = (what: string, a: unknown, b: unknown) =>
        new SeedDataError(
          shown,
          f.id,
          `conflicting definitions of this fact: ${what} is ${JSON.stringify(b)} here but ${JSON.stringify(a)} in ${prev.claims[0].file.replace(/\.txt$/, '.json')} — make them agree, or use a separate fact id / a claim`,
        );
      for (const key of ['type', 'from', 'to', 'summary'] as const) {
        if (prev[key] !== f[key]) throw conflict(key, prev[key], f[key]);
      }
      if (f.date !== null) {
        if (prev.date === null) {
          prev.date = f.date;
          prev.datePrecision = f.datePrecision;
        } else if (prev.date !== f.date || prev.datePrecision !== f.datePrecision) {
          throw conflict('date', `${prev.date} (${prev.datePrecision})`, `${f.date} (${f.datePrecision})`);
        }
      }
      for (const key of ['dateFrom', 'dateTo', 'place'] as const) {
        const v = f[key] ?? null;
        if (v === null) continue;
        if (prev[key] === null) prev[key] = v;
        else if (prev[key] !== v) throw conflict(key, prev[key], v);
      }
      prev.claims.push(claim);
    }
  }
  const facts = [...merged.values()];

  const articles = loaded.map((l) => l.info);
  return { graph: buildGraph(entities, articles, facts, loaded), articles, entities, facts };
}

// ---------------------------------------------------------------- graph

function searchTextOf(name: string, aliases: string[]): string {
  return normalizeText([name, ...aliases].join(' | '));
}

function entityNode(e: EntityRecord): GraphNode {
  const properties: Record<string, PlainValue> = {};
  for (const p of LABELS[e.label].props) {
    switch (p.name) {
      case 'id':
        properties.id = e.id;
        break;
      case 'name':
        properties.name = e.name;
        break;
      case 'aliases':
        properties.aliases = [...e.aliases];
        break;
      case 'description':
        properties.description = e.description;
        break;
      case 'searchText':
        properties.searchText = searchTextOf(e.name, e.aliases);
        break;
      default:
        properties[p.name] = e.props[p.name] ?? null;
    }
  }
  return { id: e.id, label: e.label, properties };
}

function articleNode(a: ArticleInfo): GraphNode {
  const values: Record<string, PlainValue> = {
    id: a.id,
    name: a.name,
    aliases: [],
    description: `News article (${a.outlet ?? 'outlet not stated'}, ${a.publishedAt ?? 'publication date not stated'}${a.byline ? `, by ${a.byline}` : ''})`,
    searchText: searchTextOf(a.name, []),
    outlet: a.outlet,
    headline: a.headline,
    byline: a.byline,
    publishedAt: a.publishedAt,
    language: a.language,
    file: a.file,
    text: a.text,
  };
  const properties: Record<string, PlainValue> = {};
  for (const p of LABELS.Article.props) properties[p.name] = values[p.name] ?? null;
  return { id: a.id, label: 'Article', properties };
}

function edgeProperties(values: Record<string, PlainValue>): Record<string, PlainValue> {
  const properties: Record<string, PlainValue> = {};
  for (const p of REL_PROPS) properties[p.name] = values[p.name] ?? (p.type.endsWith('[]') ? [] : null);
  return properties;
}

function factEdge(f: MergedFact): GraphEdge {
  return {
    id: f.id,
    type: f.type,
    source: f.from,
    target: f.to,
    properties: edgeProperties({
      id: f.id,
      summary: f.summary,
      date: f.date,
      datePrecision: f.datePrecision,
      dateFrom: f.dateFrom,
      dateTo: f.dateTo,
      place: f.place,
      sourceArticles: f.claims.map((c) => c.article),
      sourceQuotes: f.claims.map((c) => c.quote),
      sourceOffsets: f.claims.map((c) => c.offset),
      sourceClaims: f.claims.map((c) => c.claim),
      sourceDateNotes: f.claims.map((c) => c.dateNote),
      sourceStatuses: f.claims.map((c) => c.status ?? ''),
      sourceNumbers: f.claims.map((c) => c.number),
      sourceDates: f.claims.map((c) => c.date),
      sourcePlaces: f.claims.map((c) => c.place),
    }),
  };
}

function buildGraph(entities: EntityRecord[], articles: ArticleInfo[], facts: MergedFact[], loaded: LoadedArticle[]): Graph {
  const nodes: GraphNode[] = [...entities.map(entityNode), ...articles.map(articleNode)];
  const edges: GraphEdge[] = facts.map(factEdge);
  const names = new Map(entities.map((e) => [e.id, e.name]));
  // MENTIONS: one edge per (article, entity) the article's own entries refer to
  // (both endpoints, and the place where the fact happened), with the first supporting quote.
  for (const { info, entries } of loaded) {
    const seen = new Set<string>();
    for (const f of entries) {
      for (const entityId of [f.from, f.to, f.place]) {
        if (entityId === null || seen.has(entityId)) continue;
        seen.add(entityId);
        const id = `rel:mentions:${info.id}:${entityId}`;
        edges.push({
          id,
          type: 'MENTIONS',
          source: info.id,
          target: entityId,
          properties: edgeProperties({
            id,
            summary: `“${info.name}” mentions ${names.get(entityId) ?? entityId}.`,
            sourceArticles: [info.id],
            sourceQuotes: [f.quote],
            sourceOffsets: [info.text.indexOf(f.quote)],
            sourceClaims: [''],
            sourceDateNotes: [''],
            // The article does mention the entity, in its own voice.
            sourceStatuses: ['reported'],
            sourceNumbers: [''],
            sourceDates: [''],
            sourcePlaces: [''],
          }),
        });
      }
    }
  }
  return { nodes, edges };
}
