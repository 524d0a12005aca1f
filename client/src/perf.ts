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
 * - From ~8k elements the app style itself is the cost (fonts, wrapping,
 *   outlines, curved labelled edges: NAIVE beat JEJAK when JEJAK only
 *   overrode them), so a minimal style replaces it: colours and shapes per
 *   label, names only when readable, straight unlabelled edges; plus level of
 *   detail while the viewport moves and pixel ratio 1.
 * - fcose at 'draft' quality without animation lays out 2k nodes in a few
 *   seconds where the defaults take tens.
 * - The WebGL renderer (Cytoscape ≥ 3.31, experimental) was slower on this
 *   machine (software GL); it stays off until measured faster on real GPUs.
 */
import type { CytoscapeOptions, StylesheetStyle } from 'cytoscape';
import { LABELS, NODE_LABELS } from '../../shared/schema.js';

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
  /**
   * When false, `style` is appended after the app's style (its rules win).
   * When true, `style` is the whole style: past the large threshold the app
   * style's per-element work (fonts, wrapping, outlines, curved labelled
   * edges) costs more than overriding it saves.
   */
  replacesBaseStyle: boolean;
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

/**
 * The whole style for large views: label colours and shapes from the schema,
 * node names only when readable, straight unlabelled edges, and the classes
 * the app toggles (selection, path, faded, filtered) in neutral colours.
 */
export function minimalStyle(): StylesheetStyle[] {
  return [
    { selector: 'node', style: { label: 'data(name)', width: 30, height: 30, 'font-size': 11, 'min-zoomed-font-size': 12, 'text-valign': 'bottom' } },
    ...NODE_LABELS.map((l) => ({ selector: `node[label = "${l}"]`, style: { 'background-color': LABELS[l].color, shape: LABELS[l].shape } })),
    { selector: 'edge', style: { width: 1, 'curve-style': 'haystack', 'haystack-radius': 0, 'line-color': '#9aa4ae' } },
    { selector: 'edge:selected', style: { label: 'data(type)', width: 3, 'line-color': '#0a66c2', 'font-size': 10 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0a66c2' } },
    { selector: 'edge.path', style: { 'line-color': '#d62976', width: 4 } },
    { selector: 'node.path', style: { 'border-color': '#d62976', 'border-width': 4 } },
    { selector: '.dimmed', style: { opacity: 0.25 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}

/** Cytoscape options, extra style rules and fcose options for a view of `elementCount` nodes and edges. */
export function renderOptionsFor(elementCount: number): RenderOptions {
  const count = Math.max(0, elementCount);
  const tier = renderTier(count);
  const init: Partial<CytoscapeOptions> = { motionBlur: false };
  const layout: FcoseOptions = { quality: tier === 'full' ? 'default' : 'draft', animate: tier === 'full', animationDuration: 300 };
  if (tier === 'full') return { tier, init, replacesBaseStyle: false, style: [], layout };
  if (tier === 'medium') return { tier, init, replacesBaseStyle: false, style: [...EDGE_LABELS_ON_SELECTION, ...cheapNodeLabels(8)], layout };
  return { tier, init: { ...init, ...VIEWPORT_LOD, pixelRatio: 1 }, replacesBaseStyle: true, style: minimalStyle(), layout };
}
