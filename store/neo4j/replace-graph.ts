/**
 * replaceGraph and clear on Neo4j. Only Jejak's nodes are deleted (those
 * with a label of the schema), so a database shared with other data keeps
 * it. A graph that fits is deleted and loaded in one transaction, so readers
 * see the old graph until the commit and the new one after, never half.
 * A bigger one is loaded in batches under a reload marker in the database:
 * while it is there, reads answer 503 "the graph is being reloaded" and
 * health says so, on every server using the database.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { BulkLoad, ProgressFn } from '../store.js';
import { createAll, type BatchSizing, type CreateReport, type PreparedRows } from './bulk-create.js';
import { ANY_LABEL } from './match.js';

/** Rows per UNWIND batch in bulkLoad's MERGE (here, not in store.ts, which imports this file). */
export const BATCH_SIZE = 10_000;

/**
 * Nodes and relationships past which the load is batched instead of one
 * transaction. One transaction's state grows with every batch and its commit
 * applies it all at once: 100k relationships in one took 26 s against 14 s in
 * batches (the raw path 20–24 s) on this machine, so past a small graph the
 * batches, with reads answering 503 meanwhile, are the faster way to the same graph.
 */
export const ONE_TRANSACTION_MAX_ROWS = 20_000;

/** Deletions per transaction in clear(): a hub's relationships go in several, so none passes the memory cap. */
export const CLEAR_BATCH_ROWS = 20_000;

/** Matches Jejak's nodes only: labels from the schema, never the whole database. */
const JEJAK_NODE = `(n:${ANY_LABEL})`;
export const DELETE_JEJAK_QUERY = `MATCH ${JEJAK_NODE} DETACH DELETE n`;
export const COUNT_JEJAK_RELS_QUERY = `MATCH ${JEJAK_NODE}-[r]->() RETURN count(r) AS count`;
export const COUNT_JEJAK_NODES_QUERY = `MATCH ${JEJAK_NODE} RETURN count(n) AS count`;
/** Relationships first, out of Jejak's nodes, so no node deletion drags a hub's tens of thousands along. */
export const DELETE_RELS_BATCH_QUERY = `MATCH ${JEJAK_NODE}-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted`;
/** DETACH only for relationships from other data into Jejak's nodes. */
export const DELETE_NODES_BATCH_QUERY = `MATCH ${JEJAK_NODE} WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted`;

/** The reload marker: a label outside the schema, so clear() and the counts of Jejak's graph leave it alone. */
export const RELOAD_LABEL = 'JejakReload';
export const SET_RELOAD_QUERY = `MERGE (m:${RELOAD_LABEL} {id: 'reload'}) SET m.since = toString(datetime()), m.rows = $rows`;
export const CLEAR_RELOAD_QUERY = `MATCH (m:${RELOAD_LABEL}) DELETE m`;
export const READ_RELOAD_QUERY = `MATCH (m:${RELOAD_LABEL}) RETURN m.since AS since LIMIT 1`;

export function rowCount(data: BulkLoad): number {
  return [...data.nodes, ...data.rels].reduce((sum, g) => sum + g.rows.length, 0);
}

/** Deletes Jejak's graph and creates the prepared one, all inside the caller's transaction. */
export async function replaceInTransaction(tx: ManagedTransaction, rows: PreparedRows, sizing: BatchSizing): Promise<CreateReport> {
  await tx.run(DELETE_JEJAK_QUERY);
  return createAll(rows, async (query, params) => (await tx.run(query, params)).records.map((r) => r.toObject()), () => undefined, sizing);
}

/** Runs one counting or deleting query in a transaction of its own and returns its single number. */
export type CountRunner = (query: string, params?: Record<string, unknown>) => Promise<number>;

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Deletes Jejak's relationships, then its nodes, `batch` per transaction,
 * with a progress line per transaction: each commit frees its memory, so a
 * graph of any size goes within the server's transaction memory cap.
 */
export async function clearInBatches(count: CountRunner, progress: ProgressFn, batch = CLEAR_BATCH_ROWS): Promise<{ nodes: number; relationships: number }> {
  const stage = async (what: string, total: number, query: string) => {
    let done = 0;
    for (;;) {
      const deleted = await count(query, { batch });
      if (deleted === 0) return done;
      done += deleted;
      progress(`neo4j: clear: ${fmt(done)}/${fmt(Math.max(total, done))} ${what} deleted`);
    }
  };
  const relationships = await stage('relationships', await count(COUNT_JEJAK_RELS_QUERY), DELETE_RELS_BATCH_QUERY);
  const nodes = await stage('nodes', await count(COUNT_JEJAK_NODES_QUERY), DELETE_NODES_BATCH_QUERY);
  return { nodes, relationships };
}

export function describeLoad(report: CreateReport, how: string, progress: ProgressFn): void {
  const skipped = report.skipped ? ` (${fmt(report.skipped)} relationships skipped: endpoint node not in the load)` : '';
  progress(`neo4j: ${fmt(report.nodes)} nodes and ${fmt(report.relationships)} relationships created ${how}${skipped}`);
}
