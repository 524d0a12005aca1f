/**
 * Render options by view size, chosen from the numbers in BENCHMARKS.md
 * (`npm run bench`: bench/suites/browser.ts draws 500 to 50k nodes with twice
 * as many edges, with Cytoscape's defaults, with these options, and with each
 * option alone). Use: `cytoscape({ ...o.init, style: [...graphStyle(p), ...o.style] })`
 * with `o = renderOptionsFor(nodes + edges)`, and spread `o.layout` into fcose.
 *
 * What the numbers say (2-core VM, software rendering; see BENCHMARKS.md):
 * - Edge labels (autorotated, with a background) and curved edges with
 *   arrows are the costliest parts of the app style: past ~1k elements they
 *   cost more than the picture gains, so edge labels show on selection only.
 * - Node label text is measured for every node even when too small to draw:
 *   no outline, no ellipsis wrap, and drawn only when readable.
 * - From ~8k elements drawing during pan and zoom dominates: a texture of the
 *   viewport while it moves, edges and labels hidden while it moves, straight
 *   ('haystack') edges without arrows, pixel ratio 1.
 * - fcose at 'draft' quality without animation lays out 2k nodes in a few
 *   seconds where the defaults take tens.
 * - The WebGL renderer (Cytoscape ≥ 3.31, experimental) was slower on this
 *   machine (software GL); it stays off until measured faster on real GPUs.
 */
import type { CytoscapeOptions, StylesheetStyle } from 'cytoscape';

export type RenderTier = 'full' | 'medium' | 'large';

/** The fcose options this module sets (cytoscape-fcose ships no types). */
export interface FcoseOptions {
  quality: 'default' | 'draft';
  animate: boolean;
  animationDuration: number;
}

export interface RenderOptions {
  tier: RenderTier;
  /** Spread into cytoscape({...}): renderer hints. */
  init: Partial<CytoscapeOptions>;
  /** Appended after the app's style, so these rules win. */
  style: StylesheetStyle[];
  /** Spread into an fcose layout run. */
  layout: FcoseOptions;
}

/** Element counts (nodes + edges) at which a tier starts. */
export const TIER_THRESHOLDS = { medium: 1_000, large: 8_000 } as const;

export function renderTier(elementCount: number): RenderTier {
  if (elementCount >= TIER_THRESHOLDS.large) return 'large';
  if (elementCount >= TIER_THRESHOLDS.medium) return 'medium';
  return 'full';
}

/** Edge labels only on a selected edge, without the text background. */
export const EDGE_LABELS_ON_SELECTION: StylesheetStyle[] = [
  { selector: 'edge', style: { label: '', 'text-background-opacity': 0 } },
  { selector: 'edge:selected', style: { label: 'data(type)' } },
];

/** Node labels without outline or ellipsis wrapping, drawn only when at least `minPx` on screen. */
export function cheapNodeLabels(minPx: number): StylesheetStyle[] {
  return [{ selector: 'node', style: { 'text-outline-width': 0, 'text-wrap': 'none', 'min-zoomed-font-size': minPx } }];
}

/** Straight edges (one draw call each) without arrows, and nodes without borders. */
export const STRAIGHT_EDGES: StylesheetStyle[] = [
  { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', width: 1 } },
  { selector: 'node', style: { 'border-width': 0 } },
];

/** Level of detail while the viewport moves (wheel, drag, pinch). */
export const VIEWPORT_LOD: Partial<CytoscapeOptions> = {
  textureOnViewport: true,
  hideEdgesOnViewport: true,
  hideLabelsOnViewport: true,
};

/** Cytoscape options, extra style rules and fcose options for a view of `elementCount` nodes and edges. */
export function renderOptionsFor(elementCount: number): RenderOptions {
  const count = Math.max(0, elementCount);
  const tier = renderTier(count);
  const init: Partial<CytoscapeOptions> = { motionBlur: false };
  const layout: FcoseOptions = { quality: tier === 'full' ? 'default' : 'draft', animate: tier === 'full', animationDuration: 300 };
  if (tier === 'full') return { tier, init, style: [], layout };
  if (tier === 'medium') return { tier, init, style: [...EDGE_LABELS_ON_SELECTION, ...cheapNodeLabels(8)], layout };
  return {
    tier,
    init: { ...init, ...VIEWPORT_LOD, pixelRatio: 1 },
    style: [...EDGE_LABELS_ON_SELECTION, ...cheapNodeLabels(12), ...STRAIGHT_EDGES],
    layout,
  };
}
