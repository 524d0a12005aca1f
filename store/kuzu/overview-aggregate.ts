/**
 * The aggregated overview on Kùzu: node counts per label, relationship counts
 * per (from label, type, to label), and the degree of every node of one label
 * (to page a group's members, the most connected first). Labels reach the
 * Cypher only after the schema's allowlist accepted them.
 */
import { isNodeLabel, type NodeLabel } from '../../shared/schema.js';
import type { AggregateCounts, AggregateEngine, AggregateRunner, LabelDegree } from '../overview-aggregate.js';
import { countsFromRows } from '../overview-aggregate.js';
import { nodesByIds } from './match.js';

export async function kuzuAggregateCounts(run: AggregateRunner): Promise<AggregateCounts> {
  const [nodes, rels] = await Promise.all([
    run('MATCH (n) RETURN label(n) AS label, count(*) AS count'),
    run('MATCH (a)-[r]->(b) RETURN label(a) AS from, label(r) AS type, label(b) AS to, count(*) AS count'),
  ]);
  return countsFromRows(nodes.rows, rels.rows);
}

export async function kuzuLabelDegrees(run: AggregateRunner, label: NodeLabel): Promise<LabelDegree[]> {
  if (!isNodeLabel(label)) throw new Error(`not a node label: ${label}`);
  const r = await run(`MATCH (n:${label}) OPTIONAL MATCH (n)-[r]-() RETURN n.id AS id, count(r) AS degree`, {}, { maxRows: 10_000_000 });
  return r.rows.map((row) => ({ id: String(row.id), degree: Number(row.degree) }));
}

export const kuzuAggregate: AggregateEngine = { counts: kuzuAggregateCounts, degrees: kuzuLabelDegrees, nodes: nodesByIds };
