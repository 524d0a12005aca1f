/**
 * The render bench page: draws a synthetic graph with preset positions in one
 * of three configurations and exposes timing hooks to the Playwright driver.
 */
import cytoscape, { type Core, type CytoscapeOptions, type StylesheetJson } from 'cytoscape';
import { aggregateElements, aggregateStyle } from '../../client/src/aggregate.js';
import type { AggregateOverview } from '../../shared/aggregate.js';
import { graphStyle, viewStyle } from '../../client/src/app-style.js';
import { runLayout } from '../../client/src/layouts.js';
import { renderOptionsFor } from '../../client/src/perf.js';
import { paletteOf } from '../../client/src/theme.js';
import type { BenchApi, BenchElements, InitResult, RenderConfig, Variant } from './protocol.js';

const container = document.getElementById('cy')!;
let elements: BenchElements | null = null;
let cy: Core | null = null;
let frames: number[] = [];
let recording = false;
let longTasks: number[] = [];

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function optionsFor(config: RenderConfig, els: BenchElements, variant?: Variant): CytoscapeOptions {
  const all = [...els.nodes, ...els.edges];
  const common = { container, elements: all, layout: { name: 'preset' } };
  if (variant) {
    const base: StylesheetJson = variant.base === 'app' ? graphStyle(paletteOf('light')) : [{ selector: 'node', style: { label: 'data(name)' } }];
    return { ...common, ...variant.init, style: [...base, ...variant.style] };
  }
  if (config === 'naive') return { ...common, style: [{ selector: 'node', style: { label: 'data(name)' } }] };
  const tuned = renderOptionsFor(all.length);
  const style = viewStyle(paletteOf('light'), tuned);
  return { ...common, ...tuned.init, ...(config === 'webgl' ? { webgl: true } : {}), style };
}

async function init(config: RenderConfig, variant?: Variant): Promise<InitResult> {
  if (!elements) throw new Error('load elements first');
  cy?.destroy();
  let rendered = false;
  const t0 = performance.now();
  cy = cytoscape(optionsFor(config, elements, variant));
  const createMs = performance.now() - t0;
  cy.one('render', () => {
    rendered = true;
  });
  // renderer() is not in Cytoscape's types; its `webgl` flag says whether WebGL really took over.
  const webgl = Boolean((cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl);
  // The canvas renderer emits `render` after a frame; the WebGL one does not, so two frames stand for it.
  for (let n = 1; n < 2000; n++) {
    await nextFrame();
    if (rendered || (webgl && n >= 2)) break;
  }
  return { createMs, firstFrameMs: performance.now() - t0, webgl };
}

async function layout(config: RenderConfig): Promise<number> {
  if (!cy) throw new Error('init first');
  const c = cy;
  const t0 = performance.now();
  if (config === 'naive') {
    await new Promise<void>((resolve) => {
      const l = c.layout({ name: 'fcose' } as cytoscape.LayoutOptions);
      l.one('layoutstop', () => resolve());
      l.run();
    });
  } else {
    // The app's own path: tuned fcose options, in a web worker past WORKER_LAYOUT_MIN_ELEMENTS.
    await runLayout(c, 'fcose', { animate: false });
  }
  return performance.now() - t0;
}

function emptyPoint(): { x: number; y: number } {
  if (!cy) throw new Error('init first');
  const w = container.clientWidth;
  const h = container.clientHeight;
  const nodes = cy.nodes().map((n) => ({ p: n.renderedPosition(), r: n.renderedOuterWidth() / 2 }));
  let best = { x: w / 2, y: h / 2, gap: -Infinity };
  for (let gx = 1; gx < 24; gx++) {
    for (let gy = 1; gy < 16; gy++) {
      const x = (gx * w) / 24;
      const y = (gy * h) / 16;
      let gap = Infinity;
      for (const { p, r } of nodes) gap = Math.min(gap, Math.hypot(p.x - x, p.y - y) - r);
      if (gap > best.gap) best = { x, y, gap };
    }
  }
  const rect = container.getBoundingClientRect();
  return { x: rect.left + best.x, y: rect.top + best.y };
}

function recordFrame(t: number) {
  if (!recording) return;
  frames.push(t);
  requestAnimationFrame(recordFrame);
}

/** The explorer's aggregated overview, drawn as client/src/aggregate.ts draws it, from the server's answer. */
async function aggregate(json: string): Promise<InitResult> {
  cy?.destroy();
  let rendered = false;
  const t0 = performance.now();
  const data = JSON.parse(json) as AggregateOverview;
  cy = cytoscape({ container, elements: aggregateElements(data), style: aggregateStyle(), layout: { name: 'circle', padding: 40 } });
  const createMs = performance.now() - t0;
  cy.one('render', () => {
    rendered = true;
  });
  for (let n = 1; n < 2000 && !rendered; n++) await nextFrame();
  return { createMs, firstFrameMs: performance.now() - t0, webgl: false };
}

const api: BenchApi = {
  aggregate,
  async load(nodes) {
    const res = await fetch(`/elements/${nodes}.json`);
    elements = (await res.json()) as BenchElements;
    return elements.nodes.length + elements.edges.length;
  },
  init,
  layout,
  emptyPoint,
  startFrames() {
    frames = [];
    recording = true;
    requestAnimationFrame(recordFrame);
  },
  stopFrames() {
    recording = false;
    return frames.slice(1).map((t, i) => t - frames[i]);
  },
  takeLongTasks() {
    const out = longTasks;
    longTasks = [];
    return out;
  },
  destroy() {
    cy?.destroy();
    cy = null;
  },
};

window.jejakBench = api;
