/**
 * The store contract: the operations services call. Each engine implements
 * them with its own native Cypher, one file per operation in its folder
 * (`store/kuzu/`, `store/neo4j/`); the adapter classes only wire them.
 * Only two Cypher strings come from outside: saved queries (`runSavedQuery`)
 * and ad-hoc read-only Cypher (`run`, after `assertReadOnly`).
 */
import type { Graph, GraphEdge, GraphNode, PlainValue } from '../shared/graph.js';
import type { AggregateOverview, GroupMembers, GroupMembersRequest } from '../shared/aggregate.js';
import type { NodeLabel, RelType } from '../shared/schema.js';

export type Engine = 'kuzu' | 'neo4j';

/** The longest path `paths` looks for, on every engine. */
export const MAX_PATH_HOPS = 10;

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

/** How an engine's operation files run their own Cypher: the adapter provides it (read mode and the store's timeout by default). */
export type Runner = (query: string, params?: Record<string, unknown>, options?: RunOptions) => Promise<RunResult>;

// ---------------------------------------------------------------- reads

export interface NodeDetail {
  node: GraphNode;
  /** Relationships of any type and direction at the node. */
  degree: number;
}

export type Direction = 'out' | 'in' | 'both';

export interface NeighboursRequest {
  id: string;
  /** Relationship types to follow; empty means every type. */
  types: readonly RelType[];
  direction: Direction;
  /** Skip this many relationships of the stable order: "+N more" pages through them. */
  offset: number;
  limit: number;
}

export interface NeighbourCount {
  type: RelType;
  direction: 'out' | 'in';
  count: number;
}

export interface Neighbours {
  /** The centre node itself, so every edge of the page names both ends by Jejak id. */
  centre: GraphNode;
  /** One page of relationships (ordered by type, then relationship id) with the nodes at both ends. */
  graph: Graph;
  /** Relationships per type and direction at the centre (of the requested types), largest first. */
  counts: NeighbourCount[];
  total: number;
  /** More relationships follow this page. */
  truncated: boolean;
}

export interface SearchRequest {
  /** The user's words, as typed: never Cypher or index syntax. */
  text: string;
  limit: number;
  /** Only nodes of these labels; empty means any. */
  labels: readonly NodeLabel[];
}

export interface SearchHit {
  node: GraphNode;
  score: number;
  /** The name or alias that matched. */
  matched: string;
}

export interface SearchResult {
  hits: SearchHit[];
  truncated: boolean;
}

export interface Capped {
  graph: Graph;
  truncated: boolean;
}

export interface OverviewRequest {
  limit: number;
  /** Relationship types to include; empty means every type. */
  types: readonly RelType[];
}

export interface Overview extends Capped {
  /** Relationships of these types in the whole graph. */
  total: number;
}

export interface TimelineRequest {
  /** ISO dates; null leaves that side open. */
  from: string | null;
  to: string | null;
  limit: number;
  /** Relationship types of the facts to include; empty means every type. */
  types: readonly RelType[];
}

export interface TimelineEntry {
  kind: 'event' | 'relationship';
  /** The date, or the first day of a range. */
  date: string;
  /** The last day of a range (`dateTo`); null for a single date. */
  dateTo: string | null;
  datePrecision: string | null;
  element: GraphNode | GraphEdge;
}

export interface Timeline {
  /** Events and facts whose date or range overlaps the window, by date then id, at most `limit`. */
  entries: TimelineEntry[];
  /** The entries' nodes and edges, with both ends of every edge. */
  graph: Graph;
  truncated: boolean;
}

export interface EdgeProvenance {
  edge: GraphEdge;
  /** The articles the edge's claims cite, by id. */
  articles: GraphNode[];
}

export interface ArticleFacts {
  article: GraphNode;
  /** Relationships (other than MENTIONS) with a claim citing the article. */
  edges: GraphEdge[];
}

export interface PathsRequest {
  from: string;
  to: string;
  /** 'shortest': one shortest path; 'all': every simple path of 1..maxHops hops, shortest first. */
  mode: 'shortest' | 'all';
  maxHops: number;
  /** Relationship types a path may use; empty means every type. */
  types: readonly RelType[];
  /** At most this many paths ('all'); `truncated` says when more exist. */
  limit: number;
}

export interface Paths {
  paths: Graph[];
  truncated: boolean;
}

/** A saved query's Cypher: Neo4j's dialect, with a variant per engine where the dialects differ. */
export interface SavedCypher {
  name: string;
  cypher: string;
  variants: Partial<Record<Engine, string>>;
}

export interface Health {
  ok: boolean;
  engine: Engine;
  location: string;
  nodes: number;
  relationships: number;
  message?: string;
  /** Kùzu: writes committed to the write-ahead log and not yet folded into the database file (see `kuzuLogAdvice`). */
  pendingLog?: PendingLog;
}

export interface PendingLog {
  bytes: number;
  /** What it costs and what to do about it, for the operator. */
  advice: string;
}

// ---------------------------------------------------------------- writes

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

export type ProgressFn = (message: string) => void;

/**
 * The reviewed facts of one article, merged in one transaction: nodes are
 * created when their id is new (an existing node is left as it is); each
 * edge's claim joins the existing edge of the same event (same type and
 * endpoints, compatible date and place: store/same-event.ts), else the edge
 * is created, with an id of its own if its id names another event.
 */
export interface FactBatch {
  /** The article every claim comes from: the merge is idempotent per article. */
  articleId: string;
  /** Nodes to create when missing (the article among them). */
  nodes: GraphNode[];
  /** Facts and MENTIONS, each carrying only this article's claims in its source* lists. */
  edges: GraphEdge[];
}

export interface MergeReport {
  nodesCreated: number;
  /** Fact relationships created (MENTIONS are counted apart). */
  edgesCreated: number;
  mentionsCreated: number;
  /** Existing edges that gained this article's claim. */
  claimsAdded: number;
  /** Edges that already carried this article's claim. */
  unchanged: number;
}

export interface Store {
  readonly engine: Engine;
  /** Where the data lives (path or URI), without secrets. */
  readonly location: string;

  /** The node with this id and its degree, or null. */
  node(id: string): Promise<NodeDetail | null>;
  /** A page of a node's relationships with per-type totals; null when the node does not exist. */
  neighbours(request: NeighboursRequest): Promise<Neighbours | null>;
  /** Names and aliases, accent- and case-insensitive, one typo per word, ranked. */
  search(request: SearchRequest): Promise<SearchResult>;
  /** The nodes with these ids and the relationships among them, at most `maxRows` of each. */
  subgraph(ids: readonly string[], maxRows: number): Promise<Capped>;
  /** A capped sample of the graph's relationships with their nodes, and how many there are. */
  overview(request: OverviewRequest): Promise<Overview>;
  timeline(request: TimelineRequest): Promise<Timeline>;
  /** A relationship and the articles its claims cite; null when no relationship has this id. */
  provenance(edgeId: string): Promise<EdgeProvenance | null>;
  /** An article and the facts that cite it; null when no article has this id. */
  articleFacts(articleId: string): Promise<ArticleFacts | null>;
  paths(request: PathsRequest): Promise<Paths>;
  /** Counts per label and per (from label, type, to label): the overview of a graph too big to draw (cached until the graph's size changes). */
  aggregateOverview(): Promise<AggregateOverview>;
  /** A page of one label's nodes, the most connected first. */
  groupMembers(request: GroupMembersRequest): Promise<GroupMembers>;
  health(): Promise<Health>;

  /** A saved query, in read mode, in this engine's variant when it has one. */
  runSavedQuery(query: SavedCypher, params: Record<string, unknown>, options?: RunOptions): Promise<RunResult>;
  /** Cypher from outside in this engine's own dialect (ad-hoc, read-only after `assertReadOnly`). */
  run(query: string, params?: Record<string, unknown>, options?: RunOptions): Promise<RunResult>;
  /**
   * Throws WriteRefused when the query would write; the engine's own plan
   * decides, planned with the query's parameters. A query that cannot be
   * planned is refused too (BadQuery), never let through unchecked.
   */
  assertReadOnly(query: string, params?: Record<string, unknown>): Promise<void>;

  /** Creates the schema if missing (idempotent). */
  ensureSchema(): Promise<void>;
  /**
   * Brings data written by an earlier Jejak up to this one (indexes, derived properties), with
   * progress; idempotent. The server runs it when it opens a store that holds a graph. Engines whose
   * derived data lives in memory (Kùzu) have nothing to do.
   */
  upgrade?(progress?: ProgressFn): Promise<void>;
  /** Removes Jejak's nodes and relationships, keeping the schema; on Neo4j, nodes without a Jejak label stay. */
  clear(): Promise<void>;
  /** Loads rows in bulk: COPY FROM on Kùzu, UNWIND batches on Neo4j. */
  bulkLoad(data: BulkLoad, progress?: ProgressFn): Promise<void>;
  /**
   * Replaces the whole graph (reseed). Readers see the old graph or the new
   * one, never half of it or a deleted database (Kùzu: built aside and
   * renamed over; Neo4j: one transaction).
   */
  replaceGraph(data: BulkLoad, progress?: ProgressFn): Promise<void>;
  /**
   * Merges one article's facts in one write transaction, claims appended in
   * the database; idempotent per article, under concurrent writers and driver
   * retries alike (see FactBatch).
   */
  mergeFacts(batch: FactBatch): Promise<MergeReport>;
  /** Runs the statements in one write transaction: all of them take effect, or none. */
  writeTransaction(steps: ReadonlyArray<{ query: string; params?: Record<string, unknown> }>): Promise<void>;

  close(): Promise<void>;
}
