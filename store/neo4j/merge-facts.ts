/**
 * mergeFacts on Neo4j: the statements of `MergeOps` in Neo4j's Cypher, run in
 * one managed write transaction. Concurrent merges serialise on write locks
 * of the endpoint nodes, so the second one sees the first one's edges; every
 * append is guarded on the article, so a driver retry changes nothing.
 *
 * Nodes and edges met in the transaction are then found again by their
 * elementId (stable within a transaction), not by label, id and type: a
 * query's text then varies with the relationship type only, not with each
 * pair of endpoint labels as well, so Neo4j's plan cache answers it. At 1M
 * relationships the statements themselves take 1–3 ms each, and planning a
 * text not seen before 40–250 ms on this machine; a commit of a few facts
 * spelled up to a dozen new texts.
 *
 * A node this transaction created has no edges but those it created (no
 * other transaction sees the node before the commit), so the edges between
 * it and another node are answered from what this transaction wrote, not
 * read: an ingest's new article has every MENTIONS edge, half the edges of
 * a commit.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphNode } from '../../shared/graph.js';
import { isNodeLabel, LABELS, REL_PROPS, type NodeLabel, type RelType } from '../../shared/schema.js';
import { PROVENANCE_PROPS, existingEdge, type End, type ExistingEdge, type MergeOps } from '../merge-facts.js';
import { ANY_LABEL } from './match.js';
import { toNeo4jNodeRow, toNeo4jParams, toNeo4jRelRow } from './store.js';
import { timelineKeysSet } from './timeline-keys.js';

async function rows(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const result = await tx.run(query, toNeo4jParams(params) as Record<string, unknown>);
  return result.records.map((r) => r.toObject());
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const EDGE_COLUMNS =
  'RETURN r.id AS id, toString(r.date) AS date, r.datePrecision AS datePrecision, toString(r.dateFrom) AS dateFrom, ' +
  'toString(r.dateTo) AS dateTo, r.place AS place, $article IN coalesce(r.sourceArticles, []) AS hasArticle, elementId(r) AS element';

/** Both ends by elementId: one text per relationship type. */
const BOTH_BY_ELEMENT = 'MATCH (a) WHERE elementId(a) = $a MATCH (b) WHERE elementId(b) = $b';

export function neo4jMergeOps(tx: ManagedTransaction): MergeOps {
  /** Node id → elementId, for the nodes this transaction has found or created. */
  const nodeElement = new Map<string, string>();
  /** `type from to edge id` → elementId, for the edges this transaction has read or created. */
  const edgeElement = new Map<string, string>();
  const edgeKey = (type: RelType, from: End, to: End, id: string) => `${type} ${from.id} ${to.id} ${id}`;
  /** Nodes this transaction created (MERGE created them, not found them). */
  const created = new Set<string>();
  /** `type from to` → the edges this transaction created there, as edgesBetween gives them. */
  const createdEdges = new Map<string, Array<ExistingEdge & { articles: string[] }>>();
  const pairKey = (type: RelType, from: End, to: End) => `${type} ${from.id} ${to.id}`;
  const ends = (from: End, to: End) => {
    const a = nodeElement.get(from.id);
    const b = nodeElement.get(to.id);
    return a !== undefined && b !== undefined ? { a, b } : undefined;
  };

  return {
    async lockNodes(ids) {
      // Writing a property takes the node's write lock until the transaction ends; removing it leaves no trace.
      await rows(tx, `UNWIND $ids AS id MATCH (n:${ANY_LABEL} {id: id}) SET n.jejakMergeLock = true REMOVE n.jejakMergeLock`, { ids: [...ids] });
    },

    async labelsOf(ids) {
      const found = await rows(tx, `UNWIND $ids AS id MATCH (n:${ANY_LABEL} {id: id}) RETURN n.id AS id, labels(n) AS labels, elementId(n) AS element`, { ids: [...ids] });
      const out = new Map<string, NodeLabel>();
      for (const r of found) {
        const label = (r.labels as string[]).find(isNodeLabel);
        if (label) {
          out.set(String(r.id), label);
          nodeElement.set(String(r.id), String(r.element));
        }
      }
      return out;
    },

    async createNode(label: NodeLabel, node: GraphNode) {
      // MERGE on the id's uniqueness constraint: a concurrent writer creating the same node waits, then matches it.
      const schemaProps = Object.fromEntries(LABELS[label].props.map((p) => [p.name, node.properties[p.name] ?? null]));
      const { id, ...props } = toNeo4jNodeRow(label, { ...schemaProps, id: node.id });
      // The mark says whether this MERGE created the node; it is removed in the same statement.
      const r = await tx.run(
        `MERGE (n:${label} {id: $id}) ON CREATE SET n += $props, n.jejakCreated = true WITH n, n.jejakCreated = true AS created REMOVE n.jejakCreated RETURN elementId(n) AS element, created`,
        { id, props },
      );
      nodeElement.set(node.id, String(r.records[0].get('element')));
      if (r.records[0].get('created') === true) created.add(node.id);
    },

    async edgesBetween(type, from, to, articleId) {
      if (created.has(from.id) || created.has(to.id)) return (createdEdges.get(pairKey(type, from, to)) ?? []).map(({ articles, ...e }) => ({ ...e, hasArticle: articles.includes(articleId) }));
      const known = ends(from, to);
      const found = known
        ? await rows(tx, `${BOTH_BY_ELEMENT} MATCH (a)-[r:${type}]->(b) ${EDGE_COLUMNS}`, { ...known, article: articleId })
        : await rows(tx, `MATCH (a:${from.label} {id: $from})-[r:${type}]->(b:${to.label} {id: $to}) ${EDGE_COLUMNS}`, { from: from.id, to: to.id, article: articleId });
      for (const r of found) edgeElement.set(edgeKey(type, from, to, String(r.id)), String(r.element));
      return found.map((r) => existingEdge(r, str));
    },

    async appendClaims(type, from, to, edgeId, articleId, claims) {
      const sets = PROVENANCE_PROPS.map((p) => `r.${p} = coalesce(r.${p}, []) + $${p}`).join(', ');
      const guard = `r.id = $id AND NOT $article IN coalesce(r.sourceArticles, []) SET ${sets}`;
      const element = edgeElement.get(edgeKey(type, from, to, edgeId));
      if (element !== undefined) await rows(tx, `MATCH ()-[r]->() WHERE elementId(r) = $element AND ${guard}`, { element, id: edgeId, article: articleId, ...claims });
      else await rows(tx, `MATCH (a:${from.label} {id: $from})-[r:${type}]->(b:${to.label} {id: $to}) WHERE ${guard}`, { from: from.id, to: to.id, id: edgeId, article: articleId, ...claims });
    },

    async createEdge(type, from, to, id, properties) {
      const schemaProps = Object.fromEntries(REL_PROPS.map((p) => [p.name, properties[p.name] ?? null]));
      const row = toNeo4jRelRow(type, { ...schemaProps, id, from: from.id, to: to.id });
      const props: Record<string, unknown> = { ...(row.props as Record<string, unknown>), id };
      const create = `CREATE (a)-[r:${type}]->(b) SET r = $props SET ${timelineKeysSet('r')} RETURN elementId(r) AS element`;
      const known = ends(from, to);
      const r = known
        ? await tx.run(`${BOTH_BY_ELEMENT} ${create}`, { ...known, props })
        : await tx.run(`MATCH (a:${from.label} {id: $from}) MATCH (b:${to.label} {id: $to}) ${create}`, { from: from.id, to: to.id, props });
      const element = r.records[0]?.get('element');
      if (element !== undefined) edgeElement.set(edgeKey(type, from, to, id), String(element));
      if (created.has(from.id) || created.has(to.id)) {
        // As edgesBetween reads an edge: dates as Cypher's toString gives them (ISO days), the rest as stored.
        const key = pairKey(type, from, to);
        const articles = Array.isArray(props.sourceArticles) ? props.sourceArticles.map(String) : [];
        const edge = { ...existingEdge({ id, date: str(props.date), datePrecision: props.datePrecision, dateFrom: str(props.dateFrom), dateTo: str(props.dateTo), place: props.place }, str), articles };
        createdEdges.set(key, [...(createdEdges.get(key) ?? []), edge]);
      }
    },
  };
}
