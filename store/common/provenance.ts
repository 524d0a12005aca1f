/** The same Cypher on every engine: the id names the type, so Neo4j's per-type `id` index and Kùzu's single rel table are used. */
import { provenanceOf, type GraphNode } from '../../shared/graph.js';
import { FACT_TYPES, relTypeFromId, typeFilter } from '../cypher-names.js';
import type { ArticleFacts, EdgeProvenance, Runner } from '../store.js';

export async function provenance(run: Runner, edgeId: string): Promise<EdgeProvenance | null> {
  const type = relTypeFromId(edgeId);
  const r = await run(`MATCH (a)-[r${type ? typeFilter([type]) : ''} {id: $id}]->(b) RETURN a, r, b LIMIT 1`, { id: edgeId });
  const edge = r.graph.edges[0];
  if (!edge) return null;
  const ids = [...new Set(provenanceOf(edge.properties).map((c) => c.article))];
  const articles = ids.length ? (await run('MATCH (a:Article) WHERE a.id IN $ids RETURN a ORDER BY a.id', { ids })).graph.nodes : [];
  return { edge, articles };
}

export async function articleFacts(run: Runner, articleId: string): Promise<ArticleFacts | null> {
  const found = await run('MATCH (a:Article {id: $id}) RETURN a', { id: articleId });
  const article = found.rows[0]?.a as unknown as GraphNode | undefined;
  if (!article) return null;
  const r = await run(`MATCH (a)-[r${typeFilter(FACT_TYPES)}]->(b) WHERE $id IN r.sourceArticles RETURN a, r, b ORDER BY r.id`, { id: articleId });
  return { article, edges: r.graph.edges };
}
