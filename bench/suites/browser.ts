/**
 * Browser: builds bench/browser with Vite, serves it and the synthetic
 * elements from 127.0.0.1, and drives headless Chromium through it: first
 * frame, pan/zoom frame times (real wheel and drag input, so Cytoscape's
 * viewport level of detail engages), long tasks and fcose layout time.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { StylesheetStyle } from 'cytoscape';
import type { Graph } from '../../shared/graph.js';
import type { BenchElements, InitResult, RenderConfig, Variant } from '../browser/protocol.js';
import { cheapNodeLabels, EDGE_LABELS_ON_SELECTION, leanStyle, minimalStyle, STRAIGHT_EDGES, VIEWPORT_LOD } from '../../client/src/perf.js';
import { paletteOf } from '../../client/src/theme.js';
import { CHROMIUM_PATH } from '../machine.js';
import { percentile, round, sleep } from '../stats.js';
import { prng, syntheticGraph } from '../synthetic.js';

const PAGE_DIR = fileURLToPath(new URL('../browser', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

export interface BrowserCase {
  nodes: number;
  edges: number;
  /** NAIVE, JEJAK, WEBGL, or the name of a one-change variant. */
  config: RenderConfig | string;
  createMs: number | null;
  firstFrameMs: number | null;
  frameMedianMs: number | null;
  frameP95Ms: number | null;
  /** Interaction time / frames: Cytoscape skips frames after a slow one, so the median alone flatters. */
  frameMeanMs: number | null;
  frames: number;
  longTasksOver200: number;
  longestTaskMs: number;
  layoutMs: number | null;
  /** Long tasks over 200 ms while the layout ran (JEJAK runs fcose in a web worker past 1k elements). */
  layoutLongTasksOver200: number | null;
  layoutLongestTaskMs: number | null;
  webgl: boolean;
  /** The page's main-thread CPU time over the first frame (Chromium's ThreadTime), ms: what contention does not inflate. */
  firstFrameCpuMs: number | null;
  /** Every first frame taken of this case (repeats, NAIVE and JEJAK alternating); firstFrameMs is their median. */
  firstFrameSamples?: number[];
  firstFrameCpuSamples?: number[];
  error?: string;
}

/** Cytoscape elements with preset positions on a jittered grid (with gaps, so a drag can start on empty canvas). */
export function benchElements(graph: Graph, seed = 5): BenchElements {
  const rand = prng(seed);
  const side = Math.ceil(Math.sqrt(graph.nodes.length));
  const order = graph.nodes.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return {
    nodes: graph.nodes.map((n, i) => ({
      data: { id: n.id, label: n.label, name: String(n.properties.name) },
      position: { x: (order[i] % side) * 80 + rand() * 20, y: Math.floor(order[i] / side) * 80 + rand() * 20 },
    })),
    edges: graph.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, type: e.type } })),
  };
}

/** The medium tier's rules before the lean style: appended to the app style, bezier edges with arrows. */
const OLD_MEDIUM: StylesheetStyle[] = [...EDGE_LABELS_ON_SELECTION, ...cheapNodeLabels(8)];
/** The medium tier's style now (JEJAK at these sizes), for one-change variants of it. */
const LEAN = leanStyle(paletteOf('light'), 8);

/**
 * Small views (500 and 2,000 nodes: perf.ts's medium tier), one change at a
 * time against what the app draws there (JEJAK: the lean style), and the
 * older medium tier taken apart, to find what costs the first frame against
 * plain Cytoscape.
 */
export const SMALL_VARIANTS: Variant[] = [
  { name: 'old medium tier (app style + edge labels on selection + cheap node labels)', base: 'app', init: {}, style: OLD_MEDIUM },
  { name: 'old medium + straight edges, no arrows (haystack)', base: 'app', init: {}, style: [...OLD_MEDIUM, ...STRAIGHT_EDGES] },
  { name: "old medium + 'straight' edges with arrows", base: 'app', init: {}, style: [...OLD_MEDIUM, { selector: 'edge', style: { 'curve-style': 'straight' } }] },
  { name: 'lean + bezier edges with arrows', base: 'naive', init: {}, style: [...LEAN, { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } }] },
  { name: 'lean + app label font and outline', base: 'naive', init: {}, style: [...LEAN, { selector: 'node', style: { 'font-family': 'system-ui, sans-serif', 'text-outline-width': 2, 'text-outline-color': '#ffffff' } }] },
  { name: 'lean + node borders', base: 'naive', init: {}, style: [...LEAN, { selector: 'node', style: { 'border-width': 1, 'border-color': '#ffffff' } }] },
  { name: 'lean, no node labels', base: 'naive', init: {}, style: [...LEAN, { selector: 'node', style: { label: '' } }] },
  { name: 'lean + pixel ratio 1, viewport LOD', base: 'naive', init: { ...VIEWPORT_LOD, pixelRatio: 1 }, style: LEAN },
  { name: 'lean, names from 12 px (the large tier)', base: 'naive', init: {}, style: minimalStyle() },
];

/** One change at a time on top of the app style, to show what each option of client/src/perf.ts buys. */
export const VARIANTS: Variant[] = [
  { name: 'app style, untuned', base: 'app', init: {}, style: [] },
  { name: '+ edge labels on selection only', base: 'app', init: {}, style: EDGE_LABELS_ON_SELECTION },
  { name: '+ cheap node labels (min 12 px)', base: 'app', init: {}, style: cheapNodeLabels(12) },
  { name: '+ straight edges, no arrows', base: 'app', init: {}, style: STRAIGHT_EDGES },
  { name: '+ viewport LOD', base: 'app', init: VIEWPORT_LOD, style: [] },
  { name: 'naive + viewport LOD', base: 'naive', init: VIEWPORT_LOD, style: [] },
  { name: 'minimal style alone (no LOD)', base: 'naive', init: {}, style: minimalStyle() },
];

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: '/',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, reportCompressedSize: false },
  });
}

function serve(dir: string, elements: Map<number, string>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/elements\/(\d+)\.json$/.exec(url.pathname);
    if (m && elements.has(Number(m[1]))) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(elements.get(Number(m[1])));
    }
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      return void res.end();
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms))]);
}

/**
 * Wheel zoom in and out at the centre, then drag-pan from an empty point and
 * back, until `ms` have passed. Input is sent back to back (each event waits
 * for the page to take it), so every frame has a viewport change to draw.
 */
async function interact(page: Page, ms: number): Promise<void> {
  const centre = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
  const empty = await page.evaluate(() => window.jejakBench!.emptyPoint());
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    await page.mouse.move(centre.x, centre.y);
    for (let k = 0; k < 6 && Date.now() - t0 < ms; k++) {
      await page.mouse.wheel(0, k < 3 ? -120 : 120);
    }
    await page.mouse.move(empty.x, empty.y);
    await page.mouse.down();
    for (let k = 1; k <= 16 && Date.now() - t0 < ms * 1.5; k++) {
      const step = k <= 8 ? k : 16 - k;
      await page.mouse.move(empty.x + step * 12, empty.y + step * 6);
    }
    await page.mouse.up();
  }
}

/**
 * The page's main-thread CPU time so far (Chromium's ThreadTime metric, ms):
 * unlike wall time it does not grow when other work on the machine takes the
 * cores, so small differences (the app against plain Cytoscape) stand out on a busy machine.
 */
async function cpuClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  };
}

/** One more first frame of a case, in a new page (nothing else measured). */
async function firstFrameOnce(browser: Browser, baseUrl: string, nodes: number, config: RenderConfig, timeoutMs: number, variant?: Variant): Promise<{ wall: number; cpu: number } | null> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  try {
    await page.goto(baseUrl);
    await page.waitForFunction(() => Boolean(window.jejakBench));
    await page.evaluate((n) => window.jejakBench!.load(n), nodes);
    const cpu = await cpuClock(page);
    const cpu0 = await cpu();
    const init = await withTimeout<InitResult>(
      page.evaluate(([c, v]) => window.jejakBench!.init(c as RenderConfig, v ? (JSON.parse(v) as Variant) : undefined), [config, variant ? JSON.stringify(variant) : '']),
      timeoutMs,
      'first frame',
    );
    return { wall: init.firstFrameMs, cpu: (await cpu()) - cpu0 };
  } catch {
    return null;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Takes `repeats - 1` more first frames of each case, the cases alternating, and keeps the median in each. */
async function repeatFirstFrames(browser: Browser, baseUrl: string, cases: Array<{ c: BrowserCase; config: RenderConfig; variant?: Variant }>, repeats: number, timeoutMs: number): Promise<void> {
  for (const { c } of cases) {
    c.firstFrameSamples = c.firstFrameMs === null ? [] : [c.firstFrameMs];
    c.firstFrameCpuSamples = c.firstFrameCpuMs === null ? [] : [c.firstFrameCpuMs];
  }
  for (let r = 1; r < repeats; r++) {
    for (const { c, config, variant } of r % 2 ? [...cases].reverse() : cases) {
      const ms = await firstFrameOnce(browser, baseUrl, c.nodes, config, timeoutMs, variant);
      if (ms === null) continue;
      c.firstFrameSamples!.push(round(ms.wall, 1));
      c.firstFrameCpuSamples!.push(round(ms.cpu, 1));
    }
  }
  for (const { c } of cases) {
    if (c.firstFrameSamples!.length) c.firstFrameMs = round(percentile(c.firstFrameSamples!, 50), 1);
    if (c.firstFrameCpuSamples!.length) c.firstFrameCpuMs = round(percentile(c.firstFrameCpuSamples!, 50), 1);
  }
}

function emptyCase(nodes: number, config: string): BrowserCase {
  return {
    nodes,
    edges: 2 * nodes,
    config,
    createMs: null,
    firstFrameMs: null,
    firstFrameCpuMs: null,
    frameMedianMs: null,
    frameP95Ms: null,
    frameMeanMs: null,
    frames: 0,
    longTasksOver200: 0,
    longestTaskMs: 0,
    layoutMs: null,
    layoutLongTasksOver200: null,
    layoutLongestTaskMs: null,
    webgl: false,
  };
}

async function runCase(browser: Browser, baseUrl: string, nodes: number, config: RenderConfig, interactionMs: number, timeoutMs: number, withLayout: boolean, variant?: Variant): Promise<BrowserCase> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const result = emptyCase(nodes, variant?.name ?? config);
  const longTasks: number[] = [];
  try {
    await page.goto(baseUrl);
    await page.waitForFunction(() => Boolean(window.jejakBench));
    const elements = await page.evaluate((n) => window.jejakBench!.load(n), nodes);
    result.edges = elements - nodes;
    await page.evaluate(() => window.jejakBench!.takeLongTasks());
    const cpu = await cpuClock(page);
    const cpu0 = await cpu();
    const init = await withTimeout<InitResult>(page.evaluate(
        // The variant travels as JSON: Cytoscape's style types are too deep for Playwright's argument typing.
        ([c, v]) => window.jejakBench!.init(c as RenderConfig, v ? (JSON.parse(v) as Variant) : undefined),
        [config, variant ? JSON.stringify(variant) : ''],
      ), timeoutMs, 'first frame');
    Object.assign(result, { createMs: round(init.createMs, 1), firstFrameMs: round(init.firstFrameMs, 1), firstFrameCpuMs: round((await cpu()) - cpu0, 1), webgl: init.webgl });
    await sleep(300);
    await page.evaluate(() => window.jejakBench!.startFrames());
    await withTimeout(interact(page, interactionMs), timeoutMs, 'pan/zoom');
    await sleep(200);
    const intervals = await withTimeout(page.evaluate(() => window.jejakBench!.stopFrames()), timeoutMs, 'frames');
    Object.assign(result, { frames: intervals.length, frameMedianMs: round(percentile(intervals, 50), 1), frameP95Ms: round(percentile(intervals, 95), 1),
      frameMeanMs: intervals.length ? round(intervals.reduce((a, b) => a + b, 0) / intervals.length, 1) : null,
    });
    longTasks.push(...(await page.evaluate(() => window.jejakBench!.takeLongTasks())));
    if (withLayout) {
      result.layoutMs = round(await withTimeout(page.evaluate((c) => window.jejakBench!.layout(c), config), timeoutMs, 'layout'), 1);
      await sleep(200);
      const during = await page.evaluate(() => window.jejakBench!.takeLongTasks());
      result.layoutLongTasksOver200 = during.filter((d) => d > 200).length;
      result.layoutLongestTaskMs = round(Math.max(0, ...during), 1);
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
  } finally {
    result.longTasksOver200 = longTasks.filter((d) => d > 200).length;
    result.longestTaskMs = round(Math.max(0, ...longTasks), 1);
    await context.close().catch(() => undefined);
  }
  return result;
}

export interface BrowserPlan {
  sizes: number[];
  /** Sizes at which the WebGL renderer is tried too. */
  webglSizes: number[];
  /** Sizes at which fcose is timed. */
  layoutSizes: number[];
  /** Size for the one-change variants of the large tier (none when undefined). */
  variantSize?: number;
  /** Sizes for the small views' one-change variants (SMALL_VARIANTS). */
  smallVariantSizes?: number[];
  /** First frames at sizes up to 2,000 nodes are taken this many times, NAIVE and JEJAK alternating, and the median kept (one frame there is a few hundred ms, within the noise of a busy machine). */
  repeats?: number;
  interactionMs: number;
  timeoutMs: number;
}

/** An aggregated overview measured by the API suite, to draw here. */
export interface AggregateInput {
  engine: string;
  relationships: number;
  body: unknown;
  /** The server's answer, cached (p50 over HTTP) and the first one. */
  serverWarmMs: number;
  serverColdMs: number;
}

export interface AggregateCase {
  engine: string;
  relationships: number;
  groups: number;
  links: number;
  renderMs: number | null;
  serverWarmMs: number;
  serverColdMs: number;
  /** Server (cached) + drawing: what a user waits for the first frame; the goal is < 1 s. */
  firstFrameMs: number | null;
  error?: string;
}

export interface BrowserResult {
  viewport: typeof VIEWPORT;
  plan: BrowserPlan;
  cases: BrowserCase[];
  aggregates: AggregateCase[];
}

async function runAggregate(browser: Browser, baseUrl: string, a: AggregateInput): Promise<AggregateCase> {
  const body = a.body as { groups?: unknown[]; links?: unknown[] };
  const out: AggregateCase = { engine: a.engine, relationships: a.relationships, groups: body.groups?.length ?? 0, links: body.links?.length ?? 0, renderMs: null, serverWarmMs: a.serverWarmMs, serverColdMs: a.serverColdMs, firstFrameMs: null };
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  try {
    await page.goto(baseUrl);
    await page.waitForFunction(() => Boolean(window.jejakBench));
    const r = await page.evaluate((json) => window.jejakBench!.aggregate(json), JSON.stringify(a.body));
    out.renderMs = round(r.firstFrameMs, 1);
    out.firstFrameMs = round(r.firstFrameMs + a.serverWarmMs, 1);
  } catch (err) {
    out.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
  } finally {
    await context.close().catch(() => undefined);
  }
  return out;
}

export async function runBrowser(workDir: string, plan: BrowserPlan, log: (line: string) => void, aggregateInputs: AggregateInput[] = []): Promise<BrowserResult> {
  const outDir = path.join(workDir, 'browser-dist');
  await buildPage(outDir);
  const sizes = [...new Set([...plan.sizes, ...(plan.smallVariantSizes ?? []), ...(plan.variantSize ? [plan.variantSize] : [])])];
  const elements = new Map(sizes.map((n) => [n, JSON.stringify(benchElements(syntheticGraph({ relationships: 2 * n, nodes: n, seed: 11 })))]));
  const server = await serve(outDir, elements);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  const cases: BrowserCase[] = [];
  const aggregates: AggregateCase[] = [];
  const report = (c: BrowserCase) => {
    log(
      `browser: ${c.nodes} nodes, ${c.config}: first frame ${c.firstFrameMs} ms (CPU ${c.firstFrameCpuMs} ms${c.firstFrameSamples && c.firstFrameSamples.length > 1 ? `; medians of ${c.firstFrameSamples.length}` : ''}), frames median ${c.frameMedianMs} / p95 ${c.frameP95Ms} / mean ${c.frameMeanMs} ms (${c.frames}), long tasks >200 ms: ${c.longTasksOver200}, layout ${c.layoutMs ?? '—'} ms (long tasks >200 ms during it: ${c.layoutLongTasksOver200 ?? '—'})${c.webgl ? ' (webgl)' : ''}${c.error ? ` ERROR ${c.error}` : ''}`,
    );
    cases.push(c);
  };
  try {
    for (const a of aggregateInputs) {
      const c = await runAggregate(browser, baseUrl, a);
      log(`browser: aggregated overview, ${c.engine} ${c.relationships}: drawn in ${c.renderMs} ms, + server ${c.serverWarmMs} ms = ${c.firstFrameMs} ms${c.error ? ` ERROR ${c.error}` : ''}`);
      aggregates.push(c);
    }
    const repeats = plan.repeats ?? 1;
    for (const n of plan.sizes) {
      const configs: RenderConfig[] = plan.webglSizes.includes(n) ? ['naive', 'jejak', 'webgl'] : ['naive', 'jejak'];
      // Past 2k nodes only JEJAK lays out: main-thread fcose with its defaults takes minutes there.
      const lays = (config: RenderConfig) => plan.layoutSizes.includes(n) && (n <= 2_000 || config === 'jejak');
      const done: Array<{ c: BrowserCase; config: RenderConfig }> = [];
      for (const config of configs) done.push({ c: await runCase(browser, baseUrl, n, config, plan.interactionMs, plan.timeoutMs, lays(config)), config });
      // Small views: the first frame is the goal (not slower than plain Cytoscape), measured side by side several times.
      if (n <= 2_000 && repeats > 1) await repeatFirstFrames(browser, baseUrl, done, repeats, plan.timeoutMs);
      done.forEach(({ c }) => report(c));
    }
    // Small views' variants: first frames only (the question is what costs it), NAIVE among them, alternating.
    for (const n of plan.smallVariantSizes ?? []) {
      const blank = (config: string): BrowserCase => ({ ...emptyCase(n, config), firstFrameMs: null, firstFrameCpuMs: null });
      const cases: Array<{ c: BrowserCase; config: RenderConfig; variant?: Variant }> = [
        { c: blank('naive (first frame only)'), config: 'naive' },
        { c: blank('jejak (first frame only)'), config: 'jejak' },
        ...SMALL_VARIANTS.map((v) => ({ c: blank(v.name), config: 'jejak' as RenderConfig, variant: v })),
      ];
      await repeatFirstFrames(browser, baseUrl, cases, Math.max(2, repeats) + 1, plan.timeoutMs);
      cases.forEach(({ c }) => report(c));
    }
    if (plan.variantSize) {
      for (const v of VARIANTS) report(await runCase(browser, baseUrl, plan.variantSize, 'jejak', plan.interactionMs, plan.timeoutMs, false, v));
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return { viewport: VIEWPORT, plan, cases, aggregates };
}
