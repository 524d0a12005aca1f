/**
 * Ingest as a reviewed proposal: article text → candidates with stable ids and
 * what each would merge into (preview, writes nothing) → the accepted ids, with
 * the reviewer's checked edits, handed to `store.mergeFacts` in one
 * transaction. A candidate joins an existing edge only when it is the same
 * event (same type and ends, dates compatible); the same article twice
 * changes nothing.
 */
import { createHash } from 'node:crypto';
import type { IngestCommit, IngestMergePlan, IngestPreviewResponse, IngestReport } from '../../shared/api.js';
import { normalizeText, type Graph, type GraphEdge, type GraphNode } from '../../shared/graph.js';
import { NODE_LABELS, PROVENANCE_PROPS, isNodeLabel, type NodeLabel } from '../../shared/schema.js';
import { buildGazetteer, entitiesFromGraph, type Gazetteer } from '../../extract/entities.js';
import { candidatesToFacts, endId, extractCandidates } from '../../extract/extract.js';
import { IngestInputError, articleDateOf, validateArticleInput } from '../../extract/input.js';
import { badRequest, storeUnavailable } from '../../shared/errors.js';
import { extendGazetteer } from '../../extract/extend-gazetteer.js';
import { matchingEvent } from '../../store/same-event.js';
import type { MergeReport, Store } from '../../store/store.js';
import { labelFromId } from '../../store/cypher-names.js';
import { hasNode } from './entity-params.js';
import { acceptedCandidates, applyEdit } from './ingest-review.js';

export const MAX_ARTICLE_BYTES = 5_000_000;

export interface IngestOptions {
  date?: string;
  outlet?: string;
}

export type IngestPreview = IngestPreviewResponse;

/** Input problems are the user's to fix: 400 with the extractor's message. */
function asBadRequest<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof IngestInputError) throw badRequest(err.message, { problem: err.code });
    throw err;
  }
}

/** The entities of every label but Article, read label by label (an article's whole text is no gazetteer's business). */
async function readGazetteer(store: Store): Promise<Gazetteer> {
  const labels = NODE_LABELS.filter((l) => l !== 'Article');
  const read = await Promise.all(labels.map((label) => store.run(`MATCH (n:${label}) RETURN n`, {}, { maxRows: 2_000_000 })));
  return buildGazetteer(entitiesFromGraph({ nodes: read.flatMap((r) => r.graph.nodes), edges: [] }));
}

/** The graph's size: a gazetteer built at one size is stale at another (nodes are only added, or the graph replaced). */
async function sizeOf(store: Store): Promise<string> {
  const h = await store.health();
  if (!h.ok) throw storeUnavailable(h.message ?? 'the store is unavailable; try again');
  return `${h.nodes}:${h.relationships}`;
}

/**
 * One gazetteer per store, read once (every entity of a big graph: seconds)
 * and then extended with the entities each commit through this service
 * creates; taken again when the graph's size changes otherwise (a reseed,
 * another server's writes).
 */
const gazetteers = new WeakMap<Store, { size: string; gazetteer: Promise<Gazetteer> }>();

async function gazetteerFromStore(store: Store): Promise<Gazetteer> {
  const size = await sizeOf(store);
  const cached = gazetteers.get(store);
  if (cached?.size === size) return cached.gazetteer;
  const entry = { size, gazetteer: readGazetteer(store) };
  gazetteers.set(store, entry);
  entry.gazetteer.catch(() => {
    if (gazetteers.get(store) === entry) gazetteers.delete(store); // a failed read is not kept
  });
  return entry.gazetteer;
}

/** After a commit: the cached gazetteer of the size before it takes the new entities, or is left to be read again. */
async function afterCommit(store: Store, nodes: readonly GraphNode[], report: MergeReport): Promise<void> {
  const cached = gazetteers.get(store);
  if (!cached) return;
  const size = await sizeOf(store).catch(() => null);
  const [n, r] = (size ?? '').split(':').map(Number);
  const before = `${n - report.nodesCreated}:${r - report.edgesCreated - report.mentionsCreated}`;
  // Another write landed in between when the sizes do not add up: read it all again next time.
  if (size === null || cached.size !== before || gazetteers.get(store) !== cached) {
    if (gazetteers.get(store) === cached) gazetteers.delete(store);
    return;
  }
  extendGazetteer(await cached.gazetteer, entitiesFromGraph({ nodes: nodes.filter((x) => x.label !== 'Article'), edges: [] }));
  cached.size = size;
}

/** The same text always gets the same id, so a second ingest finds the first. */
export function articleIdOf(text: string): string {
  return `article:ingest-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** The preview of a validated text against a gazetteer, without the store: what --dry-run prints. */
export function previewFromText(text: string, gazetteer: Gazetteer, options: IngestOptions = {}): IngestPreview {
  const date = asBadRequest(() => articleDateOf(null, options.date)) ?? undefined;
  const result = extractCandidates(text, { date, outlet: options.outlet, gazetteer });
  return {
    articleId: articleIdOf(result.article.text),
    article: result.article,
    candidates: result.candidates,
    merges: {},
    newEntities: result.newEntities,
    skipped: result.skipped,
  };
}

async function previewOf(store: Store, raw: string | Buffer, options: IngestOptions): Promise<IngestPreview> {
  const text = asBadRequest(() => validateArticleInput(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'), MAX_ARTICLE_BYTES));
  return previewFromText(text, await gazetteerFromStore(store), options);
}

/** Candidates with ids, and for each what a commit would do to the graph. Writes nothing. */
export async function previewIngest(store: Store, raw: string | Buffer, options: IngestOptions = {}): Promise<IngestPreview> {
  const preview = await previewOf(store, raw, options);
  const merges: Record<string, IngestMergePlan> = {};
  for (const c of preview.candidates) {
    const [edge] = candidatesToFacts([c], preview.articleId).edges;
    merges[c.id] = await mergePlan(store, edge, preview.articleId, c.subject.id !== null && c.object.id !== null);
  }
  return { ...preview, merges };
}

const describeDate = (e: GraphEdge) => (e.properties.date ? `dated ${String(e.properties.date).slice(0, 10)}` : 'undated');

/** What merging one edge would do, in words a reviewer can check. */
async function mergePlan(store: Store, edge: GraphEdge, articleId: string, bothKnown: boolean): Promise<IngestMergePlan> {
  if (!bothKnown) return { action: 'new', edgeId: null, reason: 'a new entity is proposed, so this is a new relationship' };
  const existing = await existingEdges(store, edge);
  // The store's own rule (store/same-event.ts), so the preview says what the commit will do.
  const keyOf = (e: GraphEdge) => ({ ...e.properties, id: e.id });
  const match = matchingEvent(existing.map(keyOf), keyOf(edge));
  const same = existing.find((e) => e.id === match?.id);
  if (!same) return { action: 'new', edgeId: null, reason: existing.length ? `${existing.length} ${edge.type} edge(s) between these two, none for the same event` : `no ${edge.type} edge between these two yet` };
  const sources = ((same.properties.sourceArticles as string[] | null) ?? []).length;
  if (((same.properties.sourceArticles as string[] | null) ?? []).includes(articleId)) return { action: 'known', edgeId: same.id, reason: 'this article\'s claim is already on that edge' };
  return {
    action: 'claim',
    edgeId: same.id,
    reason: `same relationship between the same two (${describeDate(same)}, ${sources} source${sources === 1 ? '' : 's'}); this candidate is ${edge.properties.date ? `dated ${edge.properties.date}` : 'undated'}: added as another claim`,
  };
}

/**
 * The labels of the graph's nodes with these ids, each found by its label's id
 * index (Neo4j) or primary key (Kùzu): ids name their label (store/cypher-names.ts),
 * and an id that names none is looked up under every label. `MATCH (n) WHERE n.id
 * IN $ids` read every node instead: 73–650 ms a call on Neo4j at 1M relationships,
 * 80 ms on Kùzu. Ids and part numbers come back, not nodes: Kùzu cannot union
 * nodes of different tables.
 */
export async function labelsOfIds(store: Store, ids: readonly string[]): Promise<Map<string, NodeLabel>> {
  // One lookup per id in the table its id names (every table when it names none), side by side: a
  // union spelled for each commit's mix of ids was a query text Neo4j had not seen, planned anew
  // at every commit (50–250 ms at 1M relationships).
  const asks = [...new Set(ids)].flatMap((id) => (labelFromId(id) ? [labelFromId(id)!] : NODE_LABELS).map((label) => ({ id, label })));
  const found = await Promise.all(asks.map(async (a) => ((await hasNode(store, a.label, a.id)) ? [a] : [])));
  return new Map(found.flat().map((a) => [a.id, a.label]));
}

async function existingEdges(store: Store, edge: GraphEdge): Promise<GraphEdge[]> {
  // Ids name their label (store/cypher-names.ts); only an id that does not is looked up, across every label.
  let from: string | undefined = labelFromId(edge.source);
  let to: string | undefined = labelFromId(edge.target);
  if (!from || !to) {
    const labelOf = await labelsOfIds(store, [edge.source, edge.target]);
    from ??= labelOf.get(edge.source);
    to ??= labelOf.get(edge.target);
  }
  if (!from || !to || !isNodeLabel(from) || !isNodeLabel(to)) return [];
  // Labels and type come from the schema's allowlist; ids are parameters.
  const found = await store.run(`MATCH (a:${from} {id: $from})-[r:${edge.type}]->(b:${to} {id: $to}) RETURN a, r, b`, { from: edge.source, to: edge.target });
  return found.graph.edges;
}

function articleNode(preview: IngestPreview): GraphNode {
  const a = preview.article;
  const name = a.headline || `${a.outlet ?? 'article'} ${a.date ?? 'undated'}`;
  return {
    id: preview.articleId,
    label: 'Article',
    properties: {
      name,
      aliases: [],
      description: 'ingested article',
      searchText: normalizeText(name),
      outlet: a.outlet ?? null,
      headline: a.headline || null,
      byline: a.byline ?? null,
      publishedAt: a.date ?? null,
      language: 'id',
      file: null,
      text: a.text,
    },
  };
}

/** Article → each endpoint of the accepted facts, with the first supporting quote as provenance. */
function mentionEdges(articleId: string, facts: Graph): GraphEdge[] {
  const seen = new Map<string, GraphEdge>();
  for (const e of facts.edges) {
    for (const entity of [e.source, e.target]) {
      if (seen.has(entity)) continue;
      const id = `rel:mentions:${articleId}:${entity}`;
      seen.set(entity, {
        id,
        type: 'MENTIONS',
        source: articleId,
        target: entity,
        properties: {
          summary: 'The article mentions the entity.',
          ...Object.fromEntries(PROVENANCE_PROPS.map((k) => [k, ['']])),
          sourceArticles: [articleId],
          sourceQuotes: [(e.properties.sourceQuotes as string[])[0]],
          sourceOffsets: [(e.properties.sourceOffsets as number[])[0]],
          sourceStatuses: ['reported'],
        },
      });
    }
  }
  return [...seen.values()];
}

/**
 * Merges the reviewed candidates: the text is extracted again (deterministic,
 * so the ids are those of the preview), the accepted ids are looked up, the
 * edits applied and checked, and everything goes in one write transaction.
 */
export async function commitIngest(store: Store, raw: string | Buffer, options: IngestOptions & Pick<IngestCommit, 'accept' | 'edits'>): Promise<IngestReport> {
  const preview = await previewOf(store, raw, options);
  const accepted = acceptedCandidates(preview.candidates, options.accept).map((c) => applyEdit(c, options.edits?.[c.id]));
  const unknownEdits = Object.keys(options.edits ?? {}).filter((id) => !accepted.some((c) => c.id === id));
  if (unknownEdits.length) throw badRequest(`edits name candidates that are not accepted: ${unknownEdits.slice(0, 5).join(', ')}; accept them too, or drop their edits`, { param: 'edits' });
  const facts = candidatesToFacts(accepted, preview.articleId);
  const article = articleNode(preview);
  const edges = [...facts.edges, ...mentionEdges(preview.articleId, facts)];

  const labelOf = await labelsOfIds(store, [article.id, ...facts.nodes.map((n) => n.id), ...edges.flatMap((e) => [e.source, e.target])]);
  for (const n of [article, ...facts.nodes]) if (isNodeLabel(n.label)) labelOf.set(n.id, n.label);
  // An edited end that names a graph id must be that node, with that label.
  for (const c of accepted) {
    for (const end of [c.subject, c.object]) {
      const id = endId(end);
      if (labelOf.get(id) !== end.label) {
        throw badRequest(`candidate ${c.id}: ${end.id ? `no ${end.label} with id ${end.id} in the graph` : `${end.name} is not a ${end.label}`}; pick a known entity or leave the id empty to propose a new one`, { param: `edits.${c.id}` });
      }
    }
  }
  // The store decides, inside one transaction, what is new and what joins an existing edge of the same event.
  const report = await store.mergeFacts({ articleId: preview.articleId, nodes: [article, ...facts.nodes], edges });
  await afterCommit(store, facts.nodes, report);
  return { articleId: preview.articleId, accepted: accepted.length, ...report };
}
