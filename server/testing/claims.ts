/** Test helpers for the write operations: one article's claims as mergeFacts input, and the edges they land on. */
import type { GraphEdge, GraphNode } from '../../shared/graph.js';
import type { FactBatch, Store } from '../../store/store.js';

export function articleNode(id: string, date = '2025-03-14'): GraphNode {
  return {
    id,
    label: 'Article',
    properties: { name: `Test article ${id}`, aliases: [], description: 'test article', searchText: id, outlet: 'Contoh', headline: id, byline: null, publishedAt: date, language: 'id', file: null, text: `text of ${id}` },
  };
}

/** One claim of `articleId` for the fact `type(source → target)`, dated and placed as given. */
export function claimEdge(
  articleId: string,
  fact: { id: string; type: string; source: string; target: string; date?: string | null; datePrecision?: string | null; place?: string | null },
  quote = `quote from ${articleId}`,
): GraphEdge {
  return {
    id: fact.id,
    type: fact.type,
    source: fact.source,
    target: fact.target,
    properties: {
      summary: `${fact.type} (test)`,
      date: fact.date ?? null,
      datePrecision: fact.date ? (fact.datePrecision ?? 'day') : null,
      dateFrom: null,
      dateTo: null,
      place: fact.place ?? null,
      sourceArticles: [articleId],
      sourceQuotes: [quote],
      sourceOffsets: [0],
      sourceClaims: [''],
      sourceDateNotes: [''],
    },
  };
}

/** One article with one claim on one fact, as ingest would hand it to the store. */
export function oneClaim(articleId: string, fact: Parameters<typeof claimEdge>[1], quote?: string): FactBatch {
  return { articleId, nodes: [articleNode(articleId)], edges: [claimEdge(articleId, fact, quote)] };
}

/** Every edge of `type` from `source` to `target`. */
export async function edgesBetween(store: Store, type: string, source: string, target: string, fromLabel = 'Person', toLabel = 'Person'): Promise<GraphEdge[]> {
  const r = await store.run(`MATCH (a:${fromLabel} {id: $s})-[r:${type}]->(b:${toLabel} {id: $t}) RETURN a, r, b`, { s: source, t: target });
  return r.graph.edges.sort((a, b) => a.id.localeCompare(b.id));
}
