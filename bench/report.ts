/** BENCHMARKS.md and its charts, from the JSON results of one run. */
import type { MachineInfo } from './machine.js';
import { barChartSvg } from './chart.js';
import type { ApiResult } from './suites/api.js';
import type { BrowserCase, BrowserResult } from './suites/browser.js';
import type { ExtractResult } from './suites/extract.js';
import type { LoadResult } from './suites/load.js';
import type { MemoryRow } from './suites/memory.js';

export interface BenchResults {
  mode: 'quick' | 'full';
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  load?: LoadResult;
  api?: ApiResult;
  browser?: BrowserResult;
  memory?: { rows: MemoryRow[] };
  extract?: ExtractResult;
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
    'Timings are what this machine measured once; other work on the machine shows up in them. The bench never asserts a timing.',
  ].join('\n');
}

function loadSection(l: LoadResult): string {
  return [
    '## 1. Load',
    '',
    '`seedKuzuFile` (the seed path: graph → rows, schema, JSON files, `COPY FROM`, health count, swap) against the same rows through a plain Kùzu connection (`COPY FROM` JSON files written by the bench, schema included). Goal: the seed path within 1.5× of raw `COPY`.',
    '',
    table(
      ['relationships', 'nodes', 'seed s', 'seed nodes/s', 'seed rels/s', 'raw s (write+COPY)', 'raw COPY only s', 'raw rels/s', 'seed / raw', 'seed / COPY only', 'DB MiB'],
      l.rows.map((x) => [
        n(x.relationships),
        n(x.nodes),
        n(x.seedMs / 1000, 2),
        n(x.seedNodesPerSec),
        n(x.seedRelsPerSec),
        n(x.rawMs / 1000, 2),
        n(x.rawCopyMs / 1000, 2),
        n(x.rawRelsPerSec),
        `**${x.ratio.toFixed(2)}×**`,
        `${x.ratioToCopyOnly.toFixed(2)}×`,
        n(x.dbMiB, 1),
      ]),
    ),
    '',
    `Synthetic graphs (\`bench/synthetic.ts\`): generation took ${l.rows.map((x) => `${n(x.generateMs / 1000, 1)} s`).join(', ')}; graph → rows (\`toBulkLoad\`, inside the seed time) ${l.rows.map((x) => `${n(x.toRowsMs / 1000, 2)} s`).join(', ')}.`,
    '',
    '![load throughput](bench/results/load.svg)',
    '',
    `Neo4j: ${l.neo4j.note}`,
    ...(l.neo4j.rows.length
      ? ['', table(['relationships', 'nodes', 'seed s', 'nodes/s', 'rels/s'], l.neo4j.rows.map((x) => [n(x.relationships), n(x.nodes), n(x.seedMs / 1000, 2), n(x.nodesPerSec), n(x.relsPerSec)]))]
      : []),
  ].join('\n');
}

function apiSection(a: ApiResult): string {
  return [
    '## 2. API',
    '',
    `The real app (\`createApp\`, Kùzu store seeded with the ${n(a.relationships)}-relationship synthetic graph) on 127.0.0.1; autocannon in a child process, ${a.connections} connections, ${a.seconds} s per endpoint. Rate limiting off. Probes: hub \`${a.probes.hub}\`, leader \`${a.probes.leader}\`, path \`${a.probes.personA}\` → \`${a.probes.personB}\`, search “${a.probes.searchTerm}”.`,
    '',
    table(
      ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
      a.rows.map((x) =>
        x.c32.requests === 0
          ? [x.endpoint, `0 (no response within ${a.seconds} s)`, '—', '—', '0', '—', '—']
          : [x.endpoint, n(x.c32.reqPerSec, 1), n(x.c32.p50, 1), n(x.c32.p99, 1), n(x.c32.requests), n(x.c32.non2xx), n(x.c32.errors)],
      ),
    ),
    '',
    `HTTP layer's added latency: one request at a time (${a.rows[0]?.samples ?? 0} each, alternating blocks), p50 over HTTP (keep-alive socket, body read) minus p50 of the same call in-process (the service's \`store.run\` queries, no Express). Goal < 1 ms.`,
    '',
    table(
      ['endpoint', 'HTTP p50 ms', 'in-process p50 ms', 'added by HTTP ms'],
      a.rows.map((x) => [x.endpoint, n(x.httpP50, 3), n(x.directP50, 3), `**${n(x.httpAddedP50, 3)}**`]),
    ),
    '',
    `\`${a.rows.map((x) => x.request).join('`, `')}\``,
  ].join('\n');
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
  return [
    '## 3. Browser',
    '',
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

function memorySection(rows: MemoryRow[]): string {
  return [
    '## 4. Memory',
    '',
    'The server as `npm start` runs it (`node --import tsx server/main.ts`) in a child process over a pre-seeded database, a short autocannon load on the four API endpoints (8 connections), then VmHWM from `/proc/<pid>/status`.',
    '',
    table(
      ['relationships', 'nodes', 'idle RSS MiB', 'peak RSS MiB', 'requests', 'non-2xx + errors'],
      rows.map((x) => [n(x.relationships), n(x.nodes), n(x.idleRssMiB, 1), n(x.peakRssMiB, 1), n(x.requests), n(x.non2xx)]),
    ),
  ].join('\n');
}

function extractSection(e: ExtractResult): string {
  if (e.skipped) return ['## 5. Extraction', '', `Skipped: ${e.skipped}.`].join('\n');
  return [
    '## 5. Extraction',
    '',
    `\`extractCandidates\` (extract/extract.ts) over ${n(e.articles)} synthetic corpus-like pages (\`syntheticArticles\` in bench/synthetic.ts), gazetteer of ${n(e.gazetteerEntities)} entities, one thread.`,
    '',
    table(['articles', 'total s', 'articles/s', 'characters/s', 'candidates'], [[n(e.articles), n((e.totalMs ?? 0) / 1000, 2), n(e.articlesPerSec, 1), n(e.charsPerSec), n(e.candidates)]]),
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
    'Raw results: `bench/results/latest.json` and one JSON file per suite beside it.',
    '',
    ...(r.load ? [loadSection(r.load), ''] : []),
    ...(r.api ? [apiSection(r.api), ''] : []),
    ...(r.browser ? [browserSection(r.browser), ''] : []),
    ...(r.memory ? [memorySection(r.memory.rows), ''] : []),
    ...(r.extract ? [extractSection(r.extract), ''] : []),
    ...(r.notes.length ? ['## Notes', '', ...r.notes.map((x) => `- ${x}`), ''] : []),
  ].join('\n');
}
