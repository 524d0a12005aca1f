import { mergeGraphs, type Graph, type GraphNode } from '../../shared/graph.js';
import { isRelType, REL_TYPES, type RelType } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import { neighbourCounts } from '../results.js';
import type { Direction, NeighbourCount, Neighbours, NeighboursRequest, Runner } from '../store.js';

/** The centre and its totals: per type and direction (`counts`), and per type as the page's own pattern sees them (`perType`). */
export interface NeighbourTotals {
  node: GraphNode | undefined;
  counts: NeighbourCount[];
  perType: Array<{ type: RelType; count: number }>;
}

/** What differs between the engines here: how a node is found by id, how a relationship's type is spelled, and how totals are taken. */
export interface NeighbourSpelling {
  nodeById(variable: string, param: string, id: string): string;
  /** `label(r)` on Kùzu, `type(r)` on Neo4j. */
  relType(variable: string): string;
  /** An engine's own way to the totals (Neo4j reads its degree store); by default they are counted by expanding every relationship. */
  totals?(run: Runner, request: NeighboursRequest): Promise<NeighbourTotals>;
  /**
   * An engine's own read of one type's slice: `match` binds the centre `n`,
   * the relationship `r` and the other end `m`; the rows are `skip` and
   * `take` in the page's order (r.id, then m.id). Neo4j sorts references and
   * reads only the rows it keeps whole, in one query (neo4j/neighbours.ts).
   * By default (Kùzu, which sorts rows with their columns) the slice's ids
   * are sorted, then the page is read.
   */
  slice?(run: Runner, match: string, params: { id: string; skip: number; take: number }): Promise<{ rows: number; graph: Graph }>;
}

/** The totals by expanding the centre's relationships and grouping them by type. */
async function countedTotals(run: Runner, spell: NeighbourSpelling, request: NeighboursRequest): Promise<NeighbourTotals> {
  const { id } = request;
  const rel = `[r${typeFilter(request.types.length ? request.types : REL_TYPES)}]`;
  const centre = spell.nodeById('n', 'id', id);
  const directions = (['out', 'in'] as const).filter((d) => request.direction === 'both' || request.direction === d);
  const [found, rowsPerType, ...perDirection] = await Promise.all([
    run(`MATCH ${centre} RETURN n`, { id }),
    // The page's own pattern, counted: rows per type as the page sees them (an undirected self-loop once).
    run(`MATCH ${centre}${arrow(request.direction, rel)}(m) RETURN ${spell.relType('r')} AS type, count(*) AS count`, { id }),
    ...directions.map((direction) => run(`MATCH ${centre}${arrow(direction, rel)}() RETURN ${spell.relType('r')} AS type, count(*) AS count`, { id })),
  ]);
  return {
    node: found.rows[0]?.n as unknown as GraphNode | undefined,
    counts: neighbourCounts(perDirection.map((r, i) => ({ direction: directions[i], rows: r.rows }))),
    perType: rowsPerType.rows.flatMap((r) => (isRelType(String(r.type)) ? [{ type: String(r.type) as RelType, count: Number(r.count) }] : [])),
  };
}

/** Up to this many relationships, a page is sorted with its rows whole in one query. */
const SORT_WHOLE_ROWS = 500;

function arrow(direction: Direction, rel: string): string {
  if (direction === 'out') return `-${rel}->`;
  if (direction === 'in') return `<-${rel}-`;
  return `-${rel}-`;
}

/** Which rows of each type a page takes, types in name order: the stable order's page cut into per-type slices. */
export function pageSlices(perType: ReadonlyArray<{ type: RelType; count: number }>, offset: number, limit: number): Array<{ type: RelType; skip: number; take: number }> {
  const slices: Array<{ type: RelType; skip: number; take: number }> = [];
  let start = 0;
  for (const { type, count } of [...perType].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))) {
    const from = Math.max(offset, start);
    const to = Math.min(offset + limit, start + count);
    if (from < to) slices.push({ type, skip: from - start, take: to - from });
    start += count;
  }
  return slices;
}

/**
 * A page of the centre's relationships in a stable order (type, then id,
 * then the other end's id) and the count per type and direction. The centre
 * is returned with the page so every edge names both of its ends.
 *
 * A hub has tens of thousands of relationships: sorting them all with their
 * properties to keep fifty is what made its first page slow. So the page is
 * cut per type from the counts, each type's slice sorted on ids alone, and
 * only the page's relationships are read whole.
 */
export async function neighbours(run: Runner, spell: NeighbourSpelling, request: NeighboursRequest, sortWholeRows = SORT_WHOLE_ROWS): Promise<Neighbours | null> {
  const { id, offset, limit } = request;
  const rel = `[r${typeFilter(request.types.length ? request.types : REL_TYPES)}]`;
  const centre = spell.nodeById('n', 'id', id);
  const { node, counts, perType } = await (spell.totals ? spell.totals(run, request) : countedTotals(run, spell, request));
  if (!node) return null;
  // An undirected self-loop is counted in both directions but returned once.
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  if (perType.reduce((sum, t) => sum + t.count, 0) <= sortWholeRows) {
    // A node of ordinary degree: one query sorting its few rows beats two per type.
    const page = await run(`MATCH ${centre}${arrow(request.direction, rel)}(m) RETURN n, r, m ORDER BY ${spell.relType('r')}, r.id, m.id SKIP $offset LIMIT $limit`, { id, offset, limit }, { maxRows: limit });
    return { centre: node, graph: mergeGraphs({ nodes: [node], edges: [] }, page.graph), counts, total, truncated: offset + page.rows.length < total };
  }
  const pages = await Promise.all(
    pageSlices(perType, offset, limit).map(async ({ type, skip, take }) => {
      const typed = arrow(request.direction, `[r${typeFilter([type])}]`);
      if (spell.slice) return spell.slice(run, `MATCH ${centre}${typed}(m)`, { id, skip, take });
      const ids = await run(`MATCH ${centre}${typed}(m) RETURN r.id AS rid, m.id AS mid ORDER BY rid, mid SKIP $skip LIMIT $take`, { id, skip, take }, { maxRows: take });
      const rids = ids.rows.map((r) => String(r.rid));
      const page = rids.length ? await run(`MATCH ${centre}${typed}(m) WHERE r.id IN $rids RETURN n, r, m`, { id, rids }) : { graph: { nodes: [], edges: [] } };
      // In the page's order, as one sorting query would give them: edges by row, the other ends by their first row.
      const position = new Map(rids.map((rid, i) => [rid, i]));
      const first = new Map<string, number>();
      ids.rows.forEach((r, i) => first.has(String(r.mid)) || first.set(String(r.mid), i));
      const at = (nodeId: string) => (nodeId === node.id ? -1 : (first.get(nodeId) ?? rids.length));
      return {
        rows: rids.length,
        graph: {
          nodes: [...page.graph.nodes].sort((a, b) => at(a.id) - at(b.id)),
          edges: [...page.graph.edges].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)),
        },
      };
    }),
  );
  const returned = pages.reduce((sum, p) => sum + p.rows, 0);
  return { centre: node, graph: mergeGraphs({ nodes: [node], edges: [] }, ...pages.map((p) => p.graph)), counts, total, truncated: offset + returned < total };
}
