import type { GraphResponse, NeighbourCount, NeighboursResponse, NodeResponse, SearchHit, SearchResponse } from '../../shared/api.js';
import { mergeGraphs, normalizeText, type GraphNode } from '../../shared/graph.js';
import { REL_TYPES, type NodeLabel, type RelType } from '../../shared/schema.js';
import { badRequest, notFound } from '../../shared/errors.js';
import type { Store } from '../../store/store.js';

/** Relationship types of the story itself; MENTIONS (article → entity) is provenance, shown on demand. */
export const FACT_TYPES: readonly RelType[] = REL_TYPES.filter((t) => t !== 'MENTIONS');

/** `:A|B` for a validated list of relationship types. */
export function typeFilter(types: readonly RelType[]): string {
  return types.length ? ':' + types.join('|') : '';
}

export async function overview(store: Store, limit: number, includeArticles = false): Promise<GraphResponse> {
  const types = includeArticles ? REL_TYPES : FACT_TYPES;
  const edges = await store.run(`MATCH (a)-[r${typeFilter(types)}]->(b) RETURN a, r, b LIMIT $limit`, { limit }, { maxRows: limit });
  const total = await store.run(`MATCH (a)-[r${typeFilter(types)}]->(b) RETURN count(r) AS c`);
  const count = Number(total.rows[0]?.c ?? 0);
  return { graph: edges.graph, truncated: count > limit, total: count, limit };
}

export async function getNode(store: Store, id: string): Promise<NodeResponse> {
  const r = await store.run('MATCH (n {id: $id}) OPTIONAL MATCH (n)-[r]-() RETURN n, count(r) AS degree', { id });
  const node = r.rows[0]?.n as unknown as GraphNode | null | undefined;
  if (!node) throw notFound(`no node with id '${id}'`);
  return { node, degree: Number(r.rows[0].degree ?? 0) };
}

export interface NeighbourOptions {
  limit: number;
  types: readonly RelType[];
  direction: 'out' | 'in' | 'both';
  /** Skip this many neighbours: "+N more" pages through them. */
  offset: number;
}

function arrow(direction: NeighbourOptions['direction'], rel: string): string {
  if (direction === 'out') return `-${rel}->`;
  if (direction === 'in') return `<-${rel}-`;
  return `-${rel}-`;
}

/** The node with this id, or NotFound. */
export async function findNode(store: Store, id: string): Promise<GraphNode> {
  const r = await store.run('MATCH (n {id: $id}) RETURN n', { id });
  const node = r.graph.nodes[0];
  if (!node) throw notFound(`no node with id '${id}'`);
  return node;
}

/**
 * Neighbours of a node, capped, with the count per relationship type and
 * direction so the UI can offer the rest. Pages follow the engine's scan
 * order, which is stable while the graph is unchanged: sorting a hub's
 * thousands of full relationships to cut fifty was most of the cost.
 */
export async function neighbours(store: Store, id: string, options: NeighbourOptions): Promise<NeighboursResponse> {
  const types = options.types.length ? options.types : REL_TYPES;
  const rel = `[r${typeFilter(types)}]`;
  const directions = (['out', 'in'] as const).filter((d) => options.direction === 'both' || options.direction === d);
  const [node, page, ...perDirection] = await Promise.all([
    findNode(store, id),
    store.run(`MATCH (n {id: $id})${arrow(options.direction, rel)}(m) RETURN r, m SKIP $offset LIMIT $limit`, { id, offset: options.offset, limit: options.limit }, { maxRows: options.limit }),
    ...directions.map((direction) =>
      store.run(`MATCH (n {id: $id})${arrow(direction, rel)}() RETURN ${store.dialect.relType('r')} AS type, count(*) AS count`, { id }),
    ),
  ]);
  const counts: NeighbourCount[] = perDirection.flatMap((c, i) => c.rows.map((row) => ({ type: String(row.type), direction: directions[i], count: Number(row.count) })));
  counts.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  // An undirected self-loop is counted in both directions but returned once.
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const graph = mergeGraphs({ nodes: [node], edges: [] }, page.graph);
  return { graph, counts, total, limit: options.limit, truncated: options.offset + page.graph.edges.length < total };
}

function bestMatch(node: GraphNode, q: string): { score: number; matched: string } {
  const names = [String(node.properties.name ?? ''), ...((node.properties.aliases as string[] | null) ?? [])];
  let best = { score: 0, matched: names[0] };
  for (const name of names) {
    const n = normalizeText(name);
    const score = n === q ? 100 : n.startsWith(q) ? 80 : n.split(' ').some((w) => w.startsWith(q)) ? 60 : n.includes(q) ? 40 : 0;
    if (score > best.score || (score === best.score && score > 0 && name.length < best.matched.length)) best = { score, matched: name };
  }
  // Entities before articles when equally good: analysts look for actors first.
  if (node.label === 'Article') best.score -= 5;
  return best;
}

/** Search over names and aliases, case-, accent- and hyphen-insensitive, ranked exact > prefix > word > substring. */
export async function search(store: Store, rawQuery: string, limit: number, labels: readonly NodeLabel[] = []): Promise<SearchResponse> {
  const q = normalizeText(rawQuery);
  if (!q) throw badRequest('q must contain at least one letter or digit');
  const pool = Math.max(limit * 5, 50);
  const r = await store.run('MATCH (n) WHERE n.searchText CONTAINS $q RETURN n LIMIT $pool', { q, pool }, { maxRows: pool });
  const hits: SearchHit[] = r.graph.nodes
    .filter((node) => labels.length === 0 || labels.includes(node.label as NodeLabel))
    .map((node) => ({ node, ...bestMatch(node, q) }))
    .sort((a, b) => b.score - a.score || String(a.node.properties.name).localeCompare(String(b.node.properties.name)));
  return { query: rawQuery, hits: hits.slice(0, limit), truncated: hits.length > limit || r.truncated };
}

export function parseRelTypes(value: unknown): RelType[] {
  if (value === undefined || value === '') return [];
  const list = (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean);
  const unknown = list.filter((t) => !(REL_TYPES as readonly string[]).includes(t));
  if (unknown.length) throw badRequest(`unknown relationship type ${unknown.join(', ')}; allowed: ${REL_TYPES.join(', ')}`, { param: 'types' });
  return list as RelType[];
}
