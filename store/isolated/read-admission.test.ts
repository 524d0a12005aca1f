/**
 * Reads wait for a slot in the host, not in the child: a burst of concurrent
 * reads is served in order or told the engine is busy, and never costs the
 * child (before, a read waiting for a pooled connection ran down the kill
 * timer, and 32 concurrent slow reads restarted the worker and failed all).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../seed/facts.js';
import { seedKuzuFile } from '../../seed/seed.js';
import { JejakError } from '../../shared/errors.js';
import { createIsolatedKuzuStore, type IsolatedStore } from './host.js';

/**
 * Every node five times over, filtered so the engine must walk the rows (a bare
 * count(*) of a cross product it computes from the counts): far more than a test
 * waits for, so the engine's own timeout stops it.
 */
const CROSS = 'MATCH (a), (b), (c), (d), (e) WHERE a.id < b.id AND b.id < c.id AND c.id <> d.id AND d.id <> e.id RETURN count(*) AS n';
const limits = { maxRssMb: 2048, heapMb: 2048, operationTimeoutMs: 30_000, graceMs: 1000 };

async function settled(p: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; error: JejakError }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error: error as JejakError };
  }
}

describe('read admission in the embedded engine host', () => {
  let dir: string;
  let file: string;
  const stores: IsolatedStore[] = [];
  const open = (more: { readSlots: number; maxQueuedReads?: number }) => {
    const s = createIsolatedKuzuStore({ location: file, bufferPoolMb: 128 }, { ...limits, ...more });
    stores.push(s);
    return s;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-admission-'));
    file = path.join(dir, 'jejak.kuzu');
    await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves a burst of reads in order, never more in flight than its slots, with one child', async () => {
    const store = open({ readSlots: 2 });
    await store.health();
    const seen: number[] = [];
    const calls = Array.from({ length: 24 }, (_, i) => {
      seen.push(store.host.readLoad.inFlight);
      return i % 2 ? store.search({ text: 'kim', limit: 5, labels: [] }) : store.neighbours({ id: 'person:kim-jong-un', limit: 10, offset: 0, direction: 'both', types: [] });
    });
    expect(store.host.readLoad).toEqual({ inFlight: 2, queued: 22 });
    const results = await Promise.all(calls);
    expect(results).toHaveLength(24);
    expect(JSON.stringify(results[1])).toContain('person:kim-jong-un');
    expect(Math.max(...seen)).toBe(2);
    expect(store.host.readLoad).toEqual({ inFlight: 0, queued: 0 });
    expect(store.host.starts).toBe(1);
    await store.close();
  });

  it('answers 503 at once past the queue bound, and serves the reads it took', async () => {
    const store = open({ readSlots: 1, maxQueuedReads: 2 });
    await store.health();
    const calls = Array.from({ length: 4 }, () => settled(store.search({ text: 'putin', limit: 5, labels: [] })));
    const [a, b, c, d] = await Promise.all(calls);
    for (const r of [a, b, c]) expect(r.ok).toBe(true);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.error).toBeInstanceOf(JejakError);
    expect(d.error.status).toBe(503);
    expect(d.error.message).toBe('the embedded engine is saturated: 1 reads running and 2 waiting; try again shortly');
    expect(store.host.starts).toBe(1);
    await store.close();
  });

  it('gives a read that waited past its own timeout a 503 "busy", and does not kill the child for it', async () => {
    const store = open({ readSlots: 1 });
    await store.health();
    // The slow one holds the only slot until the engine's own 3 s timeout stops it.
    const slow = settled(store.run(CROSS, {}, { timeoutMs: 3_000, maxRows: 10, mode: 'read' }));
    const waited = await settled(store.run('RETURN 1 AS one', {}, { timeoutMs: 300, maxRows: 10, mode: 'read' }));
    expect(waited.ok).toBe(false);
    if (waited.ok) return;
    expect(waited.error.status).toBe(503);
    expect(waited.error.message).toBe('the embedded engine was busy for 300 ms (0 reads waiting) and did not start this query; try again shortly');
    // The slow one ends as the engine decides (its timeout, or an answer on a fast machine): either way in its own slot.
    await slow;
    // Same child: the queued read never reached it, so nothing ran past its limit there.
    expect(store.host.starts).toBe(1);
    const after = await store.run('RETURN 1 AS one', {}, { timeoutMs: 1_000, maxRows: 10, mode: 'read' });
    expect(after.rows).toEqual([{ one: 1 }]);
    await store.close();
  });
});
