import type { Graph, GraphEdge, GraphNode, PlainValue } from '../shared/graph.js';
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

/** The reviewed facts of one article, for `mergeFacts`. */
export interface FactsToMerge {
  /** The article every claim comes from. */
  articleId: string;
  /** Nodes to create when missing (the article among them); existing nodes are left as they are. */
  nodes: GraphNode[];
  /** Facts and MENTIONS, each carrying only this article's claims in its source* lists. */
  edges: GraphEdge[];
}

export interface MergeReport {
  nodesCreated: number;
  /** Fact relationships created (MENTIONS are counted apart). */
  edgesCreated: number;
  mentionsCreated: number;
  /** Claims appended to an existing edge about the same event. */
  claimsAdded: number;
  /** Edges that already carried this article's claim. */
  unchanged: number;
}

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
  /** Removes every Jejak node and relationship, keeping the schema (and, on Neo4j, nodes that are not Jejak's). */
  clear(): Promise<void>;
  /**
   * Merges one article's facts in one write transaction: missing nodes
   * created, claims appended in the database to the edge of the same event
   * (same type, endpoints, compatible date and place), otherwise a new edge.
   * Idempotent per article, also under concurrent writers and driver retries.
   */
  mergeFacts(facts: FactsToMerge): Promise<MergeReport>;
  /**
   * Replaces the whole graph (reseed). Readers see the old graph or the new
   * one, never half of it or a deleted database.
   */
  replaceGraph(data: BulkLoad, progress?: ProgressFn): Promise<void>;
  /** Loads rows in bulk: COPY FROM on Kùzu, UNWIND batches on Neo4j. */
  bulkLoad(data: BulkLoad, progress?: ProgressFn): Promise<void>;
  /**
   * Shortest path between two node ids, undirected, up to maxHops.
   * Each engine spells this differently, so the adapter owns it.
   */
  shortestPath(fromId: string, toId: string, maxHops: number, relTypes?: readonly RelType[]): Promise<Graph | null>;
  /** Throws BadQuery when the query would write; the engine's own plan decides. */
  assertReadOnly(query: string): Promise<void>;
  health(): Promise<Health>;
  close(): Promise<void>;
}
