/**
 * Saved-query parameters that name an entity (`nodeId`) take its id, its name or an
 * alias as the articles write it ("Korut", "Kim Jong-un"). A name is resolved with the
 * store's own search, so it matches exactly what search matches; an unknown or
 * ambiguous name is a 404 / 400 that says what to type instead.
 */
import type { SavedQueryParam } from '../../shared/api.js';
import { normalizeText, type PlainValue } from '../../shared/graph.js';
import { badRequest, notFound } from '../../shared/errors.js';
import { isNodeLabel, type NodeLabel } from '../../shared/schema.js';
import { labelFromId } from '../../store/cypher-names.js';
import type { Store } from '../../store/store.js';

const ID = /^[a-z]+:[a-z0-9][a-z0-9:-]*$/;

/**
 * Whether a node has this id. `store.node` would answer too, but it counts the node's
 * relationships (its degree), which costs a hub ~10 ms for a yes or no; when the id names a
 * label, its table's primary key answers alone. The label comes from the schema's closed list
 * (labelFromId), the id is a parameter: no request text is spliced into the Cypher.
 */
export async function nodeExists(store: Store, id: string): Promise<boolean> {
  const label = labelFromId(id);
  if (!label) return (await store.node(id)) !== null;
  return hasNode(store, label, id);
}

/**
 * Whether the label's table holds this id: one primary-key lookup, its text the label's alone
 * (so Neo4j plans it once and keeps it). The label comes from the schema's list; the id is a parameter.
 */
export async function hasNode(store: Store, label: NodeLabel, id: string): Promise<boolean> {
  if (!isNodeLabel(label)) throw new Error(`not a node label: ${label}`);
  const r = await store.run(`MATCH (n:${label} {id: $id}) RETURN n.id AS id`, { id }, { mode: 'read', maxRows: 1 });
  return r.rows.length > 0;
}

export async function resolveEntity(store: Store, param: string, value: string): Promise<string> {
  if (ID.test(value) && (await nodeExists(store, value))) return value;
  const q = normalizeText(value);
  if (!q) throw badRequest(`parameter '${param}': "${value}" names no entity; give a name, an alias or an id`, { param });
  const { hits } = await store.search({ text: value, limit: 10, labels: [] });
  const entities = hits;
  // A name or alias equal to the text wins; otherwise one candidate must stand alone.
  const exact = entities.filter((h) => normalizeText(h.matched) === q);
  const ids = [...new Set((exact.length ? exact : entities).map((h) => h.node.id))];
  if (ids.length === 1) return ids[0];
  if (ids.length === 0) {
    throw notFound(`parameter '${param}': no entity is named "${value}"; search for it (GET /api/search?q=…) and use its name or id`);
  }
  const names = (exact.length ? exact : entities).slice(0, 5).map((h) => `${String(h.node.properties.name)} (${h.node.id})`);
  throw badRequest(`parameter '${param}': "${value}" matches several entities: ${names.join(', ')}; use the full name or the id`, { param });
}

/** The bound parameters with every `nodeId` value resolved to an id. */
export async function resolveEntityParams(store: Store, params: readonly SavedQueryParam[], bound: Record<string, PlainValue>): Promise<Record<string, PlainValue>> {
  const out = { ...bound };
  for (const p of params) {
    const v = out[p.name];
    if (p.type === 'nodeId' && typeof v === 'string') out[p.name] = await resolveEntity(store, p.name, v);
  }
  return out;
}
