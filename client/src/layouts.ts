/**
 * Layouts: force-directed (fcose), hierarchical (dagre) and chronological
 * (dated facts and events on a time axis, one lane per label). Animated; the
 * choice is remembered in localStorage. The same graph gets the same picture
 * (seeded randomness), and names are kept apart after every layout.
 */
import type { CollectionReturnValue, Core, LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import { NODE_LABELS } from '../../shared/schema.js';
import { declutter, type Box } from './declutter.js';
import { fitView, rawEdge, rawNode } from './graph-view.js';
import type { LayoutReply, LayoutRequest } from './layout-worker.js';
import { streamPositions } from './layout-stream.js';
import { renderOptionsFor } from './perf.js';
import { hashOf, withSeed } from './seeded.js';

/** From this many shown elements on, fcose runs in a web worker (the main thread would freeze for seconds). */
export const WORKER_LAYOUT_MIN_ELEMENTS = 1_000;
/** How many layouts ran in a worker: a hook for browser tests. */
export const layoutStats = { worker: 0, mainThread: 0 };

export const LAYOUTS = [
  { id: 'fcose', title: 'Force (fcose)' },
  { id: 'dagre', title: 'Hierarchy (dagre)' },
  { id: 'chronological', title: 'Chronological' },
  { id: 'concentric', title: 'Concentric (by degree)' },
] as const;

export type LayoutId = (typeof LAYOUTS)[number]['id'];

const KEY = 'jejak.layout';

export function isLayoutId(value: string): value is LayoutId {
  return LAYOUTS.some((l) => l.id === value);
}

export function rememberedLayout(): LayoutId {
  const saved = localStorage.getItem(KEY) ?? '';
  return isLayoutId(saved) ? saved : 'fcose';
}

export function rememberLayout(id: LayoutId): void {
  localStorage.setItem(KEY, id);
}

/** The earliest date of a node: its own (events) or of its dated relationships (a range counts from its start). */
function nodeDate(node: NodeSingular): { date: string; precision: string } | null {
  const own = rawNode(node).properties;
  if (typeof own.date === 'string' && own.date) return { date: own.date.slice(0, 10), precision: String(own.datePrecision ?? 'day') };
  let best: { date: string; precision: string } | null = null;
  node.connectedEdges().forEach((e) => {
    const p = rawEdge(e).properties;
    const d = p.date ?? p.dateFrom;
    if (typeof d === 'string' && d && (!best || d.slice(0, 10) < best.date)) best = { date: d.slice(0, 10), precision: String(p.datePrecision ?? 'day') };
  });
  return best;
}

/** Where the chronological layout put its dates and lanes, in model coordinates (drawn by chrono-axis.ts). */
export interface ChronoAxis {
  /** One per distinct date; `precision` (day, month, year) says how much of it the facts state. */
  columns: Array<{ date: string; precision: string; x: number }>;
  lanes: Array<{ label: string; top: number; bottom: number; ids: string[] }>;
  /** The band of nodes with no date, under the lanes; null when every node is dated. */
  undated: { top: number; bottom: number; count: number; ids: string[] } | null;
}

const COLUMN = 150;
const ROW = 46;
const LANE_GAP = 30;

/**
 * x = the node's earliest date, by rank among the distinct dates (a 1950 war
 * and a dense 2024 would leave a linear axis empty); y = one lane per label,
 * nodes of the same date stacked in it. Undated nodes go in a band of their
 * own under the lanes, in rows as wide as the dated part.
 */
export function chronologicalPlan(nodes: NodeCollection): { positions: Record<string, { x: number; y: number }>; axis: ChronoAxis } {
  const items = nodes
    .map((n) => {
      const d = nodeDate(n);
      return { id: n.id(), name: String(n.data('name')), lane: NODE_LABELS.indexOf(n.data('label') as (typeof NODE_LABELS)[number]), date: d?.date ?? null, precision: d?.precision ?? 'day' };
    })
    .sort((a, b) => a.lane - b.lane || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const dates = [...new Set(items.map((i) => i.date).filter((d): d is string => !!d))].sort();
  const dated = items.filter((i) => i.date);
  const undated = items.filter((i) => !i.date);
  const stacks = new Map<string, number>();
  const depth = new Map<number, number>();
  const slot = new Map<string, number>();
  for (const i of dated) {
    const key = `${i.lane}:${i.date}`;
    const k = stacks.get(key) ?? 0;
    stacks.set(key, k + 1);
    slot.set(i.id, k);
    depth.set(i.lane, Math.max(depth.get(i.lane) ?? 0, k + 1));
  }
  const positions: Record<string, { x: number; y: number }> = {};
  const lanes: ChronoAxis['lanes'] = [];
  let top = 0;
  for (let lane = -1; lane < NODE_LABELS.length; lane++) {
    const rows = depth.get(lane);
    if (!rows) continue;
    const label = lane >= 0 ? NODE_LABELS[lane] : 'Other';
    for (const i of dated) if (i.lane === lane) positions[i.id] = { x: dates.indexOf(i.date as string) * COLUMN, y: top + (slot.get(i.id) ?? 0) * ROW };
    lanes.push({ label, top: top - ROW / 2, bottom: top + (rows - 1) * ROW + ROW / 2, ids: dated.filter((i) => i.lane === lane).map((i) => i.id) });
    top += rows * ROW + LANE_GAP;
  }
  let band: ChronoAxis['undated'] = null;
  if (undated.length) {
    const perRow = Math.max(dates.length, 4);
    undated.forEach((i, k) => {
      positions[i.id] = { x: (k % perRow) * COLUMN, y: top + Math.floor(k / perRow) * ROW };
    });
    const rows = Math.ceil(undated.length / perRow);
    band = { top: top - ROW / 2, bottom: top + (rows - 1) * ROW + ROW / 2, count: undated.length, ids: undated.map((i) => i.id) };
  }
  const precision = (date: string) => dated.find((i) => i.date === date && i.precision === 'day')?.precision ?? dated.find((i) => i.date === date)?.precision ?? 'day';
  return { positions, axis: { columns: dates.map((date, k) => ({ date, precision: precision(date), x: k * COLUMN })), lanes, undated: band } };
}

/** Layouts that put names beside their nodes (rows of nodes stay low). */
export function usesSideLabels(id: LayoutId): boolean {
  return id === 'dagre' || id === 'chronological';
}

type AxisListener = (axis: ChronoAxis | null) => void;
let axisListener: AxisListener = () => undefined;
/** Called after every layout with the chronological axis, or null for the other layouts. */
export function onChronoAxis(listener: AxisListener): void {
  axisListener = listener;
}

export interface LayoutRunOptions {
  randomize?: boolean;
  animate?: boolean;
  /** Only these nodes move (new ones from an expansion); the others keep their places. */
  moving?: string[];
}

export function layoutOptions(cy: Core, id: LayoutId, opts: LayoutRunOptions = {}): LayoutOptions {
  const animate = opts.animate ?? true;
  const moving = opts.moving ? new Set(opts.moving) : null;
  const fixed = cy.nodes().filter((n: NodeSingular) => n.hasClass('pinned') || (moving !== null && !moving.has(n.id()) && !n.hasClass('filtered')));
  const pinned = fixed.map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } }));
  switch (id) {
    case 'dagre':
      return { name: 'dagre', rankDir: 'LR', nodeSep: 8, rankSep: 70, nodeDimensionsIncludeLabels: true, animate, animationDuration: 500, fit: true, padding: 30 } as LayoutOptions;
    case 'chronological': {
      const { positions } = chronologicalPlan(cy.nodes().not('.filtered'));
      return { name: 'preset', positions: (n: NodeSingular) => positions[n.id()], animate, animationDuration: 500, fit: true, padding: 30 } as LayoutOptions;
    }
    case 'concentric':
      return { name: 'concentric', concentric: (n: NodeSingular) => n.degree(false), levelWidth: () => 2, animate, animationDuration: 500, minNodeSpacing: 30, fit: true, padding: 30 } as LayoutOptions;
    default: {
      const randomize = opts.randomize ?? true;
      return {
        name: 'fcose',
        quality: randomize ? 'default' : 'proof',
        randomize,
        animate,
        animationDuration: 600,
        fit: true,
        padding: 30,
        nodeRepulsion: 6000,
        idealEdgeLength: 70,
        nodeSeparation: 40,
        nodeDimensionsIncludeLabels: true,
        fixedNodeConstraint: pinned.length ? pinned : undefined,
      } as LayoutOptions;
    }
  }
}

/** fcose in a web worker; resolves with the positions, rejects when the worker fails. */
function fcoseInWorker(shown: CollectionReturnValue, options: LayoutOptions): Promise<Record<string, { x: number; y: number }>> {
  const nodes = shown.nodes();
  const ids = new Set(nodes.map((n) => n.id()));
  const request: LayoutRequest = {
    nodes: nodes.map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y'), w: n.width(), h: n.height() })),
    edges: shown
      .edges()
      .map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }))
      .filter((e) => ids.has(e.source) && ids.has(e.target)),
    // Functions cannot be cloned into a worker; fcose's own defaults stand in for them.
    options: JSON.parse(JSON.stringify(options)) as Record<string, unknown>,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<LayoutReply>) => {
      worker.terminate();
      if (ev.data.positions) resolve(ev.data.positions);
      else reject(new Error(ev.data.error ?? 'layout worker answered nothing'));
    };
    worker.onerror = (ev) => {
      worker.terminate();
      reject(new Error(ev.message || 'layout worker failed'));
    };
    worker.postMessage(request);
  });
}

/** The lanes as the nodes ended up after decluttering: each spans its nodes' boxes, labels included. */
function fittedAxis(cy: Core, axis: ChronoAxis): ChronoAxis {
  const span = <T extends { top: number; bottom: number; ids: string[] }>(lane: T): T => {
    const ids = new Set(lane.ids);
    const nodes = cy.nodes().filter((n) => ids.has(n.id()));
    if (nodes.empty()) return lane;
    const b = nodes.boundingBox({ includeLabels: true });
    return { ...lane, top: b.y1 - 4, bottom: b.y2 + 4 };
  };
  return { columns: axis.columns, lanes: axis.lanes.map(span), undated: axis.undated ? span(axis.undated) : null };
}

/** Label-inclusive boxes of the shown nodes pushed apart (declutter.ts); small views only, it is quadratic at worst. */
const DECLUTTER_MAX_NODES = 400;
function declutterLabels(cy: Core, id: LayoutId): void {
  const nodes = cy.nodes().not('.filtered');
  if (nodes.length > DECLUTTER_MAX_NODES) return;
  const boxes: Box[] = nodes.map((n: NodeSingular) => {
    const p = n.position();
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false } as Parameters<NodeSingular['boundingBox']>[0]);
    return { id: n.id(), x: p.x, y: p.y, left: b.x1 - p.x, right: b.x2 - p.x, top: b.y1 - p.y, bottom: b.y2 - p.y, fixed: n.locked() };
  });
  const moves = declutter(boxes, { gap: 4, axis: id === 'chronological' ? 'y' : 'both' });
  cy.batch(() => {
    for (const [nodeId, p] of moves) (cy.getElementById(nodeId) as NodeSingular).position(p);
  });
}

/** After a layout has placed the nodes: labels apart, the view fitted, the chronological axis drawn. */
function settle(cy: Core, id: LayoutId): void {
  declutterLabels(cy, id);
  // Layouts fit the view; a handful of nodes should not be blown up to poster size,
  // and a wide layout starts at a zoom where its names can be read.
  // Every layout: a graph wider than the canvas at a readable zoom (the seed's 44 nodes, force
  // layout) keeps its names readable rather than shrinking them away.
  // Hierarchy and chronological read from their start (ranks, dates); the others from their middle.
  fitView(cy, false, { readable: id === 'dagre' || id === 'chronological' ? true : 'centre' });
  axisListener(id === 'chronological' ? fittedAxis(cy, chronologicalPlan(cy.nodes().not('.filtered')).axis) : null);
}

function whenStopped(cy: Core, id: LayoutId, layout: ReturnType<Core['layout']>, animate: boolean, seed: number | null): Promise<void> {
  const done = new Promise<void>((resolve) =>
    layout.one('layoutstop', () => {
      settle(cy, id);
      resolve();
    }),
  );
  if (seed === null) layout.run();
  else withSeed(seed, () => layout.run());
  return done;
}

/** The seed of a view: the ids it shows, so the same graph gets the same picture. */
function seedOf(shown: CollectionReturnValue): number {
  return hashOf(shown.nodes().map((n) => n.id()).sort().join('\n'));
}

/** Runs a layout on the elements that are shown (filtered ones keep their place); resolves when it stops. */
export async function runLayout(cy: Core, id: LayoutId, opts: LayoutRunOptions = {}): Promise<void> {
  const shown = cy.elements().not('.filtered');
  cy.nodes().toggleClass('side-label', usesSideLabels(id));
  if (shown.nodes().empty()) return axisListener(null);
  const tuned = renderOptionsFor(shown.length).layout;
  const animate = (opts.animate ?? true) && tuned.animate;
  const options = layoutOptions(cy, id, { ...opts, animate });
  if (id === 'fcose') Object.assign(options, { quality: tuned.quality === 'draft' ? 'draft' : (options as { quality?: string }).quality });
  if (id === 'fcose' && shown.length >= WORKER_LAYOUT_MIN_ELEMENTS && typeof Worker !== 'undefined') {
    try {
      const positions = await fcoseInWorker(shown, options);
      layoutStats.worker++;
      // Large views: the positions go in a slice per frame (layout-stream.ts), so placing them never blocks the page.
      if (!animate) {
        await streamPositions(cy, shown.nodes(), positions);
        return settle(cy, id);
      }
      const place = shown.nodes().layout({ name: 'preset', positions: (n: NodeSingular) => positions[n.id()] ?? n.position(), animate, animationDuration: 400, fit: true, padding: 30 } as LayoutOptions);
      return whenStopped(cy, id, place, animate, null);
    } catch (err) {
      console.warn('jejak: the layout worker failed; laying out on the main thread', err);
    }
  }
  layoutStats.mainThread++;
  return whenStopped(cy, id, shown.layout(options), animate, seedOf(shown));
}
