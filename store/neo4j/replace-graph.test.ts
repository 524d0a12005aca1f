import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';
import { toBulkLoad } from '../../seed/load.js';
import { loadKnowledgeBase } from '../../seed/facts.js';
import type { BulkLoad, Store } from '../store.js';
import { neo4jLock } from '../../server/testing/harness.js';
import { createNeo4jStore } from './store.js';

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
});
