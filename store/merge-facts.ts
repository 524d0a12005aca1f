/**
 * mergeFacts, the part both engines share: which nodes to create, and for
 * each edge whether its claim joins an existing edge (same event), is already
 * there (same article), or makes a new edge. Each engine supplies the
 * statements (`MergeOps`), run inside one write transaction of its own.
 */
import type { GraphEdge, GraphNode, PlainValue } from '../shared/graph.js';
import { isNodeLabel, isRelType, PROVENANCE_PROPS, REL_PROPS, relDef, type NodeLabel, type RelType } from '../shared/schema.js';
import { badRequest } from '../shared/errors.js';
import { matchingEvent, newEdgeId, type EventKey } from './same-event.js';
import type { FactBatch, MergeReport } from './store.js';

export { PROVENANCE_PROPS };

export interface End {
  id: string;
  label: NodeLabel;
}

export interface ExistingEdge extends EventKey {
  /** This article's claim is already on the edge. */
  hasArticle: boolean;
}

/**
 * An `edgesBetween` row (columns id, date, datePrecision, dateFrom, dateTo, place, hasArticle)
 * as an ExistingEdge; `date` turns the engine's date value into an ISO day.
 */
export function existingEdge(row: Record<string, unknown>, date: (v: unknown) => string | null): ExistingEdge {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    id: String(row.id),
    date: date(row.date),
    datePrecision: text(row.datePrecision),
    dateFrom: date(row.dateFrom),
    dateTo: date(row.dateTo),
    place: text(row.place),
    hasArticle: row.hasArticle === true,
  };
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

const LIST_TYPE = new Map(REL_PROPS.map((p) => [p.name, p.type]));

/**
 * The edge's claim lists, each as long as its list of articles: a list the
 * caller left out is filled with blanks ('' or -1), so the parallel lists
 * stay aligned on the edge they are appended to.
 */
function claimsOf(edge: GraphEdge, articleId: string): Record<string, PlainValue[]> {
  const list = (p: string) => (Array.isArray(edge.properties[p]) ? (edge.properties[p] as PlainValue[]) : []);
  const articles = list('sourceArticles');
  if (articles.length === 0 || articles.some((a) => a !== articleId))
    throw badRequest(`relationship ${edge.id}: every claim must come from article ${articleId}`);
  const blank = (p: string): PlainValue => (LIST_TYPE.get(p) === 'INT64[]' ? -1 : '');
  return Object.fromEntries(
    PROVENANCE_PROPS.map((p) => {
      const values = list(p);
      if (values.length > articles.length) throw badRequest(`relationship ${edge.id}: ${p} has more entries than sourceArticles`);
      return [p, [...values, ...Array.from({ length: articles.length - values.length }, () => blank(p))]];
    }),
  );
}

/** Checks the input before anything is written: known labels and types, endpoints the schema allows. */
function validate(facts: FactBatch): void {
  if (!facts.articleId) throw badRequest('mergeFacts needs the article id');
  for (const n of facts.nodes) if (!isNodeLabel(n.label)) throw badRequest(`node ${n.id}: unknown label ${n.label}`);
  for (const e of facts.edges) if (!isRelType(e.type)) throw badRequest(`relationship ${e.id}: unknown type ${e.type}`);
}

/**
 * Everything is checked before the first write: a transaction rolled back
 * after an update leaves Kùzu 0.11 unable to update that row again (a
 * write-write conflict or a crash), so bad input must never get that far.
 */
export async function mergeFactsWith(ops: MergeOps, facts: FactBatch): Promise<MergeReport> {
  validate(facts);
  const report: MergeReport = { nodesCreated: 0, edgesCreated: 0, mentionsCreated: 0, claimsAdded: 0, unchanged: 0 };
  const ids = [...new Set([...facts.nodes.map((n) => n.id), ...facts.edges.flatMap((e) => [e.source, e.target])])];
  const labels = await ops.labelsOf(ids);
  const missing = facts.nodes.filter((n) => !labels.has(n.id)).sort((a, b) => a.id.localeCompare(b.id));
  const labelOf = new Map([...labels, ...missing.map((n) => [n.id, n.label as NodeLabel] as const)]);
  const planned = facts.edges.map((edge) => {
    const type = edge.type as RelType;
    const end = (id: string): End => {
      const label = labelOf.get(id);
      if (!label) throw badRequest(`relationship ${edge.id} points to ${id}, which is neither in the graph nor among the new nodes`);
      return { id, label };
    };
    const [from, to] = [end(edge.source), end(edge.target)];
    const def = relDef(type);
    if (!def.from.includes(from.label) || !def.to.includes(to.label))
      throw badRequest(`relationship ${edge.id}: ${type} does not go from ${from.label} to ${to.label}`);
    return { edge, type, from, to, claims: claimsOf(edge, facts.articleId) };
  });

  // In id order, so two merges creating the same nodes wait for each other rather than deadlock.
  for (const node of missing) {
    await ops.createNode(node.label as NodeLabel, node);
    report.nodesCreated++;
  }
  // From here on, another writer of the same edges waits until this transaction ends, then sees its edges.
  await ops.lockNodes?.([...new Set(facts.edges.flatMap((e) => [e.source, e.target]))].sort());
  for (const { edge, type, from, to, claims } of planned) {
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
