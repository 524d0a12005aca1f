/** Request and response shapes of the HTTP API, imported by server and client alike. */
import type { Graph, GraphEdge, GraphNode, PlainValue, Provenance } from './graph.js';

export interface ApiError {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface HealthResponse {
  ok: boolean;
  engine: 'kuzu' | 'neo4j';
  location: string;
  nodes: number;
  relationships: number;
  version: string;
  message?: string;
}

/** A graph answer; `truncated` says a limit cut it, `total` how many there were when known. */
export interface GraphResponse {
  graph: Graph;
  truncated: boolean;
  total?: number;
  limit?: number;
}

export interface NodeResponse {
  node: GraphNode;
  degree: number;
}

export interface NeighbourCount {
  type: string;
  direction: 'out' | 'in';
  count: number;
}

export interface NeighboursResponse extends GraphResponse {
  counts: NeighbourCount[];
}

export interface SearchHit {
  node: GraphNode;
  score: number;
  /** The name or alias that matched. */
  matched: string;
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  truncated: boolean;
}

export type ParamType = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'string[]' | 'nodeId' | 'relType' | 'label';

export interface SavedQueryParam {
  name: string;
  type: ParamType;
  description: string;
  default?: PlainValue;
  required: boolean;
}

export interface SavedQueryInfo {
  name: string;
  title: string;
  description: string;
  params: SavedQueryParam[];
}

export interface QueryResponse {
  engine: 'kuzu' | 'neo4j';
  columns: string[];
  rows: Record<string, PlainValue>[];
  graph: Graph;
  truncated: boolean;
  elapsedMs: number;
}

export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
  timeoutMs?: number;
  maxRows?: number;
}

export interface ClaimView extends Provenance {
  outlet: string | null;
  headline: string | null;
  publishedAt: string | null;
  /** The sentence around the quote in the article. */
  sentence: string;
}

export interface EdgeProvenanceResponse {
  edge: GraphEdge;
  claims: ClaimView[];
}

export interface ArticleSpan {
  start: number;
  end: number;
  edgeId: string;
  type: string;
}

export interface ArticleResponse {
  article: GraphNode;
  spans: ArticleSpan[];
}

export interface TimelineItem {
  date: string;
  datePrecision: string | null;
  kind: 'event' | 'relationship';
  id: string;
  title: string;
  element: GraphNode | GraphEdge;
}

export interface TimelineResponse {
  from: string | null;
  to: string | null;
  items: TimelineItem[];
  graph: Graph;
  truncated: boolean;
}

export interface PathsResponse {
  paths: Graph[];
  graph: Graph;
  truncated: boolean;
}

export interface ExportFormatInfo {
  id: string;
  mediaType: string;
  extension: string;
  description: string;
}
