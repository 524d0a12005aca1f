/**
 * mergeFacts on Kùzu: the statements of `MergeOps` in Kùzu's Cypher. They run
 * on the adapter's single writer connection inside one transaction, so the
 * existence checks and the writes cannot interleave with another writer.
 */
import type { GraphNode, PlainValue } from '../../shared/graph.js';
import { LABELS, NODE_LABELS, REL_PROPS, isNodeLabel, type NodeLabel, type RelType } from '../../shared/schema.js';
import { labelFromId } from '../cypher-names.js';
import { PROVENANCE_PROPS, existingEdge, type End, type MergeOps } from '../merge-facts.js';

/** Runs one statement inside the open transaction and returns its rows. */
export type KuzuTxQuery = (query: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : null);

function valueFor(type: string, value: PlainValue | undefined): unknown {
  return value ?? (type.endsWith('[]') ? [] : null);
}

/** The node with this id in any table: one primary-key lookup per table (labels from the schema). */
const ANY_TABLE_BY_ID = NODE_LABELS.map((l) => `MATCH (n:${l} {id: $id}) RETURN label(n) AS label`).join(' UNION ALL ');

export function kuzuMergeOps(query: KuzuTxQuery): MergeOps {
  return {
    async labelsOf(ids) {
      // One primary-key lookup per id, in the table its id names: `MATCH (n) WHERE n.id IN $ids` scans
      // every node (80 ms at 1M relationships). An id found there is in no other table's way; one not
      // found is looked up in every table, so a node whose id names another label is still found.
      const out = new Map<string, NodeLabel>();
      for (const id of ids) {
        const named = labelFromId(id);
        if (named && (await query(`MATCH (n:${named} {id: $id}) RETURN n.id AS id`, { id })).length) {
          out.set(id, named);
          continue;
        }
        const rows = await query(ANY_TABLE_BY_ID, { id });
        const label = rows.map((r) => String(r.label)).find(isNodeLabel);
        if (label) out.set(id, label);
      }
      return out;
    },

    async createNode(label: NodeLabel, node: GraphNode) {
      // Labels come from the schema (checked by the caller), property names from the label's definition.
      const props = LABELS[label].props;
      const sets = props.map((p) => `${p.name}: ${p.type === 'DATE' ? `date($${p.name})` : `$${p.name}`}`).join(', ');
      const params: Record<string, unknown> = {};
      for (const p of props) params[p.name] = p.name === 'id' ? node.id : valueFor(p.type, node.properties[p.name]);
      await query(`CREATE (n:${label} {${sets}})`, params);
    },

    async edgesBetween(type: RelType, from: End, to: End, articleId: string) {
      const rows = await query(
        `MATCH (a:${from.label} {id: $from})-[r:${type}]->(b:${to.label} {id: $to}) ` +
          'RETURN r.id AS id, r.date AS date, r.datePrecision AS datePrecision, r.dateFrom AS dateFrom, r.dateTo AS dateTo, r.place AS place, ' +
          'list_contains(r.sourceArticles, $article) AS hasArticle',
        { from: from.id, to: to.id, article: articleId },
      );
      return rows.map((r) => existingEdge(r, iso));
    },

    async appendClaims(type, from, to, edgeId, articleId, claims) {
      // The lists grow in the database, and only while this article's claim is absent: a rerun changes nothing.
      const sets = PROVENANCE_PROPS.map((p) => `r.${p} = list_concat(r.${p}, $${p})`).join(', ');
      await query(
        `MATCH (a:${from.label} {id: $from})-[r:${type}]->(b:${to.label} {id: $to}) WHERE r.id = $id AND NOT list_contains(r.sourceArticles, $article) SET ${sets}`,
        { from: from.id, to: to.id, id: edgeId, article: articleId, ...claims },
      );
    },

    async createEdge(type, from, to, id, properties) {
      const props = REL_PROPS.map((p) => `${p.name}: ${p.type === 'DATE' ? `date($${p.name})` : `$${p.name}`}`).join(', ');
      const params: Record<string, unknown> = { from: from.id, to: to.id };
      for (const p of REL_PROPS) params[p.name] = p.name === 'id' ? id : valueFor(p.type, properties[p.name]);
      await query(`MATCH (a:${from.label} {id: $from}), (b:${to.label} {id: $to}) CREATE (a)-[r:${type} {${props}}]->(b)`, params);
    },
  };
}
