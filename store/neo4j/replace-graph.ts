/**
 * replaceGraph and clear on Neo4j. Only Jejak's nodes are deleted (those
 * with a label of the schema), so a database shared with other data keeps
 * it. A graph that fits is deleted and loaded in one transaction, so readers
 * see the old graph until the commit and the new one after, never half.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { BulkLoad, ProgressFn } from '../store.js';
import { ANY_LABEL } from './match.js';
import { nodeMergeQuery, relMergeQuery, toNeo4jNodeRow, toNeo4jRelRow } from './store.js';

/** Rows per UNWIND batch in bulk loads and deletions per batch in clear() (here, not in store.ts, which imports this file). */
export const BATCH_SIZE = 10_000;

/** Nodes and relationships past which one transaction would hold too much memory: the load is batched instead. */
export const ONE_TRANSACTION_MAX_ROWS = 200_000;

/** Matches Jejak's nodes only: labels from the schema, never the whole database. */
const JEJAK_NODE = `(n:${ANY_LABEL})`;
export const DELETE_JEJAK_QUERY = `MATCH ${JEJAK_NODE} DETACH DELETE n`;
export const CLEAR_JEJAK_BATCH_QUERY = `MATCH ${JEJAK_NODE} WITH n LIMIT ${BATCH_SIZE} DETACH DELETE n RETURN count(*) AS deleted`;

export function rowCount(data: BulkLoad): number {
  return [...data.nodes, ...data.rels].reduce((sum, g) => sum + g.rows.length, 0);
}

/** Deletes Jejak's graph and loads `data`, all inside the caller's transaction. */
export async function replaceInTransaction(tx: ManagedTransaction, data: BulkLoad): Promise<void> {
  await tx.run(DELETE_JEJAK_QUERY);
  for (const group of data.nodes) {
    const rows = group.rows.map((r) => toNeo4jNodeRow(group.label, r));
    for (let i = 0; i < rows.length; i += BATCH_SIZE) await tx.run(nodeMergeQuery(group.label), { rows: rows.slice(i, i + BATCH_SIZE) });
  }
  for (const group of data.rels) {
    const rows = group.rows.map((r) => toNeo4jRelRow(group.type, r));
    for (let i = 0; i < rows.length; i += BATCH_SIZE) await tx.run(relMergeQuery(group.type, group.fromLabel, group.toLabel), { rows: rows.slice(i, i + BATCH_SIZE) });
  }
}

export function describeLoad(data: BulkLoad, progress: ProgressFn): void {
  const nodes = data.nodes.reduce((s, g) => s + g.rows.length, 0);
  const rels = data.rels.reduce((s, g) => s + g.rows.length, 0);
  progress(`neo4j: ${nodes.toLocaleString('en-US')} nodes and ${rels.toLocaleString('en-US')} relationships replaced in one transaction`);
}
