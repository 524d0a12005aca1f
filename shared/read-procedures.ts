/**
 * The read-only procedures ad-hoc Cypher may call, lower-cased: Neo4j's schema
 * listings and Kùzu's catalogue table functions. Nothing that reads files,
 * URLs or settings. One list serves both walls: the parse-tree guard
 * (server/services/cypher-guard.ts) allows either engine's names, and the
 * Neo4j adapter's plan check (store/neo4j/procedures.ts) allows Neo4j's.
 */
import { badQuery, type JejakError } from './errors.js';

export const NEO4J_READ_PROCEDURES: ReadonlySet<string> = new Set(['db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.schema.visualization']);

export const KUZU_READ_PROCEDURES: ReadonlySet<string> = new Set(['show_tables', 'table_info', 'show_connection', 'db_version']);

export const READ_PROCEDURES: ReadonlySet<string> = new Set([...NEO4J_READ_PROCEDURES, ...KUZU_READ_PROCEDURES]);

/** The 400 for a procedure off the list, naming the ones that are on it. */
export function procedureRefused(name: string, allowed: ReadonlySet<string>): JejakError {
  return badQuery(`ad-hoc Cypher may not call the procedure ${name || '(unnamed)'}: only ${[...allowed].join(', ')} are allowed`);
}
