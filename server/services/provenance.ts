import type { ArticleResponse, ArticleSpan, ClaimView, EdgeProvenanceResponse } from '../../shared/api.js';
import { provenanceOf, type GraphEdge, type GraphNode } from '../../shared/graph.js';
import { isRelType } from '../../shared/schema.js';
import { notFound } from '../../shared/errors.js';
import type { Store } from '../../store/store.js';

/** Edge ids are `rel:<type>:…`: the type prefix lets the engine scan one relationship type only. */
export function relTypeFromId(id: string): string | undefined {
  const type = id.split(':')[1]?.toUpperCase().replace(/-/g, '_');
  return type && isRelType(type) ? type : undefined;
}

/** The sentence of `text` that contains [start, end): from the previous sentence end to the next one. */
export function sentenceAround(text: string, start: number, end: number): string {
  if (start < 0 || start > text.length) return '';
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const rest = text.slice(end);
  const stops = [rest.search(/[.!?](\s|$)/), rest.indexOf('\n')].filter((i) => i >= 0);
  const to = stops.length ? end + Math.min(...stops) + 1 : text.length;
  return text.slice(from < 0 ? 0 : from + 1, to).trim();
}

async function articles(store: Store, ids: string[]): Promise<Map<string, GraphNode>> {
  if (!ids.length) return new Map();
  const r = await store.run('MATCH (a:Article) WHERE a.id IN $ids RETURN a', { ids });
  return new Map(r.graph.nodes.map((n) => [n.id, n]));
}

export async function edgeProvenance(store: Store, id: string): Promise<EdgeProvenanceResponse> {
  const type = relTypeFromId(id);
  const r = await store.run(`MATCH (a)-[r${type ? ':' + type : ''}]->(b) WHERE r.id = $id RETURN a, r, b`, { id });
  const edge = r.graph.edges[0];
  if (!edge) throw notFound(`no relationship with id '${id}'`);
  const claims = provenanceOf(edge.properties);
  const byId = await articles(store, [...new Set(claims.map((c) => c.article))]);
  const views: ClaimView[] = claims.map((c) => {
    const article = byId.get(c.article);
    const text = String(article?.properties.text ?? '');
    return {
      ...c,
      outlet: (article?.properties.outlet as string | null) ?? null,
      headline: (article?.properties.headline as string | null) ?? null,
      publishedAt: (article?.properties.publishedAt as string | null) ?? null,
      sentence: sentenceAround(text, c.offset, c.offset + c.quote.length),
    };
  });
  return { edge: { ...edge }, claims: views };
}

/** An article with the spans of its text that support facts in the graph. */
export async function articleWithSpans(store: Store, id: string): Promise<ArticleResponse> {
  const found = await articles(store, [id]);
  const article = found.get(id);
  if (!article) throw notFound(`no article with id '${id}'`);
  const r = await store.run("MATCH ()-[r]->() WHERE $id IN r.sourceArticles AND NOT r.id STARTS WITH 'rel:mentions:' RETURN r", { id });
  const spans: ArticleSpan[] = [];
  for (const edge of r.graph.edges as GraphEdge[]) {
    for (const c of provenanceOf(edge.properties)) {
      if (c.article === id && c.offset >= 0) spans.push({ start: c.offset, end: c.offset + c.quote.length, edgeId: edge.id, type: edge.type });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { article, spans };
}
