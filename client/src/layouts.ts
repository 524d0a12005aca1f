/**
 * Layouts: force-directed (fcose), hierarchical (dagre) and chronological
 * (dated facts and events on a time axis, one lane per label). Animated; the
 * choice is remembered in localStorage.
 */
import type { CollectionReturnValue, Core, LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import { NODE_LABELS } from '../../shared/schema.js';
import { fitView, rawEdge, rawNode } from './graph-view.js';
import type { LayoutReply, LayoutRequest } from './layout-worker.js';
import { renderOptionsFor } from './perf.js';

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

/** The earliest date of a node: its own (events) or of its dated relationships. */
function nodeDate(node: NodeSingular): string | null {
  const own = rawNode(node).properties.date;
  if (typeof own === 'string' && own) return own.slice(0, 10);
  let best: string | null = null;
  node.connectedEdges().forEach((e) => {
    const d = rawEdge(e).properties.date;
    if (typeof d === 'string' && d && (!best || d < best)) best = d.slice(0, 10);
  });
  return best;
}

/**
 * x = the node's earliest date, by rank among the distinct dates (a 1950 war
 * and a dense 2024 would leave a linear axis empty); undated nodes in a column
 * on the left. y = one lane per label, nodes of the same date stacked in it.
 */
export function chronologicalPositions(nodes: NodeCollection): Record<string, { x: number; y: number }> {
  const items = nodes.map((n) => ({ id: n.id(), lane: NODE_LABELS.indexOf(n.data('label') as (typeof NODE_LABELS)[number]), date: nodeDate(n) }));
  const dates = [...new Set(items.map((i) => i.date).filter((d): d is string => !!d))].sort();
  const column = (date: string | null) => (date ? dates.indexOf(date) + 1 : 0);
  const stacks = new Map<string, number>();
  const depth = new Map<number, number>();
  const slots = items.map((i) => {
    const key = `${i.lane}:${column(i.date)}`;
    const k = stacks.get(key) ?? 0;
    stacks.set(key, k + 1);
    depth.set(i.lane, Math.max(depth.get(i.lane) ?? 0, k + 1));
    return k;
  });
  // Each lane is as tall as its highest stack.
  const laneTop = new Map<number, number>();
  let top = 0;
  for (let lane = -1; lane < NODE_LABELS.length; lane++) {
    laneTop.set(lane, top);
    top += (depth.get(lane) ?? 0) * 44 + (depth.has(lane) ? 50 : 0);
  }
  const positions: Record<string, { x: number; y: number }> = {};
  items.forEach((i, k) => {
    positions[i.id] = { x: column(i.date) * 150, y: (laneTop.get(i.lane) ?? 0) + slots[k] * 44 };
  });
  return positions;
}

export function layoutOptions(cy: Core, id: LayoutId, opts: { randomize?: boolean; animate?: boolean } = {}): LayoutOptions {
  const animate = opts.animate ?? true;
  const pinned = cy.nodes('.pinned').map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
  switch (id) {
    case 'dagre':
      return { name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 90, animate, animationDuration: 500, fit: true, padding: 30 } as LayoutOptions;
    case 'chronological': {
      const positions = chronologicalPositions(cy.nodes());
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
        nodeRepulsion: 9000,
        idealEdgeLength: 110,
        nodeSeparation: 80,
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

function whenStopped(cy: Core, layout: ReturnType<Core['layout']>, animate: boolean): Promise<void> {
  const done = new Promise<void>((resolve) =>
    layout.one('layoutstop', () => {
      // Layouts fit the view; a handful of nodes should not be blown up to poster size.
      if (cy.zoom() > 1.6) fitView(cy, animate);
      resolve();
    }),
  );
  layout.run();
  return done;
}

/** Runs a layout on the elements that are shown (filtered ones keep their place); resolves when it stops. */
export async function runLayout(cy: Core, id: LayoutId, opts: { randomize?: boolean; animate?: boolean } = {}): Promise<void> {
  const shown = cy.elements().not('.filtered');
  if (shown.nodes().empty()) return;
  const tuned = renderOptionsFor(shown.length).layout;
  const animate = (opts.animate ?? true) && tuned.animate;
  const options = layoutOptions(cy, id, { ...opts, animate });
  if (id === 'fcose') Object.assign(options, { quality: tuned.quality === 'draft' ? 'draft' : (options as { quality?: string }).quality });
  if (id === 'fcose' && shown.length >= WORKER_LAYOUT_MIN_ELEMENTS && typeof Worker !== 'undefined') {
    try {
      const positions = await fcoseInWorker(shown, options);
      layoutStats.worker++;
      const place = shown.nodes().layout({ name: 'preset', positions: (n: NodeSingular) => positions[n.id()] ?? n.position(), animate, animationDuration: 400, fit: true, padding: 30 } as LayoutOptions);
      return whenStopped(cy, place, animate);
    } catch (err) {
      console.warn('jejak: the layout worker failed; laying out on the main thread', err);
    }
  }
  layoutStats.mainThread++;
  return whenStopped(cy, shown.layout(options), animate);
}
