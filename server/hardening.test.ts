import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../shared/api.js';
import { loadKnowledgeBase } from '../seed/facts.js';
import { seedKuzuFile } from '../seed/seed.js';
import { createApp } from './app.js';
import { loadConfig } from '../shared/config.js';
import { KuzuStore } from '../store/kuzu/store.js';
import { startTestServer, testEngines, type TestServer } from './testing/harness.js';

const TOKEN = 'correct horse battery staple';

async function call(base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers };
}

async function counts(base: string): Promise<[number, number]> {
  const h = JSON.parse((await call(base, 'GET', '/api/health')).text) as HealthResponse;
  return [h.nodes, h.relationships];
}

describe('hardening', () => {
  let s: TestServer;
  let before: [number, number];

  beforeAll(async () => {
    s = await startTestServer('kuzu', { JEJAK_WRITE_TOKEN: TOKEN, JEJAK_BODY_LIMIT: '100kb' });
    before = await counts(s.url);
  });
  afterAll(async () => s?.close());

  describe('read-only by default', () => {
    // Every refusal with its exact status (400), code and message: a refusal
    // for the wrong reason (e.g. a syntax error where a write was meant) is a bug too.
    const ONLY = '(only MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL of an allowed procedure)';
    const writes: Array<[string, string, string]> = [
      ["CREATE (:Person {id: 'person:x', name: 'x'})", "WRITE_REFUSED", `ad-hoc Cypher is read-only: CREATE is not allowed ${ONLY}`],
      ["MERGE (s:State {id: 'state:atlantis'}) RETURN s", "WRITE_REFUSED", `ad-hoc Cypher is read-only: MERGE is not allowed ${ONLY}`],
      ["MATCH (n) DETACH DELETE n", "WRITE_REFUSED", `ad-hoc Cypher is read-only: DELETE is not allowed ${ONLY}`],
      ["MATCH (n:Person) SET n.name = 'pwned' RETURN n", "WRITE_REFUSED", `ad-hoc Cypher is read-only: SET is not allowed ${ONLY}`],
      ["MATCH (n:Person) REMOVE n.name RETURN n", "WRITE_REFUSED", `ad-hoc Cypher is read-only: REMOVE is not allowed ${ONLY}`],
      ["DROP TABLE Person","BAD_QUERY","not valid Cypher: mismatched input 'TABLE' (line 1, column 6)"],
      ["CALL CREATE_FTS_INDEX('Person', 'x', ['name'])","BAD_QUERY","ad-hoc Cypher may not call the procedure create_fts_index: only db.labels, db.relationshiptypes, db.propertykeys, db.schema.visualization, show_tables, table_info, show_connection, db_version are allowed"],
      ["CALL threads=1","BAD_QUERY","not valid Cypher: mismatched input '=' (line 1, column 13)"],
      ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "BAD_QUERY", `ad-hoc Cypher may not use LOAD CSV (file and URL access) ${ONLY}`],
      ["LOAD FROM '/etc/passwd' (header = false) RETURN *","BAD_QUERY","not valid Cypher: missing CSV at 'FROM' (line 1, column 6)"],
      ["COPY Person FROM '/tmp/people.csv'","BAD_QUERY","not valid Cypher: mismatched input 'COPY' (line 1, column 1)"],
      ["COPY (MATCH (n) RETURN n.id) TO '/tmp/jejak-leak.csv'","BAD_QUERY","not valid Cypher: mismatched input 'COPY' (line 1, column 1)"],
      ["EXPORT DATABASE '/tmp/jejak-export'","BAD_QUERY","not valid Cypher: mismatched input 'EXPORT' (line 1, column 1)"],
      ["MATCH (n) RETURN n; MATCH (m) DETACH DELETE m","BAD_REQUEST","send one Cypher statement at a time (found more after a ;)"],
      ["/* MATCH (n) RETURN n */ MATCH (n) DETACH DELETE n", "WRITE_REFUSED", `ad-hoc Cypher is read-only: DELETE is not allowed ${ONLY}`],
      ["MATCH (n) // harmless\nDETACH DELETE n", "WRITE_REFUSED", `ad-hoc Cypher is read-only: DELETE is not allowed ${ONLY}`],
      ["MATCH (n) WITH n CREATE (:Person {id: 'person:y'})", "WRITE_REFUSED", `ad-hoc Cypher is read-only: CREATE is not allowed ${ONLY}`],
      ["MATCH (n) DETACH\u00a0DELETE n", "WRITE_REFUSED", `ad-hoc Cypher is read-only: DELETE is not allowed ${ONLY}`],
      ["MATCH (n) DETACH/**/DELETE n", "WRITE_REFUSED", `ad-hoc Cypher is read-only: DELETE is not allowed ${ONLY}`],
      ["ＣＲＥＡＴＥ (:Person)","BAD_QUERY","not valid Cypher: mismatched input 'ＣＲＥＡＴＥ' (line 1, column 1)"],
      ["OPTIONAL MATCH (n) WITH n MERGE (:State {id: 'state:z'})", "WRITE_REFUSED", `ad-hoc Cypher is read-only: MERGE is not allowed ${ONLY}`],
      ["UNWIND [1] AS x CREATE (:Person {id: 'person:z'})", "WRITE_REFUSED", `ad-hoc Cypher is read-only: CREATE is not allowed ${ONLY}`],
      ["CHECKPOINT","BAD_QUERY","not valid Cypher: mismatched input 'CHECKPOINT' (line 1, column 1)"],
    ];

    it.each(writes)('refuses through /api/cypher: %s', async (query, code, message) => {
      const r = await call(s.url, 'POST', '/api/cypher', { query });
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text).error).toMatchObject({ code, message });
    });

    it('leaves the graph and the file system unchanged after every attempt', async () => {
      expect(await counts(s.url)).toEqual(before);
      expect(fs.existsSync('/tmp/jejak-leak.csv')).toBe(false);
      expect(fs.existsSync('/tmp/jejak-export')).toBe(false);
    });

    it('keeps writing endpoints behind the token, compared exactly', async () => {
      expect((await call(s.url, 'POST', '/api/admin/reseed')).status).toBe(401);
      expect((await call(s.url, 'POST', '/api/admin/reseed', undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await call(s.url, 'POST', '/api/admin/reseed', undefined, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
      const ok = await call(s.url, 'POST', '/api/admin/reseed', undefined, { authorization: `Bearer ${TOKEN}` });
      expect(ok.status).toBe(200);
      expect(await counts(s.url)).toEqual(before);
    });

    it('turns writing endpoints off (403) when no token is configured', async () => {
      const plain = await startTestServer('kuzu');
      try {
        const r = await call(plain.url, 'POST', '/api/admin/reseed', undefined, { authorization: `Bearer ${TOKEN}` });
        expect(r.status).toBe(403);
        expect(r.text).toContain('JEJAK_WRITE_TOKEN');
      } finally {
        await plain.close();
      }
    });
  });

  describe('hostile input never causes a 5xx, a hang or a change', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.constantFrom("' OR 1=1 //", '}) MATCH (n) DETACH DELETE n //', '$id', '`', '\u0000', '../../etc/passwd', 'person:kim-jong-un', '%', '%%25', '\\'),
    );
    const anyJson = fc.oneof(
      hostile,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(hostile, { maxLength: 2000 }),
      fc.object({ maxDepth: 4 }),
    );

    it('on GET parameters of every read endpoint', async () => {
      await fc.assert(
        fc.asyncProperty(hostile, hostile, async (a, b) => {
          const e = encodeURIComponent;
          const urls = [
            `/api/search?q=${e(a)}&limit=${e(b)}`,
            `/api/search?q=${e(a)}&labels=${e(b)}`,
            `/api/nodes/${e(a)}`,
            `/api/nodes/${e(a)}/neighbours?limit=${e(b)}&types=${e(b)}&direction=${e(b)}`,
            `/api/graph?limit=${e(a)}`,
            `/api/paths?from=${e(a)}&to=${e(b)}&maxHops=${e(b)}`,
            `/api/paths?from=${e(a)}&to=person:kim-jong-un&mode=all`,
            `/api/timeline?from=${e(a)}&to=${e(b)}`,
            `/api/edges/${e(a)}/provenance`,
            `/api/articles/${e(a)}`,
            `/api/export/${e(a)}?ids=${e(b)}`,
            `/api/queries/${e(a)}`,
          ];
          for (const url of urls) {
            const r = await call(s.url, 'GET', url);
            if (r.status >= 500) throw new Error(`${url} → ${r.status} ${r.text}`);
          }
        }),
        { numRuns: 40 },
      );
    });

    it('on JSON bodies of every POST endpoint', async () => {
      await fc.assert(
        fc.asyncProperty(anyJson, anyJson, async (a, b) => {
          const bodies: Array<[string, unknown]> = [
            ['/api/cypher', { query: a, params: b }],
            ['/api/cypher', a],
            ['/api/queries/entity-neighbourhood/run', { params: { id: a, limit: b } }],
            ['/api/queries/events-between/run', { params: { from: a, to: b } }],
            ['/api/queries/shortest-path/run', { params: { from: a, to: b } }],
            ['/api/queries/entity-neighbourhood/run', a],
            ['/api/export/graphml', { ids: a }],
            ['/api/export/cypher', { query: { name: a, params: b } }],
          ];
          for (const [url, body] of bodies) {
            const r = await call(s.url, 'POST', url, body);
            if (r.status >= 500) throw new Error(`${url} ${JSON.stringify(body).slice(0, 200)} → ${r.status} ${r.text}`);
          }
        }),
        { numRuns: 40 },
      );
      expect(await counts(s.url)).toEqual(before);
    });
  });

  describe('limits answer with their own 4xx and value', () => {
    it('body size: 413 with the limit', async () => {
      const r = await call(s.url, 'POST', '/api/cypher', { query: 'RETURN 1', params: { x: 'y'.repeat(200_000) } });
      expect(r.status).toBe(413);
      expect(JSON.parse(r.text).error.message).toMatch(/102400 bytes/);
    });

    it('expansion cap: 400 naming the maximum', async () => {
      const r = await call(s.url, 'GET', '/api/nodes/state:russia/neighbours?limit=100000');
      expect(r.status).toBe(400);
      expect(r.text).toContain('1000');
    });

    it('row cap: results are cut and flagged', async () => {
      const r = await call(s.url, 'POST', '/api/cypher', { query: 'UNWIND range(1, 100000) AS x RETURN x', maxRows: 10 });
      const body = JSON.parse(r.text);
      expect(body.rows).toHaveLength(10);
      expect(body.truncated).toBe(true);
    });

    it('rate limit: 429 with the limit once a client sends too many', async () => {
      const limited = await startTestServer('kuzu', { JEJAK_RATE_LIMIT: '5' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++) statuses.push((await call(limited.url, 'GET', '/api/health')).status);
        expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
        expect(statuses[6]).toBe(429);
        const r = await call(limited.url, 'GET', '/api/health');
        expect(JSON.parse(r.text).error.message).toContain('5 requests');
      } finally {
        await limited.close();
      }
    });
  });

  describe('web', () => {
    it('sends security headers and no CORS grant to other origins', async () => {
      const r = await call(s.url, 'GET', '/api/health', undefined, { origin: 'https://evil.example' });
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers JSON with its media type and the body\'s length in bytes, errors too', async () => {
      for (const [url, status] of [
        ['/api/search?q=moskow', 200],
        [`/api/nodes/${encodeURIComponent('person:été-ü')}`, 404],
        ['/api/search?q=', 400],
        ['/api/nope', 404],
      ] as const) {
        const r = await call(s.url, 'GET', url);
        expect(r.status, url).toBe(status);
        expect(r.headers.get('content-type'), url).toBe('application/json; charset=utf-8');
        expect(Number(r.headers.get('content-length')), url).toBe(Buffer.byteLength(r.text));
        expect(() => JSON.parse(r.text), url).not.toThrow();
        expect(r.headers.get('x-content-type-options'), url).toBe('nosniff');
      }
      const head = await fetch(s.url + '/api/search?q=moskow', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    });
  });
});

/** The reported exploit: one backslash before the second backtick hid LOAD FROM from the old lexical guard. */
const fileRead = (file: string) => `WITH 1 AS \`a\\\` LOAD FROM '${file}' (file_format='csv', header=false, delim=':') RETURN * LIMIT $n //\``;

/** `{"a":{"a":…1…}}` nested `depth` deep, built as text (no recursion in the test either). */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe.each(testEngines())('reported attacks on %s: 400 before the engine, and the server keeps answering', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine, { JEJAK_WRITE_TOKEN: TOKEN, JEJAK_BODY_LIMIT: '100kb' });
  });
  afterAll(async () => s?.close());

  async function stillAnswers() {
    const h = await call(s.url, 'GET', '/api/health');
    expect(h.status).toBe(200);
    const search = await call(s.url, 'GET', '/api/search?q=kim');
    expect(search.status).toBe(200);
  }

  const PROCEDURES = 'only db.labels, db.relationshiptypes, db.propertykeys, db.schema.visualization, show_tables, table_info, show_connection, db_version are allowed';
  it.each([
    ['/etc/passwd', fileRead('/etc/passwd'), { n: 3 }, 'BAD_QUERY', "not valid Cypher: missing CSV at 'FROM' (line 1, column 21)"],
    ['/proc/self/environ', fileRead('/proc/self/environ'), { n: 3 }, 'BAD_QUERY', "not valid Cypher: missing CSV at 'FROM' (line 1, column 21)"],
    ['READ_CSV_SERIAL (segfaulted the server)', "CALL READ_CSV_SERIAL('x') RETURN *", {}, 'BAD_QUERY', `ad-hoc Cypher may not call the procedure read_csv_serial: ${PROCEDURES}`],
    ['apoc.load.json', "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value", {}, 'BAD_QUERY', `ad-hoc Cypher may not call the procedure apoc.load.json: ${PROCEDURES}`],
    ['3,000 parentheses (segfaulted the server)', `RETURN ${'('.repeat(3000)}1${')'.repeat(3000)}`, {}, 'BAD_REQUEST', 'the query nests brackets or CASE more than 32 deep (line 1, column 40); at most 32 levels are allowed (JEJAK_CYPHER_MAX_NESTING)'],
    ['RETURN 1+1+… with 10,000 terms (segfaulted the server)', `RETURN ${Array(10_000).fill('1').join('+')}`, {}, 'BAD_REQUEST', "body field 'query' is 20006 characters long; at most 20000 are allowed (JEJAK_CYPHER_MAX_LENGTH)"],
  ])('%s', async (_name, query, params, code, message) => {
    const r = await call(s.url, 'POST', '/api/cypher', { query, params });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toMatchObject({ code, message });
    expect(r.text).not.toContain('root:');
    expect(r.text).not.toContain(TOKEN);
    await stillAnswers();
  });

  it.each([600, 10_000])('refuses params nested %i deep with 400 naming the limit', async (depth) => {
    const res = await fetch(`${s.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"RETURN $a AS a","params":{"a":${nested(depth)}}}`,
      signal: AbortSignal.timeout(15_000),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: unknown }).error).toEqual({
      code: 'BAD_REQUEST',
      message: 'request body nests arrays or objects more than 16 deep; flatten it (JEJAK_JSON_MAX_DEPTH is 16)',
    });
    await stillAnswers();
  });

  it('refuses a body with more values than JEJAK_JSON_MAX_ITEMS', async () => {
    const r = await call(s.url, 'POST', '/api/cypher', { query: 'RETURN size($xs) AS n', params: { xs: Array(10_001).fill(0) } });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toEqual({ code: 'BAD_REQUEST', message: 'request body holds more than 10000 values; send fewer (JEJAK_JSON_MAX_ITEMS is 10000)' });
  });

  it('lets params within the limits through to the query', async () => {
    const r = await call(s.url, 'POST', '/api/cypher', { query: 'RETURN $a.b.c AS c, size($xs) AS n', params: { a: { b: { c: 'deep enough' } }, xs: [1, 2, 3] } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).rows).toEqual([{ c: 'deep enough', n: 3 }]);
  });

  it('keeps the engine check as a second wall: a query the guard would never pass is still refused by the engine', async () => {
    // Straight to the store, past the parse-tree guard.
    const refusal = await s.store.assertReadOnly(fileRead('/etc/passwd'), { n: 3 }).then(
      () => 'allowed',
      (e: { code: string }) => e.code,
    );
    expect(refusal).toBe(engine === 'kuzu' ? 'WRITE_REFUSED' : 'BAD_QUERY');
  });

  it('refuses, never skips, when the engine cannot plan the query', async () => {
    // The old Kùzu check returned quietly when EXPLAIN failed (there: $n unknown at check time; Neo4j plans
    // that one, so it is given a function it does not know).
    const unplannable = engine === 'kuzu' ? 'MATCH (n) RETURN n LIMIT $n' : 'MATCH (n) RETURN no_such_function(n)';
    await expect(s.store.assertReadOnly(unplannable)).rejects.toMatchObject({ code: 'BAD_QUERY' });
    await expect(s.store.assertReadOnly('MATCH (n) RETURN n LIMIT $n', { n: 3 })).resolves.toBeUndefined();
  });
});

describe('faults', () => {
  it('answers 503 while the Kùzu file is locked by another process, and recovers by itself', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-fault-'));
    const file = path.join(dir, 'jejak.kuzu');
    await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
    const holder = spawn(process.execPath, ['-e', `const k=require('kuzu');const db=new k.Database(${JSON.stringify(file)});db.init().then(()=>console.log('locked'));setInterval(()=>{},1000);`], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d) => String(d).includes('locked') && resolve()));
    const store = new KuzuStore(file);
    const app = createApp({ config: loadConfig({ JEJAK_DATA_DIR: dir, JEJAK_RATE_LIMIT: '0' }), store, serveClient: false, log: () => undefined });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const down = await call(base, 'GET', '/api/health');
      expect(down.status).toBe(503);
      expect(JSON.parse(down.text).error.message).toMatch(/lock/i);
      const search = await call(base, 'GET', '/api/search?q=kim');
      expect(search.status).toBe(503);
      expect(search.headers.get('retry-after')).toBe('5');
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
      const up = await call(base, 'GET', '/api/health');
      expect(up.status).toBe(200);
      expect(JSON.parse(up.text).nodes).toBeGreaterThan(30);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => server.close(r));
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the previous graph intact when a seed is killed midway', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-kill-'));
    const file = path.join(dir, 'jejak.kuzu');
    await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
    const previous = await (async () => {
      const st = new KuzuStore(file);
      const h = await st.health();
      await st.close();
      return [h.nodes, h.relationships];
    })();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/testing/seed-child.ts', file, '400000'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        output += String(d);
        // Killed while it copies into the new file: the old one must survive.
        if (output.includes('nodes copied')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`seed ended before it could be killed:\n${output}`)));
    });
    await new Promise((r) => child.once('exit', r));
    expect(output).not.toContain('swap:');
    const st = new KuzuStore(file);
    const h = await st.health();
    await st.close();
    expect([h.nodes, h.relationships]).toEqual(previous);
    // The next seed starts over cleanly despite the half-built file left behind.
    await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000); // 400,000 generated nodes: about a minute on a loaded 2-core machine
});
