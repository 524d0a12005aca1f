/**
 * Writes through the embedded engine's worker have limits of their own: a
 * reseed that takes longer than a read may is not killed for it, and a
 * write past its own limit is still stopped (and the live graph kept).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.js';
import { loadKnowledgeBase } from '../../seed/facts.js';
import { toBulkLoad } from '../../seed/load.js';
import { seedKuzuFile } from '../../seed/seed.js';
import { loadConfig } from '../../shared/config.js';
import type { BulkLoad } from '../store.js';
import { createIsolatedKuzuStore, type IsolatedStore } from './host.js';

/** Reads are held to this; every write below takes longer than it plus the grace. */
const READ_TIMEOUT_MS = 1500;
const GRACE_MS = 500;

describe('write limits of the embedded engine worker', () => {
  let dir: string;
  let file: string;
  let big: BulkLoad;
  let seed: { nodes: number; relationships: number };
  const stores: IsolatedStore[] = [];

  const open = (bulkTimeoutMs: number) => {
    const store = createIsolatedKuzuStore(
      { location: file, bufferPoolMb: 256 },
      { maxRssMb: 2048, heapMb: 2048, operationTimeoutMs: READ_TIMEOUT_MS, graceMs: GRACE_MS, bulkTimeoutMs, writeTimeoutMs: 10_000 },
    );
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-write-limits-'));
    file = path.join(dir, 'jejak.kuzu');
    const { graph } = await loadKnowledgeBase();
    seed = { nodes: graph.nodes.length, relationships: graph.edges.length };
    await seedKuzuFile(file, graph);
    // Several seconds of COPY on any machine: far past the read limit.
    big = toBulkLoad(syntheticGraph({ relationships: 10_000 }));
  }, 120_000);

  afterAll(async () => {
    for (const s of stores) await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('config reads the write limits from the environment, with minutes for bulk loads by default', () => {
    expect(loadConfig({}).writeTimeouts).toEqual({ writeMs: 120_000, bulkMs: 3_600_000 });
    expect(loadConfig({ JEJAK_WRITE_TIMEOUT_MS: '5000', JEJAK_BULK_TIMEOUT_MS: '60000' }).writeTimeouts).toEqual({ writeMs: 5000, bulkMs: 60_000 });
    expect(() => loadConfig({ JEJAK_BULK_TIMEOUT_MS: 'soon' })).toThrow(/JEJAK_BULK_TIMEOUT_MS/);
  });

  it('a reseed longer than the read timeout runs to its end in the same worker, with progress', async () => {
    const store = open(600_000);
    expect(await store.health()).toMatchObject({ ok: true, ...seed });
    const starts = store.host.starts;
    const lines: string[] = [];
    const t = performance.now();
    await store.replaceGraph(big, (line) => lines.push(line));
    const ms = performance.now() - t;
    // The premise: the old limit (the read timeout plus grace) would have killed it.
    expect(ms).toBeGreaterThan(READ_TIMEOUT_MS + GRACE_MS);
    expect(store.host.starts).toBe(starts);
    expect(lines.some((l) => /relationships copied/.test(l))).toBe(true);
    expect(await store.health()).toMatchObject({ ok: true, nodes: big.nodes.reduce((s, g) => s + g.rows.length, 0), relationships: 10_000 });
    await store.close();
  }, 180_000);

  it('a reseed past its own bulk limit is stopped with 503 naming the setting, and the live graph stays whole', async () => {
    await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
    const store = open(1000);
    expect(await store.health()).toMatchObject(seed);
    const starts = store.host.starts;
    const err = await store.replaceGraph(big).then(
      () => null,
      (e: unknown) => e as { code?: string; message?: string },
    );
    expect(err?.code).toBe('STORE_UNAVAILABLE');
    expect(err?.message).toMatch(/replaceGraph write ran past its limit of 1000 ms \(JEJAK_BULK_TIMEOUT_MS\)/);
    // A new worker serves the graph that was live before the reseed.
    expect(await store.health()).toMatchObject({ ok: true, ...seed });
    expect(store.host.starts).toBe(starts + 1);
  }, 180_000);
});
