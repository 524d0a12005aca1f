/**
 * The aggregated overview on Neo4j: node counts per label (from the count
 * store), relationship counts per (from label, type, to label), and the
 * degree of every node of one label (COUNT subqueries read the node's degree
 * without touching its relationships). Labels reach the Cypher only after the
 * schema's allowlist accepted them.
 */
import { isNodeLabel, NODE_LABELS, type NodeLabel } from '../../shared/schema.js';
import type { AggregateCounts, AggregateEngine, AggregateRunner, LabelDegree } from '../overview-aggregate.js';
import { countsFromRows } from '../overview-aggregate.js';

export async function neo4jAggregateCounts(run: AggregateRunner): Promise<AggregateCounts> {
  // One count-store lookup per label, in one query.
  const perLabel = NODE_LABELS.map((l) => `MATCH (n:${l}) RETURN '${l}' AS label, count(n) AS count`).join(' UNION ALL ');
  const [nodes, rels] = await Promise.all([
    run(perLabel),
    run('MATCH (a)-[r]->(b) RETURN labels(a)[0] AS from, type(r) AS type, labels(b)[0] AS to, count(*) AS count'),
  ]);
  return countsFromRows(nodes.rows, rels.rows);
}

export async function neo4jLabelDegrees(run: AggregateRunner, label: NodeLabel): Promise<LabelDegree[]> {
  if (!isNodeLabel(label)) throw new Error(`not a node label: ${label}`);
  const r = await run(`MATCH (n:${label}) RETURN n.id AS id, COUNT { (n)--() } AS degree`, {}, { maxRows: 10_000_000 });
  return r.rows.map((row) => ({ id: String(row.id), degree: Number(row.degree) }));
}

export async function neo4jNodesOf(run: AggregateRunner, label: NodeLabel, ids: readonly string[]) {
  if (!isNodeLabel(label)) throw new Error(`not a node label: ${label}`);
  return (await run(`MATCH (n:${label}) WHERE n.id IN $ids RETURN n`, { ids }, { maxRows: ids.length })).graph.nodes;
}

export const neo4jAggregate: AggregateEngine = { counts: neo4jAggregateCounts, degrees: neo4jLabelDegrees, nodes: neo4jNodesOf };
