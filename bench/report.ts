/** BENCHMARKS.md and its charts, from the JSON results of one run. */
import type { MachineInfo } from './machine.js';
import { barChartSvg } from './chart.js';
import { WHY } from './findings.js';
import type { ApiResult } from './suites/api.js';
import type { BrowserCase, BrowserResult } from './suites/browser.js';
import type { ExtractResult } from './suites/extract.js';
import { SHAPE_NAMES, type CheckpointResult } from './suites/checkpoint.js';
import type { LoadResult } from './suites/load.js';
import type { MemoryRow, SearchIndexRow } from './suites/memory.js';
import type { WorkerRow } from './suites/worker.js';

export interface BenchResults {
  mode: 'quick' | 'full';
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  /** Engine → how it ran (version, where, memory settings). */
  engines: Partial<Record<'kuzu' | 'neo4j', string>>;
  load?: LoadResult;
  /** One per engine and scale. */
  api?: ApiResult[];
  browser?: BrowserResult;
  memory?: { rows: MemoryRow[]; searchIndex?: SearchIndexRow[] };
  worker?: { rows: WorkerRow[] };
  extract?: ExtractResult;
  checkpoint?: CheckpointResult;
  /** The machine's 1-minute load average when the run started and ended (other work on the 2 cores shows up in every timing). */
  loadAverage?: { start: number; end: number };
  /** The last `npm run bench -- --quick` (full runs only): its duration, goal < 5 min. */
  quickRun?: { startedAt: string; durationS: number; loadAverage?: { start: number; end: number } };
  /** Suites that failed or were left out, and why. */
  notes: string[];
}

const n = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const k = (v: number) => (v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : String(v));
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? `${(a / b).toFixed(2)}×` : '—');

export interface Charts {
  [file: string]: string;
}

export function charts(r: BenchResults): Charts {
  const out: Charts = {};
  if (r.load?.rows.length) {
    out['load.svg'] = barChartSvg({
      title: 'Kùzu load throughput: seedKuzuFile vs raw COPY FROM',
      yLabel: 'relationships per second',
      categories: r.load.rows.map((x) => `${k(x.relationships)} rels`),
      series: [
        { name: 'seedKuzuFile', color: '#4e79a7', values: r.load.rows.map((x) => x.seedRelsPerSec) },
        { name: 'raw COPY FROM', color: '#f28e2b', values: r.load.rows.map((x) => x.rawRelsPerSec) },
      ],
    });
  }
  if (r.browser?.cases.length) {
    const sizes = r.browser.plan.sizes;
    const pick = (config: string, f: (c: BrowserCase) => number | null) => sizes.map((s) => f(r.browser!.cases.find((c) => c.nodes === s && c.config === config) ?? ({} as BrowserCase)) ?? null);
    const series = (f: (c: BrowserCase) => number | null) => [
      { name: 'NAIVE (defaults)', color: '#9c755f', values: pick('naive', f) },
      { name: 'JEJAK (perf.ts)', color: '#4e79a7', values: pick('jejak', f) },
      { name: 'JEJAK + WebGL', color: '#59a14f', values: pick('webgl', f) },
    ];
    const cats = sizes.map((s) => `${k(s)} nodes / ${k(2 * s)} edges`);
    out['browser-first-frame.svg'] = barChartSvg({ title: 'Time to first frame', yLabel: 'ms', categories: cats, series: series((c) => c.firstFrameMs), log: true });
    out['browser-frames.svg'] = barChartSvg({ title: 'Pan/zoom: mean frame interval', yLabel: 'ms', categories: cats, series: series((c) => c.frameMeanMs), log: true });
  }
  return out;
}

function machineSection(r: BenchResults): string {
  const m = r.machine;
  return [
    `Run: \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` (${r.mode}), started ${r.startedAt}, took ${Math.round(r.durationS)} s.`,
    '',
    table(
      ['CPU', 'cores', 'memory', 'OS', 'Node', 'Kùzu', 'Cytoscape', 'Chromium'],
      [[m.cpuModel, String(m.cores), `${m.memoryGiB} GiB`, m.os, m.node, m.kuzu, m.cytoscape, m.chromium]],
    ),
    '',
    ...Object.entries(r.engines).map(([e, how]) => `- ${engineName(e)}: ${how}`),
    '',
    `Timings are what this machine measured once; other work on the machine shows up in them${r.loadAverage ? ` (1-minute load average ${r.loadAverage.start.toFixed(1)} when the run started, ${r.loadAverage.end.toFixed(1)} when it ended, on ${m.cores} cores)` : ''}. The bench never asserts a timing.`,
  ].join('\n');
}

function loadSection(l: LoadResult): string {
  return [
    '## 1. Load',
    '',
    "Each engine's seed path against its own raw bulk path, over the same synthetic graph (`bench/synthetic.ts`). Goal: the seed path within 1.2× of the raw path at 1M relationships.",
    '',
    '**Kùzu**: `seedKuzuFile` (graph → rows, schema, JSON files, `COPY FROM`, health count, swap) against the same rows through a plain Kùzu connection (`COPY FROM` JSON files written by the bench, schema included).',
    '',
    l.rows.length
      ? table(
          ['relationships', 'nodes', 'seed s', 'seed rels/s', 'raw s (write+COPY)', 'raw COPY only s', 'raw rels/s', 'seed / raw', 'seed / COPY only', 'DB MiB'],
          l.rows.map((x) => [
            n(x.relationships),
            n(x.nodes),
            n(x.seedMs / 1000, 2),
            n(x.seedRelsPerSec),
            x.rawMs === null ? 'not run' : n(x.rawMs / 1000, 2),
            x.rawCopyMs === null ? '' : n(x.rawCopyMs / 1000, 2),
            n(x.rawRelsPerSec),
            x.ratio === null ? '—' : `**${x.ratio.toFixed(2)}×**`,
            x.ratioToCopyOnly === null ? '—' : `${x.ratioToCopyOnly.toFixed(2)}×`,
            n(x.dbMiB, 1),
          ]),
        )
      : 'Not measured.',
    '',
    ...(l.rows.length
      ? [
          `Generating the graphs took ${l.rows.map((x) => `${n(x.generateMs / 1000, 1)} s`).join(', ')}; graph → rows (\`toBulkLoad\`, inside the seed time) ${l.rows.map((x) => `${n(x.toRowsMs / 1000, 2)} s`).join(', ')}.`,
          '',
          '![load throughput](bench/results/load.svg)',
          '',
        ]
      : []),
    `**Neo4j** (${l.neo4j.note}): \`seedStore\` through the adapter (schema, clear, \`UNWIND … MERGE\` batches of 10,000) against the best plain-driver path: the same schema, then \`UNWIND … CREATE\` batches of 10,000 (no MERGE, no existence checks) and waiting for the indexes. \`neo4j-admin database import\` would be faster still, but it needs a stopped server and the database's own files, which an application's seed path does not have. The database is emptied before each path (not in either time).`,
    '',
    l.neo4j.rows.length
      ? table(
          ['relationships', 'nodes', 'seed s', 'seed rels/s', 'raw s', 'raw rels/s', 'seed / raw', 'emptying s'],
          l.neo4j.rows.map((x) => [n(x.relationships), n(x.nodes), n(x.seedMs / 1000, 2), n(x.seedRelsPerSec), x.rawMs === null ? 'not run' : n(x.rawMs / 1000, 2), n(x.rawRelsPerSec), x.ratio === null ? '—' : `**${x.ratio.toFixed(2)}×**`, n(x.clearMs / 1000, 1)]),
        )
      : 'Not measured.',
  ].join('\n');
}

const engineName = (e: string) => (e === 'kuzu' ? 'Kùzu' : e === 'neo4j' ? 'Neo4j' : e);
const met = (ok: boolean | null) => (ok === null ? '—' : ok ? 'met' : '**not met**');

function apiSection(runs: ApiResult[]): string {
  const out = [
    '## 2. API',
    '',
    "The real app (`createApp`) over each engine's store seeded with the synthetic graph, opened as the server opens it (Kùzu in its worker process, `store/isolated/`), on 127.0.0.1, rate limiting off. **One request at a time**: each request over HTTP (kept-alive socket, whole body read) paired with the same call in-process (the service function the route calls: no Express, no zod, no JSON, no socket), the two back to back and in turn first; the HTTP layer's share is taken two ways: in the server, each request's time from the app's handler being called to the last byte of the answer handed to the socket, less the wall time it spent inside the store's calls (the app runs over the store behind a proxy that clocks them: Express, zod, the service's own work around the store and serialisation; the median over the requests; the goal, < 1 ms, is on this one); and as the client sees it, the median of the pairs' differences (HTTP to the last byte read, in the same process, against the in-process call: the loopback socket and the client's own reading of the answer too, and the store's jitter between the two halves of a pair). **Ingest**: `POST /api/ingest/preview` then `POST /api/ingest` of a new synthetic article naming graph entities. **32 connections**: autocannon in a child process cycling the mixed read requests, against the same calls from 32 concurrent loops in a bare script on the same store (goal: ratio ≥ 0.7, 0 errors).",
  ];
  for (const a of runs) {
    out.push(
      '',
      `### ${engineName(a.engine)}, ${n(a.relationships)} relationships`,
      '',
      `Probes: hub \`${a.probes.hub}\` (${n(a.probes.hubDegree)} edges), leader \`${a.probes.leader}\`, ordinary \`${a.probes.ordinary}\`, search “${a.probes.searchWord}” and “${a.probes.searchTypo}”, week ${a.probes.week.from} – ${a.probes.week.to}, ${a.probes.pairs} random entity pairs for paths.`,
      '',
      table(
        ['request', 'HTTP p50 ms', 'HTTP p99 ms', 'in-process p50 ms', 'in-process p99 ms', 'HTTP layer in the server (median) ms', 'added as the client sees it (median of pairs) ms', 'samples', 'goal', ''],
        a.latency.map((x) => {
          const figure = x.goal ? (x.goal.stat === 'p99' ? x.httpP99 : x.httpP50) : null;
          return [
            x.endpoint,
            n(x.httpP50, 2),
            n(x.httpP99, 2),
            n(x.directP50, 2),
            n(x.directP99, 2),
            `**${n(x.serverAddedP50 ?? null, 2)}**`,
            n(x.httpAddedP50, 2),
            n(x.samples),
            x.goal ? `${x.goal.stat} < ${x.goal.ms} ms` : '',
            x.goal ? met(figure! < x.goal.ms) : '',
          ];
        }),
      ),
    );
    if (a.beforeAfter?.length)
      out.push(
        '',
        `**Before / after** (${engineName(a.engine)}, ${n(a.relationships)} relationships): each query shape the read path used before its index or cache (\`bench/before/index.ts\`), run in-process on this same store in this run, each sample in turn with one of what answers the same request now (so both see the same moment of the machine; the ingest preview's after is the HTTP row above).`,
        '',
        table(
          ['shape', 'what changed', 'before p50 ms', 'before max ms', 'samples', 'after p50 ms', 'after: measured as', 'before / after'],
          a.beforeAfter.map((x) => [`\`${x.id}\``, x.describe, x.error ? `failed: ${x.error}` : n(x.beforeP50, 1), n(x.beforeMax, 1), n(x.samples), n(x.afterP50, 2), x.afterFrom, x.speedup === null ? '—' : `**${n(x.speedup, 1)}×**`]),
        ),
      );
    if (a.aggregate) out.push('', `Aggregated overview, the cache's before/after: the first answer (counts taken by scanning every relationship) ${n(a.aggregate.coldMs, 1)} ms, the first members page of the Person group (degrees ranked) ${n(a.aggregate.membersColdMs, 1)} ms; cached, p50 ${n(a.aggregate.warmP50, 2)} ms (rows above). The cache is taken again when the graph's node or relationship count changes, or after a minute.`);
    if (a.ingest) out.push('', `Ingest, preview + commit: p50 **${n(a.ingest.p50, 1)} ms** (preview ${n(a.ingest.previewP50, 1)} ms, commit ${n(a.ingest.commitP50, 1)} ms), p99 ${n(a.ingest.p99, 1)} ms over ${a.ingest.samples} articles of ${n(a.ingest.candidatesPerArticle, 1)} candidate facts each; goal p50 < 300 ms: ${met(a.ingest.p50 < 300)}.`);
    if (a.mixed) {
      const m = a.mixed;
      out.push(
        '',
        table(
          ['32 connections, mixed reads', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx + errors'],
          [
            ['HTTP (autocannon)', n(m.http.reqPerSec, 1), n(m.http.p50, 1), n(m.http.p99, 1), n(m.http.requests), n(m.http.non2xx + m.http.errors)],
            ['bare script (in-process calls)', n(m.bare.opsPerSec, 1), n(m.bare.p50, 1), n(m.bare.p99, 1), n(m.bare.ops), n(m.bare.errors)],
          ],
        ),
        '',
        `Ratio HTTP / bare: **${m.ratio === null || !Number.isFinite(m.ratio) ? 'none (the bare script completed no call)' : `${m.ratio.toFixed(2)}×`}** (goal ≥ 0.7: ${met(m.ratio >= 0.7 && m.http.non2xx + m.http.errors === 0)}). Requests cycled: ${m.requests.join('; ')}; ${m.seconds} s each side.`,
      );
    }
    if (a.notes.length) out.push('', ...a.notes.map((x) => `- ${x}`));
  }
  return out.join('\n');
}

function browserSection(b: BrowserResult): string {
  const sizes = b.plan.sizes;
  const rows: string[][] = [];
  for (const s of sizes) {
    const naive = b.cases.find((c) => c.nodes === s && c.config === 'naive') ?? null;
    for (const c of b.cases.filter((x) => x.nodes === s && ['naive', 'jejak', 'webgl'].includes(String(x.config)))) {
      rows.push([
        `${n(c.nodes)} / ${n(c.edges)}`,
        c.config === 'naive' ? 'NAIVE' : c.config === 'jejak' ? 'JEJAK' : `WEBGL${c.webgl ? '' : ' (fell back to canvas)'}`,
        n(c.createMs),
        n(c.firstFrameMs),
        c.config === 'naive' ? '' : ratio(c.firstFrameMs, naive?.firstFrameMs ?? null),
        `${n(c.frameMedianMs, 1)} / ${n(c.frameP95Ms, 1)} / ${n(c.frameMeanMs, 1)}`,
        c.config === 'naive' ? '' : ratio(c.frameMeanMs, naive?.frameMeanMs ?? null),
        String(c.frames),
        `${c.longTasksOver200} (max ${n(c.longestTaskMs)})`,
        n(c.layoutMs),
        c.layoutLongTasksOver200 === null || c.layoutLongTasksOver200 === undefined ? '' : `${c.layoutLongTasksOver200} (max ${n(c.layoutLongestTaskMs ?? null)})`,
        c.error ?? '',
      ]);
    }
  }
  const variants = b.cases.filter((c) => !['naive', 'jejak', 'webgl'].includes(String(c.config)));
  const vs = b.plan.variantSize;
  const ref = vs ? b.cases.filter((c) => c.nodes === vs && ['naive', 'jejak'].includes(String(c.config))) : [];
  const agg = b.aggregates ?? [];
  return [
    '## 3. Browser',
    '',
    ...(agg.length
      ? [
          '### The aggregated overview',
          '',
          "An overview of a graph too big to draw is aggregated on the server (`GET /api/overview/aggregate`: one group per label, counts per (from label, type, to label)); the explorer draws it with `client/src/aggregate.ts` (one node per label, one edge per pair of labels). First frame = the server's answer (cached, p50 over HTTP, from the API suite) + drawing it in headless Chromium, from the real answer at each scale. Goal < 1 s whatever the graph's size.",
          '',
          table(
            ['engine', 'relationships', 'groups', 'label → type → label', 'server (cached) ms', 'server, first answer ms', 'drawn ms', 'first frame ms', 'goal < 1 s'],
            agg.map((c) => [engineName(c.engine), n(c.relationships), n(c.groups), n(c.links), n(c.serverWarmMs, 1), n(c.serverColdMs), n(c.renderMs), `**${n(c.firstFrameMs)}**`, c.firstFrameMs === null ? (c.error ?? '—') : met(c.firstFrameMs < 1000)]),
          ),
          '',
          '### Drawing N nodes',
          '',
        ]
      : []),
    `Headless Chromium (software rendering: \`--disable-gpu\`; WebGL runs on SwiftShader), viewport ${b.viewport.width}×${b.viewport.height}, device pixel ratio 1. A synthetic graph of N nodes and 2N edges with preset positions. NAIVE: Cytoscape defaults with node labels. JEJAK: the app's style (\`client/src/graph-view.ts\`) plus \`renderOptionsFor(nodes + edges)\` from \`client/src/perf.ts\`. WEBGL: JEJAK with \`webgl: true\`.`,
    '',
    `First frame: from \`cytoscape({...})\` to the first drawn frame (its \`render\` event; two animation frames for WebGL, which emits none). Frames: ${b.plan.interactionMs / 1000} s of real wheel zoom and drag pan (so Cytoscape's viewport level of detail engages), intervals between animation frames: median / p95 / mean. The mean is the honest one: Cytoscape skips frames after a slow one, which keeps the median low. Long tasks: > 200 ms during first frame and pan/zoom. Layout: fcose (NAIVE: its defaults on the main thread, animation included, up to 2k nodes; JEJAK: the app's \`runLayout\` — \`renderOptionsFor(…).layout\` options, in a web worker from 1,000 elements — with the long tasks seen while it ran; goal: none over 200 ms at 10k). Goal at 10k nodes / 20k edges: first frame < 2 s, frame median < 100 ms.`,
    '',
    table(['nodes / edges', 'config', 'create ms', 'first frame ms', 'vs NAIVE', 'frame median / p95 / mean ms', 'mean vs NAIVE', 'frames', 'long tasks > 200 ms', 'fcose ms', 'long tasks > 200 ms during fcose', 'note'], rows),
    '',
    '![first frame](bench/results/browser-first-frame.svg)',
    '',
    '![frame times](bench/results/browser-frames.svg)',
    ...(variants.length && vs
      ? [
          '',
          `### What each option buys (${n(vs)} nodes / ${n(2 * vs)} edges, one change at a time)`,
          '',
          table(
            ['configuration', 'first frame ms', 'frame median / p95 / mean ms', 'frames', 'long tasks > 200 ms'],
            [...ref, ...variants].map((c) => [
              c.config === 'naive' ? 'NAIVE' : c.config === 'jejak' ? 'JEJAK (all of perf.ts)' : String(c.config),
              n(c.firstFrameMs),
              `${n(c.frameMedianMs, 1)} / ${n(c.frameP95Ms, 1)} / ${n(c.frameMeanMs, 1)}`,
              String(c.frames),
              String(c.longTasksOver200),
            ]),
          ),
        ]
      : []),
  ].join('\n');
}

function searchIndexSection(rows: SearchIndexRow[]): string {
  const queries = Object.keys(rows[0].searchP50Ms);
  return [
    "### Kùzu's search word index in memory",
    '',
    `The worker holds every node's names in a word index for search (store/search-index.ts). Here it is built apart, in the bench's loader, from the same ${n(rows[0].entries)} names of the ${n(rows[0].relationships)}-relationship graph, beside the layout it replaced (bench/before/object-search-index.ts): the heap it holds after full collections (typed arrays apart), its build time, and the p50 of the index's own search (no database read) for the probes, the two layouts in turn.`,
    '',
    table(
      ['layout', 'heap MiB', 'typed arrays MiB', 'build ms', ...queries.map((q) => `“${q}” p50 ms`)],
      rows.map((x) => [x.layout === 'compact' ? 'compact (as it runs)' : `*before*: ${x.layout}`, `**${n(x.heapMiB, 1)}**`, n(x.arrayBuffersMiB, 1), n(x.buildMs), ...queries.map((q) => n(x.searchP50Ms[q], 2))]),
    ),
  ].join('\n');
}

function memorySection(rows: MemoryRow[]): string {
  const neo = rows.filter((x) => x.engine === 'neo4j');
  const split = rows.some((x) => x.worker);
  const befores = rows.some((x) => x.before);
  return [
    '## 4. Memory',
    '',
    "The server as `npm start` runs it (`node --import tsx server/main.ts`) in a child process over a pre-seeded store, a short autocannon load on every request of the API suite (8 connections), then VmHWM (peak RSS) from `/proc/<pid>/status`. On Kùzu the database runs in the server's worker process (`store/isolated/`, JEJAK_KUZU_ISOLATE=1, the default), so the figure is the server and its worker summed (each one's peak; they need not peak together, so the sum is an upper bound), with each apart (goal < 1 GiB at 1M relationships). On Neo4j the database is a JVM of its own, read apart: RSS before and after the same load, and its peak since it started (the loads included).",
    '',
    ...(befores ? ["A row marked *before* ran the same server with one change undone, right after the row above it, on the same database, or for the API suite's ingests on a copy of it made before them (the goal reads the other).", ''] : []),
    table(
      [
        'engine',
        ...(befores ? ['run'] : []),
        'relationships',
        'nodes',
        'idle RSS MiB',
        'peak RSS MiB',
        ...(split ? ['server process idle / peak MiB', 'engine worker idle / peak MiB'] : []),
        'requests',
        'non-2xx + errors',
        ...(neo.length ? ['JVM RSS before / after MiB', 'JVM peak MiB'] : []),
      ],
      rows.map((x) => [
        engineName(x.engine),
        ...(befores ? [x.before ? `*before*: ${x.before}` : 'as it runs'] : []),
        n(x.relationships),
        n(x.nodes),
        n(x.idleRssMiB, 1),
        `**${n(x.peakRssMiB, 1)}**`,
        ...(split ? [x.server ? `${n(x.server.idleRssMiB)} / ${n(x.server.peakRssMiB)}` : '', x.worker ? `${n(x.worker.idleRssMiB)} / ${n(x.worker.peakRssMiB)}` : ''] : []),
        n(x.requests),
        n(x.non2xx),
        ...(neo.length ? [x.jvm ? `${n(x.jvm.rssBeforeMiB)} / ${n(x.jvm.rssAfterMiB)}` : '', x.jvm ? n(x.jvm.peakMiB) : ''] : []),
      ]),
    ),
  ].join('\n');
}

function workerSection(rows: WorkerRow[]): string {
  return [
    "## 5. The embedded engine's worker",
    '',
    "Kùzu runs in a child process of the server (`store/isolated/`), so a runaway query or a crash costs a restart, not the server. Over the seeded database, opened as the server opens it (`createStore` with isolation and the server's limits): **start** = fork, open the database, answer one search (a new store each sample); **restart** = SIGKILL the worker (as the RSS watchdog or a crash does) until a search is answered by its successor; **idle RSS** = the worker once it has answered and sat for a second, then after one round of every read of the API suite.",
    '',
    rows.length
      ? table(
          ['relationships', 'start to first answer p50 / max ms', 'restart after a kill p50 / max ms', 'samples', 'idle RSS MiB', 'after reads MiB', 'peak MiB', 'kill limit / buffer pool MiB'],
          rows.map((x) => [n(x.relationships), `**${n(x.startP50Ms)}** / ${n(x.startMaxMs)}`, `**${n(x.restartP50Ms)}** / ${n(x.restartMaxMs)}`, n(x.samples), `**${n(x.idleRssMiB)}**`, n(x.afterReadsRssMiB), n(x.peakRssMiB), `${n(x.maxRssMb)} / ${n(x.bufferPoolMb)}`]),
        )
      : 'Not measured.',
  ].join('\n');
}

function extractSection(e: ExtractResult): string {
  if (e.skipped) return ['## 6. Extraction', '', `Skipped: ${e.skipped}.`].join('\n');
  return [
    '## 6. Extraction',
    '',
    `\`extractCandidates\` (extract/extract.ts) over ${n(e.articles)} synthetic corpus-like pages (\`syntheticArticles\` in bench/synthetic.ts), gazetteer of ${n(e.gazetteerEntities)} entities, one thread.`,
    '',
    table(
      ['articles', 'total s', 'articles/s', 'CPU s', 'articles per CPU second', 'characters/s', 'candidates'],
      [[n(e.articles), n((e.totalMs ?? 0) / 1000, 2), `**${n(e.articlesPerSec, 1)}**`, n((e.cpuMs ?? Number.NaN) / 1000, 2), n(e.articlesPerCpuSec ?? null, 1), n(e.charsPerSec), n(e.candidates)]],
    ),
    '',
    'Articles per second is wall time; per CPU second is the process\'s own CPU time over the same batch, which other work on the machine does not inflate (the two agree on a quiet machine).',
  ].join('\n');
}

function checkpointSection(c: CheckpointResult): string {
  const engineName = (e: string, v: string) => `${e === 'kuzu' ? 'Kùzu' : 'LadybugDB'} ${v}`;
  return [
    "## 7. The embedded engine's checkpoint",
    '',
    "`bench/suites/checkpoint.ts`: a new database with one relationship table, loaded by `COPY` so that all its relationships start from 1,800 source nodes (one of the engine's node groups of 2,048), checkpointed; then one new source node and one relationship from it, and the time of the `CHECKPOINT` that writes them into the file. Its property columns: ten `STRING[]` columns of one element each (the claims' parallel lists: `sourceArticles`, `sourceQuotes`, …), ten `STRING` columns of the same text, or the ten lists packed as one `STRING` column of JSON (what storing the claims as one column would be). Before the new relationship, 50 of the group's relationships spread over it are read by internal offset (`WHERE offset(ID(r)) IN $offsets`, as the Kùzu timeline reads its page), whole with both ends and as ids only (p50 of 9 reads after one to warm the buffer pool). Each measurement in a child process of its own; a size whose checkpoint passes a minute ends that engine's larger sizes.",
    '',
    c.rows.length
      ? table(
          ['engine', 'columns', 'relationships in the group', 'checkpoint of one new relationship ms', '50 read whole ms', '50 read as ids ms'],
          c.rows.map((x) => [
            engineName(x.engine, x.version),
            SHAPE_NAMES[x.shape],
            n(x.rows),
            x.checkpointMs === null ? `failed: ${x.error ?? 'no answer'}` : `**${n(x.checkpointMs)}**`,
            n(x.readWholeMs ?? null, 1),
            n(x.readIdsMs ?? null, 1),
          ]),
        )
      : 'Not measured.',
    ...(c.notes.length ? ['', ...c.notes.map((x) => `- ${x}`)] : []),
    '',
    "Why it matters: on Kùzu the server's ingest writes MENTIONS and claims into groups of tens of thousands of relationships at 1M, so the checkpoint of one article's writes took 28–62 s there, and Kùzu's automatic checkpoint (when the write-ahead log passes 16 MiB) ran inside a commit for 121 s (1M graph, 480 articles of 40 mentions each, 2026-12-03). The server therefore never checkpoints inside a request (README, Writes and storage faults). The read columns are the other half: the engine reads every property column of the relationships in the part a pattern touches, whatever the filter keeps, so the width of a relationship's columns is paid by every page the timeline and the neighbours read (section 2).",
  ].join('\n');
}

export function markdown(r: BenchResults): string {
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run.ts); edit bench/report.ts, not this file. -->',
    '',
    machineSection(r),
    '',
    goalsSection(r),
    '',
    'Raw results: `bench/results/latest.json` and one JSON file per suite beside it.',
    '',
    ...(r.load ? [loadSection(r.load), ''] : []),
    ...(r.api?.length ? [apiSection(r.api), ''] : []),
    ...(r.browser ? [browserSection(r.browser), ''] : []),
    ...(r.memory ? [memorySection(r.memory.rows), '', ...(r.memory.searchIndex?.length ? [searchIndexSection(r.memory.searchIndex), ''] : [])] : []),
    ...(r.worker ? [workerSection(r.worker.rows), ''] : []),
    ...(r.extract ? [extractSection(r.extract), ''] : []),
    ...(r.checkpoint ? [checkpointSection(r.checkpoint), ''] : []),
    ...(r.notes.length ? ['## Notes', '', ...r.notes.map((x) => `- ${x}`), ''] : []),
  ].join('\n');
}

interface GoalRow {
  /** Its key in bench/findings.ts (why it is missed and what would close it). */
  key: string;
  goal: string;
  target: string;
  /** Engine-independent (the browser, the whole run): one figure, shown once. */
  independent?: boolean;
  figure(engine: 'kuzu' | 'neo4j'): { text: string; ok: boolean | null } | null;
}

/** Every goal of the run with the measured figure on each engine, at the largest scale measured. */
function goalsSection(r: BenchResults): string {
  const engines = (['kuzu', 'neo4j'] as const).filter((e) => r.engines[e]);
  const api = (e: string) => (r.api ?? []).filter((a) => a.engine === e).sort((a, b) => b.relationships - a.relationships)[0];
  const at = (rels: number | undefined) => (rels === undefined ? '' : ` (at ${k(rels)})`);
  const latency = (prefix: string, stat: 'p50' | 'p99', goal: number): GoalRow['figure'] => (e) => {
    const a = api(e);
    const rows = a?.latency.filter((x) => x.endpoint.startsWith(prefix)) ?? [];
    if (!rows.length) return null;
    const worst = Math.max(...rows.map((x) => (stat === 'p99' ? x.httpP99 : x.httpP50)));
    return { text: `${n(worst, 1)} ms${at(a.relationships)}`, ok: worst < goal };
  };
  const rows: GoalRow[] = [
    { key: 'search', goal: 'search (ranked, fuzzy), one at a time', target: 'p99 < 20 ms', figure: latency('search', 'p99', 20) },
    { key: 'neighbours', goal: "first page of a hub's neighbours with per-type totals", target: 'p99 < 30 ms', figure: latency('neighbours of the hub', 'p99', 30) },
    { key: 'timeline', goal: 'timeline of one week', target: 'p99 < 50 ms', figure: latency('timeline', 'p99', 50) },
    { key: 'paths', goal: 'shortest path between random entities', target: 'p50 < 50 ms', figure: latency('shortest path', 'p50', 50) },
    {
      key: 'ingest',
      goal: 'preview + commit of a new article',
      target: 'p50 < 300 ms',
      figure: (e) => {
        const a = api(e);
        return a?.ingest ? { text: `${n(a.ingest.p50, 1)} ms${at(a.relationships)}`, ok: a.ingest.p50 < 300 } : null;
      },
    },
    {
      key: 'http',
      goal: 'HTTP layer over the in-process call',
      target: '< 1 ms at p50',
      figure: (e) => {
        const a = api(e);
        const reads = a?.latency.filter((x) => !x.endpoint.startsWith('shortest path')) ?? [];
        if (!reads.length) return null;
        const medianOf = (values: number[]) => {
          const sorted = [...values].sort((x, y) => x - y);
          return { median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1)! };
        };
        const client = medianOf(reads.map((x) => x.httpAddedP50));
        // Results from before the server's own time was taken have the client's figure only.
        if (reads.some((x) => x.serverAddedP50 === undefined))
          return { text: `median ${n(client.median, 2)} ms, up to ${n(client.max, 2)} ms (seen by the client)${at(a.relationships)}`, ok: client.median < 1 };
        const inServer = medianOf(reads.map((x) => x.serverAddedP50!));
        return {
          text: `in the server: median ${n(inServer.median, 2)} ms, up to ${n(inServer.max, 2)} ms; seen by the client: median ${n(client.median, 2)} ms${at(a.relationships)}`,
          ok: inServer.median < 1,
        };
      },
    },
    {
      key: 'mixed',
      goal: '32 connections, mixed reads: HTTP / bare script, errors, p99',
      target: '≥ 0.7×, 0 errors',
      figure: (e) => {
        const m = api(e)?.mixed;
        if (!m) return null;
        const errors = m.http.non2xx + m.http.errors;
        // A bare script that completed nothing gives no ratio (JSON carries Infinity as null).
        const ratioText = m.ratio === null || !Number.isFinite(m.ratio) ? `bare script ${n(m.bare.opsPerSec, 1)} ops/s (${m.bare.errors} errors): no ratio` : `${m.ratio.toFixed(2)}×`;
        return { text: `${ratioText}, ${errors} errors, p99 ${n(m.http.p99)} ms${at(api(e).relationships)}`, ok: m.ratio !== null && Number.isFinite(m.ratio) ? m.ratio >= 0.7 && errors === 0 : null };
      },
    },
    {
      key: 'memory',
      goal: 'server memory (Kùzu: server + engine worker; Neo4j: server and JVM apart)',
      target: '< 1 GiB on Kùzu at 1M',
      figure: (e) => {
        const row = (r.memory?.rows ?? []).filter((x) => x.engine === e && !x.before).sort((a, b) => b.relationships - a.relationships)[0];
        if (!row) return null;
        if (e === 'neo4j') return { text: `server ${n(row.peakRssMiB)} MiB; JVM ${row.jvm ? `${n(row.jvm.rssAfterMiB)} MiB (peak ${n(row.jvm.peakMiB)})` : 'not on this machine'}${at(row.relationships)}`, ok: null };
        return { text: `${n(row.peakRssMiB)} MiB${at(row.relationships)}`, ok: row.peakRssMiB < 1024 };
      },
    },
    {
      key: 'load',
      goal: 'seed path over the raw bulk path',
      target: '≤ 1.2×',
      figure: (e) => {
        const rows = e === 'kuzu' ? (r.load?.rows ?? []) : (r.load?.neo4j.rows ?? []);
        const sorted = [...rows].sort((a, b) => b.relationships - a.relationships);
        const largest = sorted[0];
        const x = sorted.find((y) => y.ratio !== null);
        if (!largest) return null;
        const ratioText = (y: { ratio: number | null; relationships: number }) => `${y.ratio!.toFixed(2)}×${at(y.relationships)}`;
        if (x === largest) return { text: ratioText(x), ok: x.ratio! <= 1.2 };
        // The raw path was skipped at the largest scale (the run's deadline): say so, with the seed time there.
        return { text: `raw path not run${at(largest.relationships)} (seed path ${n(largest.seedMs / 1000)} s)${x ? `; ${ratioText(x)}` : ''}`, ok: null };
      },
    },
  ];
  const aggregates = r.browser?.aggregates ?? [];
  rows.push({
    key: 'aggregate',
    goal: 'first frame of the aggregated overview, whatever the size',
    target: '< 1 s',
    figure: (e) => {
      const c = aggregates.filter((x) => x.engine === e && x.firstFrameMs !== null).sort((a, b) => b.relationships - a.relationships)[0];
      return c ? { text: `${n(c.firstFrameMs)} ms${at(c.relationships)}`, ok: c.firstFrameMs! < 1000 } : null;
    },
  });
  const tenK = r.browser?.cases.find((c) => c.nodes === 10_000 && c.config === 'jejak');
  const browserGoal = (key: string, goal: string, target: string, f: (c: BrowserCase) => { text: string; ok: boolean } | null): GoalRow => ({ key, goal, target, independent: true, figure: () => (tenK ? f(tenK) : null) });
  /** Small views: the app's first frame against plain Cytoscape's, both medians of the same run's alternating samples. */
  const smallView = (size: number): GoalRow => ({
    key: 'small-views',
    goal: `${n(size)} nodes / ${n(2 * size)} edges drawn: the app's first frame against plain Cytoscape's (engine-independent)`,
    target: '≤ 1.00× plain',
    independent: true,
    figure: () => {
      const at = (config: string) => r.browser?.cases.find((c) => c.nodes === size && c.config === config)?.firstFrameMs ?? null;
      const app = at('jejak');
      const plain = at('naive');
      if (app === null || plain === null) return null;
      return { text: `${n(app)} vs ${n(plain)} ms (${(app / plain).toFixed(2)}×)`, ok: app <= plain };
    },
  });
  rows.push(smallView(500), smallView(2_000));
  rows.push(
    browserGoal('first-frame-10k', '10k nodes / 20k edges drawn: first frame (engine-independent)', '< 2 s', (c) => (c.firstFrameMs === null ? null : { text: `${n(c.firstFrameMs)} ms`, ok: c.firstFrameMs < 2000 })),
    browserGoal('layout-10k', '10k nodes: no long task over 200 ms while a layout is applied', '0 tasks', (c) =>
      c.layoutLongTasksOver200 === null || c.layoutLongTasksOver200 === undefined ? null : { text: `${c.layoutLongTasksOver200} (longest ${n(c.layoutLongestTaskMs ?? null)} ms)`, ok: c.layoutLongTasksOver200 === 0 },
    ),
  );
  const quickRun = r.mode === 'quick' ? { startedAt: r.startedAt, durationS: r.durationS, loadAverage: r.loadAverage } : r.quickRun;
  rows.push({
    key: 'quick',
    goal: '`npm run bench -- --quick` on this machine (both engines)',
    target: '< 5 min',
    independent: true,
    figure: () => (quickRun ? { text: `${(quickRun.durationS / 60).toFixed(1)} min (${quickRun.startedAt.slice(0, 16).replace('T', ' ')} UTC${quickRun.loadAverage ? `, load average ${quickRun.loadAverage.start.toFixed(1)}` : ''})`, ok: quickRun.durationS < 300 } : null),
  });
  const body = rows.map((g) => [g.goal, g.target, ...engines.flatMap((e, i) => {
    if (g.independent && i > 0) return ['(engine-independent)', ''];
    const f = g.figure(e);
    return f ? [f.text, met(f.ok)] : ['not measured', '—'];
  })]);
  const worker = [...(r.worker?.rows ?? [])].sort((a, b) => b.relationships - a.relationships)[0];
  const figures = [
    ...(worker
      ? [`- Kùzu's worker process (${k(worker.relationships)} relationships): start to first answer ${n(worker.startP50Ms)} ms (p50), restart after a kill ${n(worker.restartP50Ms)} ms, idle RSS ${n(worker.idleRssMiB)} MiB (${n(worker.afterReadsRssMiB)} MiB after a round of reads); section 5.`]
      : []),
    ...(r.extract?.articlesPerSec !== undefined
      ? [`- Extraction: ${n(r.extract.articlesPerSec, 1)} articles/s (${n(r.extract.articlesPerCpuSec ?? null, 1)} per CPU second), one thread; section 6.`]
      : []),
  ];
  const missed = rows.filter((g) => engines.some((e) => g.figure(e)?.ok === false));
  const misses = missed.length
    ? [
        `**Why the misses, and what would close them** (measured, from this run and the sections below; the 1-minute load average was ${r.loadAverage ? `${r.loadAverage.start.toFixed(1)} at the start and ${r.loadAverage.end.toFixed(1)} at the end` : 'not recorded'}, on ${r.machine.cores} cores):`,
        ...missed.map((g) => `- *${g.goal}*: ${WHY[g.key] ?? 'not analysed yet.'}`),
      ]
    : ['Every goal measured in this run is met.'];
  return [
    '## Goals',
    '',
    "Issue 16's goals (and issue 11's side-by-side bench), each with the figure this run measured on each engine at the largest scale it ran. The sections below have every row.",
    '',
    table(['goal', 'target', ...engines.flatMap((e) => [engineName(e), ''])], body),
    '',
    ...(figures.length ? ['Other figures of this run:', '', ...figures, ''] : []),
    ...misses,
  ].join('\n');
}
