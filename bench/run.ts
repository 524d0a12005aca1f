/**
 * `npm run bench` (full) and `npm run bench -- --quick` (< 5 min): load, API,
 * browser, memory and extraction suites, on Kùzu and Neo4j side by side over
 * the same synthetic graphs; JSON under bench/results/, charts as SVG beside
 * it, and BENCHMARKS.md regenerated. Never asserts timings.
 * `--only=load,api,browser,memory,worker,extract,checkpoint` runs a subset (load is implied by api, memory and worker).
 * `--engines=kuzu,neo4j` (the default) picks the engines: Neo4j is NEO4J_URI
 * when set, otherwise a local one the bench starts with `npm run neo4j` on
 * port JEJAK_BENCH_NEO4J_PORT (7697). `--scales=10000,100000` overrides the graph sizes;
 * `--deadline=HH:MM` (UTC) skips, with a note, the steps that would end after it.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { loadConfig } from '../shared/config.js';
import { describeMachine } from './machine.js';
import { charts, markdown, type BenchResults } from './report.js';
import { round, since } from './stats.js';
import { neo4jFromEnv, startLocalNeo4j, type LocalNeo4j, type Neo4jTarget } from './engines/neo4j-local.js';
import type { ApiResult, Probes } from './suites/api.js';
import { runBrowser, type BrowserPlan } from './suites/browser.js';
import { runExtract } from './suites/extract.js';
import { runCheckpoint } from './suites/checkpoint.js';
import { measureMemory, type MemoryBefore, type SearchIndexRow } from './suites/memory.js';
import { measureWorker } from './suites/worker.js';
import { syntheticGraph } from './synthetic.js';
import { kuzuRow, neo4jRow, type KuzuSeedStep } from './suites/load.js';
import type { GraphInfo, Job, LoaderReply, LoaderRequest, LoadStep } from './worker.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
// A quick run (one small scale) never replaces the full run's report: it writes beside it.
const RESULTS = path.join(ROOT, quick ? 'bench/results/quick' : 'bench/results');
const REPORT = quick ? path.join(RESULTS, 'BENCHMARKS.md') : path.join(ROOT, 'BENCHMARKS.md');
const WORK = path.join(ROOT, 'bench/results/tmp');
const SUITES = ['load', 'api', 'browser', 'memory', 'worker', 'extract', 'checkpoint'] as const;
type Suite = (typeof SUITES)[number];

// The 1M-relationship graph and its rows need several GB of heap: re-run with room once.
if (v8.getHeapStatistics().heap_size_limit < 6 * 2 ** 30 && !process.env.JEJAK_BENCH_CHILD) {
  const r = spawnSync(process.execPath, [...process.execArgv, '--max-old-space-size=12288', '--expose-gc', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, JEJAK_BENCH_CHILD: '1', JEJAK_BENCH_STARTED: String(Date.now()) },
  });
  process.exit(r.status ?? 1);
}

const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') as Suite[] | undefined;
const wanted = (s: Suite) => !only || only.includes(s);
const ENGINES = (args.find((a) => a.startsWith('--engines='))?.slice('--engines='.length).split(',') ?? ['kuzu', 'neo4j']) as Array<'kuzu' | 'neo4j'>;
const deadlineArg = args.find((a) => a.startsWith('--deadline='))?.slice('--deadline='.length);
/** `--deadline=21:45` (UTC, today): steps that would end later are skipped with a note. */
const deadline = deadlineArg ? Date.parse(`${new Date().toISOString().slice(0, 10)}T${deadlineArg}:00Z`) : null;
const scalesArg = args.find((a) => a.startsWith('--scales='))?.slice('--scales='.length).split(',').map(Number);

// Quick: smaller scales, shorter runs, no WebGL, fcose at 500 nodes only (at 10k it is half a minute: the full run has it).
const SCALES = scalesArg ?? (quick ? [10_000] : [10_000, 100_000, 1_000_000]);
// One request at a time and at 32 connections: on the two largest scales (the goals are at 1M).
const API_SCALES = new Set(quick ? [SCALES.at(-1)!] : SCALES.slice(-2));
/** `--neo4j-scale=N`: Neo4j runs at N relationships (not the largest scale), right after Kùzu's largest and before the browser suite: for a run whose deadline cannot hold Neo4j at 1M. */
const NEO4J_SCALE = Number(args.find((a) => a.startsWith('--neo4j-scale='))?.slice('--neo4j-scale='.length) ?? 0);
/** When Neo4j's seed at the largest scale would end past --deadline, Neo4j runs at this scale instead (`--fallback-scale=`, 0 for none). */
const FALLBACK_SCALE = Number(args.find((a) => a.startsWith('--fallback-scale='))?.slice('--fallback-scale='.length) ?? (quick ? 0 : 100_000));
// Small views (≤ 2k nodes) take their first frame several times, NAIVE and JEJAK alternating: the goal there is "not slower than plain".
const QUICK_BROWSER: BrowserPlan = { sizes: [500, 2_000, 10_000], webglSizes: [], layoutSizes: [500], interactionMs: 1_000, timeoutMs: 60_000, repeats: 3 };
// `--browser-variants`: one change at a time at 500, 2k (SMALL_VARIANTS) and 10k nodes (VARIANTS), to find what costs; not part of the default run.
const variants = args.includes('--browser-variants');
const BROWSER: BrowserPlan = quick
  ? QUICK_BROWSER
  : {
      sizes: [500, 2_000, 10_000],
      webglSizes: [10_000],
      layoutSizes: [500, 2_000, 10_000],
      interactionMs: 2_000,
      timeoutMs: 150_000,
      repeats: 5,
      ...(variants ? { variantSize: 10_000, smallVariantSizes: [500, 2_000] } : {}),
    };

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Runs a job in bench/worker.ts (a fresh process: Kùzu's memory goes back to the OS when it exits). */
function inWorker<T>(job: Job): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, WORKER, JSON.stringify(job)], {
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

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * The load steps of one scale in a process of its own (bench/worker.ts --loader),
 * which generates the graph once and keeps it for every step; closed after the scale.
 */
class Loader {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private next = 1;
  private exited: string | null = null;

  constructor(scale: number) {
    this.child = fork(WORKER, ['--loader', String(scale)], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: LoaderReply) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if ('error' in m) w?.reject(new Error(m.error));
      else w?.resolve(m.value);
    });
    this.child.on('exit', (code, signal) => {
      this.exited = `the loader ended with ${signal ?? `code ${code}`}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}`;
      for (const w of this.waiting.values()) w.reject(new Error(this.exited));
      this.waiting.clear();
    });
  }

  step<T>(step: LoadStep): Promise<T> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, step } satisfies LoaderRequest);
    });
  }

  close(): void {
    if (!this.exited) this.child.disconnect();
  }
}

function write(file: string, content: unknown) {
  fs.writeFileSync(path.join(RESULTS, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
}

/** `--report`: BENCHMARKS.md and the charts again from bench/results/latest.json (after editing bench/report.ts). */
function rewriteReport(): void {
  const results = JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8')) as BenchResults;
  // The --quick goal's row names the newest quick run, which may have run after this full run.
  results.quickRun = lastQuickRun() ?? results.quickRun;
  for (const [file, svg] of Object.entries(charts(results))) write(file, svg);
  fs.writeFileSync(REPORT, markdown(results));
  log(`${path.relative(ROOT, REPORT)} rewritten from ${path.relative(ROOT, path.join(RESULTS, 'latest.json'))}`);
}

/** Each load step's pace (ms per relationship) in the last full run, at its largest scale: the first estimates of this one. */
function previousPace(): Record<string, number> {
  const file = path.join(ROOT, 'bench/results/latest.json');
  if (quick || !fs.existsSync(file)) return {};
  const last = (JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults).load;
  const pace: Record<string, number> = {};
  const largest = <T extends { relationships: number }>(rows: T[]) => [...rows].sort((a, b) => b.relationships - a.relationships)[0];
  const k = last && largest(last.rows);
  const n = last && largest(last.neo4j.rows);
  if (k) pace['seed-kuzu'] = k.seedMs / k.relationships;
  if (k?.rawMs) pace['raw-kuzu'] = k.rawMs / k.relationships;
  if (n) pace['seed-neo4j'] = n.seedMs / n.relationships;
  if (n?.rawMs) pace['raw-neo4j'] = n.rawMs / n.relationships;
  return pace;
}

/** The last quick run's duration, for the full report (the quick run writes its own report beside it). */
function lastQuickRun(): BenchResults['quickRun'] {
  const file = path.join(ROOT, 'bench/results/quick/latest.json');
  if (quick || !fs.existsSync(file)) return undefined;
  const q = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
  return { startedAt: q.startedAt, durationS: q.durationS, loadAverage: q.loadAverage };
}

async function main(): Promise<void> {
  // From the command's start (before the re-run with a larger heap), so --quick's figure is what a user waits.
  const started = performance.now() - (process.env.JEJAK_BENCH_STARTED ? Date.now() - Number(process.env.JEJAK_BENCH_STARTED) : 0);
  const loadAtStart = os.loadavg()[0];
  fs.mkdirSync(WORK, { recursive: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const results: BenchResults = { mode: quick ? 'quick' : 'full', startedAt: new Date().toISOString(), durationS: 0, machine: describeMachine(), engines: {}, notes: [], quickRun: lastQuickRun() };
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

  const storeSuites = wanted('load') || wanted('api') || wanted('memory') || wanted('worker');
  let local: LocalNeo4j | null = null;
  let neo4j: Neo4jTarget | null = null;
  // Page cache large enough for the biggest graph of the run, so reads at 1M are not disk-bound.
  const big = Math.max(...SCALES) >= 1_000_000;
  const neo4jMemory = { pagecache: big ? '3g' : '1g', heap: big ? '4g' : '2g', txMemory: big ? '2g' : '1g' };
  const neo4jDir = path.join(WORK, 'neo4j');
  const startNeo4j = async () => {
    // A new, empty database every time: emptying one with 1M relationships takes longer than starting afresh.
    fs.rmSync(neo4jDir, { recursive: true, force: true });
    local = await startLocalNeo4j({ port: Number(process.env.JEJAK_BENCH_NEO4J_PORT ?? 7697), dataDir: neo4jDir, password: 'jejak-bench', ...neo4jMemory, log });
    neo4j = local.target;
  };
  if (storeSuites && ENGINES.includes('kuzu')) results.engines.kuzu = `Kùzu ${results.machine.kuzu}, embedded, buffer pool ${loadConfig(process.env).kuzuBufferMb} MiB (the server's, JEJAK_KUZU_BUFFER_MB)`;
  if (storeSuites && ENGINES.includes('neo4j')) {
    await attempt('neo4j start', async () => {
      neo4j = neo4jFromEnv(process.env);
      if (!neo4j) {
        await startNeo4j();
        results.engines.neo4j = `Neo4j ${neo4j!.version ?? '?'} (${neo4j!.how}, embedded engine + Bolt from tools/neo4j, heap ${neo4jMemory.heap}, page cache ${neo4jMemory.pagecache}, transaction memory cap ${neo4jMemory.txMemory}; a new database for each load)`;
      } else results.engines.neo4j = `Neo4j at ${neo4j.how}`;
    });
    if (!neo4j) results.notes.push('Neo4j: not measured (it did not start; see the note above).');
  }
  /** An empty Neo4j for the next load: a new local database, or (NEO4J_URI) the same one, emptied by the step. */
  let neo4jUsed = false;
  const emptyNeo4j = async (): Promise<{ target: Neo4jTarget; fresh: boolean }> => {
    if (local && neo4jUsed) {
      await (local as LocalNeo4j).stop();
      await startNeo4j();
    }
    neo4jUsed = true;
    return { target: neo4j!, fresh: Boolean(local) };
  };

  const kuzuDb = (scale: number) => path.join(WORK, `kuzu-${scale}`, 'jejak.kuzu');
  /** What is done so far, written after every step: a run cut short still leaves its report. */
  const flush = () => {
    results.durationS = round(since(started) / 1000, 1);
    results.loadAverage = { start: loadAtStart, end: os.loadavg()[0] };
    write('latest.json', results);
    fs.writeFileSync(REPORT, markdown(results));
  };
  /** Skips a step that would end past --deadline, with a note saying so. */
  const fits = (step: string, estimateMs: number) => {
    if (deadline === null || Date.now() + estimateMs < deadline) return true;
    const note = `${step}: not run, it would not have finished before the run's deadline (${new Date(deadline).toISOString().slice(11, 16)} UTC; estimated ${Math.round(estimateMs / 60_000)} min)`;
    log(note);
    results.notes.push(note);
    return false;
  };
  /** Each load step's duration per relationship, from the last scale it ran at, to estimate the next. */
  const msPerRel: Record<string, number> = previousPace();
  const estimate = (step: string, scale: number, fallbackMs: number) => (msPerRel[step] === undefined ? fallbackMs : msPerRel[step] * scale * 1.2);
  const timed = async <T>(step: string, scale: number, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const value = await fn();
    msPerRel[step] = since(t) / scale;
    return value;
  };

  if (wanted('extract')) {
    await attempt('extract', async () => {
      results.extract = await runExtract(syntheticGraph({ relationships: 10_000 }), quick);
      log(`extract: ${results.extract.skipped ?? `${results.extract.articlesPerSec} articles/s (${results.extract.articlesPerCpuSec} per CPU second)`}`);
      write('extract.json', results.extract);
    });
  }
  if (wanted('checkpoint')) {
    await attempt('checkpoint', async () => {
      results.checkpoint = await runCheckpoint(WORK, quick, log);
      write('checkpoint.json', results.checkpoint);
    });
  }

  /** The browser suite (engine-independent): the aggregated overviews measured so far and the drawings. */
  let deferredBrowser = false;
  const aggregatesSoFar = () =>
    (results.api ?? []).flatMap((a) =>
      a.aggregate ? [{ engine: a.engine, relationships: a.relationships, body: a.aggregate.body, serverWarmMs: a.aggregate.warmP50, serverColdMs: a.aggregate.coldMs }] : [],
    );
  const browserSuite = async () => {
    if (!wanted('browser')) return;
    await attempt('browser', async () => {
      const aggregates = aggregatesSoFar();
      // Short of time: the aggregated overviews and the quick plan's drawings only.
      const plan = fits('browser, full plan', 8 * 60_000) ? BROWSER : fits('browser, quick plan', 4 * 60_000) ? QUICK_BROWSER : { ...QUICK_BROWSER, sizes: [] };
      results.browser = await runBrowser(WORK, plan, log, aggregates);
      write('browser.json', results.browser);
    });
    flush();
  };

  // `--browser-first`: the drawings before the stores (a deadline that could cut them off later); the aggregated overviews are drawn after the API suites.
  const browserFirst = args.includes('--browser-first') && wanted('browser');
  if (browserFirst) {
    await browserSuite();
    deferredBrowser = true;
  }

  /** The raw bulk paths of the largest scale wait until after the browser suite: the goals at 1M come first. */
  let deferred: (() => Promise<void>) | null = null;
  try {
    if (storeSuites) {
      results.load = { rows: [], neo4j: { note: neo4j ? `${results.engines.neo4j}` : 'not measured', rows: [] } };
      results.api = [];
      results.memory = { rows: [] };
      results.worker = { rows: [] };
      /** One loader per scale (the graph generated once), kept while a later step of the run needs it. */
      const loaders = new Map<number, { loader: Loader; info: GraphInfo }>();
      const loaderFor = async (scale: number) => {
        if (!loaders.has(scale)) {
          const loader = new Loader(scale);
          loaders.set(scale, { loader, info: await loader.step<GraphInfo>({ kind: 'graph' }) });
        }
        return loaders.get(scale)!;
      };
      const closeLoader = (scale: number) => {
        loaders.get(scale)?.loader.close();
        loaders.delete(scale);
      };
      /**
       * Seed path, API, memory and worker suites of `engines` at `scale`;
       * returns the raw paths of the same scale, to run now or later.
       * `keep`: the loader stays for another call at this scale.
       */
      const runScale = async (scale: number, engines: Array<'kuzu' | 'neo4j'>, keep: boolean): Promise<() => Promise<void>> => {
        let loader: Loader;
        let info: GraphInfo;
        try {
          ({ loader, info } = await loaderFor(scale));
        } catch (err) {
          results.notes.push(`synthetic graph of ${scale} relationships: ${err instanceof Error ? err.message : String(err)}`);
          closeLoader(scale);
          return async () => undefined;
        }
        const rows: { kuzu?: KuzuSeedStep; neo4j?: { seedMs: number; clearMs: number } } = {};
        for (const engine of engines) {
          if (engine === 'neo4j' && !neo4j) continue;
          const label = `${engine} at ${scale.toLocaleString('en')} relationships`;
          if (!fits(`seed path, ${label}`, estimate(`seed-${engine}`, scale, 60_000))) continue;
          let target: Neo4jTarget | null = null;
          await attempt(`seed path, ${label}`, async () => {
            if (engine === 'kuzu') {
              rows.kuzu = await timed('seed-kuzu', scale, () => loader.step<KuzuSeedStep>({ kind: 'seed-kuzu', dbFile: kuzuDb(scale) }));
              results.load!.rows.push(kuzuRow(rows.kuzu, null));
            } else {
              const empty = await emptyNeo4j();
              target = empty.target;
              rows.neo4j = await timed('seed-neo4j', scale, () => loader.step<{ seedMs: number; clearMs: number }>({ kind: 'seed-neo4j', neo4j: empty.target, fresh: empty.fresh }));
              results.load!.neo4j.rows.push(neo4jRow(info, rows.neo4j, null));
            }
          });
          write('load.json', results.load);
          flush();
          if (!(engine === 'kuzu' ? rows.kuzu : rows.neo4j)) continue;
          // Kùzu holds the writes since its last checkpoint in memory: the memory suite also runs on a copy the API suite's ingests never touched.
          const unwritten = engine === 'kuzu' && !quick && wanted('memory') && wanted('api') ? path.join(WORK, `kuzu-${scale}-unwritten`) : null;
          if (unwritten) {
            fs.rmSync(unwritten, { recursive: true, force: true });
            fs.cpSync(path.dirname(kuzuDb(scale)), unwritten, { recursive: true });
          }
          if (wanted('api') && (API_SCALES.has(scale) || scale === FALLBACK_SCALE || scale === NEO4J_SCALE) && fits(`api, ${label}`, quick ? 60_000 : 240_000)) {
            await attempt(`api, ${label}`, async () => {
              const r = await inWorker<ApiResult>({ kind: 'api', engine, dbFile: kuzuDb(scale), neo4j: target, relationships: scale, probes: info.probes, quick });
              results.api!.push(r);
              write('api.json', results.api);
            });
            flush();
          }
          if (wanted('memory') && fits(`memory, ${label}`, 90_000)) {
            await attempt(`memory, ${label}`, async () => {
              const measure = async (before?: MemoryBefore, dataDir = path.dirname(kuzuDb(scale))) => {
                const row = await measureMemory(dataDir, target, scale, info.nodes, info.probes, quick, before);
                log(`memory ${engine}${before ? ` (before: ${before.what})` : ''}: ${scale} relationships: idle ${row.idleRssMiB} MiB, peak ${row.peakRssMiB} MiB${row.worker ? ` (server ${row.server?.peakRssMiB}, worker ${row.worker.peakRssMiB})` : ''}${row.jvm ? `; JVM ${row.jvm.rssAfterMiB} MiB (peak ${row.jvm.peakMiB})` : ''}`);
                results.memory!.rows.push(row);
                write('memory.json', results.memory);
              };
              await measure();
              if (engine === 'kuzu') {
                const rows = await loader.step<SearchIndexRow[] | null>({ kind: 'search-index', quick });
                if (rows) {
                  log(`memory kuzu: search word index at ${scale} relationships: ${rows.map((x) => `${x.layout} ${x.heapMiB} MiB heap + ${x.arrayBuffersMiB} typed`).join(', ')}`);
                  results.memory!.searchIndex = [...(results.memory!.searchIndex ?? []).filter((x) => x.relationships !== scale), ...rows];
                  write('memory.json', results.memory);
                } else results.notes.push('memory: the search index rows need --expose-gc in the bench process; they were left out.');
              }
              // The worker runs with two malloc arenas (store/isolated/host.ts); glibc's default is 8 per core.
              if (engine === 'kuzu' && !quick && fits(`memory before row, ${label}`, 60_000)) {
                await measure({ what: `glibc's default malloc arenas in the engine worker (MALLOC_ARENA_MAX=${8 * os.cpus().length}, 8 per core)`, env: { MALLOC_ARENA_MAX: String(8 * os.cpus().length) } });
              }
              if (unwritten && fits(`memory without the ingests, ${label}`, 60_000)) {
                await measure({ what: "the API suite's ingests: a copy of the database made before them, with no write since the seed", env: {} }, unwritten);
              }
            });
            flush();
          }
          if (engine === 'kuzu' && wanted('worker') && fits(`worker, ${label}`, 60_000)) {
            await attempt(`worker, ${label}`, async () => {
              const row = await measureWorker(path.dirname(kuzuDb(scale)), scale, info.probes, quick);
              log(`worker: ${scale} relationships: start to first answer p50 ${row.startP50Ms} ms, restart after a kill p50 ${row.restartP50Ms} ms, idle RSS ${row.idleRssMiB} MiB (${row.afterReadsRssMiB} MiB after reads)`);
              results.worker!.rows.push(row);
              write('worker.json', results.worker);
            });
            flush();
          }
          if (engine === 'kuzu') fs.rmSync(path.dirname(kuzuDb(scale)), { recursive: true, force: true });
          if (unwritten) fs.rmSync(unwritten, { recursive: true, force: true });
        }
        /** The raw paths of this scale, each against the seed path measured above. */
        const raws = async () => {
          try {
            if (!wanted('load')) return;
            if (quick) {
              results.notes.push('--quick: the raw bulk paths are not run (seed paths only); the seed / raw ratio is a full-run figure.');
              return;
            }
            for (const engine of engines) {
              const seeded = engine === 'kuzu' ? rows.kuzu : rows.neo4j;
              if (!seeded) continue;
              const label = `raw bulk path, ${engine} at ${scale.toLocaleString('en')} relationships`;
              if (!fits(label, estimate(`raw-${engine}`, scale, msPerRel[`seed-${engine}`] * scale * 1.2))) continue;
              await attempt(label, async () => {
                if (engine === 'kuzu') {
                  const raw = await timed('raw-kuzu', scale, () => loader.step<{ rawMs: number; rawCopyMs: number }>({ kind: 'raw-kuzu', workDir: WORK }));
                  const i = results.load!.rows.findIndex((x) => x.relationships === info.relationships);
                  results.load!.rows[i] = kuzuRow(rows.kuzu!, raw);
                } else {
                  const empty = await emptyNeo4j();
                  const raw = await timed('raw-neo4j', scale, () => loader.step<{ rawMs: number; clearMs: number }>({ kind: 'raw-neo4j', neo4j: empty.target, fresh: empty.fresh }));
                  const i = results.load!.neo4j.rows.findIndex((x) => x.relationships === info.relationships);
                  results.load!.neo4j.rows[i] = neo4jRow(info, rows.neo4j!, raw);
                }
              });
              write('load.json', results.load);
              flush();
            }
          } finally {
            if (!keep) closeLoader(scale);
          }
        };
        return raws;
      };

      // Smaller scales whole, in order; the largest one engine by engine (Kùzu, then the browser
      // suite, then Neo4j), its raw paths last: the goals at 1M come first when time is short.
      const largestScale = Math.max(...SCALES);
      for (const scale of SCALES.filter((x) => x !== largestScale)) await (await runScale(scale, ENGINES, false))();
      const rawsAtLargest: Array<() => Promise<void>> = [];
      const first = ENGINES.filter((e) => e === 'kuzu');
      const later = ENGINES.filter((e) => e !== 'kuzu');
      if (first.length) rawsAtLargest.push(await runScale(largestScale, first, true));
      if (NEO4J_SCALE && later.length) {
        results.notes.push(`Neo4j ran at ${NEO4J_SCALE.toLocaleString('en')} relationships in this run (--neo4j-scale), not at ${largestScale.toLocaleString('en')}: its seed there would not have ended before the run's deadline.`);
        rawsAtLargest.push(await runScale(NEO4J_SCALE, later, false));
      }
      if (!browserFirst) {
        deferredBrowser = true;
        await browserSuite();
      }
      if (!NEO4J_SCALE && later.length) rawsAtLargest.push(await runScale(largestScale, later, true));
      // Neo4j's seed at the largest scale did not fit before the deadline: the largest scale that fits, so it has figures.
      for (const engine of NEO4J_SCALE ? [] : later) {
        if (results.api!.some((x) => x.engine === engine) || !neo4j || !FALLBACK_SCALE || FALLBACK_SCALE >= largestScale) continue;
        const raws = await runScale(FALLBACK_SCALE, [engine], false);
        await raws();
      }
      deferred = async () => {
        for (const raws of rawsAtLargest) await raws();
        closeLoader(largestScale);
      };
    }

    if (!deferredBrowser) await browserSuite();
    // The overviews of the stores measured after the drawings (--browser-first, or Neo4j at the largest scale after the browser suite).
    const drawn = (a: { engine: string; relationships: number }) => results.browser?.aggregates.some((x) => x.engine === a.engine && x.relationships === a.relationships);
    const undrawn = aggregatesSoFar().filter((a) => !drawn(a));
    if (results.browser && undrawn.length) {
      await attempt('browser, aggregated overviews', async () => {
        const more = await runBrowser(WORK, { ...QUICK_BROWSER, sizes: [] }, log, undrawn);
        results.browser!.aggregates.push(...more.aggregates);
        write('browser.json', results.browser);
      });
      flush();
    }
    if (deferred) await (deferred as () => Promise<void>)();
  } finally {
    await (local as LocalNeo4j | null)?.stop();
  }

  if (local) fs.rmSync(path.join(WORK, 'neo4j'), { recursive: true, force: true });
  results.durationS = round(since(started) / 1000, 1);
  results.loadAverage = { start: loadAtStart, end: os.loadavg()[0] };
  write('latest.json', results);
  for (const [file, svg] of Object.entries(charts(results))) write(file, svg);
  fs.writeFileSync(REPORT, markdown(results));
  log(`done in ${results.durationS} s (${(results.durationS / 60).toFixed(1)} min${quick ? `; goal for --quick < 5 min: ${results.durationS < 300 ? 'met' : 'not met'}` : ''}): ${path.relative(ROOT, path.join(RESULTS, 'latest.json'))}, ${path.relative(ROOT, REPORT)}`);
}

if (args.includes('--report')) rewriteReport();
else await main();
// Native bindings and the browser leave handles that keep the loop alive for a minute after the last suite.
process.exit(0);
