import type { Graph, GraphEdge, GraphNode, PlainValue } from '../../shared/graph.js';
import { LABELS, isNodeLabel } from '../../shared/schema.js';
import type { RunResult } from '../store.js';

/** Kùzu gives a variable that spans several tables the union of their columns: keep the label's own. */
const ownProps = new Map<string, Set<string>>(Object.values(LABELS).map((l) => [l.label, new Set(l.props.map((p) => p.name))]));

/** Kùzu's internal node id; it never leaves this module. */
interface InternalId {
  table: number;
  offset: number;
}

const key = (iid: InternalId) => `${iid.table}:${iid.offset}`;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isInternalId = (v: unknown): v is InternalId => isObj(v) && typeof v.table === 'number' && typeof v.offset === 'number';
const isKuzuNode = (v: unknown): boolean => isObj(v) && '_label' in v && isInternalId(v._id) && !('_src' in v);
const isKuzuRel = (v: unknown): boolean => isObj(v) && '_label' in v && '_src' in v && '_dst' in v;
const isKuzuPath = (v: unknown): boolean => isObj(v) && Array.isArray(v._nodes) && Array.isArray(v._rels);

/** A DATE comes back as midnight UTC: keep it a plain date; a TIMESTAMP keeps its time. */
function dateToPlain(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function scalarToPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return dateToPlain(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * A row of scalars and lists of scalars (an index build's columns) as `toPlain` gives it,
 * without the builder's bookkeeping of nodes and edges.
 */
export function scalarRow(row: Record<string, unknown>): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [k, v] of Object.entries(row)) out[k] = Array.isArray(v) ? v.map(scalarToPlain) : scalarToPlain(v);
  return out;
}

/**
 * Converts Kùzu rows to plain JSON. Relationships name their endpoints by
 * internal id, so nodes seen anywhere in the result are indexed first; ids
 * still unknown are resolved by `lookup` (one query for all of them).
 */
export class KuzuResultBuilder {
  private readonly idByInternal = new Map<string, string>();
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly unresolved = new Map<string, InternalId>();

  constructor(private readonly rows: Record<string, unknown>[]) {
    for (const row of rows) for (const v of Object.values(row)) this.indexNodes(v);
  }

  private indexNodes(value: unknown): void {
    if (Array.isArray(value)) return value.forEach((v) => this.indexNodes(v));
    if (!isObj(value)) return;
    if (isKuzuNode(value)) {
      this.idByInternal.set(key(value._id as InternalId), String(value.id ?? key(value._id as InternalId)));
      return;
    }
    if (isKuzuPath(value)) return (value._nodes as unknown[]).forEach((n) => this.indexNodes(n));
    if (isKuzuRel(value)) {
      for (const end of [value._src, value._dst]) if (isInternalId(end)) this.unresolved.set(key(end), end);
      return;
    }
    Object.values(value).forEach((v) => this.indexNodes(v));
  }

  /** Internal ids that relationships point to but no node in the rows carries. */
  missingEndpoints(): InternalId[] {
    return [...this.unresolved.entries()].filter(([k]) => !this.idByInternal.has(k)).map(([, v]) => v);
  }

  addEndpointIds(pairs: Array<{ iid: InternalId; id: string }>): void {
    for (const p of pairs) this.idByInternal.set(key(p.iid), p.id);
  }

  private properties(value: Obj, keep?: Set<string>): Record<string, PlainValue> {
    const props: Record<string, PlainValue> = {};
    for (const [k, v] of Object.entries(value)) if (!k.startsWith('_') && (!keep || keep.has(k))) props[k] = this.toPlain(v);
    return props;
  }

  private node(value: Obj): GraphNode {
    const iid = value._id as InternalId;
    const label = String(value._label);
    const keep = isNodeLabel(label) ? ownProps.get(label) : undefined;
    const node: GraphNode = { id: String(value.id ?? key(iid)), label, properties: this.properties(value, keep) };
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    return node;
  }

  private edge(value: Obj): GraphEdge {
    const endpoint = (iid: unknown) => (isInternalId(iid) ? this.idByInternal.get(key(iid)) ?? key(iid) : String(iid));
    const edge: GraphEdge = {
      id: String(value.id ?? (isInternalId(value._id) ? key(value._id) : '')),
      type: String(value._label),
      source: endpoint(value._src),
      target: endpoint(value._dst),
      properties: this.properties(value),
    };
    if (!this.edges.has(edge.id)) this.edges.set(edge.id, edge);
    return edge;
  }

  toPlain(value: unknown): PlainValue {
    if (Array.isArray(value)) return value.map((v) => this.toPlain(v));
    if (isKuzuNode(value)) return this.node(value as Obj) as unknown as PlainValue;
    if (isKuzuRel(value)) return this.edge(value as Obj) as unknown as PlainValue;
    if (isKuzuPath(value)) {
      const path = value as Obj;
      const nodes = (path._nodes as Obj[]).map((n) => this.node(n));
      const edges = (path._rels as Obj[]).map((r) => this.edge(r));
      return { nodes, edges } as unknown as PlainValue;
    }
    if (isObj(value)) {
      const out: Record<string, PlainValue> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.toPlain(v);
      return out;
    }
    return scalarToPlain(value);
  }

  build(columns: string[], truncated: boolean): RunResult {
    const rows = this.rows.map((row) => {
      const out: Record<string, PlainValue> = {};
      for (const c of columns) out[c] = this.toPlain(row[c]);
      return out;
    });
    const graph: Graph = { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
    return { columns, rows, graph, truncated };
  }
}
