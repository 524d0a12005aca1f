import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintCypher } from '../../cypher/lint-cypher.js';
import { LABELS, NODE_LABELS, REL_TYPES } from '../../shared/schema.js';
import { ENTITY_SEARCH_INDEX, neo4jSchemaCypher, neo4jSchemaStatements, snakeCase } from './schema.js';

const statements = neo4jSchemaStatements();
const SCHEMA_FILE = fileURLToPath(new URL('../../cypher/schema.cypher', import.meta.url));

describe('neo4jSchemaStatements', () => {
  it('has a uniqueness constraint on id for every node label', () => {
    for (const label of NODE_LABELS) {
      expect(statements).toContain(`CREATE CONSTRAINT ${snakeCase(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    }
  });

  it('indexes id and date of every relationship type', () => {
    for (const type of REL_TYPES) {
      expect(statements).toContain(`CREATE INDEX ${snakeCase(type)}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`);
      expect(statements).toContain(`CREATE INDEX ${snakeCase(type)}_date IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.date)`);
    }
  });

  it('indexes every DATE property of every label', () => {
    for (const label of NODE_LABELS) {
      for (const prop of LABELS[label].props.filter((p) => p.type === 'DATE')) {
        expect(statements.some((s) => s.includes(`FOR (n:${label}) ON (n.${prop.name})`))).toBe(true);
      }
    }
  });

  it('has one full-text index over every label', () => {
    const fulltext = statements.filter((s) => s.startsWith('CREATE FULLTEXT INDEX'));
    expect(fulltext).toHaveLength(1);
    expect(fulltext[0]).toContain(ENTITY_SEARCH_INDEX);
    expect(fulltext[0]).toContain(`(n:${NODE_LABELS.join('|')})`);
    expect(fulltext[0]).toContain('ON EACH [n.name, n.aliases, n.searchText]');
  });

  it('is idempotent and uses unique names', () => {
    for (const s of statements) expect(s).toMatch(/ IF NOT EXISTS /);
    const names = statements.map((s) => /^CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\w+) /.exec(s)?.[1]);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lints clean with @neo4j-cypher/language-support', () => {
    for (const s of statements) expect(lintCypher(s), s).toEqual([]);
    expect(lintCypher(neo4jSchemaCypher())).toEqual([]);
  });
});

describe('cypher/schema.cypher', () => {
  it('is up to date with the generator (run `npx tsx cypher/generate-schema.ts`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(neo4jSchemaCypher());
  });

  it('says it is generated', () => {
    expect(neo4jSchemaCypher().split('\n')[0]).toMatch(/GENERATED/);
    expect(neo4jSchemaCypher()).toContain('npx tsx cypher/generate-schema.ts');
  });
});

describe('lintCypher', () => {
  it('reports syntax errors with their position', () => {
    const errors = lintCypher('MATCH (n RETURN n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Invalid input 'RETURN'.*\(line 1, column 10\)/);
  });

  it('ignores undeclared parameters unless asked', () => {
    expect(lintCypher('MATCH (n {id: $id}) RETURN n')).toEqual([]);
    expect(lintCypher('MATCH (n {id: $id}) RETURN n', { parameters: true })).toEqual([expect.stringMatching(/Parameter \$id/)]);
  });

  it('reports undefined variables', () => {
    expect(lintCypher('MATCH (n) RETURN m')).toEqual([expect.stringMatching(/Variable `m` not defined/)]);
  });
});
