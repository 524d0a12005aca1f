/**
 * `npm run bench` (full) and `npm run bench -- --quick` (< 5 min): load, API,
 * browser, memory and extraction suites, on Kùzu and Neo4j side by side over
 * the same synthetic graphs; JSON under bench/results/, charts as SVG beside
 * it, and BENCHMARKS.md regenerated. Never asserts timings.
 * `--only=load,api,browser,memory,extract` runs a subset (load is implied by api and memory).
 * `--engines=kuzu,neo4j` (the default) picks the engines: Neo4j is NEO4J_URI
 * when set, otherwise a local one the bench starts with `npm run neo4j` on
 * port JEJAK_BENCH_NEO4J_PORT (7697). `--scales=10000,100000` overrides the graph sizes;
 * `--deadline=HH:MM` (UTC) skips, with a note, the steps that would end after it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { describeMachine } from './machine.js';
import { charts, markdown, type BenchResults } from './report.js';
import { round, since } from './stats.js';
import { neo4jFromEnv, startLocalNeo4j, type LocalNeo4j, type Neo4jTarget } from './engines/neo4j-local.js';
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
const ENGINES = (args.find((a) => a.startsWith('--engines='))?.slice('--engines='.length).split(',') ?? ['kuzu', 'neo4j']) as Array<'kuzu' | 'neo4j'>;
const deadlineArg = args.find((a) => a.startsWith('--deadline='))?.slice('--deadline='.length);
/** `--deadline=21:45` (UTC, today): steps that would end later are skipped with a note. */
const deadline = deadlineArg ? Date.parse(`${new Date().toISOString().slice(0, 10)}T${deadlineArg}:00Z`) : null;
const scalesArg = args.find((a) => a.startsWith('--scales='))?.slice('--scales='.length).split(',').map(Number);

// Quick: smaller scales, shorter runs, WebGL and fcose at 500 nodes only.
const SCALES = scalesArg ?? (quick ? [10_000] : [10_000, 100_000, 1_000_000]);
// One request at a time and at 32 connections: on the two largest scales (the goals are at 1M).
const API_SCALES = new Set(quick ? [SCALES.at(-1)!] : SCALES.slice(-2));
const QUICK_BROWSER: BrowserPlan = { sizes: [500, 2_000, 10_000], webglSizes: [500], layoutSizes: [500, 10_000], interactionMs: 1_000, timeoutMs: 60_000 };
const BROWSER: BrowserPlan = quick
  ? QUICK_BROWSER
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
  const loadAtStart = os.loadavg()[0];
  fs.mkdirSync(WORK, { recursive: true });
  const results: BenchResults = { mode: quick ? 'quick' : 'full', startedAt: new Date().toISOString(), durationS: 0, machine: describeMachine(), engines: {}, notes: [] };
  log(`bench (${results.mode}) on ${results.machine.cpuModel} × ${results.machine.cores}, ${results.machine.memoryGiB} GiB; engines ${ENGINES.join(', ')}; scales ${SCALES.join(', ')}`);

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

  const storeSuites = wanted('load') || wanted('api') || wanted('memory');
  let local: LocalNeo4j | null = null;
  let neo4j: Neo4jTarget | null = null;
  if (storeSuites && ENGINES.includes('kuzu')) results.engines.kuzu = `Kùzu ${results.machine.kuzu}, embedded, buffer pool ${process.env.JEJAK_KUZU_BUFFER_MB ?? 2048} MiB`;
  if (storeSuites && ENGINES.includes('neo4j')) {
    await attempt('neo4j start', async () => {
      neo4j = neo4jFromEnv(process.env);
      if (!neo4j) {
        // Page cache large enough for the biggest graph of the run, so reads at 1M are not disk-bound.
        const big = Math.max(...SCALES) >= 1_000_000;
        const pagecache = big ? '3g' : '1g';
        const heap = big ? '4g' : '2g';
        const txMemory = big ? '2g' : '1g';
        local = await startLocalNeo4j({ port: Number(process.env.JEJAK_BENCH_NEO4J_PORT ?? 7697), dataDir: path.join(WORK, 'neo4j'), password: 'jejak-bench', pagecache, heap, txMemory, log });
        neo4j = local.target;
        results.engines.neo4j = `Neo4j ${neo4j.version ?? '?'} (${neo4j.how}, embedded engine + Bolt from tools/neo4j, heap ${heap}, page cache ${pagecache}, transaction memory cap ${txMemory})`;
      } else results.engines.neo4j = `Neo4j at ${neo4j.how}`;
    });
    if (!neo4j) results.notes.push('Neo4j: not measured (it did not start; see the note above).');
  }

  const kuzuDb = (scale: number) => path.join(WORK, `kuzu-${scale}`, 'jejak.kuzu');
  /** What is done so far, written after every step: a run cut short still leaves its report. */
  const flush = () => {
    results.durationS = round(since(started) / 1000, 1);
    results.loadAverage = { start: loadAtStart, end: os.loadavg()[0] };
    write('latest.json', results);
    fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), markdown(results));
  };
  /** Skips a step that would end past --deadline, with a note saying so. */
  const fits = (step: string, estimateMs: number) => {
    if (deadline === null || Date.now() + estimateMs < deadline) return true;
    const note = `${step}: not run, it would not have finished before the run's deadline (${new Date(deadline).toISOString().slice(11, 16)} UTC; estimated ${Math.round(estimateMs / 60_000)} min from the smaller scales)`;
    log(note);
    results.notes.push(note);
    return false;
  };
  /** Duration of each engine's load per relationship, from the last scale loaded, to estimate the next. */
  const loadMsPerRel: Partial<Record<'kuzu' | 'neo4j', number>> = {};

  if (wanted('extract')) {
    await attempt('extract', async () => {
      results.extract = await runExtract(syntheticGraph({ relationships: 10_000 }), quick);
      log(`extract: ${results.extract.skipped ?? `${results.extract.articlesPerSec} articles/s`}`);
      write('extract.json', results.extract);
    });
  }

  try {
    if (storeSuites) {
      results.load = { rows: [], neo4j: { note: neo4j ? `${results.engines.neo4j}` : 'not measured', rows: [] } };
      results.api = [];
      results.memory = { rows: [] };
      for (const scale of SCALES) {
        for (const engine of ENGINES) {
          const target = engine === 'neo4j' ? neo4j : null;
          if (engine === 'neo4j' && !target) continue;
          const perRel = loadMsPerRel[engine];
          // Generation, both load paths and the emptying in between, from the smaller scale's pace.
          if (perRel !== undefined && !fits(`${engine} at ${scale.toLocaleString('en')} relationships`, perRel * scale * 1.2 + 60_000)) continue;
          let loaded: LoadJobResult | null = null;
          const t = performance.now();
          await attempt(`load ${engine} ${scale}`, async () => {
            loaded = await inWorker<LoadJobResult>({ kind: 'load', scale, dbFile: engine === 'kuzu' ? kuzuDb(scale) : null, workDir: WORK, neo4j: target });
          });
          const l = loaded as LoadJobResult | null;
          if (!l) continue;
          loadMsPerRel[engine] = since(t) / scale;
          for (const e of l.errors) {
            log(e);
            results.notes.push(e);
          }
          if (l.kuzu) results.load.rows.push(l.kuzu);
          if (l.neo4j) results.load.neo4j.rows.push(l.neo4j);
          write('load.json', results.load);
          flush();
          if (!(engine === 'kuzu' ? l.kuzu : l.neo4j)) continue;
          if (wanted('api') && API_SCALES.has(scale) && fits(`api ${engine} ${scale.toLocaleString('en')}`, quick ? 60_000 : 240_000)) {
            await attempt(`api ${engine} ${scale}`, async () => {
              const r = await inWorker<ApiResult>({ kind: 'api', engine, dbFile: kuzuDb(scale), neo4j: target, relationships: scale, probes: l.probes, quick });
              results.api!.push(r);
              write('api.json', results.api);
            });
            flush();
          }
          if (wanted('memory') && fits(`memory ${engine} ${scale.toLocaleString('en')}`, 90_000)) {
            await attempt(`memory ${engine} ${scale}`, async () => {
              const row = await measureMemory(path.dirname(kuzuDb(scale)), target, scale, l.nodes, l.probes, quick);
              log(`memory ${engine}: ${scale} relationships: server idle ${row.idleRssMiB} MiB, peak ${row.peakRssMiB} MiB${row.jvm ? `; JVM ${row.jvm.rssAfterMiB} MiB (peak ${row.jvm.peakMiB})` : ''}`);
              results.memory!.rows.push(row);
              write('memory.json', results.memory);
            });
            flush();
          }
          if (engine === 'kuzu') fs.rmSync(path.dirname(kuzuDb(scale)), { recursive: true, force: true });
        }
      }
    }
  } finally {
    await (local as LocalNeo4j | null)?.stop();
  }

  if (wanted('browser')) {
    await attempt('browser', async () => {
      const aggregates = (results.api ?? []).flatMap((a) =>
        a.aggregate ? [{ engine: a.engine, relationships: a.relationships, body: a.aggregate.body, serverWarmMs: a.aggregate.warmP50, serverColdMs: a.aggregate.coldMs }] : [],
      );
      // Short of time: the aggregated overviews and the quick plan's drawings only.
      const plan = fits('browser, full plan', 8 * 60_000) ? BROWSER : fits('browser, quick plan', 4 * 60_000) ? QUICK_BROWSER : { ...QUICK_BROWSER, sizes: [] };
      results.browser = await runBrowser(WORK, plan, log, aggregates);
      write('browser.json', results.browser);
    });
  }

  if (local) fs.rmSync(path.join(WORK, 'neo4j'), { recursive: true, force: true });
  results.durationS = round(since(started) / 1000, 1);
  results.loadAverage = { start: loadAtStart, end: os.loadavg()[0] };
  write('latest.json', results);
  for (const [file, svg] of Object.entries(charts(results))) write(file, svg);
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), markdown(results));
  log(`done in ${results.durationS} s: bench/results/latest.json, BENCHMARKS.md`);
}

await main();
// Native bindings and the browser leave handles that keep the loop alive for a minute after the last suite.
process.exit(0);
