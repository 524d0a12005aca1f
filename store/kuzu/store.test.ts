import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../shared/graph.js';
import { loadKnowledgeBase } from '../../seed/facts.js';
import { seedKuzuFile } from '../../seed/seed.js';
import { KuzuStore } from './store.js';
import { REL_TYPES, type RelType } from '../../shared/schema.js';

const quote = 'Kim Jong Un menandatangani “perjanjian” & <b>';
const graph: Graph = {
  nodes: [
    { id: 'person:kim', label: 'Person', properties: { name: 'Kim Jong Un', aliases: ['Kim Jong-un'], role: 'leader' } },
    { id: 'person:putin', label: 'Person', properties: { name: 'Vladimir Putin', aliases: [] } },
    { id: 'state:ru', label: 'State', properties: { name: 'Rusia', aliases: ['Russia'] } },
    { id: 'agreement:t', label: 'Agreement', properties: { name: 'Treaty', aliases: [], dateSigned: '2024-06-19' } },
  ],
  edges: [
    {
      id: 'rel:signed:kim:t',
      type: 'SIGNED',
      source: 'person:kim',
      target: 'agreement:t',
      properties: { date: '2024-06-19', sourceArticles: ['article:a'], sourceQuotes: [quote], sourceOffsets: [12], sourceClaims: [''] },
    },
    { id: 'rel:signed:putin:t', type: 'SIGNED', source: 'person:putin', target: 'agreement:t', properties: {} },
    { id: 'rel:leader:putin:ru', type: 'LEADER_OF', source: 'person:putin', target: 'state:ru', properties: {} },
  ],
};

let dir: string;
let store: KuzuStore;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-kuzu-'));
  await seedKuzuFile(path.join(dir, 'db.kuzu'), graph);
  store = new KuzuStore(path.join(dir, 'db.kuzu'));
});

afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('KuzuStore', () => {
  it('counts what was loaded', async () => {
    const h = await store.health();
    expect(h).toMatchObject({ ok: true, engine: 'kuzu', nodes: 4, relationships: 3 });
  });

  it('returns nodes and edges as plain graph JSON with dates and lists', async () => {
    const r = await store.run('MATCH (p:Person)-[s:SIGNED]->(a:Agreement) WHERE p.id = $id RETURN p, s, a', { id: 'person:kim' });
    expect(r.graph.nodes.map((n) => n.id).sort()).toEqual(['agreement:t', 'person:kim']);
    const edge = r.graph.edges[0];
    expect(edge).toMatchObject({ id: 'rel:signed:kim:t', type: 'SIGNED', source: 'person:kim', target: 'agreement:t' });
    expect(edge.properties.date).toBe('2024-06-19');
    expect(edge.properties.sourceQuotes).toEqual([quote]);
    expect(edge.properties.sourceOffsets).toEqual([12]);
    expect(r.rows[0].a).toMatchObject({ label: 'Agreement', properties: { dateSigned: '2024-06-19' } });
  });

  it('resolves the endpoints of a relationship returned without its nodes', async () => {
    const r = await store.run('MATCH ()-[s:LEADER_OF]->() RETURN s');
    expect(r.graph.edges[0]).toMatchObject({ source: 'person:putin', target: 'state:ru' });
  });

  it('caps rows and says the result was truncated', async () => {
    const r = await store.run('MATCH (n) RETURN n.id AS id', {}, { maxRows: 2 });
    expect(r.rows).toHaveLength(2);
    expect(r.truncated).toBe(true);
    const all = await store.run('MATCH (n) RETURN n.id AS id', {}, { maxRows: 10 });
    expect(all.truncated).toBe(false);
  });

  it('refuses a write in read mode and leaves the graph unchanged', async () => {
    await expect(store.run("CREATE (:Person {id: 'person:x'})")).rejects.toMatchObject({ code: 'WRITE_REFUSED' });
    await expect(store.assertReadOnly("MATCH (n) SET n.name = 'x'")).rejects.toMatchObject({ code: 'WRITE_REFUSED' });
    // Planned with its parameters; without them the plan fails, and a failed check refuses.
    await expect(store.assertReadOnly('MATCH (n) RETURN n LIMIT $n', { n: 3 })).resolves.toBeUndefined();
    await expect(store.assertReadOnly('MATCH (n) RETURN n LIMIT $n')).rejects.toMatchObject({
      code: 'BAD_QUERY',
      message: 'the engine refused the query: Runtime exception: Cannot evaluate $n as a valid limit number.',
    });
    expect((await store.health()).nodes).toBe(4);
  });

  it.each(['DROP TABLE Person', 'ALTER TABLE Person ADD x INT64', 'CREATE NODE TABLE Q(id STRING, PRIMARY KEY(id))', 'CALL threads=1', 'CHECKPOINT'])(
    'refuses DDL and system statements by their plan: %s',
    async (q) => {
      await expect(store.assertReadOnly(q)).rejects.toMatchObject({ code: 'WRITE_REFUSED' });
    },
  );

  it('lets read-only table functions through', async () => {
    await expect(store.assertReadOnly('CALL show_tables() RETURN *')).resolves.toBeUndefined();
    expect((await store.run('CALL show_tables() RETURN *')).rows.length).toBeGreaterThan(5);
  });

  it('reports a syntax error as a bad query', async () => {
    await expect(store.run('MATCH (n RETURN n')).rejects.toMatchObject({ code: 'BAD_QUERY' });
  });

  it('interrupts a query past its timeout', async () => {
    const slow = 'UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b WITH a * b AS x WHERE x % 7 = 3 RETURN sum(x)';
    await expect(store.run(slow, {}, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    // The pool's connections are usable afterwards.
    expect((await store.health()).ok).toBe(true);
  });

  it('finds the shortest path across relationship types, undirected', async () => {
    const shortest = async (types: RelType[]) => (await store.paths({ from: 'person:kim', to: 'state:ru', mode: 'shortest', maxHops: 5, types, limit: 1 })).paths[0] ?? null;
    const g = await shortest([...REL_TYPES]);
    expect(g?.nodes.map((n) => n.id).sort()).toEqual(['agreement:t', 'person:kim', 'person:putin', 'state:ru']);
    expect(g?.edges).toHaveLength(3);
    expect(await shortest(['SIGNED'])).toBeNull();
  });

  it('reseeding gives identical counts', async () => {
    await store.release();
    await seedKuzuFile(path.join(dir, 'db.kuzu'), graph);
    const h = await store.health();
    expect([h.nodes, h.relationships]).toEqual([4, 3]);
  });
});

describe('KuzuStore close', () => {
  it('leaves the database closed when its index builds or requests were under way (they never reopen it)', async () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-kuzu-close-'));
    const file = path.join(own, 'db.kuzu');
    try {
      await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
      const s = new KuzuStore(file);
      // The search names, the date index and the adjacency are read in parts, two lanes each.
      const warming = s.warm();
      await s.close();
      await warming;
      // A request after close (one a server was still answering as it stopped) does not reopen it either.
      await expect(s.node('state:russia')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      // Another process can open the file read-write only if this one holds no database on it.
      const opened = spawnSync(process.execPath, ['-e', `new (require('kuzu').Database)(${JSON.stringify(file)}).init().then(()=>console.log('opened'),(e)=>{console.log(String(e));process.exit(3)})`], {
        cwd: process.cwd(),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(opened.stdout.trim()).toBe('opened');
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });
});
