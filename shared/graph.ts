/**
 * The plain graph JSON that leaves the store adapters. Engine types
 * (neo4j Integer/Node, Kùzu _id/_label) never appear here.
 */
import { isClaimStatus, type ClaimStatus } from './schema.js';

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

export interface GraphNode {
  id: string;
  label: string;
  properties: Record<string, PlainValue>;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, PlainValue>;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Node data in Cytoscape.js JSON: properties flattened beside the id and label (the display name stays in `name`). */
export interface CyNodeData {
  id: string;
  /** The node label (Person, State, …). */
  label: string;
  [key: string]: PlainValue;
}

/** Edge data in Cytoscape.js JSON: properties flattened beside the endpoints and type. */
export interface CyEdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  [key: string]: PlainValue;
}

/** Cytoscape.js JSON (`.cyjs`), as the API's export writes it and the client reads it back. */
export interface CytoscapeJson {
  format_version: string;
  generated_by: string;
  data: { name: string };
  elements: { nodes: Array<{ data: CyNodeData }>; edges: Array<{ data: CyEdgeData }> };
}

/** One supporting claim of a relationship: the article, its words, and where they stand. */
export interface Provenance {
  article: string;
  quote: string;
  offset: number;
  claim: string;
  dateNote: string;
  /** The claim's status as the source gives it; null where none was recorded (facts ingested before statuses existed). */
  status: ClaimStatus | null;
  /** The quantity this claim gives, normalised (`>10000`), or ''. */
  number: string;
  /** The date this claim gives for the fact (`2024-11`, `2024-11-06`, `2024-11-25..2024-12-01`), or ''. */
  date: string;
  /** Id of the Place this claim gives for the fact, or ''. */
  place: string;
}

function listOf(value: PlainValue | undefined): PlainValue[] {
  return Array.isArray(value) ? value : [];
}

/** Zips the parallel source* lists of a relationship into claims. */
export function provenanceOf(properties: Record<string, PlainValue>): Provenance[] {
  const articles = listOf(properties.sourceArticles);
  const quotes = listOf(properties.sourceQuotes);
  const offsets = listOf(properties.sourceOffsets);
  const claims = listOf(properties.sourceClaims);
  const notes = listOf(properties.sourceDateNotes);
  const statuses = listOf(properties.sourceStatuses);
  const numbers = listOf(properties.sourceNumbers);
  const dates = listOf(properties.sourceDates);
  const places = listOf(properties.sourcePlaces);
  return articles.map((article, i) => ({
    article: String(article),
    quote: String(quotes[i] ?? ''),
    offset: Number(offsets[i] ?? -1),
    claim: String(claims[i] ?? ''),
    dateNote: String(notes[i] ?? ''),
    status: isClaimStatus(statuses[i]) ? statuses[i] : null,
    number: String(numbers[i] ?? ''),
    date: String(dates[i] ?? ''),
    place: String(places[i] ?? ''),
  }));
}

/** Merges graphs, keeping the first copy of each node and edge id. */
export function mergeGraphs(...graphs: Graph[]): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const g of graphs) {
    for (const n of g.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of g.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Lower case, accents and punctuation folded, hyphens as spaces: `Kim Jong-un` → `kim jong un`. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
