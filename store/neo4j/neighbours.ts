/**
 * A node's neighbours on Neo4j: the shared paging (store/common/neighbours.ts)
 * with totals read from Neo4j's degree store. `COUNT { (n)-[:T]->() }` on a
 * bound node with no property filter is planned as a degree lookup (a dense
 * node keeps its count per type and direction), so a hub's per-type totals
 * cost the same as an ordinary node's, where grouping its rows by type read
 * every one of its tens of thousands of relationships.
 */
import type { Graph, GraphEdge, GraphNode } from '../../shared/graph.js';
import { REL_TYPES, type RelType } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import { neighbours as pagedNeighbours, type NeighbourTotals } from '../common/neighbours.js';
import { neighbourCounts } from '../results.js';
import type { Neighbours, NeighboursRequest, Runner } from '../store.js';
import { nodeById } from './match.js';

/** Per type: out, in, and undirected (a self-loop once, as the undirected page returns it). */
const ARROWS = ['(n)-[:T]->()', '(n)<-[:T]-()', '(n)-[:T]-()'] as const;

/** The centre and its degrees in one row: `degrees` holds, per type in order, its out, in and undirected counts. */
export function degreesQuery(centre: string, types: readonly RelType[]): string {
  typeFilter(types); // refuses a type outside the schema
  const counts = types.flatMap((t) => ARROWS.map((a) => `COUNT { ${a.replace(':T', `:${t}`)} }`));
  return `MATCH ${centre} RETURN n, [${counts.join(', ')}] AS degrees`;
}

export async function degreeTotals(run: Runner, request: NeighboursRequest): Promise<NeighbourTotals> {
  const types = request.types.length ? [...new Set(request.types)] : REL_TYPES;
  const r = await run(degreesQuery(nodeById('n', 'id', request.id), types), { id: request.id });
  const row = r.rows[0];
  if (!row) return { node: undefined, counts: [], perType: [] };
  const degrees = (row.degrees as number[]).map(Number);
  const out: Array<{ type: RelType; count: number }> = [];
  const inward: Array<{ type: RelType; count: number }> = [];
  const perType: Array<{ type: RelType; count: number }> = [];
  types.forEach((type, i) => {
    const [o, n, both] = degrees.slice(i * 3, i * 3 + 3);
    // Types the centre has none of are left out, as grouping its rows leaves them out.
    if (o > 0) out.push({ type, count: o });
    if (n > 0) inward.push({ type, count: n });
    const rows = request.direction === 'out' ? o : request.direction === 'in' ? n : both;
    if (rows > 0) perType.push({ type, count: rows });
  });
  const directions = [
    ...(request.direction !== 'in' ? [{ direction: 'out' as const, rows: out }] : []),
    ...(request.direction !== 'out' ? [{ direction: 'in' as const, rows: inward }] : []),
  ];
  return { node: row.n as unknown as GraphNode, counts: neighbourCounts(directions), perType };
}

/**
 * One type's slice of a page in one query. A sort holds references, and only
 * the rows it keeps are read whole, so there is no second query for the
 * page's rows (the slice's ids again, expanding the type once more). The
 * sort is on r.id alone, which reads one property per relationship instead
 * of two (a hub's first type: 3,911 relationships at 1M), keeping one row
 * more than the slice; the kept rows are then ordered by r.id and m.id. If
 * that extra row ties on r.id with the slice's last, rows past it might
 * belong in the slice: then the slice is sorted on both.
 */
export async function neo4jSlice(run: Runner, match: string, params: { id: string; skip: number; take: number }): Promise<{ rows: number; graph: Graph }> {
  const { skip, take } = params;
  const cut = await run(
    `${match} WITH n, r, m ORDER BY r.id LIMIT $end WITH n, r, m, r.id AS rid, m.id AS mid ORDER BY rid, mid SKIP $skip RETURN n, r, m, rid`,
    { ...params, end: skip + take + 1 },
    { maxRows: take + 1 },
  );
  const rows = cut.rows;
  const tied = rows.length > take && take > 0 && rows[take].rid === rows[take - 1].rid;
  if (!tied) {
    const kept = rows.slice(0, take);
    const nodes = new Map<string, GraphNode>();
    for (const row of kept) for (const v of [row.n, row.m] as unknown as GraphNode[]) if (!nodes.has(v.id)) nodes.set(v.id, v);
    return { rows: kept.length, graph: { nodes: [...nodes.values()], edges: kept.map((row) => row.r as unknown as GraphEdge) } };
  }
  const page = await run(`${match} WITH n, r, m ORDER BY r.id, m.id SKIP $skip LIMIT $take RETURN n, r, m`, params, { maxRows: take });
  return { rows: page.rows.length, graph: page.graph };
}

/** How the shared paging spells Neo4j: totals from the degree store, each slice sorted and read in one query. */
export const NEO4J_SPELLING = { nodeById, relType: (v: string) => `type(${v})`, totals: degreeTotals, slice: neo4jSlice };

export function neighbours(run: Runner, request: NeighboursRequest): Promise<Neighbours | null> {
  return pagedNeighbours(run, NEO4J_SPELLING, request);
}
