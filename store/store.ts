import type { Graph, PlainValue } from '../shared/graph.js';
import type { NodeLabel, RelType } from '../shared/schema.js';

export type Engine = 'kuzu' | 'neo4j';

export interface RunOptions {
  /** 'read' runs in a read-only transaction: a write fails inside the engine. */
  mode?: 'read' | 'write';
  /** Aborts the query after this many milliseconds (StoreTimeout). */
  timeoutMs?: number;
  /** Keeps at most this many rows; `truncated` says when more existed. */
  maxRows?: number;
}

/**
 * The result of a query in plain JSON. `graph` collects every node, edge and
 * path found anywhere in the rows; `rows` keeps the columns, with nodes and
 * edges replaced by their plain form.
 */
export interface RunResult {
  columns: string[];
  rows: Record<string, PlainValue>[];
  graph: Graph;
  truncated: boolean;
}

/** Rows for a bulk load: nodes per label and relationships per type, properties as in the schema. */
export interface BulkNodes {
  label: NodeLabel;
  rows: Record<string, PlainValue>[];
}
export interface BulkRels {
  type: RelType;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  /** Each row has `from` and `to` (node ids) plus the relationship properties. */
  rows: Record<string, PlainValue>[];
}

export interface BulkLoad {
  nodes: BulkNodes[];
  rels: BulkRels[];
}

export interface Health {
  ok: boolean;
  engine: Engine;
  location: string;
  nodes: number;
  relationships: number;
  message?: string;
}

export type ProgressFn = (message: string) => void;

/**
 * The few spellings that differ between the engines, for Cypher written in
 * services (variables are constants in code, never user text).
 */
export interface Dialect {
  /** `type(r)` on Neo4j, `label(r)` on Kùzu. */
  relType(variable: string): string;
  /** `labels(n)[0]` on Neo4j, `label(n)` on Kùzu. */
  nodeLabel(variable: string): string;
}

export interface Store {
  readonly engine: Engine;
  readonly dialect: Dialect;
  /** Where the data lives (path or URI), without secrets. */
  readonly location: string;
  run(query: string, params?: Record<string, unknown>, options?: RunOptions): Promise<RunResult>;
  /** Runs the statements in one write transaction: all of them take effect, or none. */
  writeTransaction(steps: ReadonlyArray<{ query: string; params?: Record<string, unknown> }>): Promise<void>;
  /** Creates the schema if missing (idempotent). */
  ensureSchema(): Promise<void>;
  /** Removes every node and relationship, keeping the schema. */
  clear(): Promise<void>;
  /** Loads rows in bulk: COPY FROM on Kùzu, UNWIND batches on Neo4j. */
  bulkLoad(data: BulkLoad, progress?: ProgressFn): Promise<void>;
  /**
   * Shortest path between two node ids, undirected, up to maxHops.
   * Each engine spells this differently, so the adapter owns it.
   */
  shortestPath(fromId: string, toId: string, maxHops: number, relTypes?: readonly RelType[]): Promise<Graph | null>;
  /**
   * Throws WriteRefused when the query would write; the engine's own plan
   * decides, planned with the query's parameters. A query that cannot be
   * planned is refused too (BadQuery), never let through unchecked.
   */
  assertReadOnly(query: string, params?: Record<string, unknown>): Promise<void>;
  health(): Promise<Health>;
  close(): Promise<void>;
}
