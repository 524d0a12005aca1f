import { mergeGraphs, type GraphNode } from '../../shared/graph.js';
import { REL_TYPES } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import { neighbourCounts } from '../results.js';
import type { Direction, Neighbours, NeighboursRequest, Runner } from '../store.js';

/** What differs between the engines here: how a node is found by id, and how a relationship's type is spelled. */
export interface NeighbourSpelling {
  nodeById(variable: string, param: string, id: string): string;
  /** `label(r)` on Kùzu, `type(r)` on Neo4j. */
  relType(variable: string): string;
}

function arrow(direction: Direction, rel: string): string {
  if (direction === 'out') return `-${rel}->`;
  if (direction === 'in') return `<-${rel}-`;
  return `-${rel}-`;
}

/**
 * A page of the centre's relationships in a stable order (type, then id) and
 * the count per type and direction. The centre is returned with the page so
 * every edge names both of its ends.
 */
export async function neighbours(run: Runner, spell: NeighbourSpelling, request: NeighboursRequest): Promise<Neighbours | null> {
  const { id, offset, limit } = request;
  const rel = `[r${typeFilter(request.types.length ? request.types : REL_TYPES)}]`;
  const centre = spell.nodeById('n', 'id', id);
  const directions = (['out', 'in'] as const).filter((d) => request.direction === 'both' || request.direction === d);
  const [found, page, ...perDirection] = await Promise.all([
    run(`MATCH ${centre} RETURN n`, { id }),
    run(`MATCH ${centre}${arrow(request.direction, rel)}(m) RETURN n, r, m ORDER BY ${spell.relType('r')}, r.id, m.id SKIP $offset LIMIT $limit`, { id, offset, limit }, { maxRows: limit }),
    ...directions.map((direction) => run(`MATCH ${centre}${arrow(direction, rel)}() RETURN ${spell.relType('r')} AS type, count(*) AS count`, { id })),
  ]);
  const node = found.rows[0]?.n as unknown as GraphNode | undefined;
  if (!node) return null;
  const counts = neighbourCounts(perDirection.map((r, i) => ({ direction: directions[i], rows: r.rows })));
  // An undirected self-loop is counted in both directions but returned once.
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return { centre: node, graph: mergeGraphs({ nodes: [node], edges: [] }, page.graph), counts, total, truncated: offset + page.rows.length < total };
}
