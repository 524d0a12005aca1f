/**
 * The Neo4j schema (constraints and indexes), derived from shared/schema.ts.
 * `cypher/schema.cypher` is generated from this by `npx tsx cypher/generate-schema.ts`.
 */
import { LABELS, NODE_LABELS, REL_PROPS, REL_TYPES } from '../../shared/schema.js';
import { TIMELINE_EARLY, TIMELINE_KEY, TIMELINE_SPAN } from './timeline-keys.js';

/** Name of the full-text index over name, aliases and searchText of every label. */
export const ENTITY_SEARCH_INDEX = 'entity_search';

/** Relationship properties that get a range index on every relationship type. */
const INDEXED_REL_DATE_PROPS = ['date'] as const;

/**
 * The timeline's indexes on every type (timeline.ts, timeline-keys.ts): every
 * dated fact by its key, then id, and the facts whose range runs past their
 * key by that key, then id (both in the timeline's order, so a seek stops at
 * the page); the few whose range starts before their key.
 */
export const TIMELINE_INDEXES = [
  { suffix: 'timeline_key', props: [TIMELINE_KEY, 'id'] },
  { suffix: 'timeline_span', props: [TIMELINE_SPAN, 'id'] },
  { suffix: 'timeline_early', props: [TIMELINE_EARLY] },
] as const;

/** `Person` → `person`, `DEPLOYED_TROOPS_TO` → `deployed_troops_to`, `dateSigned` → `date_signed`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

const SEARCH_PROPS = ['name', 'aliases', 'searchText'] as const;

/** Every schema statement, each idempotent (`IF NOT EXISTS`), in the order they should run. */
export function neo4jSchemaStatements(): string[] {
  const statements: string[] = [];

  // One uniqueness constraint on `id` per label (it also backs the MERGE in bulk loads).
  for (const label of NODE_LABELS) {
    statements.push(`CREATE CONSTRAINT ${snakeCase(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
  }

  // Range indexes on the DATE properties of nodes (timeline filters).
  for (const label of NODE_LABELS) {
    for (const prop of LABELS[label].props) {
      if (prop.type !== 'DATE') continue;
      statements.push(
        `CREATE INDEX ${snakeCase(label)}_${snakeCase(prop.name)} IF NOT EXISTS FOR (n:${label}) ON (n.${prop.name})`,
      );
    }
  }

  // Per relationship type: a range index on `id` (MERGE in bulk loads), on `date`, and the timeline's.
  for (const type of REL_TYPES) {
    statements.push(`CREATE INDEX ${snakeCase(type)}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`);
    for (const name of INDEXED_REL_DATE_PROPS) {
      if (!REL_PROPS.some((p) => p.name === name && p.type === 'DATE')) continue;
      statements.push(`CREATE INDEX ${snakeCase(type)}_${snakeCase(name)} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.${name})`);
    }
    for (const { suffix, props } of TIMELINE_INDEXES) {
      statements.push(`CREATE INDEX ${snakeCase(type)}_${suffix} IF NOT EXISTS FOR ()-[r:${type}]-() ON (${props.map((p) => `r.${p}`).join(', ')})`);
    }
  }

  // Full-text search over every label that has the search properties.
  const searchable = NODE_LABELS.filter((label) => SEARCH_PROPS.every((p) => LABELS[label].props.some((d) => d.name === p)));
  statements.push(
    `CREATE FULLTEXT INDEX ${ENTITY_SEARCH_INDEX} IF NOT EXISTS FOR (n:${searchable.join('|')}) ON EACH [${SEARCH_PROPS.map((p) => `n.${p}`).join(', ')}]`,
  );

  return statements;
}

/** The text of cypher/schema.cypher: a header, then one statement per line ending in `;`. */
export function neo4jSchemaCypher(): string {
  const header = [
    '// GENERATED FILE: do not edit by hand.',
    '// Generated from shared/schema.ts by `npx tsx cypher/generate-schema.ts`',
    '// (see store/neo4j/schema.ts). Every statement is idempotent (IF NOT EXISTS);',
    '// the Neo4j adapter runs them in `ensureSchema()`.',
    '',
  ];
  return [...header, ...neo4jSchemaStatements().map((s) => `${s};`), ''].join('\n');
}
