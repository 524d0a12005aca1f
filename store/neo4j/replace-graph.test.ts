import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';
import { toBulkLoad } from '../../seed/load.js';
import { loadKnowledgeBase } from '../../seed/facts.js';
import type { BulkLoad, Store } from '../store.js';
import { neo4jLock } from '../../server/testing/harness.js';
import { createNeo4jStore, type Neo4jStoreConfig } from './store.js';
import { JejakError } from '../../shared/errors.js';

/** Runs only against a real Neo4j (NEO4J_URI): the suite replaces its Jejak graph. */
describe.runIf(Boolean(process.env.NEO4J_URI))('replaceGraph and clear on Neo4j', () => {
  let store: Store;
  let data: BulkLoad;
  let seeded: number;
  let release: () => void = () => undefined;

  const foreign = async () => (await store.run("MATCH (n:Customer {id: 'foreign-1'}) RETURN n.name AS name")).rows;

  beforeAll(async () => {
    release = await neo4jLock();
    store = await createNeo4jStore(loadConfig(process.env).neo4j!);
    data = toBulkLoad((await loadKnowledgeBase()).graph);
    seeded = data.nodes.reduce((n, g) => n + g.rows.length, 0);
    await store.run("MERGE (n:Customer {id: 'foreign-1'}) SET n.name = 'not Jejak data'", {}, { mode: 'write' });
  }, 120_000);
  afterAll(async () => {
    await store?.run("MATCH (n:Customer {id: 'foreign-1'}) DETACH DELETE n", {}, { mode: 'write' });
    await store?.replaceGraph(data);
    await store?.close();
    release();
  });

  it('deletes only Jejak nodes on reseed: a node of another label survives', async () => {
    await store.replaceGraph(data);
    expect(await foreign()).toEqual([{ name: 'not Jejak data' }]);
    const h = await store.health();
    expect(h.nodes).toBe(seeded + 1);
  }, 120_000);

  it('clear() keeps a node of another label too', async () => {
    await store.clear();
    expect(await foreign()).toEqual([{ name: 'not Jejak data' }]);
    expect((await store.health()).nodes).toBe(1);
    await store.replaceGraph(data);
  }, 120_000);

  it('never shows readers half a graph while it reseeds', async () => {
    await store.replaceGraph(data);
    const counts: number[] = [];
    let running = true;
    const reader = (async () => {
      while (running) counts.push((await store.run('MATCH (n) RETURN count(n) AS c')).rows[0].c as number);
    })();
    for (let i = 0; i < 3; i++) await store.replaceGraph(data);
    running = false;
    await reader;
    expect(counts.length).toBeGreaterThan(3);
    expect(new Set(counts)).toEqual(new Set([seeded + 1]));
  }, 180_000);

  const withBulk = (extra: Partial<Neo4jStoreConfig>) => createNeo4jStore({ ...loadConfig(process.env).neo4j!, ...extra });
  const relsOf = (d: BulkLoad) => d.rels.reduce((n, g) => n + g.rows.length, 0);

  it('clear() deletes in batches of its size, relationships first, with a line per batch, and keeps other data', async () => {
    await store.replaceGraph(data);
    const small = await withBulk({ bulk: { clearBatchRows: 7 } });
    try {
      const lines: string[] = [];
      await (small as unknown as { clear(p: (l: string) => void): Promise<void> }).clear((l) => lines.push(l));
      const rels = relsOf(data);
      const relLines = lines.filter((l) => / relationships deleted$/.test(l));
      expect(relLines.length).toBe(Math.ceil(rels / 7));
      expect(relLines[0]).toBe(`neo4j: clear: 7/${rels} relationships deleted`);
      expect(relLines.at(-1)).toBe(`neo4j: clear: ${rels}/${rels} relationships deleted`);
      expect(lines.at(-1)).toBe(`neo4j: clear: ${seeded}/${seeded} nodes deleted`);
      expect(await foreign()).toEqual([{ name: 'not Jejak data' }]);
      expect(await store.health()).toMatchObject({ ok: true, nodes: 1, relationships: 0 });
    } finally {
      await small.close();
      await store.replaceGraph(data);
    }
  }, 180_000);

  it('a reload in batches is visible: reads answer 503 "being reloaded" and health says so until it ends', async () => {
    await store.replaceGraph(data);
    const loader = await withBulk({ bulk: { oneTransactionMaxRows: 10, maxBatchRows: 3 } });
    // Another server on the same database: it learns of the reload from the marker alone.
    const reader = await withBulk({ reloadCheckMs: 0 });
    try {
      const during: Array<Promise<unknown>> = [];
      const lines: string[] = [];
      await loader.replaceGraph(data, (line) => {
        lines.push(line);
        if (/ relationships created$/.test(line) && during.length < 3) {
          during.push(reader.search({ text: 'kim', limit: 5, labels: [] }).then(() => 'answered', (e: unknown) => e));
          during.push(reader.health());
        }
      });
      expect(lines[0]).toMatch(/loading in batches; reads answer 503 "the graph is being reloaded" until it ends/);
      const [read, health] = await Promise.all(during.slice(0, 2));
      expect(read).toBeInstanceOf(JejakError);
      expect((read as JejakError).status).toBe(503);
      expect((read as JejakError).message).toMatch(/^the graph is being reloaded \(a reseed started at \d{4}-\d{2}-\d{2}T/);
      expect(health).toMatchObject({ ok: false, message: expect.stringMatching(/the graph is being reloaded/) });
      // Ended: the marker is gone, the whole graph is there and reads answer.
      expect(await reader.health()).toMatchObject({ ok: true, nodes: seeded + 1, relationships: relsOf(data) });
      expect((await reader.search({ text: 'kim', limit: 5, labels: [] })).hits.length).toBeGreaterThan(0);
    } finally {
      await loader.close();
      await reader.close();
    }
  }, 180_000);

  it('a reload in batches that fails clears its marker and says why; reads answer again', async () => {
    const loader = await withBulk({ bulk: { oneTransactionMaxRows: 10, maxBatchRows: 3 } });
    try {
      // Two Person rows with one id: the uniqueness constraint stops the load after the delete.
      const person = data.nodes.find((g) => g.label === 'Person')!;
      const broken: BulkLoad = { ...data, nodes: data.nodes.map((g) => (g === person ? { ...g, rows: [...g.rows, { ...g.rows[0] }] } : g)) };
      const err = await loader.replaceGraph(broken).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(JejakError);
      expect((err as JejakError).message).toMatch(/already exists with label `?Person`?/);
      const h = await store.health();
      expect(h.ok).toBe(true);
      expect((await store.run('MATCH (m:JejakReload) RETURN count(m) AS c')).rows).toEqual([{ c: 0 }]);
    } finally {
      await loader.close();
      await store.replaceGraph(data);
    }
  }, 180_000);

  it('refuses a bad row before anything is deleted', async () => {
    await store.replaceGraph(data);
    const broken: BulkLoad = { ...data, rels: [...data.rels, { ...data.rels[0], rows: [{ ...data.rels[0].rows[0], date: 'last Tuesday' }] }] };
    const err = await store.replaceGraph(broken).then(() => null, (e: unknown) => e);
    expect((err as JejakError).status).toBe(400);
    expect((err as JejakError).message).toBe('expected an ISO date (YYYY-MM-DD), got "last Tuesday"');
    expect(await store.health()).toMatchObject({ ok: true, nodes: seeded + 1, relationships: relsOf(data) });
  }, 120_000);
});
