/**
 * Names spelled into Cypher text: labels and relationship types, only ever
 * taken from the schema's allowlist (values always go in as parameters).
 * Node ids are `<label>:<slug>` (person:kim-jong-un) and relationship ids
 * `rel:<type>:…`, so an id names its label or type: with it, Kùzu uses the
 * table's primary key and Neo4j its uniqueness constraint instead of a scan.
 */
import { isNodeLabel, isRelType, REL_TYPES, type NodeLabel, type RelType } from '../shared/schema.js';
import { badQuery } from '../shared/errors.js';

export function labelFromId(id: string): NodeLabel | undefined {
  const prefix = id.split(':')[0];
  const label = prefix.charAt(0).toUpperCase() + prefix.slice(1);
  return isNodeLabel(label) ? label : undefined;
}

export function relTypeFromId(id: string): RelType | undefined {
  const type = id.split(':')[1]?.toUpperCase().replace(/-/g, '_');
  return type && isRelType(type) ? type : undefined;
}

/** `:A|B` for relationship types of the schema; '' for none (any type). Throws BadQuery on a type outside it. */
export function typeFilter(types: readonly RelType[]): string {
  const unknown = types.filter((t) => !isRelType(t));
  if (unknown.length) throw badQuery(`unknown relationship type ${unknown.join(', ')}`);
  return types.length ? ':' + [...new Set(types)].join('|') : '';
}

/** Relationship types of the story itself; MENTIONS (article → entity) is provenance, shown on demand. */
export const FACT_TYPES: readonly RelType[] = REL_TYPES.filter((t) => t !== 'MENTIONS');

/** Checks a hop bound that must be spelled into the query as a literal (both engines want one). */
export function hopBound(maxHops: number, max: number): number {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > max) throw badQuery(`maxHops must be an integer from 1 to ${max}`);
  return maxHops;
}
