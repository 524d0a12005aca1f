/**
 * Ingest: article text → candidate facts (preview, writes nothing) → the
 * accepted ones merged into the graph in one write transaction. A second
 * source for an existing fact adds a claim to it, not a second edge, and
 * ingesting the same article twice changes nothing.
 */
import { createHash } from 'node:crypto';
import type { IngestPreviewResponse, IngestReport } from '../../shared/api.js';
import { normalizeText, type Graph, type GraphEdge, type GraphNode, type PlainValue } from '../../shared/graph.js';
import { LABELS, REL_PROPS, isNodeLabel, type NodeLabel } from '../../shared/schema.js';
import { buildGazetteer, entitiesFromGraph } from '../../extract/entities.js';
import { candidatesToFacts, extractCandidates, type Candidate } from '../../extract/extract.js';
import { IngestInputError, requireArticleDate, validateArticleInput } from '../../extract/input.js';
import { badRequest } from '../../shared/errors.js';
import type { Store } from '../../store/store.js';

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

async function gazetteerFromStore(store: Store) {
  const r = await store.run('MATCH (n) WHERE n.aliases IS NOT NULL RETURN n', {}, { maxRows: 200_000 });
  return buildGazetteer(entitiesFromGraph({ nodes: r.graph.nodes.filter((n) => n.label !== 'Article'), edges: [] }));
}

/** The same text always gets the same id, so a second ingest finds the first. */
export function articleIdOf(text: string): string {
  return `article:ingest-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

export async function previewIngest(store: Store, raw: string | Buffer, options: IngestOptions = {}): Promise<IngestPreview> {
  const text = asBadRequest(() => validateArticleInput(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'), MAX_ARTICLE_BYTES));
  const result = extractCandidates(text, { date: options.date, outlet: options.outlet, gazetteer: await gazetteerFromStore(store) });
  const date = asBadRequest(() => requireArticleDate(result.article.date, options.date));
  return {
    articleId: articleIdOf(result.article.text),
    article: { ...result.article, date },
    candidates: result.candidates,
    newEntities: result.newEntities,
    skipped: result.skipped,
  };
}

function articleNode(preview: IngestPreview): GraphNode {
  const a = preview.article;
  const name = a.headline || `${a.outlet ?? 'article'} ${a.date}`;
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
      publishedAt: a.date,
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
          sourceArticles: [articleId],
          sourceQuotes: [(e.properties.sourceQuotes as string[])[0]],
          sourceOffsets: [(e.properties.sourceOffsets as number[])[0]],
          sourceClaims: [''],
          sourceDateNotes: [''],
        },
      });
    }
  }
  return [...seen.values()];
}

const PROVENANCE = ['sourceArticles', 'sourceQuotes', 'sourceOffsets', 'sourceClaims', 'sourceDateNotes'] as const;
const DATE_PROPS = new Set(REL_PROPS.filter((p) => p.type === 'DATE').map((p) => p.name));

function nodeStep(node: GraphNode) {
  if (!isNodeLabel(node.label)) throw badRequest(`unknown label ${node.label}`);
  // Only the label's own properties, so both engines accept the statement; dates through date().
  const props = LABELS[node.label].props.filter((p) => p.name !== 'id');
  const sets = props.map((p) => `n.${p.name} = ${p.type === 'DATE' ? `date($${p.name})` : `$${p.name}`}`).join(', ');
  const params: Record<string, unknown> = { id: node.id };
  for (const p of props) params[p.name] = node.properties[p.name] ?? (p.type.endsWith('[]') ? [] : null);
  return { query: `MERGE (n:${node.label} {id: $id}) ON CREATE SET ${sets}`, params };
}

function createEdgeStep(edge: GraphEdge, fromLabel: NodeLabel, toLabel: NodeLabel) {
  const props = REL_PROPS.map((p) => `${p.name}: ${DATE_PROPS.has(p.name) ? `date($${p.name})` : `$${p.name}`}`).join(', ');
  const params: Record<string, unknown> = { from: edge.source, to: edge.target };
  for (const p of REL_PROPS) params[p.name] = p.name === 'id' ? edge.id : (edge.properties[p.name] ?? (p.type.endsWith('[]') ? [] : null));
  return { query: `MATCH (a:${fromLabel} {id: $from}), (b:${toLabel} {id: $to}) CREATE (a)-[r:${edge.type} {${props}}]->(b)`, params };
}

function appendClaimsStep(existing: GraphEdge, edge: GraphEdge, fromLabel: NodeLabel, toLabel: NodeLabel) {
  const params: Record<string, unknown> = { from: existing.source, to: existing.target, id: existing.id };
  for (const key of PROVENANCE) params[key] = [...((existing.properties[key] as PlainValue[] | null) ?? []), ...((edge.properties[key] as PlainValue[]) ?? [])];
  const sets = PROVENANCE.map((k) => `r.${k} = $${k}`).join(', ');
  return { query: `MATCH (a:${fromLabel} {id: $from})-[r:${edge.type}]->(b:${toLabel} {id: $to}) WHERE r.id = $id SET ${sets}`, params };
}

/**
 * Of the facts of one type between two nodes (e.g. Putin SIGNED the treaty in
 * June and SIGNED it into law in November), the one a new claim supports: the
 * same date when the claim has one, else the first.
 */
function sameFact(existing: GraphEdge[], edge: GraphEdge): GraphEdge | undefined {
  const date = edge.properties.date;
  return (date ? existing.find((e) => e.properties.date === date) : undefined) ?? (date ? existing.find((e) => !e.properties.date) : undefined) ?? existing[0];
}

/**
 * Merges accepted candidates into the graph. `accept` lists candidate
 * indexes (all when omitted); an edited candidate replaces its original.
 */
export async function commitIngest(
  store: Store,
  raw: string | Buffer,
  options: IngestOptions & { accept?: number[]; edits?: Record<number, Partial<Pick<Candidate, 'date' | 'datePrecision' | 'predicate'>>> },
): Promise<IngestReport> {
  const preview = await previewIngest(store, raw, options);
  const indexes = options.accept ?? preview.candidates.map((_, i) => i);
  const bad = indexes.filter((i) => !Number.isInteger(i) || i < 0 || i >= preview.candidates.length);
  if (bad.length) throw badRequest(`accept lists candidates that do not exist: ${bad.join(', ')} (there are ${preview.candidates.length})`, { param: 'accept' });
  const accepted = indexes.map((i) => ({ ...preview.candidates[i], ...(options.edits?.[i] ?? {}) }));
  const facts = candidatesToFacts(accepted, preview.articleId);
  const article = articleNode(preview);
  const edges = [...facts.edges, ...mentionEdges(preview.articleId, facts)];

  const existingNodes = await store.run('MATCH (n) WHERE n.id IN $ids RETURN n', { ids: [article.id, ...facts.nodes.map((n) => n.id), ...edges.flatMap((e) => [e.source, e.target])] });
  const labelOf = new Map<string, NodeLabel>();
  for (const n of [...existingNodes.graph.nodes, article, ...facts.nodes]) if (isNodeLabel(n.label)) labelOf.set(n.id, n.label);
  const known = new Set(existingNodes.graph.nodes.map((n) => n.id));
  const newNodes = [article, ...facts.nodes].filter((n) => !known.has(n.id));

  const steps = newNodes.map(nodeStep);
  const tally = { edgesCreated: 0, mentionsCreated: 0, claimsAdded: 0, unchanged: 0 };
  for (const edge of edges) {
    const fromLabel = labelOf.get(edge.source);
    const toLabel = labelOf.get(edge.target);
    if (!fromLabel || !toLabel) throw badRequest(`relationship ${edge.id} points to an unknown node`);
    // An existing fact of the same type between the same nodes (from the seed or an earlier ingest) gains a claim.
    const found = await store.run(`MATCH (a:${fromLabel} {id: $from})-[r:${edge.type}]->(b:${toLabel} {id: $to}) RETURN a, r, b`, { from: edge.source, to: edge.target });
    const existing = sameFact(found.graph.edges, edge);
    if (!existing) {
      steps.push(createEdgeStep(edge, fromLabel, toLabel));
      if (edge.type === 'MENTIONS') tally.mentionsCreated++;
      else tally.edgesCreated++;
    } else if (((existing.properties.sourceArticles as string[] | null) ?? []).includes(preview.articleId)) {
      tally.unchanged++;
    } else {
      steps.push(appendClaimsStep(existing, edge, fromLabel, toLabel));
      tally.claimsAdded++;
    }
  }
  if (steps.length) await store.writeTransaction(steps);
  return { articleId: preview.articleId, accepted: accepted.length, nodesCreated: newNodes.length, ...tally };
}
