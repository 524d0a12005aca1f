/**
 * Ingest: article text → candidate facts (preview, writes nothing) → the
 * accepted ones merged into the graph in one write transaction. A second
 * source for an existing fact adds a claim to it, not a second edge, and
 * ingesting the same article twice changes nothing.
 */
import { createHash } from 'node:crypto';
import type { IngestPreviewResponse, IngestReport } from '../../shared/api.js';
import { normalizeText, type Graph, type GraphEdge, type GraphNode } from '../../shared/graph.js';
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

  // The store decides, inside one transaction, what is new and what joins an existing edge of the same event.
  const report = await store.mergeFacts({ articleId: preview.articleId, nodes: [article, ...facts.nodes], edges });
  return { articleId: preview.articleId, accepted: accepted.length, ...report };
}
