/** Request and response shapes of the HTTP API, imported by server and client alike. */
import type { Graph, GraphEdge, GraphNode, PlainValue, Provenance } from './graph.js';
import type { ClaimStatus, NodeLabel, RelType } from './schema.js';

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
  /** Kùzu: writes in the write-ahead log not yet in the database file, and what to do about them. */
  pendingLog?: { bytes: number; advice: string };
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

/** `nodeId` takes an entity's id, name or alias (resolved like search); `claimStatus` one of CLAIM_STATUSES. */
export type ParamType = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'string[]' | 'nodeId' | 'relType' | 'label' | 'claimStatus';

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
  /** The date, or the first day of a range. */
  date: string;
  /** The last day when the item spans a range (e.g. "last week"), else null. */
  dateTo: string | null;
  datePrecision: string | null;
  kind: 'event' | 'relationship';
  /** The event's node or the fact's edge, in the answer's `graph` under this id (sent once, not again per item). */
  id: string;
  title: string;
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

// ---- ingest: the extractor's candidates (extract/) and the ingest endpoints (server/routes/ingest.ts) ----

export type DatePrecision = 'day' | 'month' | 'year';
export type { ClaimStatus } from './schema.js';


export interface IngestCandidateEnd {
  /** Graph id, or null for an entity the graph does not know yet. */
  id: string | null;
  name: string;
  label: NodeLabel;
}

export interface IngestCandidate {
  /**
   * Stable id: a hash of the article's cleaned text, the quote's offset, the
   * trigger's offset, the relation and the ends as extracted. The same article
   * always yields the same ids, so a commit names what the reviewer saw.
   */
  id: string;
  subject: IngestCandidateEnd;
  predicate: RelType;
  object: IngestCandidateEnd;
  date: string | null;
  datePrecision: DatePrecision | null;
  /** How the date was read ("stated: …", "relative to the article …", or why there is none). */
  dateNote: string;
  /** Exact range when the date phrase names a week ("pekan lalu"). */
  dateFrom?: string;
  dateTo?: string;
  /** The sentence, verbatim from the cleaned text. */
  quote: string;
  /** Offset of `quote` in the cleaned text (`article.text`). */
  offset: number;
  /** Spans in `article.text` to highlight: the trigger and the words that gave subject and object. */
  spans: Array<{ start: number; end: number; role: 'trigger' | 'subject' | 'object' }>;
  confidence: number;
  status: ClaimStatus;
  /** Who the text attributes the claim to ("KCNA", "Sergei Lavrov"). */
  reportedBy?: string;
  /** The verb or noun that matched. */
  trigger: string;
  /** How arguments were resolved, hedges, headline origin. */
  notes: string[];
}

export interface IngestProposedEntity {
  name: string;
  label: NodeLabel | null;
  reason: string;
  /** Other names the article uses for it ("NIS" for "Badan Intelijen Nasional"). */
  aliases: string[];
  /** Offsets of each occurrence in the text. */
  offsets: number[];
  /** A known entity this name is the same as (alias, title or transliteration), and why. */
  sameAs?: { id: string; name: string; reason: string };
}

export interface IngestArticle {
  text: string;
  /** Publication date (YYYY-MM-DD) when the text carries none; without it an undated article is still extracted. */
  date?: string;
  outlet?: string;
}

/** What committing a candidate would do to the graph, worked out at preview time. */
export interface IngestMergePlan {
  /** 'claim': joins an existing edge as another source; 'known': this article's claim is already there; 'new': a new edge. */
  action: 'claim' | 'known' | 'new';
  edgeId: string | null;
  reason: string;
}

/** An article as extraction read it: what the preview shows the reviewer. */
export interface ReadArticle {
  headline: string;
  byline: string | null;
  /** Publication date, or null when neither the page nor the caller gives one: the article is undated and relative dates are left empty. */
  date: string | null;
  undated: boolean;
  dateText: string | null;
  outlet: string | null;
  text: string;
}

export interface IngestPreviewResponse {
  articleId: string;
  article: ReadArticle;
  candidates: IngestCandidate[];
  /** Per candidate id: what a commit would do (from the store at preview time). */
  merges: Record<string, IngestMergePlan>;
  newEntities: IngestProposedEntity[];
  skipped: Array<{ predicate: RelType; trigger: string; offset: number; reason: string; sentence: string }>;
}

/** A reviewer's changes to one candidate; every field is checked against the schema at commit. */
export interface IngestEdit {
  subject?: IngestCandidateEnd;
  predicate?: RelType;
  object?: IngestCandidateEnd;
  date?: string | null;
  datePrecision?: DatePrecision | null;
  status?: ClaimStatus;
}

export interface IngestCommit extends IngestArticle {
  /** Ids of the accepted candidates (from the preview of the same text). */
  accept: string[];
  /** Per candidate id. */
  edits?: Record<string, IngestEdit>;
}

export interface IngestReport {
  articleId: string;
  accepted: number;
  nodesCreated: number;
  /** Fact relationships created (article MENTIONS edges are counted apart). */
  edgesCreated: number;
  mentionsCreated: number;
  claimsAdded: number;
  unchanged: number;
}
