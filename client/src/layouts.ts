/**
 * Layouts: force-directed (fcose), hierarchical (dagre) and chronological
 * (dated facts and events on a time axis, one lane per label). Animated; the
 * choice is remembered in localStorage.
 */
import type { Core, LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import { NODE_LABELS } from '../../shared/schema.js';
import { fitView, rawEdge, rawNode } from './graph-view.js';

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

/** Runs a layout on the elements that are shown (filtered ones keep their place); resolves when it stops. */
export function runLayout(cy: Core, id: LayoutId, opts: { randomize?: boolean; animate?: boolean } = {}): Promise<void> {
  const shown = cy.elements().not('.filtered');
  if (shown.nodes().empty()) return Promise.resolve();
  const layout = shown.layout(layoutOptions(cy, id, opts));
  const done = new Promise<void>((resolve) =>
    layout.one('layoutstop', () => {
      // Layouts fit the view; a handful of nodes should not be blown up to poster size.
      if (cy.zoom() > 1.6) fitView(cy, opts.animate ?? true);
      resolve();
    }),
  );
  layout.run();
  return done;
}
