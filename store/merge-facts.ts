/**
 * mergeFacts, the part both engines share: which nodes to create, and for
 * each edge whether its claim joins an existing edge (same event), is already
 * there (same article), or makes a new edge. Each engine supplies the
 * statements (`MergeOps`), run inside one write transaction of its own.
 */
import type { GraphEdge, GraphNode, PlainValue } from '../shared/graph.js';
import { isNodeLabel, isRelType, relDef, REL_PROPS, type NodeLabel, type RelType } from '../shared/schema.js';
import { badRequest } from '../shared/errors.js';
import { matchingEvent, newEdgeId, type EventKey } from './same-event.js';
import type { FactsToMerge, MergeReport } from './store.js';

/** The per-claim lists of a relationship (sourceArticles, sourceQuotes, …), from the schema. */
export const PROVENANCE_PROPS: readonly string[] = REL_PROPS.filter((p) => p.type.endsWith('[]')).map((p) => p.name);

export interface End {
  id: string;
  label: NodeLabel;
}

export interface ExistingEdge extends EventKey {
  /** This article's claim is already on the edge. */
  hasArticle: boolean;
}

/** The statements an engine runs inside its write transaction; reads see the transaction's own writes. */
export interface MergeOps {
  /**
   * Optional: makes concurrent merges touching the same nodes wait for each
   * other (Neo4j write locks, taken in id order); an engine with one writer
   * at a time needs none.
   */
  lockNodes?(ids: readonly string[]): Promise<void>;
  /** Labels of the nodes among `ids` that exist. */
  labelsOf(ids: readonly string[]): Promise<Map<string, NodeLabel>>;
  createNode(label: NodeLabel, node: GraphNode): Promise<void>;
  /** Edges of `type` from `from` to `to`, with their event keys (dates as ISO strings). */
  edgesBetween(type: RelType, from: End, to: End, articleId: string): Promise<ExistingEdge[]>;
  /** Appends the claim lists in the database, only if the article's claim is not there yet. */
  appendClaims(type: RelType, from: End, to: End, edgeId: string, articleId: string, claims: Record<string, PlainValue[]>): Promise<void>;
  createEdge(type: RelType, from: End, to: End, id: string, properties: Record<string, PlainValue>): Promise<void>;
}

function claimsOf(edge: GraphEdge, articleId: string): Record<string, PlainValue[]> {
  const claims = Object.fromEntries(PROVENANCE_PROPS.map((p) => [p, Array.isArray(edge.properties[p]) ? (edge.properties[p] as PlainValue[]) : []]));
  const articles = claims.sourceArticles ?? [];
  if (articles.length === 0 || articles.some((a) => a !== articleId))
    throw badRequest(`relationship ${edge.id}: every claim must come from article ${articleId}`);
  return claims;
}

/** Checks the input before anything is written: known labels and types, endpoints the schema allows. */
function validate(facts: FactsToMerge): void {
  if (!facts.articleId) throw badRequest('mergeFacts needs the article id');
  for (const n of facts.nodes) if (!isNodeLabel(n.label)) throw badRequest(`node ${n.id}: unknown label ${n.label}`);
  for (const e of facts.edges) if (!isRelType(e.type)) throw badRequest(`relationship ${e.id}: unknown type ${e.type}`);
}

export async function mergeFactsWith(ops: MergeOps, facts: FactsToMerge): Promise<MergeReport> {
  validate(facts);
  const report: MergeReport = { nodesCreated: 0, edgesCreated: 0, mentionsCreated: 0, claimsAdded: 0, unchanged: 0 };
  const ids = [...new Set([...facts.nodes.map((n) => n.id), ...facts.edges.flatMap((e) => [e.source, e.target])])];
  const labels = await ops.labelsOf(ids);
  // In id order, so two merges creating the same nodes wait for each other rather than deadlock.
  for (const node of [...facts.nodes].sort((a, b) => a.id.localeCompare(b.id))) {
    if (labels.has(node.id)) continue;
    await ops.createNode(node.label as NodeLabel, node);
    labels.set(node.id, node.label as NodeLabel);
    report.nodesCreated++;
  }
  // From here on, another writer of the same edges waits until this transaction ends, then sees its edges.
  await ops.lockNodes?.([...new Set(facts.edges.flatMap((e) => [e.source, e.target]))].sort());
  for (const edge of facts.edges) {
    const type = edge.type as RelType;
    const end = (id: string): End => {
      const label = labels.get(id);
      if (!label) throw badRequest(`relationship ${edge.id} points to ${id}, which is neither in the graph nor among the new nodes`);
      return { id, label };
    };
    const [from, to] = [end(edge.source), end(edge.target)];
    const def = relDef(type);
    if (!def.from.includes(from.label) || !def.to.includes(to.label))
      throw badRequest(`relationship ${edge.id}: ${type} does not go from ${from.label} to ${to.label}`);
    const claims = claimsOf(edge, facts.articleId);
    const incoming: EventKey = { ...edge.properties, id: edge.id };
    const existing = await ops.edgesBetween(type, from, to, facts.articleId);
    const same = matchingEvent(existing, incoming);
    if (same?.hasArticle) report.unchanged++;
    else if (same) {
      await ops.appendClaims(type, from, to, same.id, facts.articleId, claims);
      report.claimsAdded++;
    } else {
      const id = newEdgeId(incoming, new Set(existing.map((e) => e.id)));
      await ops.createEdge(type, from, to, id, { ...edge.properties, ...claims, id });
      if (type === 'MENTIONS') report.mentionsCreated++;
      else report.edgesCreated++;
    }
  }
  return report;
}
