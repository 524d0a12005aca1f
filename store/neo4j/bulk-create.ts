/**
 * Loading a whole graph into Neo4j where Jejak's part is empty (a reseed,
 * after its delete): CREATE, never MERGE, and few query plans. Nodes are
 * created per label and return their elementId; relationships are then
 * created per type, whatever their endpoint labels, finding both ends by
 * elementId, so there is one plan per type rather than per (type, labels)
 * pair, and batches are full. Properties are written as a map literal of
 * the schema's names (no `SET r = map`, which makes the planner add Eager
 * operators that hold a whole batch), and batches are sized by bytes, so a
 * batch of long quotes stays within the server's transaction memory.
 *
 * A batch travels as columns (`$cols.name[i]`, one list per property), not
 * as a list of maps: Bolt then carries each property name once per batch
 * instead of once per row, which cut the client's packing and the server's
 * unpacking of a relationship batch by a fifth to a third (batches of
 * 5,000 rows of ~1 KB from bench/synthetic.ts, on this machine under load).
 */
import { LABELS, REL_PROPS, isNodeLabel, isRelType, type NodeLabel, type RelType } from '../../shared/schema.js';
import { badQuery } from '../../shared/errors.js';
import type { BulkLoad, ProgressFn } from '../store.js';
import { toNeo4jNodeRow, toNeo4jRelRow } from './store.js';
import { timelineKeysSet } from './timeline-keys.js';

/** Runs one batch (its parameters are `{ cols }`): its own transaction when loading in batches, the caller's when loading in one. */
export type BatchRunner = (query: string, params: { cols: Columns }) => Promise<Array<Record<string, unknown>>>;

/** One batch as columns: property name → one value per row (null where the row has none). */
export type Columns = Record<string, unknown[]>;

/** Rows → columns over the given names; a missing value becomes null, which CREATE does not store. */
export function toColumns(rows: readonly Record<string, unknown>[], names: readonly string[]): Columns {
  const cols: Columns = {};
  for (const n of names) cols[n] = rows.map((r) => r[n] ?? null);
  return cols;
}

export interface BatchSizing {
  /** Bytes of row JSON per batch (estimated from a sample): bounds a batch's transaction memory. */
  batchBytes: number;
  /** Rows per batch at most, whatever their size. */
  maxBatchRows: number;
}

/**
 * 8 MiB of rows keep a batch's transaction well under Neo4j's default 512 MiB
 * cap (its state costs several times the JSON), and at ~2 KB per relationship
 * with its claims that is ~4,000 per batch; small node rows reach the row cap.
 */
export const DEFAULT_SIZING: BatchSizing = { batchBytes: 8 * 2 ** 20, maxBatchRows: 20_000 };

/** Map literal of the schema's properties from the columns: `{id: $cols.id[i], …}` (names from the schema only). */
function propsLiteral(names: readonly string[]): string {
  return `{${names.map((n) => `${n}: $cols.${n}[i]`).join(', ')}}`;
}

/** The node properties a label's batch carries: the schema's, in its order. */
export const nodeColumnNames = (label: NodeLabel): string[] => LABELS[label].props.map((p) => p.name);

/** A relationship batch's columns: both ends' elementIds, then the schema's properties. */
export const REL_END_COLUMNS = ['_from', '_to'] as const;
export const REL_COLUMN_NAMES: readonly string[] = [...REL_END_COLUMNS, ...REL_PROPS.map((p) => p.name)];

export function nodeCreateQuery(label: NodeLabel): string {
  if (!isNodeLabel(label)) throw badQuery(`unknown node label ${JSON.stringify(label)}`);
  return `UNWIND range(0, size($cols.id) - 1) AS i CREATE (n:${label} ${propsLiteral(nodeColumnNames(label))}) RETURN $cols.id[i] AS id, elementId(n) AS element`;
}

export function relCreateQuery(type: RelType): string {
  if (!isRelType(type)) throw badQuery(`unknown relationship type ${JSON.stringify(type)}`);
  return (
    'UNWIND range(0, size($cols._from) - 1) AS i MATCH (a) WHERE elementId(a) = $cols._from[i] MATCH (b) WHERE elementId(b) = $cols._to[i] ' +
    `CREATE (a)-[r:${type} ${propsLiteral(REL_PROPS.map((p) => p.name))}]->(b) SET ${timelineKeysSet('r')}`
  );
}

/** Rows per batch for rows like these: the sample's average JSON size against the byte budget. */
export function batchRowsFor(rows: readonly unknown[], sizing: BatchSizing): number {
  if (rows.length === 0) return 1;
  const step = Math.max(1, Math.floor(rows.length / 100));
  let bytes = 0;
  let sampled = 0;
  for (let i = 0; i < rows.length; i += step) {
    bytes += JSON.stringify(rows[i]).length;
    sampled++;
  }
  const perRow = Math.max(1, bytes / sampled);
  return Math.max(1, Math.min(sizing.maxBatchRows, Math.floor(sizing.batchBytes / perRow)));
}

const fmt = (n: number) => n.toLocaleString('en-US');

export interface CreateReport {
  nodes: number;
  relationships: number;
  /** Relationships whose endpoint is not among the nodes loaded: not created. */
  skipped: number;
}

interface RelRow {
  from: string;
  to: string;
  id: string;
  props: Record<string, unknown>;
}

/**
 * Every row is converted (and so checked) before the first batch runs: bad
 * input is refused while the graph is still whole.
 */
export function prepareRows(data: BulkLoad) {
  const nodes = data.nodes.map((g) => ({ label: g.label, rows: g.rows.map((r) => toNeo4jNodeRow(g.label, r)) }));
  const byType = new Map<RelType, RelRow[]>();
  for (const g of data.rels) {
    if (!isRelType(g.type)) throw badQuery(`unknown relationship type ${JSON.stringify(g.type)}`);
    const list = byType.get(g.type) ?? [];
    // toNeo4jRelRow has checked that from, to and id are strings.
    for (const r of g.rows) list.push(toNeo4jRelRow(g.type, r) as unknown as RelRow);
    byType.set(g.type, list);
  }
  return { nodes, rels: [...byType.entries()].map(([type, rows]) => ({ type, rows })) };
}

export type PreparedRows = ReturnType<typeof prepareRows>;

/** Creates the prepared graph batch by batch, with a progress line per batch. */
export async function createAll(rows: PreparedRows, run: BatchRunner, progress: ProgressFn, sizing: BatchSizing = DEFAULT_SIZING): Promise<CreateReport> {
  const element = new Map<string, string>();
  let nodes = 0;
  for (const group of rows.nodes) {
    const query = nodeCreateQuery(group.label);
    const size = batchRowsFor(group.rows, sizing);
    const names = nodeColumnNames(group.label);
    for (let i = 0; i < group.rows.length; i += size) {
      for (const r of await run(query, { cols: toColumns(group.rows.slice(i, i + size), names) })) element.set(String(r.id), String(r.element));
      progress(`neo4j: ${group.label} ${fmt(Math.min(i + size, group.rows.length))}/${fmt(group.rows.length)} nodes created`);
    }
    nodes += group.rows.length;
  }
  let relationships = 0;
  let skipped = 0;
  for (const group of rows.rels) {
    const query = relCreateQuery(group.type);
    const size = batchRowsFor(group.rows, sizing);
    for (let i = 0; i < group.rows.length; i += size) {
      const batch: Record<string, unknown>[] = [];
      for (const r of group.rows.slice(i, i + size)) {
        const a = element.get(r.from);
        const b = element.get(r.to);
        if (a === undefined || b === undefined) skipped++;
        else batch.push({ ...r.props, id: r.id, _from: a, _to: b });
      }
      if (batch.length) await run(query, { cols: toColumns(batch, REL_COLUMN_NAMES) });
      relationships += batch.length;
      const note = skipped ? ` (${fmt(skipped)} skipped so far: endpoint node not in the load)` : '';
      progress(`neo4j: ${group.type} ${fmt(Math.min(i + size, group.rows.length))}/${fmt(group.rows.length)} relationships created${note}`);
    }
  }
  return { nodes, relationships, skipped };
}
