/**
 * API, on either engine: the real app (`createApp`) over a seeded store on
 * 127.0.0.1.
 * - One request at a time: each goal's request over HTTP (keep-alive socket,
 *   body read) paired with the same call in-process, back to back (the
 *   service function the route calls, no Express, no socket), so the HTTP
 *   layer's share is the median of the paired differences.
 * - Preview + commit of a new article, over HTTP.
 * - 32 connections of a mixed read load (autocannon in a child process)
 *   against the same calls from 32 concurrent loops in a bare script.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { normalizeText, type Graph } from '../../shared/graph.js';
import { createApp } from '../../server/app.js';
import { storeClock } from '../store-clock.js';
import type { Config } from '../../shared/config.js';
import { neighbours, search } from '../../server/services/graph.js';
import { shortestPath } from '../../server/services/paths.js';
import { SavedQueries } from '../../server/services/saved-queries.js';
import { timeline } from '../../server/services/timeline.js';
import type { Store } from '../../store/store.js';
import type { CannonJob } from '../cannon.js';
import { runBeforeAfter, type BeforeAfterRow } from './before-after.js';
import { percentile, round, since, timeRepeated } from '../stats.js';
import { prng, SYNTHETIC_YEAR, syntheticArticles, type SyntheticArticle } from '../synthetic.js';

/** Ids and words the requests use, chosen from the graph's shape (hubs and ordinary nodes). */
export interface Probes {
  hub: string;
  hubDegree: number;
  leader: string;
  /** A node of ordinary degree (the median entity). */
  ordinary: string;
  searchWord: string;
  /** The same word with one letter changed: the fuzzy search's case. */
  searchTypo: string;
  week: { from: string; to: string };
  /** Random pairs of entities for shortest paths (deterministic). */
  pairs: Array<[string, string]>;
  /** New articles for preview + commit (their entities are in the graph). */
  articles: SyntheticArticle[];
}

/** One letter of a word replaced by its neighbour in the alphabet ("lavrov" → "lavsov"). */
export function typo(word: string): string {
  const i = Math.floor(word.length / 2);
  const c = word[i] === 'z' ? 'y' : String.fromCharCode(word.charCodeAt(i) + 1);
  return word.slice(0, i) + c + word.slice(i + 1);
}

export function probesOf(graph: Graph, articles = 40): Probes {
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const ranked = (prefix: string) => graph.nodes.filter((n) => n.id.startsWith(prefix)).sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0));
  const people = ranked('person:');
  const states = ranked('state:');
  const entities = graph.nodes.filter((n) => n.label !== 'Article');
  const byDegree = [...entities].sort((a, b) => (degree.get(a.id) ?? 0) - (degree.get(b.id) ?? 0));
  const rand = prng(99);
  const pairs = Array.from({ length: 60 }, (): [string, string] => [entities[Math.floor(rand() * entities.length)].id, entities[Math.floor(rand() * entities.length)].id]);
  const word = normalizeText(String(people[1].properties.name)).split(' ')[1];
  return {
    hub: states[0].id,
    hubDegree: degree.get(states[0].id) ?? 0,
    leader: people[0].id,
    ordinary: byDegree[Math.floor(byDegree.length / 2)].id,
    searchWord: word,
    searchTypo: typo(word),
    // A week in June of the synthetic year, Monday to Sunday.
    week: { from: `${SYNTHETIC_YEAR}-06-03`, to: `${SYNTHETIC_YEAR}-06-09` },
    pairs,
    articles: syntheticArticles(graph, articles, 5),
  };
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** A request of the bench: over HTTP, and the same work in-process. `i` picks among variants (e.g. path pairs). */
export interface Endpoint {
  name: string;
  /** The goal this row answers, when it has one. */
  goal?: { stat: 'p50' | 'p99'; ms: number };
  http(i: number): HttpRequest;
  direct(store: Store, i: number): Promise<unknown>;
}

const enc = encodeURIComponent;

export function endpointsFor(p: Probes, limits: { timeoutMs: number; maxRows: number }): Endpoint[] {
  const queries = new SavedQueries();
  const savedParams = { id: p.leader, limit: 100 };
  return [
    {
      name: 'search (a word)',
      goal: { stat: 'p99', ms: 20 },
      http: () => ({ method: 'GET', path: `/api/search?q=${enc(p.searchWord)}&limit=10` }),
      direct: (s) => search(s, p.searchWord, 10),
    },
    {
      name: 'search (one typo)',
      goal: { stat: 'p99', ms: 20 },
      http: () => ({ method: 'GET', path: `/api/search?q=${enc(p.searchTypo)}&limit=10` }),
      direct: (s) => search(s, p.searchTypo, 10),
    },
    {
      name: `neighbours of the hub (${p.hubDegree.toLocaleString('en')} edges), first 50 + totals per type`,
      goal: { stat: 'p99', ms: 30 },
      http: () => ({ method: 'GET', path: `/api/nodes/${enc(p.hub)}/neighbours?limit=50` }),
      direct: (s) => neighbours(s, p.hub, { limit: 50, offset: 0, direction: 'both', types: [] }),
    },
    {
      name: 'neighbours of an ordinary node',
      http: () => ({ method: 'GET', path: `/api/nodes/${enc(p.ordinary)}/neighbours?limit=50` }),
      direct: (s) => neighbours(s, p.ordinary, { limit: 50, offset: 0, direction: 'both', types: [] }),
    },
    {
      name: 'timeline of one week (500 items)',
      goal: { stat: 'p99', ms: 50 },
      http: () => ({ method: 'GET', path: `/api/timeline?from=${p.week.from}&to=${p.week.to}&limit=500` }),
      direct: (s) => timeline(s, p.week.from, p.week.to, 500),
    },
    {
      name: 'shortest path, random entities',
      goal: { stat: 'p50', ms: 50 },
      http: (i) => {
        const [a, b] = p.pairs[i % p.pairs.length];
        return { method: 'GET', path: `/api/paths?from=${enc(a)}&to=${enc(b)}` };
      },
      direct: (s, i) => {
        const [a, b] = p.pairs[i % p.pairs.length];
        return shortestPath(s, a, b, 6, []);
      },
    },
    {
      name: 'aggregated overview (cached counts)',
      http: () => ({ method: 'GET', path: '/api/overview/aggregate' }),
      direct: (s) => s.aggregateOverview(),
    },
    {
      name: 'aggregate: first 50 members of the Person group',
      http: () => ({ method: 'GET', path: '/api/overview/groups/Person/members?limit=50' }),
      direct: (s) => s.groupMembers({ label: 'Person', offset: 0, limit: 50 }),
    },
    {
      name: 'saved query entity-neighbourhood',
      http: () => ({ method: 'POST', path: '/api/queries/entity-neighbourhood/run', body: JSON.stringify({ params: savedParams }) }),
      // The service call the route makes: parameters bound and the entity id resolved, then the
      // engine's variant of the query (a bare store.run left the resolution's store call to the HTTP side).
      direct: (s) => queries.run(s, 'entity-neighbourhood', savedParams, limits),
    },
  ];
}

/** The read requests of the mixed load at 32 connections (paths and writes apart: they are measured alone). */
const MIXED = ['search (a word)', 'search (one typo)', 'neighbours of the hub', 'neighbours of an ordinary node', 'timeline of one week', 'saved query entity-neighbourhood'];

export interface CannonResult {
  p50: number;
  p99: number;
  reqPerSec: number;
  requests: number;
  non2xx: number;
  /** The non-2xx answers by status (absent from runs before 2026-12-02 15:00 UTC). */
  statuses?: Record<string, number>;
  errors: number;
}

const CANNON = fileURLToPath(new URL('../cannon.ts', import.meta.url));

/** autocannon in a child process (bench/cannon.ts); several requests cycle per connection. */
export async function cannon(url: string, requests: HttpRequest[], connections: number, seconds: number): Promise<CannonResult> {
  const job: CannonJob = { url, connections, seconds, requests };
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CANNON, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`autocannon exited ${code}: ${stderr.slice(-500)}`))));
  });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as CannonResult;
  return { ...r, reqPerSec: round(r.reqPerSec, 1) };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request over a kept-alive socket; resolves with the status when the whole body has arrived. */
export function request(base: URL, e: HttpRequest, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: e.path, method: e.method, agent, headers: { ...(e.body ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(e.body);
  });
}

export interface LatencyRow {
  endpoint: string;
  goal: Endpoint['goal'] | null;
  /** One request at a time over HTTP, ms. */
  httpP50: number;
  httpP99: number;
  /** The same call in-process, ms. */
  directP50: number;
  directP99: number;
  /** The median of (HTTP − in-process) over pairs taken back to back, as the client on the same machine sees it. */
  httpAddedP50: number;
  /**
   * The median over the same requests of their time in the server outside the store's calls: from
   * the app's handler being called to the last byte handed to the socket ('finish'), less the wall
   * time inside the store (`storeClock`). That is Express, zod, the service's own work around the
   * store and serialisation, without the client's reading of the answer; measured within each
   * request, so the store's own jitter does not enter it. The goal (< 1 ms) is on this one.
   */
  serverAddedP50?: number;
  samples: number;
}

export interface IngestRow {
  /** POST /api/ingest/preview then POST /api/ingest of the same article, ms. */
  p50: number;
  p99: number;
  previewP50: number;
  commitP50: number;
  samples: number;
  candidatesPerArticle: number;
}

export interface MixedRow {
  connections: number;
  seconds: number;
  requests: string[];
  http: CannonResult;
  bare: { opsPerSec: number; p50: number; p99: number; ops: number; errors: number; errorMessages?: Record<string, number> };
  /** http.reqPerSec / bare.opsPerSec: the goal is ≥ 0.7. */
  ratio: number;
}

/** The aggregate's first answer (nothing cached) against the cached one: the cache's before/after row. */
export interface AggregateRow {
  coldMs: number;
  /** The first members page of the largest group right after (its degree ranking computed). */
  membersColdMs: number;
  warmP50: number;
  /** The answer itself, for the browser suite to draw. */
  body: unknown;
}

export interface ApiResult {
  engine: string;
  relationships: number;
  aggregate: AggregateRow | null;
  probes: Omit<Probes, 'articles' | 'pairs'> & { pairs: number };
  latency: LatencyRow[];
  ingest: IngestRow | null;
  mixed: MixedRow | null;
  /** The read path's previous query shapes (bench/before/) on the same store, beside what replaced them. */
  beforeAfter: BeforeAfterRow[];
  notes: string[];
}

/** 32 loops in this process calling the same functions as the routes, for `seconds`. */
async function bareLoad(store: Store, endpoints: Endpoint[], connections: number, seconds: number): Promise<MixedRow['bare']> {
  const times: number[] = [];
  let errors = 0;
  // What failed, by message (first line), so a run with errors says why.
  const errorMessages: Record<string, number> = {};
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let i = c; performance.now() < end; i++) {
        const t = performance.now();
        try {
          await endpoints[i % endpoints.length].direct(store, i);
          times.push(since(t));
        } catch (err) {
          errors++;
          const message = `${endpoints[i % endpoints.length].name}: ${err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : String(err)}`;
          errorMessages[message] = (errorMessages[message] ?? 0) + 1;
        }
      }
    }),
  );
  return { opsPerSec: round(times.length / seconds, 1), p50: round(percentile(times, 50), 1), p99: round(percentile(times, 99), 1), ops: times.length, errors, ...(errors ? { errorMessages } : {}) };
}

export interface ApiOptions {
  engine: string;
  store: Store;
  config: Config;
  relationships: number;
  probes: Probes;
  quick: boolean;
  log: (line: string) => void;
}

export async function runApi(o: ApiOptions): Promise<ApiResult> {
  const { store, probes, quick, log } = o;
  const config: Config = { ...o.config, writeToken: 'bench-token', rateLimit: 0 };
  const clock = storeClock(store);
  const app = createApp({ config, store: clock.store, serveClient: false, log: () => undefined });
  // The HTTP layer of each request, in the server: from the app's handler being called to the last
  // byte of the answer handed to the socket ('finish'), less the time inside the store's calls.
  let onHandled: ((layerMs: number) => void) | null = null;
  const server = http.createServer((req, res) => {
    const t0 = performance.now();
    clock.reset();
    // Taken as the request arrives, so a late 'finish' of an earlier answer never stands for this one.
    const handled = onHandled;
    onHandled = null;
    const done = () => handled?.(since(t0) - clock.elapsed());
    res.once('finish', done);
    res.once('close', done); // an answer cut short still ends its wait
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = new URL(url);
  const samples = quick ? 60 : 300;
  const budgetMs = quick ? 2_000 : 6_000;
  const endpoints = endpointsFor(probes, { timeoutMs: config.queryTimeoutMs, maxRows: config.maxRows });
  const result: ApiResult = { engine: o.engine, relationships: o.relationships, probes: { ...probes, articles: undefined, pairs: probes.pairs.length } as ApiResult['probes'], latency: [], ingest: null, mixed: null, aggregate: null, beforeAfter: [], notes: [] };
  try {
    // Kùzu's worker reads its indexes (search words, date index, adjacency) once it starts; what is
    // measured is the server after that, as it serves from then on (how long it takes is logged).
    const warmed = async (when: string) => {
      if (o.engine !== 'kuzu' || typeof (store as Partial<{ warm(): Promise<void> }>).warm !== 'function') return;
      const t0 = performance.now();
      await (store as unknown as { warm(): Promise<void> }).warm();
      const warmMs = since(t0);
      log(`api ${o.engine}: the worker's indexes read ${when} in ${round(warmMs)} ms`);
      if (warmMs > 1_000) result.notes.push(`Kùzu at ${o.relationships.toLocaleString('en')}: the worker's indexes (search words, date index, adjacency) were read ${when} in ${round(warmMs / 1000, 1)} s; what follows is measured after that.`);
    };
    await warmed('after it started');
    // Before anything warms it: the aggregate uncached, then its members page uncached.
    let t = performance.now();
    const cold = await request(base, { method: 'GET', path: '/api/overview/aggregate' });
    const coldMs = since(t);
    if (cold.status !== 200) throw new Error(`aggregate answered ${cold.status}: ${cold.body.slice(0, 300)}`);
    t = performance.now();
    await request(base, { method: 'GET', path: '/api/overview/groups/Person/members?limit=50' });
    const membersColdMs = since(t);
    log(`api ${o.engine}: aggregate uncached ${round(coldMs)} ms, members page uncached ${round(membersColdMs)} ms`);
    result.aggregate = { coldMs: round(coldMs, 1), membersColdMs: round(membersColdMs, 1), warmP50: Number.NaN, body: JSON.parse(cold.body) };
    // A failing part is a note; the rows measured stand.
    const part = async (name: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        const message = `${name} failed on ${o.engine} at ${o.relationships}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
        log(`api ${o.engine}: ${message}`);
        result.notes.push(message);
      }
    };
    for (const e of endpoints) await part(e.name, async () => {
      const first = await request(base, e.http(0));
      if (first.status !== 200) throw new Error(`${e.name}: ${e.http(0).method} ${e.http(0).path} answered ${first.status}: ${first.body.slice(0, 300)}`);
      // Warm both paths, then alternate blocks so neither gets the caches to itself.
      let i = 0;
      await timeRepeated(10, () => e.direct(store, i++), 1_000);
      const httpMs: number[] = [];
      const directMs: number[] = [];
      const added: number[] = [];
      const layer: number[] = [];
      const failed: number[] = [];
      // Pairs: each HTTP request beside the same call in-process, in turn first and second, so
      // the machine's drift (other work, GC, the caches) falls on both halves of a pair alike;
      // the HTTP layer's share is the median of the pairs' differences.
      const started = performance.now();
      for (let j = 0; j < samples && (j < 4 || since(started) < budgetMs); j++) {
        const viaHttp = async () => {
          const handled = new Promise<number>((resolve) => (onHandled = resolve));
          const t = performance.now();
          const r = await request(base, e.http(j));
          const ms = since(t);
          if (r.status !== 200) failed.push(r.status);
          return { ms, layerMs: await handled };
        };
        const direct = async () => {
          const t = performance.now();
          await e.direct(store, j);
          return since(t);
        };
        const [h, d] = j % 2 ? [await viaHttp(), await direct()] : await direct().then(async (d0) => [await viaHttp(), d0] as const);
        httpMs.push(h.ms);
        directMs.push(d);
        added.push(h.ms - d);
        layer.push(h.layerMs);
      }
      const row: LatencyRow = {
        endpoint: e.name,
        goal: e.goal ?? null,
        httpP50: round(percentile(httpMs, 50), 3),
        httpP99: round(percentile(httpMs, 99), 3),
        directP50: round(percentile(directMs, 50), 3),
        directP99: round(percentile(directMs, 99), 3),
        httpAddedP50: round(percentile(added, 50), 3),
        serverAddedP50: round(percentile(layer, 50), 3),
        samples: httpMs.length,
      };
      if (e.name.startsWith('aggregated overview')) if (result.aggregate) result.aggregate.warmP50 = row.httpP50;
      log(`api ${o.engine}: ${e.name}: p50 ${row.httpP50} ms, p99 ${row.httpP99} ms over HTTP; in-process p50 ${row.directP50} ms (${row.samples} samples)`);
      result.latency.push(row);
      if (failed.length) result.notes.push(`${e.name} on ${o.engine} at ${o.relationships}: ${failed.length} of ${httpMs.length} requests answered ${[...new Set(failed)].join(', ')} (timed all the same)`);
    });
    await part('ingest', async () => {
      result.ingest = await measureIngest(base, probes.articles.slice(0, quick ? 5 : 15), log, o.engine);
    });

    await part('before/after', async () => {
      result.beforeAfter = await runBeforeAfter(store, o.engine, probes, { endpoints, ingest: result.ingest }, { samples: quick ? 3 : 7, budgetMs: quick ? 3_000 : 8_000, log });
    });

    // An old shape of the before/after rows may have cost the worker (the RSS limit): its successor reads its indexes again.
    await part('warm-up', () => warmed('before the mixed load'));
    await part('mixed load', async () => {
      const mixed = endpoints.filter((e) => MIXED.some((m) => e.name.startsWith(m)));
      const seconds = quick ? 3 : 8;
      const requests = mixed.map((e) => e.http(0));
      const httpLoad = await cannon(url, requests, 32, seconds);
      const bare = await bareLoad(store, mixed, 32, seconds);
      result.mixed = { connections: 32, seconds, requests: mixed.map((e) => e.name), http: httpLoad, bare, ratio: round(httpLoad.reqPerSec / bare.opsPerSec, 3) };
      log(`api ${o.engine}: mixed at 32 connections: ${httpLoad.reqPerSec} req/s over HTTP (p99 ${httpLoad.p99} ms, ${httpLoad.non2xx + httpLoad.errors} errors), ${bare.opsPerSec} ops/s bare: ratio ${result.mixed.ratio}`);
      const statuses = Object.entries(httpLoad.statuses ?? {});
      if (statuses.length) result.notes.push(`32 connections on ${o.engine} at ${o.relationships}, HTTP: ${statuses.map(([code, count]) => `${count} × ${code}`).join(', ')}`);
      for (const [message, count] of Object.entries(bare.errorMessages ?? {})) {
        log(`api ${o.engine}: bare script error ×${count}: ${message}`);
        result.notes.push(`32 connections on ${o.engine} at ${o.relationships}, bare script: ${count} × ${message}`);
      }
    });
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
  return result;
}

/** Preview then commit of new articles, one at a time; the commits write to the store. */
async function measureIngest(base: URL, articles: SyntheticArticle[], log: (line: string) => void, engine: string): Promise<IngestRow> {
  const total: number[] = [];
  const preview: number[] = [];
  const commit: number[] = [];
  let candidates = 0;
  const started = performance.now();
  for (const a of articles) {
    // At least three articles, then stop after 40 s: a slow commit should not eat the run.
    if (total.length >= 3 && since(started) > 40_000) break;
    const body = JSON.stringify({ text: a.raw, date: a.date, outlet: a.outlet });
    let t = performance.now();
    const p = await request(base, { method: 'POST', path: '/api/ingest/preview', body });
    const previewMs = since(t);
    if (p.status !== 200) throw new Error(`ingest preview answered ${p.status}: ${p.body.slice(0, 300)}`);
    const found = (JSON.parse(p.body) as { candidates: Array<{ id: string }> }).candidates;
    candidates += found.length;
    // The reviewer accepts every candidate, by the ids the preview gave them.
    const commitBody = JSON.stringify({ text: a.raw, date: a.date, outlet: a.outlet, accept: found.map((c) => c.id) });
    t = performance.now();
    const c = await request(base, { method: 'POST', path: '/api/ingest', body: commitBody }, { authorization: 'Bearer bench-token' });
    const commitMs = since(t);
    if (c.status !== 200) throw new Error(`ingest commit answered ${c.status}: ${c.body.slice(0, 300)}`);
    preview.push(previewMs);
    commit.push(commitMs);
    total.push(previewMs + commitMs);
  }
  const row: IngestRow = {
    p50: round(percentile(total, 50), 1),
    p99: round(percentile(total, 99), 1),
    previewP50: round(percentile(preview, 50), 1),
    commitP50: round(percentile(commit, 50), 1),
    samples: total.length,
    candidatesPerArticle: round(candidates / Math.max(1, total.length), 1),
  };
  log(`api ${engine}: ingest preview + commit p50 ${row.p50} ms (preview ${row.previewP50}, commit ${row.commitP50}; ${row.candidatesPerArticle} candidates per article)`);
  return row;
}
