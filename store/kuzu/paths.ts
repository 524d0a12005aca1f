import type { GraphEdge, GraphNode } from '../../shared/graph.js';
import { FACT_TYPES, hopBound, typeFilter } from '../cypher-names.js';
import { pathsByHops } from '../results.js';
import { MAX_PATH_HOPS, type Paths, type PathsRequest, type Runner } from '../store.js';
import { NODE_LABELS } from '../../shared/schema.js';
import { Adjacency, labelCode, typeCode, type Hop } from './adjacency.js';
import { inLanes, uint32Column, uint8Column, type BuildScan } from './build-lanes.js';
import { REL_GROUPS } from './date-index.js';
import { nodeById } from './match.js';
import { whileIndexing } from './timeline.js';

/** Every node and relationship end, by internal offsets (numbers, not ids, for the relationships: a million of them). */
export async function buildAdjacency(scan: BuildScan, wanted: () => boolean = () => true): Promise<Adjacency> {
  const ids: string[] = [];
  const labels = uint8Column();
  const numberOf = new Map<string, Int32Array>();
  const dropped = 'the adjacency was dropped while it was read';
  await inLanes(
    NODE_LABELS.map((label) => async () => {
      // The label's rows are numbered together once read: the other lane's rows may come in between.
      const offsets = uint32Column();
      const own: string[] = [];
      await scan(`MATCH (n:${label}) RETURN offset(ID(n)) AS o, n.id AS id`, (row) => {
        offsets.push(Number(row.o));
        own.push(String(row.id));
      });
      let max = -1;
      for (let i = 0; i < offsets.length; i++) max = Math.max(max, offsets.at(i));
      const numbers = new Int32Array(max + 1).fill(-1);
      for (let i = 0; i < offsets.length; i++) {
        numbers[offsets.at(i)] = ids.length;
        ids.push(own[i]);
        labels.push(labelCode(label));
      }
      numberOf.set(label, numbers);
    }),
    wanted,
    dropped,
  );
  const sources = uint32Column();
  const targets = uint32Column();
  const types = uint8Column();
  await inLanes(
    REL_GROUPS.map((g) => async () => {
      const from = numberOf.get(g.from)!;
      const to = numberOf.get(g.to)!;
      const code = typeCode(g.type);
      await scan(`MATCH (a:${g.from})-[r:${g.type}]->(b:${g.to}) RETURN offset(ID(a)) AS a, offset(ID(b)) AS b`, (row) => {
        sources.push(from[Number(row.a)]);
        targets.push(to[Number(row.b)]);
        types.push(code);
      });
    }),
    wanted,
    dropped,
  );
  return new Adjacency({ ids, labels: labels.values(), sources: sources.values(), targets: targets.values(), types: types.values() });
}

/**
 * Kùzu spells shortest paths in the relationship pattern: `[* SHORTEST 1..k]`;
 * hop bounds are validated integers. A shortest path is found instead in the
 * in-memory adjacency (`adjacency`, null while it is being read) and only
 * its hops are read from the database.
 */
export async function paths(run: Runner, request: PathsRequest, adjacency: () => Promise<Adjacency | null> = async () => null): Promise<Paths> {
  const maxHops = hopBound(request.maxHops, MAX_PATH_HOPS);
  const typeList = request.types.length ? request.types : FACT_TYPES;
  const types = typeFilter(typeList);
  const ends = `MATCH ${nodeById('a', 'from', request.from)}, ${nodeById('b', 'to', request.to)}`;
  const params = { from: request.from, to: request.to };
  if (request.mode === 'shortest') {
    if (request.from === request.to) {
      const r = await run(`MATCH ${nodeById('a', 'from', request.from)} RETURN a`, { from: request.from });
      return { paths: r.rows.length ? [r.graph] : [], truncated: false };
    }
    const index = await adjacency();
    if (index) {
      const hops = index.shortest(request.from, request.to, typeList, maxHops);
      if (!hops) return { paths: [], truncated: false };
      const path = await readHops(run, hops);
      if (path) return { paths: [path], truncated: false };
      // A hop not found (the graph changed under the index): the engine's own search answers.
    }
    const r = await run(`${ends} MATCH p = (a)-[r${types}* SHORTEST 1..${maxHops}]-(b) RETURN p LIMIT 1`, params, { maxRows: 1 }).catch(whileIndexing('shortest path', 'adjacency'));
    return { paths: r.rows.length ? [r.graph] : [], truncated: false };
  }
  return pathsByHops(maxHops, request.limit, (hops, cap) =>
    run(`${ends} MATCH p = (a)-[r${types}*${hops}..${hops}]-(b) RETURN p LIMIT $cap`, { ...params, cap }, { maxRows: cap }),
  );
}

/** The path's nodes and relationships whole, in order from its first node; null when a hop is not in the database. */
async function readHops(run: Runner, hops: readonly Hop[]): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] } | null> {
  const rows = await Promise.all(
    hops.map((h) => {
      const [source, target] = h.forward ? [h.from, h.to] : [h.to, h.from];
      // Labels come from the schema (the adjacency holds label codes), ids go in as parameters.
      return run(`MATCH (a:${source.label} {id: $source})-[r:${h.type}]->(b:${target.label} {id: $target}) RETURN a, r, b LIMIT 1`, { source: source.id, target: target.id }, { maxRows: 1 });
    }),
  );
  if (rows.some((r) => r.graph.edges.length !== 1)) return null;
  const byId = new Map(rows.flatMap((r) => r.graph.nodes).map((n) => [n.id, n]));
  const order = [hops[0].from.id, ...hops.map((h) => h.to.id)];
  const nodes = order.map((id) => byId.get(id));
  if (nodes.some((n) => !n)) return null;
  return { nodes: nodes as GraphNode[], edges: rows.map((r) => r.graph.edges[0]) };
}
