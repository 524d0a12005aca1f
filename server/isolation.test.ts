/**
 * The embedded engine in its worker process (store/isolated/): runaway and
 * crashing queries cost one answer, never the server.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../seed/facts.js';
import { seedKuzuFile } from '../seed/seed.js';
import { loadConfig } from '../shared/config.js';
import { createIsolatedKuzuStore, type IsolatedStore } from '../store/isolated/host.js';
import { createApp } from './app.js';

const TIMEOUT_MS = 2000;
const GRACE_MS = 1000;
const MAX_RSS_MB = 1024;
const GiB = 1024 ** 3;
/**
 * What a loaded machine adds to the bound (the suite shares two cores with the
 * browser tests). The bound is still finite: before the worker, these queries
 * ran for a minute or without end and took the server's memory with them.
 */
const SLACK_MS = 4000;

async function post(base: string, url: string, body: unknown) {
  const started = performance.now();
  const res = await fetch(base + url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } }, ms: performance.now() - started };
}

describe('the embedded engine in a worker process', () => {
  let dir: string;
  let store: IsolatedStore;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-isolated-'));
    const file = path.join(dir, 'jejak.kuzu');
    await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
    store = createIsolatedKuzuStore({ location: file, bufferPoolMb: 256 }, { maxRssMb: MAX_RSS_MB, heapMb: MAX_RSS_MB, operationTimeoutMs: 30_000, planTimeoutMs: TIMEOUT_MS, graceMs: GRACE_MS });
    const config = loadConfig({ JEJAK_DATA_DIR: dir, JEJAK_RATE_LIMIT: '0', JEJAK_QUERY_TIMEOUT_MS: String(TIMEOUT_MS) });
    server = createApp({ config, store, serveClient: false, log: () => undefined }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function stillAnswers() {
    const h = await fetch(`${base}/api/health`);
    expect(h.status).toBe(200);
    const s = await fetch(`${base}/api/search?q=kim`);
    expect(s.status).toBe(200);
    expect(JSON.stringify(await s.json())).toContain('person:kim-jong-un');
  }

  it('answers built-in reads through the worker, generically by method name', async () => {
    expect(store.engine).toBe('kuzu');
    const h = await store.health();
    // The seed's own counts, so curating a fact does not break the worker's test.
    const { graph } = await loadKnowledgeBase();
    expect(h).toMatchObject({ ok: true, engine: 'kuzu', nodes: graph.nodes.length, relationships: graph.edges.length });
    await stillAnswers();
  });

  it("runs the worker with two malloc arenas and libuv's pool of 16, unless the server's environment says otherwise", async () => {
    await store.health();
    const environ = (pid: number) => new Map(fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    const env = environ(store.host.pid!);
    expect(env.get('MALLOC_ARENA_MAX')).toBe(process.env.MALLOC_ARENA_MAX ?? '2');
    expect(env.get('UV_THREADPOOL_SIZE')).toBe(process.env.UV_THREADPOOL_SIZE ?? '16');
  });

  it.each([
    ['UNWIND range(1,100000000) AS x RETURN x'],
    ["RETURN size(repeat('x', 1000000000)) AS n"],
  ])('%s answers 4xx within the timeout plus the grace seconds, and the server stays small', async (query) => {
    await stillAnswers();
    const r = await post(base, '/api/cypher', { query });
    expect([400, 408]).toContain(r.status);
    expect(r.body.error?.message).toMatch(/memory|timeout|buffer pool/);
    // The bound: the timeout, plus a grace period for planning and one for running, plus slack for a loaded machine.
    expect(r.ms).toBeLessThan(TIMEOUT_MS + 2 * GRACE_MS + SLACK_MS);
    expect(process.memoryUsage().rss).toBeLessThan(GiB);
    await stillAnswers();
  });

  it('kills the worker past its memory limit with a 400 naming the limit', async () => {
    // A host of its own with a small limit, so memory, not the timeout, is what stops the query.
    const small = createIsolatedKuzuStore({ location: path.join(dir, 'jejak.kuzu'), bufferPoolMb: 128 }, { maxRssMb: 300, heapMb: 300, operationTimeoutMs: 60_000 });
    try {
      await store.close(); // Kùzu: one process per database file
      const error = await small.run('UNWIND range(1,100000000) AS x RETURN x', {}, { mode: 'read', timeoutMs: 60_000 }).then(
        () => undefined,
        (e: { code: string; message: string; details?: unknown }) => ({ code: e.code, message: e.message, details: e.details }),
      );
      expect(error).toEqual({
        code: 'BAD_QUERY',
        message: "the query used more memory than the embedded engine's limit of 300 MiB and was stopped; narrow it (add a LIMIT or a WHERE) (JEJAK_WORKER_MAX_RSS_MB)",
        details: { maxRssMb: 300 },
      });
    } finally {
      await small.close();
    }
    await stillAnswers();
  });

  it('does not ratchet memory over identical runaway queries: each one costs a worker, not the server', async () => {
    const startsBefore = store.host.starts;
    const rss: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(base, '/api/cypher', { query: 'UNWIND range(1,100000000) AS x RETURN x' });
      expect([400, 408]).toContain(r.status);
      rss.push(process.memoryUsage().rss);
    }
    await stillAnswers();
    expect(store.host.starts - startsBefore).toBeGreaterThanOrEqual(3);
    for (const value of rss) expect(value).toBeLessThan(GiB);
    expect(rss[2] - rss[0]).toBeLessThan(100 * 1024 * 1024);
  });

  it('answers 408 when the engine does not honour the timeout, by killing the worker', async () => {
    await stillAnswers(); // the worker is up: its start-up is not part of the bound
    // Cheap in memory, long in time: only the host's own deadline stops it in time.
    const query = 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a * b AS x WHERE x % 7 = 3 RETURN sum(x)';
    const r = await post(base, '/api/cypher', { query });
    expect(r.status).toBe(408);
    expect(r.body.error?.message).toBe(`query ran past the ${TIMEOUT_MS} ms timeout; narrow it (add a LIMIT or a WHERE) or raise timeoutMs`);
    expect(r.ms).toBeLessThan(TIMEOUT_MS + 2 * GRACE_MS + SLACK_MS);
    await stillAnswers();
  });

  it('a real segfault (READ_CSV_SERIAL, sent past the guard straight to the store) costs one 503 and nothing else', async () => {
    await stillAnswers();
    const pid = store.host.pid;
    const crash = await store.run("CALL READ_CSV_SERIAL('x') RETURN *", {}, { mode: 'read', timeoutMs: 5000 }).then(
      () => 'answered',
      (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
    );
    expect(crash).toMatch(/^STORE_UNAVAILABLE: the embedded engine stopped \(SIG[A-Z]+\) while running this query and was restarted/);
    expect(store.host.pid).not.toBe(pid);
    await stillAnswers();
  });

  it('a worker killed with SIGSEGV mid-query answers that query 503, retries the reads in flight, and serves on', async () => {
    await stillAnswers(); // the worker is up
    const slow = post(base, '/api/cypher', { query: 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a * b AS x RETURN sum(x)', timeoutMs: 1900 });
    await new Promise((r) => setTimeout(r, 600));
    const read = fetch(`${base}/api/nodes/person:kim-jong-un`);
    process.kill(store.host.pid!, 'SIGSEGV');
    const r = await slow;
    expect(r.status).toBe(503);
    expect(r.body.error?.message).toBe("the embedded engine stopped (SIGSEGV) while running this query and was restarted; the query was not run to the end");
    expect((await read).status).toBe(200);
    await stillAnswers();
  });

  it('writes in flight when the worker dies are reported 503, not retried', async () => {
    await stillAnswers();
    const write = store.writeTransaction([{ query: 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a * b AS x RETURN sum(x)' }]);
    await new Promise((r) => setTimeout(r, 400));
    process.kill(store.host.pid!, 'SIGKILL');
    await expect(write).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: "the embedded engine's worker stopped (crash) during this write; nothing was written — try again" });
    await stillAnswers();
  });

  it('can be closed and serves again on the next call (a reseed closes it and swaps the file)', async () => {
    await store.close();
    expect(store.host.pid).toBeUndefined();
    expect((await store.health()).ok).toBe(true);
  });
});

/** The environment minus the variable that would point the server at Neo4j. */
function withoutNeo4j(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NEO4J_URI: _uri, ...rest } = env;
  return rest;
}

describe('the server process', () => {
  it('stops on SIGTERM while a runaway query runs, and its worker goes with it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-sigterm-'));
    let server: ReturnType<typeof spawn> | undefined;
    try {
      await seedKuzuFile(path.join(dir, 'jejak.kuzu'), (await loadKnowledgeBase()).graph);
      const child = (server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: process.cwd(),
        // Without NEO4J_URI (CI sets it for the Neo4j half): this server must run the embedded engine.
        env: { ...withoutNeo4j(process.env), JEJAK_DATA_DIR: dir, PORT: '0', JEJAK_RATE_LIMIT: '0', JEJAK_KUZU_BUFFER_MB: '256', JEJAK_WORKER_MAX_RSS_MB: '1024', JEJAK_QUERY_TIMEOUT_MS: '30000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }));
      let out = '';
      child.stderr!.on('data', (d) => (out += String(d)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (d) => {
          out += String(d);
          const m = /explorer ready at (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1].replace(/\/$/, ''));
        });
        child.once('exit', () => reject(new Error(`server exited early:\n${out}`)));
      });
      const health = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
      // Opening a seeded embedded store has nothing to upgrade (and must not say it failed to).
      expect(out).not.toMatch(/could not bring the database up/);
      const runaway = fetch(`${url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a * b AS x RETURN sum(x)' }),
      }).catch(() => 'cut');
      await new Promise((r) => setTimeout(r, 800));
      const workers = () =>
        fs.readdirSync('/proc').filter((p) => {
          if (!/^\d+$/.test(p)) return false;
          try {
            return fs.readFileSync(`/proc/${p}/environ`, 'utf8').includes(`"location":"${path.join(dir, 'jejak.kuzu')}"`);
          } catch {
            return false;
          }
        });
      // A worker that is being replaced can linger for a moment beside its successor: wait for one.
      for (let i = 0; i < 50 && workers().length !== 1; i++) await new Promise((r) => setTimeout(r, 100));
      expect(workers()).toHaveLength(1);
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code).toBe(0);
      expect(out).toContain('jejak: SIGTERM, closing');
      await runaway;
      // The worker sees its parent go (IPC disconnect) and exits too.
      for (let i = 0; i < 50 && workers().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(workers()).toEqual([]);
    } finally {
      // A failed assertion must not leave the server (and its worker) running.
      if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
