import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../seed/facts.js';
import { seedKuzuFile } from '../seed/seed.js';
import { loadConfig } from '../shared/config.js';
import { KuzuStore } from '../store/kuzu/store.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { ingestAll, treatyArticle } from './testing/articles.js';
import { startTestServer, type TestServer } from './testing/harness.js';

const TOKEN = 'fault-token';

/** Every relationship's id with its claims' articles: what a storage fault must not destroy. */
async function claimsOf(store: Store): Promise<Map<string, string[]>> {
  const r = await store.run('MATCH ()-[r]->() RETURN r.id AS id, r.sourceArticles AS a', {}, { maxRows: 1_000_000 });
  return new Map(r.rows.map((row) => [String(row.id), row.a as string[]]));
}

const mentions = (claims: Map<string, string[]>) => [...claims.keys()].filter((id) => id.startsWith('rel:mentions:')).length;

describe('a lost data directory (embedded engine)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('kuzu', { JEJAK_WRITE_TOKEN: TOKEN });
  }, 120_000);
  afterAll(async () => s?.close());

  it('turns health to 503 and refuses an ingest before it touches data; after restoring, nothing is lost', async () => {
    const first = await ingestAll(s.url, treatyArticle(1), TOKEN);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = await claimsOf(s.store);
    expect(mentions(before)).toBeGreaterThan(20);

    const away = `${s.dataDir}-away`;
    fs.renameSync(s.dataDir, away);
    try {
      const health = await fetch(`${s.url}/api/health`);
      expect(health.status).toBe(503);
      const body = (await health.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('STORE_UNAVAILABLE');
      expect(body.error.message).toMatch(/database file is gone \(was the data directory, JEJAK_DATA_DIR, moved or deleted\?\); writes are refused/);
      expect(body.error.message).not.toContain(s.dataDir);

      const refused = await ingestAll(s.url, treatyArticle(2), TOKEN);
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('STORE_UNAVAILABLE');
      expect(refused.body.error.message).toMatch(/writes are refused until it is back/);
    } finally {
      fs.renameSync(away, s.dataDir);
    }

    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    expect(await claimsOf(s.store)).toEqual(before);
    const second = await ingestAll(s.url, treatyArticle(2), TOKEN);
    expect(second.status, JSON.stringify(second.body)).toBe(200);

    // After a restart every MENTIONS and claim from before is still there, and the new ingest too.
    await s.store.close();
    const reopened = new KuzuStore(path.join(s.dataDir, 'jejak.kuzu'), 256);
    try {
      const after = await claimsOf(reopened);
      for (const [id, articles] of before) expect(after.get(id)?.slice(0, articles.length), id).toEqual(articles);
      expect([...after.values()].some((a) => a.includes(second.body.articleId))).toBe(true);
    } finally {
      await reopened.close();
    }
  }, 180_000);
});

/** A tmpfs of its own needs root (CI and these machines run as root). */
const isRoot = process.getuid?.() === 0;

describe.runIf(isRoot)('a full disk (embedded engine on a small tmpfs)', () => {
  let dir: string;
  let server: Server;
  let store: KuzuStore;
  let base: string;
  const filler = () => path.join(dir, 'filler');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir]);
    const file = path.join(dir, 'jejak.kuzu');
    await seedKuzuFile(file, (await loadKnowledgeBase()).graph, undefined, 128);
    store = new KuzuStore(file, 128);
    const config = loadConfig({ JEJAK_DATA_DIR: dir, PORT: '0', JEJAK_RATE_LIMIT: '0', JEJAK_WRITE_TOKEN: TOKEN });
    const app = createApp({ config, store, serveClient: false, log: () => undefined });
    server = await new Promise((resolve) => {
      const srv = app.listen(0, '127.0.0.1', () => resolve(srv));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await store?.close();
    if (dir) {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 507 with what to do, writes nothing, and takes the ingest once there is room', async () => {
    const before = await claimsOf(store);
    const free = Number(fs.statfsSync(dir).bavail) * Number(fs.statfsSync(dir).bsize);
    // Leave 4 MiB: less than a write needs, so the store must refuse before Kùzu runs out mid-commit.
    fs.writeFileSync(filler(), Buffer.alloc(free - 4 * 1024 * 1024));
    const full = await ingestAll(base, treatyArticle(3), TOKEN);
    expect(full.status).toBe(507);
    expect(full.body.error.code).toBe('INSUFFICIENT_STORAGE');
    expect(full.body.error.message).toMatch(/the disk holding the database \(JEJAK_DATA_DIR\) has [\d.]+ MiB free and a write needs at least 16\.0 MiB; free some space and try again/);
    expect(await claimsOf(store)).toEqual(before);
    expect((await fetch(`${base}/api/search?q=kim`)).status).toBe(200);

    fs.rmSync(filler());
    const ok = await ingestAll(base, treatyArticle(3), TOKEN);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.claimsAdded).toBeGreaterThan(0);
  }, 120_000);
});
