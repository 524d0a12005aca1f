/**
 * `npm run bench` (full, ~20 min) and `npm run bench -- --quick` (< 3 min):
 * load, API, browser, memory and extraction suites; JSON under bench/results/,
 * charts as SVG beside it, and BENCHMARKS.md regenerated. Never asserts timings.
 * `--only=load,api,browser,memory,extract` runs a subset (load is implied by api and memory).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { describeMachine } from './machine.js';
import { charts, markdown, type BenchResults } from './report.js';
import { round, since } from './stats.js';
import type { ApiResult, Probes } from './suites/api.js';
import { runBrowser, type BrowserPlan } from './suites/browser.js';
import { runExtract } from './suites/extract.js';
import { measureMemory } from './suites/memory.js';
import { syntheticGraph } from './synthetic.js';
import type { Job, LoadJobResult } from './worker.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = path.join(ROOT, 'bench/results');
const WORK = path.join(RESULTS, 'tmp');
const SUITES = ['load', 'api', 'browser', 'memory', 'extract'] as const;
type Suite = (typeof SUITES)[number];

// The 1M-relationship graph and its rows need several GB of heap: re-run with room once.
if (v8.getHeapStatistics().heap_size_limit < 6 * 2 ** 30 && !process.env.JEJAK_BENCH_CHILD) {
  const r = spawnSync(process.execPath, [...process.execArgv, '--max-old-space-size=12288', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, JEJAK_BENCH_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') as Suite[] | undefined;
const wanted = (s: Suite) => !only || only.includes(s);

// Quick: smaller scales (the API on 10k instead of 100k), shorter runs, WebGL and fcose at 500 nodes only.
const SCALES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000];
const API_SCALE = quick ? 10_000 : 100_000;
const BROWSER: BrowserPlan = quick
  ? { sizes: [500, 2_000, 10_000], webglSizes: [500], layoutSizes: [500], interactionMs: 1_000, timeoutMs: 60_000 }
  : { sizes: [500, 2_000, 10_000, 50_000], webglSizes: [500, 2_000, 10_000], layoutSizes: [500, 2_000, 10_000], variantSize: 10_000, interactionMs: 2_000, timeoutMs: 150_000 };

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Runs a job in bench/worker.ts (a fresh process: Kùzu's memory goes back to the OS when it exits). */
function inWorker<T>(job: Job): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL('./worker.ts', import.meta.url)), JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as T);
      else reject(new Error(`worker ${job.kind} ended with ${signal ?? `code ${code}`}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}`));
    });
  });
}

function write(file: string, content: unknown) {
  fs.writeFileSync(path.join(RESULTS, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  fs.mkdirSync(WORK, { recursive: true });
  const results: BenchResults = { mode: quick ? 'quick' : 'full', startedAt: new Date().toISOString(), durationS: 0, machine: describeMachine(), notes: [] };
  log(`bench (${results.mode}) on ${results.machine.cpuModel} × ${results.machine.cores}, ${results.machine.memoryGiB} GiB`);

  /** Each suite in its own try: one failure is a note, not a lost run. */
  const attempt = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(`${name} failed: ${message}`);
      results.notes.push(`${name} failed: ${message.split('\n')[0]}`);
    }
  };

  const dbs = new Map<number, { file: string; nodes: number; probes: Probes }>();
  if (wanted('load') || wanted('api') || wanted('memory')) {
    results.load = { rows: [], neo4j: { note: '', rows: [] } };
    const neo4j = Boolean(process.env.NEO4J_URI);
    results.load.neo4j.note = neo4j ? 'seeded through the store adapter (UNWIND batches) up to 100k relationships.' : 'skipped: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD to include it).';
    for (const scale of SCALES) {
      await attempt(`load ${scale}`, async () => {
        const file = path.join(WORK, `kuzu-${scale}`, 'jejak.kuzu');
        const r = await inWorker<LoadJobResult>({ kind: 'load', scale, dbFile: file, workDir: WORK, neo4j });
        results.load!.rows.push(r.row);
        if (r.neo4j) results.load!.neo4j.rows.push(r.neo4j);
        dbs.set(scale, { file, nodes: r.nodes, probes: r.probes });
      });
    }
    write('load.json', results.load);
  }

  if (wanted('api')) {
    await attempt('api', async () => {
      const db = dbs.get(API_SCALE);
      if (!db) throw new Error(`no seeded ${API_SCALE}-relationship database`);
      results.api = await inWorker<ApiResult>({ kind: 'api', dbFile: db.file, relationships: API_SCALE, probes: db.probes, quick });
      write('api.json', results.api);
    });
  }

  if (wanted('memory')) {
    await attempt('memory', async () => {
      const rows = [];
      for (const [scale, db] of dbs) {
        const row = await measureMemory(db.file, scale, db.nodes, db.probes, quick);
        log(`memory: ${scale} relationships: idle ${row.idleRssMiB} MiB, peak ${row.peakRssMiB} MiB (${row.requests} requests)`);
        rows.push(row);
      }
      results.memory = { rows };
      write('memory.json', results.memory);
    });
  }

  if (wanted('extract')) {
    await attempt('extract', async () => {
      results.extract = await runExtract(syntheticGraph({ relationships: 10_000 }), quick);
      log(`extract: ${results.extract.skipped ?? `${results.extract.articlesPerSec} articles/s`}`);
      write('extract.json', results.extract);
    });
  }

  if (wanted('browser')) {
    await attempt('browser', async () => {
      results.browser = await runBrowser(WORK, BROWSER, log);
      write('browser.json', results.browser);
    });
  }

  for (const { file } of dbs.values()) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  results.durationS = round(since(started) / 1000, 1);
  write('latest.json', results);
  for (const [file, svg] of Object.entries(charts(results))) write(file, svg);
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), markdown(results));
  log(`done in ${results.durationS} s: bench/results/latest.json, BENCHMARKS.md`);
}

await main();
// Native bindings and the browser leave handles that keep the loop alive for a minute after the last suite.
process.exit(0);
