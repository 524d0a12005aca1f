import type { Graph, PlainValue } from '../shared/graph.js';
import { LABELS, REL_PROPS, isNodeLabel, isRelType, type NodeLabel } from '../shared/schema.js';
import type { BulkLoad, BulkNodes, BulkRels } from '../store/store.js';

/** Keeps exactly the schema's properties of a label (missing ones as null), so both engines get the same rows. */
function nodeRow(label: NodeLabel, properties: Record<string, PlainValue>): Record<string, PlainValue> {
  return Object.fromEntries(LABELS[label].props.map((p) => [p.name, properties[p.name] ?? (p.type.endsWith('[]') ? [] : null)]));
}

function relRow(from: string, to: string, properties: Record<string, PlainValue>): Record<string, PlainValue> {
  const row: Record<string, PlainValue> = { from, to };
  for (const p of REL_PROPS) row[p.name] = properties[p.name] ?? (p.type.endsWith('[]') ? [] : null);
  return row;
}

/** Groups a graph into bulk-load rows: nodes per label, relationships per (type, from label, to label). */
export function toBulkLoad(graph: Graph): BulkLoad {
  const labelOf = new Map<string, NodeLabel>();
  const nodes = new Map<NodeLabel, BulkNodes>();
  for (const n of graph.nodes) {
    if (!isNodeLabel(n.label)) throw new Error(`node ${n.id}: unknown label ${n.label}`);
    labelOf.set(n.id, n.label);
    if (!nodes.has(n.label)) nodes.set(n.label, { label: n.label, rows: [] });
    nodes.get(n.label)!.rows.push(nodeRow(n.label, { ...n.properties, id: n.id }));
  }
  const rels = new Map<string, BulkRels>();
  for (const e of graph.edges) {
    if (!isRelType(e.type)) throw new Error(`relationship ${e.id}: unknown type ${e.type}`);
    const fromLabel = labelOf.get(e.source);
    const toLabel = labelOf.get(e.target);
    if (!fromLabel || !toLabel) throw new Error(`relationship ${e.id}: endpoint ${fromLabel ? e.target : e.source} is not in the graph`);
    const key = `${e.type}:${fromLabel}:${toLabel}`;
    if (!rels.has(key)) rels.set(key, { type: e.type, fromLabel, toLabel, rows: [] });
    rels.get(key)!.rows.push(relRow(e.source, e.target, { ...e.properties, id: e.id }));
  }
  return { nodes: [...nodes.values()], rels: [...rels.values()] };
}
