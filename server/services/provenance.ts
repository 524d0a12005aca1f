import type { ArticleResponse, ArticleSpan, ClaimView, EdgeProvenanceResponse } from '../../shared/api.js';
import { provenanceOf } from '../../shared/graph.js';
import { notFound } from '../../shared/errors.js';
import type { Store } from '../../store/store.js';

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

export async function edgeProvenance(store: Store, id: string): Promise<EdgeProvenanceResponse> {
  const found = await store.provenance(id);
  if (!found) throw notFound(`no relationship with id '${id}'`);
  const byId = new Map(found.articles.map((a) => [a.id, a]));
  const claims: ClaimView[] = provenanceOf(found.edge.properties).map((c) => {
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
  return { edge: { ...found.edge }, claims };
}

/** An article with the spans of its text that support facts in the graph. */
export async function articleWithSpans(store: Store, id: string): Promise<ArticleResponse> {
  const found = await store.articleFacts(id);
  if (!found) throw notFound(`no article with id '${id}'`);
  const { article, edges } = found;
  const spans: ArticleSpan[] = [];
  for (const edge of edges) {
    for (const c of provenanceOf(edge.properties)) {
      if (c.article === id && c.offset >= 0) spans.push({ start: c.offset, end: c.offset + c.quote.length, edgeId: edge.id, type: edge.type });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { article, spans };
}
