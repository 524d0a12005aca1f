import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.js';
import { seedKuzuFile } from '../../seed/seed.js';
import type { Graph } from '../../shared/graph.js';
import { LOOKUPS_PER_QUERY, nodesByIds, nodesByIdsQuery } from './match.js';
import { KuzuStore } from './store.js';

describe('Kùzu nodes by primary key', () => {
  let dir: string;
  let graph: Graph;
  let store: KuzuStore;
  const run = (q: string, p?: Record<string, unknown>, o?: object) => store.run(q, p, o);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-kuzu-match-'));
    graph = syntheticGraph({ relationships: 2_000, seed: 3 });
    await seedKuzuFile(path.join(dir, 'db.kuzu'), graph);
    store = new KuzuStore(path.join(dir, 'db.kuzu'), 256);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads each asked node whole, more than one query holds, each once, and leaves out ids not there', async () => {
    const people = graph.nodes.filter((n) => n.label === 'Person');
    expect(people.length).toBeGreaterThan(LOOKUPS_PER_QUERY * 2);
    const asked = people.slice(0, LOOKUPS_PER_QUERY * 2 + 3);
    const ids = [...asked.map((n) => n.id), asked[0].id, 'person:not-in-the-graph'];
    const found = await nodesByIds(run, 'Person', ids);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    // The same nodes, whole, as a plain match of each returns them.
    const expected = await Promise.all(asked.map(async (n) => (await store.run('MATCH (n:Person) WHERE n.id = $id RETURN n', { id: n.id })).graph.nodes[0]));
    expect([...found].sort(byId)).toEqual([...expected].sort(byId));
  });

  it('finds nothing of a table for another table’s ids, and refuses a label outside the schema', async () => {
    const state = graph.nodes.find((n) => n.label === 'State')!;
    expect(await nodesByIds(run, 'Person', [state.id])).toEqual([]);
    expect(() => nodesByIdsQuery('Person) DETACH DELETE (n' as never, 1)).toThrow(/not a node label/);
  });
});
