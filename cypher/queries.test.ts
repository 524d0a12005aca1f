import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenanceOf, type GraphEdge } from '../shared/graph.js';
import { FACT_TYPES } from '../server/services/graph.js';
import { SavedQueries, bindParams, loadSavedQueries, parseSavedQuery } from '../server/services/saved-queries.js';
import { NEO4J_WAIT_MS, seededStore, testEngines, type SeededStore } from '../server/testing/harness.js';
import type { PlainValue } from '../shared/graph.js';
import type { Engine, Store } from '../store/store.js';
import { lintCypher } from './lint-cypher.js';

const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';
const queries = loadSavedQueries();

describe('saved query files', () => {
  it('has at least a dozen, each with a unique name', () => {
    expect(queries.length).toBeGreaterThanOrEqual(12);
    expect(new Set(queries.map((q) => q.name)).size).toBe(queries.length);
  });

  it.each(queries.map((q) => [q.name, q] as const))('%s lints clean with Neo4j’s grammar', (_name, q) => {
    expect(lintCypher(q.cypher)).toEqual([]);
  });

  it('the linter does catch a broken query', () => {
    expect(lintCypher('MATCH (n RETURN n').length).toBeGreaterThan(0);
  });

  it('shortest-path follows every fact type and no other', () => {
    const cypher = queries.find((q) => q.name === 'shortest-path')!.cypher;
    const types = /\[:([A-Z_|]+)\*/.exec(cypher)![1].split('|');
    expect(types.sort()).toEqual([...FACT_TYPES].sort());
  });

  it('rejects a header without a name, with a bad type, or with a bad default', () => {
    expect(() => parseSavedQuery('MATCH (n) RETURN n', 'x.cypher')).toThrow(/@name/);
    expect(() => parseSavedQuery('// @name x\n// @param a: money\nRETURN 1', 'x.cypher')).toThrow(/unknown type money/);
    expect(() => parseSavedQuery('// @name x\n// @param a: integer = ten\nRETURN 1', 'x.cypher')).toThrow(/not JSON/);
  });

  it('binds defaults, coerces query-string values and names a bad one', () => {
    const q = queries.find((x) => x.name === 'events-between')!;
    expect(bindParams(q, { limit: '5' })).toEqual({ from: '2024-01-01', to: '2024-12-31', limit: 5 });
    expect(() => bindParams(q, { to: '2024-02-30' })).toThrow(/'to' must be a date/);
  });
});

const saved = new SavedQueries(queries);
const LIMITS = { timeoutMs: 10_000, maxRows: 5000 };

describe.each(testEngines())('saved queries on the seeded %s store', (engine) => {
  let seeded: SeededStore;
  let store: Store;
  const run = (name: string, params: Record<string, unknown> = {}) => saved.run(store, name, params, LIMITS);

  beforeAll(async () => {
    seeded = await seededStore(engine);
    store = seeded.store;
  }, NEO4J_WAIT_MS);
  afterAll(async () => seeded?.close());

  it.each(queries.map((q) => [q.name] as const))('%s runs with its defaults', async (name) => {
    const r = await run(name);
    expect(r.columns.length).toBeGreaterThan(0);
    expect(r.rows.length).toBeGreaterThan(0);
  });

  it('who signed the treaty and where: Putin and Kim, in Pyongyang, on 19 June 2024', async () => {
    const r = await run('treaty-signers', { agreement: TREATY });
    const signers = r.rows.filter((row) => row.place !== null).map((row) => [row.signer, row.place, row.date]);
    expect(signers).toEqual([
      ['Kim Jong Un', 'Pyongyang', '2024-06-19'],
      ['Vladimir Putin', 'Pyongyang', '2024-06-19'],
    ]);
    // The other signature is Putin signing the ratification into law, in Moscow's procedure, not in Pyongyang.
    const others = r.rows.filter((row) => row.place === null);
    expect(others.map((row) => row.signer)).toEqual(['Vladimir Putin']);
    expect(String(others[0].s && (others[0].s as { properties: { summary: string } }).properties.summary)).toMatch(/law/i);
  });

  it('which bodies ratified it, in date order: the Duma first, Kim on 11 November', async () => {
    const r = await run('ratifications', { agreement: TREATY });
    const by = r.rows.map((row) => String(row.ratifiedBy));
    expect(by[0]).toBe('State Duma');
    expect(r.rows[0].date).toBe('2024-10-24');
    expect(by).toContain('Federation Council');
    const kim = r.rows.find((row) => row.ratifiedBy === 'Kim Jong Un');
    expect(kim?.date).toBe('2024-11-11');
    const dated = r.rows.map((row) => row.date).filter((d): d is string => typeof d === 'string');
    expect(dated).toEqual([...dated].sort());
  });

  it('when it entered into force: 4 December 2024 in Moscow, with Kim Jong Gyu and Andrei Rudenko', async () => {
    const r = await run('entry-into-force', { agreement: TREATY });
    expect(new Set(r.rows.map((row) => row.date))).toEqual(new Set(['2024-12-04']));
    expect(new Set(r.rows.map((row) => row.place))).toEqual(new Set(['Moscow']));
    const participants = r.rows.map((row) => row.participant);
    expect(participants).toContain('Kim Jong Gyu');
    expect(participants).toContain('Andrei Rudenko');
  });

  it('which sources report North Korean troops in Kursk, and the number each gives', async () => {
    const r = await run('troop-deployments', { state: 'state:north-korea' });
    const kursk = r.graph.edges.find((e: GraphEdge) => e.target === 'place:kursk');
    expect(kursk).toBeDefined();
    const claims = provenanceOf(kursk!.properties);
    expect(new Set(claims.map((c) => c.article)).size).toBeGreaterThanOrEqual(2);
    const toRussia = r.graph.edges.find((e: GraphEdge) => e.target === 'state:russia')!;
    const numbers = provenanceOf(toRussia.properties).map((c) => c.claim).filter(Boolean);
    expect(numbers.some((n) => /lebih dari 10\.000/.test(n))).toBe(true);
    expect(numbers.some((n) => /10\.000/.test(n) && !/lebih dari/.test(n))).toBe(true);
  });

  it('whom Choe Son Hui met: Sergei Lavrov and Vladimir Putin', async () => {
    const r = await run('meetings', { id: 'person:choe-son-hui' });
    expect(r.rows.map((row) => row.met).sort()).toEqual(['Sergei Lavrov', 'Vladimir Putin']);
  });

  it('the shortest chain between Zelenskiy and Kim Jong Un runs through facts', async () => {
    const r = await run('shortest-path', { from: 'person:volodymyr-zelenskiy', to: 'person:kim-jong-un' });
    expect(r.rows).toHaveLength(1);
    const ids = r.graph.nodes.map((n) => n.id);
    expect(ids[0] === 'person:volodymyr-zelenskiy' || ids.includes('person:volodymyr-zelenskiy')).toBe(true);
    expect(ids).toContain('person:kim-jong-un');
    expect(r.graph.edges.length).toBeLessThanOrEqual(4);
    expect(r.graph.edges.every((e) => e.type !== 'MENTIONS')).toBe(true);
  });

  it('the treaty chronology runs from signature to entry into force', async () => {
    const r = await run('treaty-chronology', { agreement: TREATY });
    const dates = r.rows.map((row) => String(row.date));
    expect(dates).toEqual([...dates].sort());
    expect(dates[0].startsWith('2024-06')).toBe(true);
    expect(dates).toContain('2024-06-19');
    expect(dates).toContain('2024-12-04');
    expect(dates[dates.length - 1] >= '2024-12-04').toBe(true);
  });

  it('conflicting claims include the troop numbers', async () => {
    const r = await run('conflicting-claims');
    expect(r.graph.edges.some((e) => e.type === 'DEPLOYED_TROOPS_TO')).toBe(true);
    expect(r.rows.every((row) => Number(row.claims) > 1)).toBe(true);
  });

  it('every article contributes claims', async () => {
    const articles = await run('articles');
    expect(articles.rows.length).toBe(fs.readdirSync(new URL('../seed/corpus/', import.meta.url)).length);
    for (const row of articles.rows) {
      const id = (row.a as unknown as { id: string }).id;
      const claims = await run('article-claims', { article: id });
      expect(claims.rows.length, id).toBeGreaterThan(0);
    }
  });
});

/** A value with null properties dropped and keys sorted: Neo4j stores no nulls, Kùzu keeps every column. */
function canonical(value: PlainValue): PlainValue {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, PlainValue> = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== null) out[key] = canonical(value[key]);
  return out;
}

describe.runIf(testEngines().includes('neo4j'))('every saved query gives the same answer on Kùzu and Neo4j', () => {
  const answers: Partial<Record<Engine, Map<string, PlainValue[]>>> = {};

  beforeAll(async () => {
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const seeded = await seededStore(engine);
      try {
        const byName = new Map<string, PlainValue[]>();
        for (const q of queries) {
          const r = await saved.run(seeded.store, q.name, {}, LIMITS);
          const rows = r.rows.map((row) => canonical(row));
          // Without ORDER BY neither engine promises an order: compare as a set of rows.
          byName.set(q.name, /\bORDER\s+BY\b/i.test(q.cypher) ? rows : rows.map((row) => JSON.stringify(row)).sort());
        }
        answers[engine] = byName;
      } finally {
        await seeded.close();
      }
    }
  }, NEO4J_WAIT_MS);

  it.each(queries.map((q) => [q.name] as const))('%s', (name) => {
    const kuzu = answers.kuzu!.get(name)!;
    expect(kuzu.length, 'the query answers something on the seed').toBeGreaterThan(0);
    expect(answers.neo4j!.get(name)).toEqual(kuzu);
  });
});
