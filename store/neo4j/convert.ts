/**
 * Pure conversion of neo4j-driver values to Jejak's plain JSON. This module
 * (with neo4j.ts) is the only place neo4j engine types (Integer, Node,
 * Relationship, Path, temporal and spatial types) are handled; nothing it
 * returns contains one.
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPathSegment,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
  isUnsupportedType,
  isUUID,
  isVector,
  type Integer,
  type Node,
  type Path,
  type PathSegment,
  type Record as Neo4jRecord,
  type Relationship,
} from 'neo4j-driver';
import type { Graph, GraphEdge, GraphNode, PlainValue } from '../../shared/graph.js';
import { isNodeLabel } from '../../shared/schema.js';
import type { RunResult } from '../store.js';
import { HIDDEN_REL_PROPS } from './timeline-keys.js';

/** elementId → the node's `id` property, used to resolve relationship endpoints. */
export type NodeIdMap = ReadonlyMap<string, string>;

/** Collects nodes and edges met while converting, keeping the first copy of each id. */
export interface GraphCollector {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
}

interface Context {
  ids: NodeIdMap;
  collect?: GraphCollector;
}

/** Integer → number when it fits in a double exactly, else its decimal string. */
export function integerToPlain(value: Integer): number | string {
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

function bigintToPlain(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

function numberToPlain(value: number): number | string {
  // NaN and ±Infinity are not JSON; keep them readable rather than turning into null.
  return Number.isFinite(value) ? value : String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The node's stable id: its `id` property when present, else the engine's elementId. */
function nodeIdOf(node: Node): string {
  const id: unknown = node.properties?.id;
  if (typeof id === 'string') return id;
  if (id !== undefined && id !== null) return String(toPlainIn(id, { ids: new Map() }));
  return node.elementId;
}

/** Prefers a label from the schema when a node carries several (e.g. an extra tag label). */
function labelOf(node: Node): string {
  return node.labels.find((l) => isNodeLabel(l)) ?? node.labels[0] ?? '';
}

function propertiesToPlain(properties: Record<string, unknown> | undefined, ctx: Context, hidden?: ReadonlySet<string>): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [key, value] of Object.entries(properties ?? {})) if (!hidden?.has(key)) out[key] = toPlainIn(value, ctx);
  return out;
}

function nodeToPlain(node: Node, ctx: Context): GraphNode {
  const plain: GraphNode = {
    id: nodeIdOf(node),
    label: labelOf(node),
    properties: propertiesToPlain(node.properties, ctx),
  };
  if (ctx.collect && !ctx.collect.nodes.has(plain.id)) ctx.collect.nodes.set(plain.id, plain);
  return plain;
}

function endpointId(elementId: string, ctx: Context): string {
  return ctx.ids.get(elementId) ?? elementId;
}

function relationshipToPlain(rel: Relationship, ctx: Context): GraphEdge {
  const id: unknown = rel.properties?.id;
  const plain: GraphEdge = {
    id: typeof id === 'string' ? id : id !== undefined && id !== null ? String(toPlainIn(id, ctx)) : rel.elementId,
    type: rel.type,
    source: endpointId(rel.startNodeElementId, ctx),
    target: endpointId(rel.endNodeElementId, ctx),
    // The adapter's own keys (the timeline's) are not the graph's data.
    properties: propertiesToPlain(rel.properties, ctx, HIDDEN_REL_PROPS),
  };
  if (ctx.collect && !ctx.collect.edges.has(plain.id)) ctx.collect.edges.set(plain.id, plain);
  return plain;
}

function pathToPlain(path: Path | PathSegment, ctx: Context): Graph {
  const segments: PathSegment[] = isPathSegment(path) ? [path] : (path as Path).segments;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const start = nodeToPlain(path.start, ctx);
  nodes.set(start.id, start);
  for (const segment of segments) {
    const end = nodeToPlain(segment.end, ctx);
    if (!nodes.has(end.id)) nodes.set(end.id, end);
    const edge = relationshipToPlain(segment.relationship, ctx);
    if (!edges.has(edge.id)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function toPlainIn(value: unknown, ctx: Context): PlainValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return numberToPlain(value);
    case 'bigint':
      return bigintToPlain(value);
    case 'function':
    case 'symbol':
      return null;
  }
  if (isInt(value)) return integerToPlain(value);
  if (isNode(value)) return nodeToPlain(value, ctx) as unknown as PlainValue;
  if (isRelationship(value)) return relationshipToPlain(value, ctx) as unknown as PlainValue;
  if (isPath(value) || isPathSegment(value)) return pathToPlain(value, ctx) as unknown as PlainValue;
  if (isUnboundRelationship(value)) {
    // Only seen inside raw path structures; the driver hydrates paths with full relationships.
    return { id: value.elementId, type: value.type, properties: propertiesToPlain(value.properties, ctx, HIDDEN_REL_PROPS) };
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    // Date → YYYY-MM-DD; DateTime/LocalDateTime/Time → ISO 8601; Duration → ISO 8601 (P1M2DT3S).
    return value.toString();
  }
  if (isPoint(value)) {
    const srid = isInt(value.srid) ? integerToPlain(value.srid) : (value.srid as unknown as number);
    const point: { [key: string]: PlainValue } = { x: value.x, y: value.y };
    if (value.z !== undefined && value.z !== null) point.z = value.z;
    point.srid = srid;
    return point;
  }
  if (isVector(value)) return Array.from(value.asTypedArray() as ArrayLike<number | bigint>, (v) => toPlainIn(v, ctx));
  if (isUUID(value)) return value.toString();
  if (isUnsupportedType(value)) return value.toString();
  if (Array.isArray(value)) return value.map((v) => toPlainIn(v, ctx));
  if (ArrayBuffer.isView(value)) {
    // Byte arrays (and other typed arrays) become lists of numbers.
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => toPlainIn(v, ctx));
  }
  if (value instanceof globalThis.Date) return value.toISOString();
  if (isPlainObject(value)) {
    const out: Record<string, PlainValue> = {};
    for (const [key, v] of Object.entries(value)) out[key] = toPlainIn(v, ctx);
    return out;
  }
  // Anything else the driver may add later: its string form, never the object itself.
  return String(value);
}

/**
 * Converts one driver value to plain JSON. Nodes become GraphNode, relationships
 * GraphEdge (endpoints resolved through `ids`, falling back to the elementId),
 * paths `{ nodes, edges }`.
 */
export function toPlain(value: unknown, ids: NodeIdMap = new Map(), collect?: GraphCollector): PlainValue {
  return toPlainIn(value, { ids, collect });
}

/** Walks a value and records elementId → id for every node found (in lists, maps, paths). */
export function collectNodeIds(value: unknown, into: Map<string, string> = new Map()): Map<string, string> {
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (isNode(v)) {
      into.set(v.elementId, nodeIdOf(v));
      return;
    }
    if (isPath(v)) {
      visit(v.start);
      for (const s of v.segments) visit(s.end);
      return;
    }
    if (isPathSegment(v)) {
      visit(v.start);
      visit(v.end);
      return;
    }
    if (isInt(v) || isRelationship(v)) return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item);
      return;
    }
    if (isPlainObject(v)) for (const item of Object.values(v)) visit(item);
  };
  visit(value);
  return into;
}

/**
 * Turns driver records into a RunResult: `rows` with plain values keyed by
 * column, and `graph` with every node, edge and path element found anywhere
 * in the rows, deduplicated by id. A relationship returned without its nodes
 * still gets endpoint ids from nodes elsewhere in the result, else their
 * elementIds; its endpoints are not invented as nodes.
 */
export function recordsToResult(records: readonly Neo4jRecord[], keys: readonly string[], truncated: boolean): RunResult {
  const ids = new Map<string, string>();
  for (const record of records) for (const key of keys) collectNodeIds(record.get(key), ids);
  const collect: GraphCollector = { nodes: new Map(), edges: new Map() };
  const ctx: Context = { ids, collect };
  const rows = records.map((record) => {
    const row: Record<string, PlainValue> = {};
    for (const key of keys) row[key] = toPlainIn(record.get(key), ctx);
    return row;
  });
  return {
    columns: [...keys],
    rows,
    graph: { nodes: [...collect.nodes.values()], edges: [...collect.edges.values()] },
    truncated,
  };
}
