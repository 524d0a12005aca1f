/**
 * What merging a FactBatch changes, decided from what the database holds:
 * new nodes, new edges, and claims to append to existing edges. Both
 * engines apply the plan with their own Cypher in one write transaction.
 */
import type { GraphEdge, GraphNode, PlainValue } from '../shared/graph.js';
import { isNodeLabel, isRelType, LABELS, PROVENANCE_PROPS, REL_PROPS, type NodeLabel, type ProvenanceProp } from '../shared/schema.js';
import { badRequest } from '../shared/errors.js';
import type { FactBatch, MergeReport } from './store.js';


export interface ClaimAppend {
  edge: GraphEdge;
  /** Per provenance key, the values of the claims the edge does not have yet. */
  claims: Record<ProvenanceProp, PlainValue[]>;
}

export interface MergePlan {
  nodes: Array<GraphNode & { label: NodeLabel }>;
  edges: Array<{ edge: GraphEdge; fromLabel: NodeLabel; toLabel: NodeLabel }>;
  appends: Array<ClaimAppend & { fromLabel: NodeLabel; toLabel: NodeLabel }>;
  report: MergeReport;
}

const list = (v: PlainValue | undefined): PlainValue[] => (Array.isArray(v) ? v : []);

export function planMerge(batch: FactBatch, existingNodes: readonly GraphNode[], existingEdges: readonly GraphEdge[]): MergePlan {
  const labelOf = new Map<string, NodeLabel>();
  for (const n of [...existingNodes, ...batch.nodes]) {
    if (!isNodeLabel(n.label)) throw badRequest(`node ${n.id}: unknown label ${n.label}`);
    labelOf.set(n.id, n.label);
  }
  const known = new Set(existingNodes.map((n) => n.id));
  const nodes = batch.nodes.filter((n) => !known.has(n.id)).map((n) => ({ ...n, label: labelOf.get(n.id)! }));
  const byId = new Map(existingEdges.map((e) => [e.id, e]));
  const plan: MergePlan = { nodes, edges: [], appends: [], report: { nodesCreated: nodes.length, edgesCreated: 0, claimsAdded: 0, unchanged: 0 } };
  for (const edge of batch.edges) {
    const fromLabel = labelOf.get(edge.source);
    const toLabel = labelOf.get(edge.target);
    if (!fromLabel || !toLabel) throw badRequest(`relationship ${edge.id} points to an unknown node`);
    const existing = byId.get(edge.id);
    if (!existing) {
      plan.edges.push({ edge, fromLabel, toLabel });
      plan.report.edgesCreated++;
      continue;
    }
    const had = new Set(list(existing.properties.sourceArticles).map(String));
    const fresh = list(edge.properties.sourceArticles).map((a, i) => ({ a: String(a), i })).filter(({ a }) => !had.has(a));
    if (!fresh.length) {
      plan.report.unchanged++;
      continue;
    }
    const claims = Object.fromEntries(PROVENANCE_PROPS.map((k) => [k, fresh.map(({ i }) => list(edge.properties[k])[i] ?? (k === 'sourceOffsets' ? -1 : ''))])) as ClaimAppend['claims'];
    plan.appends.push({ edge: existing, claims, fromLabel, toLabel });
    plan.report.claimsAdded++;
  }
  return plan;
}

export interface Statement {
  query: string;
  params: Record<string, unknown>;
}

const DATE_PROPS = new Set(REL_PROPS.filter((p) => p.type === 'DATE').map((p) => p.name));

/** Creates a node unless one has its id; only the label's own properties, dates through date(), so both engines accept it. */
export function createNodeStatement(node: GraphNode & { label: NodeLabel }): Statement {
  const props = LABELS[node.label].props.filter((p) => p.name !== 'id');
  const sets = props.map((p) => `n.${p.name} = ${p.type === 'DATE' ? `date($${p.name})` : `$${p.name}`}`).join(', ');
  const params: Record<string, unknown> = { id: node.id };
  for (const p of props) params[p.name] = node.properties[p.name] ?? (p.type.endsWith('[]') ? [] : null);
  return { query: `MERGE (n:${node.label} {id: $id}) ON CREATE SET ${sets}`, params };
}

/** Creates a relationship with every schema property between two existing nodes. */
export function createEdgeStatement({ edge, fromLabel, toLabel }: MergePlan['edges'][number]): Statement {
  if (!isRelType(edge.type)) throw badRequest(`relationship ${edge.id}: unknown type ${edge.type}`);
  const props = REL_PROPS.map((p) => `${p.name}: ${DATE_PROPS.has(p.name) ? `date($${p.name})` : `$${p.name}`}`).join(', ');
  const params: Record<string, unknown> = { from: edge.source, to: edge.target };
  for (const p of REL_PROPS) params[p.name] = p.name === 'id' ? edge.id : (edge.properties[p.name] ?? (p.type.endsWith('[]') ? [] : null));
  return { query: `MATCH (a:${fromLabel} {id: $from}), (b:${toLabel} {id: $to}) CREATE (a)-[r:${edge.type} {${props}}]->(b)`, params };
}
