/**
 * Memory: the real server (`server/main.ts`, as `npm start` runs it) as a
 * child process over a pre-seeded store, a short load, then its peak RSS
 * (VmHWM) from /proc. On Neo4j the database is another process, a JVM: its
 * RSS is read apart, before and after the same load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, round, since, sleep } from '../stats.js';
import type { Graph } from '../../shared/graph.js';
import { SearchIndex } from '../../store/search-index.js';
import type { SearchEntry } from '../../store/search-rank.js';
import { toSearchEntry } from '../../store/kuzu/search.js';
import { ObjectSearchIndex } from '../before/object-search-index.js';
import type { Neo4jTarget } from '../engines/neo4j-local.js';
import { cannon, endpointsFor, type Probes } from './api.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface MemoryRow {
  engine: 'kuzu' | 'neo4j';
  /** A before row: what was changed from the server as it runs (its environment, say); absent on the row a goal reads. */
  before?: string;
  relationships: number;
  nodes: number;
  /** RSS once the server is listening, before any request. */
  idleRssMiB: number;
  /** Peak RSS after the load: the server process plus, on Kùzu, its worker (the engine's process, JEJAK_KUZU_ISOLATE). */
  peakRssMiB: number;
  /** The server process alone and the embedded engine's worker apart (Kùzu only; null when the server has no worker). */
  server?: { idleRssMiB: number; peakRssMiB: number };
  worker?: { idleRssMiB: number; peakRssMiB: number } | null;
  requests: number;
  non2xx: number;
  /** Neo4j's JVM (when it runs on this machine): RSS before and after the load, and its peak since it started (loads included). */
  jvm: { rssBeforeMiB: number; rssAfterMiB: number; peakMiB: number } | null;
}

export function procStatus(pid: number): { rss: number; hwm: number } {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Child processes of `pid` (the embedded engine's worker of a server). */
export function childPids(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The embedded engine's worker among a server's children (not tsx's esbuild service, say). */
function isEngineWorker(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('isolated/worker');
  } catch {
    return false;
  }
}

/** A server and its engine worker, RSS and peak apart: the server with Kùzu in a worker costs both. */
function treeStatus(pid: number): { self: { rss: number; hwm: number }; children: { rss: number; hwm: number } | null } {
  const self = procStatus(pid);
  const kids = childPids(pid).filter(isEngineWorker).flatMap((c) => {
    try {
      return [procStatus(c)];
    } catch {
      return [];
    }
  });
  if (!kids.length) return { self, children: null };
  return { self, children: kids.reduce((a, b) => ({ rss: a.rss + b.rss, hwm: a.hwm + b.hwm }), { rss: 0, hwm: 0 }) };
}

function startServer(dataDir: string, neo4j: Neo4jTarget | null, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const store = neo4j ? { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password } : { NEO4J_URI: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, JEJAK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', JEJAK_RATE_LIMIT: '0', ...store, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${out.slice(-500)}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /ready at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out.slice(-500)}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** A before row's server: what it undoes, and the environment that undoes it. */
export interface MemoryBefore {
  what: string;
  env: Record<string, string>;
}

/**
 * `dataDir`: the Kùzu database's directory (ignored on Neo4j, whose graph is the one loaded last).
 * `before`: a before row, the server started with `before.env` on top of its environment.
 */
export async function measureMemory(
  dataDir: string,
  neo4j: Neo4jTarget | null,
  relationships: number,
  nodes: number,
  probes: Probes,
  quick: boolean,
  before?: MemoryBefore,
): Promise<MemoryRow> {
  const jvmBefore = neo4j?.jvmPid ? procStatus(neo4j.jvmPid) : null;
  const { child, url } = await startServer(dataDir, neo4j, before?.env ?? {});
  try {
    await sleep(500);
    const idle = treeStatus(child.pid!);
    let requests = 0;
    let non2xx = 0;
    for (const e of endpointsFor(probes, { timeoutMs: 5000, maxRows: 5000 })) {
      const r = await cannon(url, [e.http(0), e.http(1), e.http(2)], 8, quick ? 1 : 2);
      requests += r.requests;
      non2xx += r.non2xx + r.errors;
    }
    const after = treeStatus(child.pid!);
    const jvmAfter = neo4j?.jvmPid ? procStatus(neo4j.jvmPid) : null;
    return {
      engine: neo4j ? 'neo4j' : 'kuzu',
      ...(before ? { before: before.what } : {}),
      relationships,
      nodes,
      idleRssMiB: round(idle.self.rss + (idle.children?.rss ?? 0), 1),
      peakRssMiB: round(after.self.hwm + (after.children?.hwm ?? 0), 1),
      server: { idleRssMiB: round(idle.self.rss, 1), peakRssMiB: round(after.self.hwm, 1) },
      worker: after.children ? { idleRssMiB: round(idle.children?.rss ?? 0, 1), peakRssMiB: round(after.children.hwm, 1) } : null,
      requests,
      non2xx,
      jvm: jvmBefore && jvmAfter ? { rssBeforeMiB: round(jvmBefore.rss, 1), rssAfterMiB: round(jvmAfter.rss, 1), peakMiB: round(jvmAfter.hwm, 1) } : null,
    };
  } finally {
    await stopServer(child);
  }
}

/** The word index Kùzu's worker keeps for search, built apart in the bench from the same names: its heap and speed, before and after its compact layout. */
export interface SearchIndexRow {
  layout: 'compact' | 'object per name';
  relationships: number;
  entries: number;
  /** Heap used once built (after full collections), typed arrays counted apart. */
  heapMiB: number;
  arrayBuffersMiB: number;
  buildMs: number;
  /** In-process, the index alone (no database read), p50 over the probes' searches in turn with the other layout. */
  searchP50Ms: Record<string, number>;
}

/**
 * Builds each layout from the graph's names, measuring the heap it holds (needs
 * --expose-gc; null without it), then times the probes' searches on both in turn.
 */
export function measureSearchIndexes(graph: Graph, queries: readonly string[], quick: boolean): SearchIndexRow[] | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  // What the worker indexes (each node's row through toSearchEntry), in strings of their own as
  // rows read from the engine are, not shared with the graph (whose strings the heap already holds).
  const own = (text: string) => ` ${text}`.slice(1);
  const entries = graph.nodes.map((n) => {
    const e = toSearchEntry({ id: n.id, label: n.label, name: n.properties.name, aliases: n.properties.aliases });
    return { ...e, id: own(e.id), name: own(e.name), aliases: e.aliases.map(own) };
  });
  const heap = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return { heap: m.heapUsed, ab: m.arrayBuffers };
  };
  const layouts: Array<[SearchIndexRow['layout'], (e: SearchEntry[]) => SearchIndex | ObjectSearchIndex]> = [
    ['compact', (e) => new SearchIndex(e)],
    ['object per name', (e) => new ObjectSearchIndex(e)],
  ];
  const built = layouts.map(([layout, build]) => {
    const before = heap();
    const t = performance.now();
    const index = build(entries);
    const buildMs = since(t);
    const after = heap();
    return { layout, index, buildMs, heapMiB: (after.heap - before.heap) / 2 ** 20, arrayBuffersMiB: (after.ab - before.ab) / 2 ** 20 };
  });
  const times = new Map<string, number[]>();
  for (let turn = 0; turn < (quick ? 20 : 60); turn++) {
    for (const q of queries) {
      for (const b of turn % 2 ? [...built].reverse() : built) {
        const t = performance.now();
        b.index.search(q, 10);
        const key = `${b.layout}\u0000${q}`;
        const list = times.get(key);
        if (list) list.push(since(t));
        else times.set(key, [since(t)]);
      }
    }
  }
  return built.map((b) => ({
    layout: b.layout,
    relationships: graph.edges.length,
    entries: entries.length,
    heapMiB: round(b.heapMiB, 1),
    arrayBuffersMiB: round(b.arrayBuffersMiB, 1),
    buildMs: round(b.buildMs),
    searchP50Ms: Object.fromEntries(queries.map((q) => [q, round(percentile(times.get(`${b.layout}\u0000${q}`)!.slice(2), 50), 2)])),
  }));
}
