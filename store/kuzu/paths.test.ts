import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng, syntheticGraph } from '../../bench/synthetic.js';
import { loadKnowledgeBase } from '../../seed/facts.js';
import { seedKuzuFile } from '../../seed/seed.js';
import { toBulkLoad } from '../../seed/load.js';
import type { Graph } from '../../shared/graph.js';
import type { RelType } from '../../shared/schema.js';
import { articleNode, claimEdge } from '../../server/testing/claims.js';
import { FACT_TYPES } from '../cypher-names.js';
import type { Paths, PathsRequest } from '../store.js';
import { paths as enginePaths } from './paths.js';
import { KuzuStore } from './store.js';

const dirs: string[] = [];
const stores: KuzuStore[] = [];
async function storeOf(graph: Graph): Promise<KuzuStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-kuzu-paths-'));
  dirs.push(dir);
  await seedKuzuFile(path.join(dir, 'db.kuzu'), graph);
  const store = new KuzuStore(path.join(dir, 'db.kuzu'));
  stores.push(store);
  return store;
}
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const lengthOf = (p: Paths) => (p.paths.length ? p.paths[0].edges.length : null);

/** A path is a chain: each edge joins the node before it to the next, of an allowed type, from `from` to `to`. */
function expectChain(p: Paths, request: PathsRequest): void {
  const [only] = p.paths;
  const ids = only.nodes.map((n) => n.id);
  expect(ids[0]).toBe(request.from);
  expect(ids.at(-1)).toBe(request.to);
  expect(new Set(ids).size).toBe(ids.length);
  only.edges.forEach((e, i) => {
    expect([e.source, e.target].sort()).toEqual([ids[i], ids[i + 1]].sort());
    expect(request.types.length ? request.types : FACT_TYPES).toContain(e.type as RelType);
  });
  expect(only.nodes.every((n) => typeof n.properties.name === 'string')).toBe(true);
}

/** The adjacency's answer has the engine's `* SHORTEST` length (or both find none) and is a real chain. */
async function expectSameLength(store: KuzuStore, request: PathsRequest): Promise<number | null> {
  const mine = await store.paths(request);
  const engine = await enginePaths((q, p, o) => store.run(q, p, o), request);
  expect(lengthOf(mine), JSON.stringify(request)).toBe(lengthOf(engine));
  if (mine.paths.length) expectChain(mine, request);
  return lengthOf(mine);
}

const request = (from: string, to: string, maxHops = 6, types: RelType[] = []): PathsRequest => ({ from, to, mode: 'shortest', maxHops, types, limit: 1 });

describe('Kùzu shortest paths through the in-memory adjacency', () => {
  let seed: KuzuStore;
  let synthetic: KuzuStore;
  let synthIds: string[];
  beforeAll(async () => {
    seed = await storeOf((await loadKnowledgeBase()).graph);
    const g = syntheticGraph({ relationships: 3000, seed: 5 });
    synthIds = g.nodes.filter((n) => n.label !== 'Article').map((n) => n.id);
    synthetic = await storeOf(g);
  }, 120_000);

  it('finds the engine\'s shortest length on the seed, none where it finds none, within the hops asked', async () => {
    const ids = (await seed.run('MATCH (n) WHERE label(n) <> "Article" RETURN n.id AS id ORDER BY id')).rows.map((r) => String(r.id));
    const rand = prng(11);
    const lengths: Array<number | null> = [];
    for (let i = 0; i < 40; i++) {
      const [a, b] = [ids[Math.floor(rand() * ids.length)], ids[Math.floor(rand() * ids.length)]];
      if (a !== b) for (const maxHops of [1, 2, 6]) lengths.push(await expectSameLength(seed, request(a, b, maxHops)));
    }
    expect(lengths.filter((l) => l !== null && l > 1).length).toBeGreaterThan(0);
    expect(lengths).toContain(null);
    await expectSameLength(seed, request('person:vladimir-putin', 'person:kim-jong-un', 3, ['MET_WITH']));
    await expectSameLength(seed, request('person:vladimir-putin', 'person:nobody-at-all'));
  });

  it('finds the engine\'s shortest length between random entities of a synthetic graph, with hubs, by type and hops', async () => {
    const rand = prng(3);
    const lengths: Array<number | null> = [];
    for (let i = 0; i < 40; i++) {
      const [a, b] = [synthIds[Math.floor(rand() * synthIds.length)], synthIds[Math.floor(rand() * synthIds.length)]];
      if (a === b) continue;
      lengths.push(await expectSameLength(synthetic, request(a, b, 4)));
      if (i % 4 === 0) await expectSameLength(synthetic, request(a, b, 3, ['MET_WITH', 'SIGNED', 'PARTY_TO']));
      if (i % 8 === 0) await expectSameLength(synthetic, request(a, b, 2, ['MENTIONS']));
    }
    expect(new Set(lengths).size).toBeGreaterThan(2);
  });

  it('takes a merged fact at once: a new edge between two far nodes makes their path one hop', async () => {
    const far = (await seed.paths(request('person:volodymyr-zelenskiy', 'person:kim-jong-un'))).paths[0];
    expect(far.edges.length).toBeGreaterThan(1);
    const fact = { id: 'rel:met-with:volodymyr-zelenskiy:kim-jong-un:paths', type: 'MET_WITH', source: 'person:volodymyr-zelenskiy', target: 'person:kim-jong-un', date: '2024-07-01' };
    await seed.mergeFacts({ articleId: 'article:paths-new', nodes: [articleNode('article:paths-new')], edges: [claimEdge('article:paths-new', fact)] });
    expect(await expectSameLength(seed, request('person:volodymyr-zelenskiy', 'person:kim-jong-un'))).toBe(1);
    // Walked against the edge's direction too.
    const back = await seed.paths(request('person:kim-jong-un', 'person:volodymyr-zelenskiy'));
    expect(back.paths[0].edges.map((e) => e.id)).toEqual([fact.id]);
    // A new node joined by a merge is reachable at once.
    const envoy = { id: 'person:paths-envoy', label: 'Person', properties: { name: 'Paths Envoy', aliases: [] } };
    const meets = { id: 'rel:met-with:paths-envoy:kim-jong-un', type: 'MET_WITH', source: envoy.id, target: 'person:kim-jong-un', date: '2024-07-02' };
    await seed.mergeFacts({ articleId: 'article:paths-envoy', nodes: [articleNode('article:paths-envoy'), envoy], edges: [claimEdge('article:paths-envoy', meets)] });
    expect(await expectSameLength(seed, request(envoy.id, 'person:volodymyr-zelenskiy'))).toBe(2);
  });

  it('reads the adjacency again after replaceGraph', async () => {
    const store = await storeOf(syntheticGraph({ relationships: 400, seed: 8 }));
    const next = syntheticGraph({ relationships: 600, seed: 9 });
    const ids = (await store.run('MATCH (n:Person) RETURN n.id AS id ORDER BY id LIMIT 20')).rows.map((r) => String(r.id));
    await expectSameLength(store, request(ids[0], ids[5]));
    await store.replaceGraph(toBulkLoad(next));
    const fresh = next.nodes.filter((n) => n.label === 'Person').map((n) => n.id);
    for (let i = 0; i + 1 < Math.min(fresh.length, 16); i += 2) await expectSameLength(store, request(fresh[i], fresh[i + 1]));
  }, 120_000);
});
