import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedKuzuFile } from '../../seed/seed.js';
import { KuzuStore } from './store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-kuzu-wal-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Kùzu write-ahead log', () => {
  it('no commit runs a checkpoint, however big the log grows; a clean close folds it into the file', async () => {
    const file = path.join(dir, 'db.kuzu');
    await seedKuzuFile(file, { nodes: [{ id: 'person:kim', label: 'Person', properties: { name: 'Kim Jong Un', aliases: [] } }], edges: [] });
    const store = new KuzuStore(file, 256);
    const sizes: number[] = [];
    try {
      // Kùzu's automatic checkpoint runs inside the commit that takes the log past 16 MiB: four articles of 4.5 MB get there.
      for (let i = 0; i < 4; i++) {
        const id = `article:big-${i}`;
        await store.mergeFacts({ articleId: id, nodes: [{ id, label: 'Article', properties: { headline: `Big ${i}`, text: `Artikel ${i} `.padEnd(4_500_000, 'x') } }], edges: [] });
        sizes.push(fs.statSync(`${file}.wal`).size);
      }
      expect(sizes[3]).toBeGreaterThan(16 * 2 ** 20);
      expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    } finally {
      await store.close();
    }
    expect(fs.existsSync(`${file}.wal`)).toBe(false);
    const again = new KuzuStore(file, 256);
    try {
      expect(String((await again.node('article:big-3'))?.node.properties.text).length).toBe(4_500_000);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('health names the writes still in the log, with what to do, until a close folds them into the file', async () => {
    const file = path.join(dir, 'health.kuzu');
    await seedKuzuFile(file, { nodes: [{ id: 'person:kim', label: 'Person', properties: { name: 'Kim Jong Un', aliases: [] } }], edges: [] });
    const store = new KuzuStore(file, 256);
    try {
      expect((await store.health()).pendingLog).toBeUndefined();
      await store.mergeFacts({ articleId: 'article:a', nodes: [{ id: 'article:a', label: 'Article', properties: { headline: 'A', text: 'Artikel' } }], edges: [] });
      const h = await store.health();
      expect(h.pendingLog?.bytes).toBe(fs.statSync(`${file}.wal`).size);
      expect(h.pendingLog?.bytes).toBeGreaterThan(0);
      expect(h.pendingLog?.advice).toContain('npm run checkpoint');
      // A small log is given in KiB, not as "0.0 MiB".
      expect(h.pendingLog?.advice).toMatch(/^\d+ KiB of writes are in the write-ahead log/);
    } finally {
      await store.close();
    }
    const again = new KuzuStore(file, 256);
    try {
      expect((await again.health()).pendingLog).toBeUndefined();
    } finally {
      await again.close();
    }
  }, 60_000);
});
