/** What the API tells a client about the server: no file paths, no raw engine text, and its own rate-limit bucket behind a proxy. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness.js';
import { createApp } from './app.js';
import { loadConfig } from '../shared/config.js';
import { createKuzuStore } from '../store/kuzu/store.js';

async function get(base: string, url: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + url, { headers, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, text: await res.text() };
}

describe('health and errors name no absolute path', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('kuzu');
  });
  afterAll(async () => s?.close());

  it('health shows where the data lives by its variable, not its path', async () => {
    const r = await get(s.url, '/api/health');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).location).toBe('$JEJAK_DATA_DIR/jejak.kuzu');
    expect(r.text).not.toContain(s.dataDir);
  });

  it('a query the engine refuses gets its first line, wrapped, without a path', async () => {
    const res = await fetch(`${s.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (n:NoSuchLabel) RETURN n' }),
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('BAD_QUERY');
    expect(error.message).toMatch(/^the engine refused the query: [^\n]+$/);
    expect(error.message).toContain('NoSuchLabel');
  });

  it('a store that cannot open answers 503 naming JEJAK_DATA_DIR, not the path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-nopath-'));
    // A file where the database's folder should be: Kùzu cannot open it.
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, 'not a directory');
    const store = createKuzuStore(path.join(blocker, 'jejak.kuzu'));
    const server = createApp({ config: loadConfig({ JEJAK_DATA_DIR: dir, JEJAK_RATE_LIMIT: '0' }), store, serveClient: false, log: () => undefined }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const h = await get(base, '/api/health');
      expect(h.status).toBe(503);
      expect(h.text).not.toContain(dir);
      expect(JSON.parse(h.text).error.message).toContain('JEJAK_DATA_DIR');
      const search = await get(base, '/api/search?q=kim');
      expect(search.status).toBe(503);
      expect(search.text).not.toContain(dir);
      expect(JSON.parse(search.text).error.message).toContain('JEJAK_DATA_DIR');
    } finally {
      await new Promise((r) => server.close(r));
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('JEJAK_TRUST_PROXY', () => {
  const statuses = async (base: string, client: string, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await get(base, '/api/health', { 'x-forwarded-for': client })).status);
    return out;
  };

  it('unset: every client behind the proxy shares one bucket', async () => {
    const s = await startTestServer('kuzu', { JEJAK_RATE_LIMIT: '2' });
    try {
      expect(await statuses(s.url, '203.0.113.1', 2)).toEqual([200, 200]);
      expect(await statuses(s.url, '203.0.113.2', 1)).toEqual([429]);
    } finally {
      await s.close();
    }
  });

  it('set to the proxy: each client gets its own bucket', async () => {
    const s = await startTestServer('kuzu', { JEJAK_RATE_LIMIT: '2', JEJAK_TRUST_PROXY: 'loopback' });
    try {
      expect(await statuses(s.url, '203.0.113.1', 3)).toEqual([200, 200, 429]);
      expect(await statuses(s.url, '203.0.113.2', 2)).toEqual([200, 200]);
    } finally {
      await s.close();
    }
  });

  it('reads hop counts and booleans as Express takes them', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ JEJAK_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ JEJAK_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ JEJAK_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });
});
