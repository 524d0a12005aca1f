/**
 * API: autocannon (a child process, so it does not share the server's event
 * loop) against the real app over a seeded Kùzu store, then the HTTP layer's
 * added latency: one request at a time over HTTP against the same call
 * in-process (the service's store.run queries, no Express, no socket).
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText, type Graph } from '../../shared/graph.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../shared/config.js';
import { neighbours, search } from '../../server/services/graph.js';
import { shortestPath } from '../../server/services/paths.js';
import { bindParams, SavedQueries } from '../../server/services/saved-queries.js';
import { KuzuStore } from '../../store/kuzu/store.js';
import type { Store } from '../../store/store.js';
import { percentile, round, timeRepeated } from '../stats.js';

/** Ids and words the requests use, chosen from the graph's shape (hubs and ordinary nodes). */
export interface Probes {
  hub: string;
  leader: string;
  personA: string;
  personB: string;
  searchTerm: string;
}

export function probesOf(graph: Graph): Probes {
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const ranked = (prefix: string) => graph.nodes.filter((n) => n.id.startsWith(prefix)).sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0));
  const people = ranked('person:');
  const states = ranked('state:');
  // Ordinary people: around the 90th percentile of degree, so the path crosses a hub or two.
  const ordinary = people.slice(Math.floor(people.length * 0.1));
  return {
    hub: states[0].id,
    leader: people[0].id,
    personA: ordinary[0].id,
    personB: ordinary[Math.floor(ordinary.length / 2)].id,
    searchTerm: normalizeText(String(people[1].properties.name)).split(' ')[1],
  };
}

export interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The same work in-process: the service's store.run calls. */
  direct(store: Store): Promise<unknown>;
}

export function endpointsFor(p: Probes, limits: { timeoutMs: number; maxRows: number }): Endpoint[] {
  const saved = new SavedQueries().get('entity-neighbourhood');
  const savedParams = { id: p.leader, limit: 100 };
  const enc = encodeURIComponent;
  return [
    {
      name: 'search',
      method: 'GET',
      path: `/api/search?q=${enc(p.searchTerm)}&limit=10`,
      direct: (s) => search(s, p.searchTerm, 10),
    },
    {
      name: 'neighbours (hub state, 50)',
      method: 'GET',
      path: `/api/nodes/${enc(p.hub)}/neighbours?limit=50`,
      direct: (s) => neighbours(s, p.hub, { limit: 50, offset: 0, direction: 'both', types: [] }),
    },
    {
      name: 'saved query entity-neighbourhood',
      method: 'POST',
      path: '/api/queries/entity-neighbourhood/run',
      body: JSON.stringify({ params: savedParams }),
      direct: (s) => s.run(saved.cypher, bindParams(saved, savedParams), { ...limits, mode: 'read' }),
    },
    {
      name: 'shortest path',
      method: 'GET',
      path: `/api/paths?from=${enc(p.personA)}&to=${enc(p.personB)}`,
      direct: (s) => shortestPath(s, p.personA, p.personB, 6, []),
    },
  ];
}

export interface CannonResult {
  p50: number;
  p99: number;
  reqPerSec: number;
  requests: number;
  non2xx: number;
  errors: number;
}

const AUTOCANNON = fileURLToPath(new URL('../../node_modules/autocannon/autocannon.js', import.meta.url));

/** Runs autocannon in a child process and reads its JSON summary. */
export async function cannon(url: string, e: Pick<Endpoint, 'method' | 'path' | 'body'>, connections: number, seconds: number): Promise<CannonResult> {
  const args = [AUTOCANNON, '-c', String(connections), '-d', String(seconds), '-j', '-m', e.method];
  if (e.body) args.push('-H', 'content-type=application/json', '-b', e.body);
  args.push(url + e.path);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`autocannon exited ${code}: ${stderr.slice(-500)}`))));
  });
  const j = JSON.parse(out) as {
    latency: { p50: number; p99: number };
    requests: { average: number; total: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    p50: j.latency.p50,
    p99: j.latency.p99,
    reqPerSec: round(j.requests.average, 1),
    requests: j.requests.total,
    non2xx: j.non2xx,
    errors: j.errors + j.timeouts,
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request over a kept-alive socket; resolves when the whole body has arrived. */
function request(base: URL, e: Pick<Endpoint, 'method' | 'path' | 'body'>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: e.path, method: e.method, agent, headers: e.body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(e.body);
  });
}

export interface ApiRow {
  endpoint: string;
  request: string;
  c32: CannonResult;
  /** One request at a time: p50 over HTTP and in-process, ms. */
  httpP50: number;
  directP50: number;
  /** httpP50 − directP50: the goal is < 1 ms. */
  httpAddedP50: number;
  samples: number;
}

export interface ApiResult {
  relationships: number;
  connections: number;
  seconds: number;
  probes: Probes;
  rows: ApiRow[];
}

export async function runApi(dbFile: string, relationships: number, probes: Probes, quick: boolean, log: (line: string) => void): Promise<ApiResult> {
  const config = loadConfig({ JEJAK_DATA_DIR: path.dirname(dbFile), PORT: '0', JEJAK_RATE_LIMIT: '0' });
  const store = new KuzuStore(dbFile);
  const app = createApp({ config, store, serveClient: false, log: () => undefined });
  const server: http.Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = new URL(url);
  const seconds = quick ? 3 : 10;
  const samples = quick ? 100 : 400;
  const rows: ApiRow[] = [];
  try {
    for (const e of endpointsFor(probes, { timeoutMs: config.queryTimeoutMs, maxRows: config.maxRows })) {
      const status = await request(base, e);
      if (status !== 200) throw new Error(`${e.name}: ${e.method} ${e.path} answered ${status}`);
      // Warm both paths, then alternate blocks so neither gets the cache to itself.
      await timeRepeated(20, () => e.direct(store), 1_000);
      const httpMs: number[] = [];
      const directMs: number[] = [];
      // Slow endpoints get fewer samples: each side stops after its share of the time budget.
      const budgetMs = quick ? 2_000 : 6_000;
      for (let block = 0; block < 4; block++) {
        httpMs.push(...(await timeRepeated(samples / 4, () => request(base, e), budgetMs / 8)));
        directMs.push(...(await timeRepeated(samples / 4, () => e.direct(store), budgetMs / 8)));
      }
      const c32 = await cannon(url, e, 32, seconds);
      const row: ApiRow = {
        endpoint: e.name,
        request: `${e.method} ${e.path}`,
        c32,
        httpP50: round(percentile(httpMs, 50), 3),
        directP50: round(percentile(directMs, 50), 3),
        httpAddedP50: round(percentile(httpMs, 50) - percentile(directMs, 50), 3),
        samples: httpMs.length,
      };
      log(`api: ${e.name}: ${c32.reqPerSec} req/s, p50 ${c32.p50} ms, p99 ${c32.p99} ms, non-2xx ${c32.non2xx}; HTTP adds ${row.httpAddedP50} ms at p50`);
      rows.push(row);
    }
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  }
  return { relationships, connections: 32, seconds, probes, rows };
}
