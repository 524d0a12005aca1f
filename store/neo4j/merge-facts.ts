/**
 * mergeFacts on Neo4j: the statements of `MergeOps` in Neo4j's Cypher, run in
 * one managed write transaction. Concurrent merges serialise on write locks
 * of the endpoint nodes, so the second one sees the first one's edges; every
 * append is guarded on the article, so a driver retry changes nothing.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphNode } from '../../shared/graph.js';
import { isNodeLabel, LABELS, REL_PROPS, type NodeLabel } from '../../shared/schema.js';
import { PROVENANCE_PROPS, existingEdge, type MergeOps } from '../merge-facts.js';
import { ANY_LABEL } from './match.js';
import { toNeo4jNodeRow, toNeo4jParams, toNeo4jRelRow } from './store.js';
import { timelineKeysSet } from './timeline-keys.js';

async function rows(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const result = await tx.run(query, toNeo4jParams(params) as Record<string, unknown>);
  return result.records.map((r) => r.toObject());
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function neo4jMergeOps(tx: ManagedTransaction): MergeOps {
  return {
    async lockNodes(ids) {
      // Writing a property takes the node's write lock until the transaction ends; removing it leaves no trace.
      await rows(tx, `UNWIND $ids AS id MATCH (n:${ANY_LABEL} {id: id}) SET n.jejakMergeLock = true REMOVE n.jejakMergeLock`, { ids: [...ids] });
    },

    async labelsOf(ids) {
      const found = await rows(tx, `UNWIND $ids AS id MATCH (n:${ANY_LABEL} {id: id}) RETURN n.id AS id, labels(n) AS labels`, { ids: [...ids] });
      const out = new Map<string, NodeLabel>();
      for (const r of found) {
        const label = (r.labels as string[]).find(isNodeLabel);
        if (label) out.set(String(r.id), label);
      }
      return out;
    },

    async createNode(label: NodeLabel, node: GraphNode) {
      // MERGE on the id's uniqueness constraint: a concurrent writer creating the same node waits, then matches it.
      const schemaProps = Object.fromEntries(LABELS[label].props.map((p) => [p.name, node.properties[p.name] ?? null]));
      const { id, ...props } = toNeo4jNodeRow(label, { ...schemaProps, id: node.id });
      await tx.run(`MERGE (n:${label} {id: $id}) ON CREATE SET n += $props`, { id, props });
    },

    async edgesBetween(type, from, to, articleId) {
      const found = await rows(
        tx,
        `MATCH (a:${from.label} {id: $from})-[r:${type}]->(b:${to.label} {id: $to}) ` +
          'RETURN r.id AS id, toString(r.date) AS date, r.datePrecision AS datePrecision, toString(r.dateFrom) AS dateFrom, ' +
          'toString(r.dateTo) AS dateTo, r.place AS place, $article IN coalesce(r.sourceArticles, []) AS hasArticle',
        { from: from.id, to: to.id, article: articleId },
      );
      return found.map((r) => existingEdge(r, str));
    },

    async appendClaims(type, from, to, edgeId, articleId, claims) {
      const sets = PROVENANCE_PROPS.map((p) => `r.${p} = coalesce(r.${p}, []) + $${p}`).join(', ');
      await rows(
        tx,
        `MATCH (a:${from.label} {id: $from})-[r:${type}]->(b:${to.label} {id: $to}) ` +
          `WHERE r.id = $id AND NOT $article IN coalesce(r.sourceArticles, []) SET ${sets}`,
        { from: from.id, to: to.id, id: edgeId, article: articleId, ...claims },
      );
    },

    async createEdge(type, from, to, id, properties) {
      const schemaProps = Object.fromEntries(REL_PROPS.map((p) => [p.name, properties[p.name] ?? null]));
      const row = toNeo4jRelRow(type, { ...schemaProps, id, from: from.id, to: to.id });
      await tx.run(`MATCH (a:${from.label} {id: $from}) MATCH (b:${to.label} {id: $to}) CREATE (a)-[r:${type}]->(b) SET r = $props SET ${timelineKeysSet('r')}`, {
        from: from.id,
        to: to.id,
        props: { ...(row.props as Record<string, unknown>), id },
      });
    },
  };
}
