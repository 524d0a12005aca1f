/**
 * Render options by view size, chosen from the numbers in BENCHMARKS.md
 * (`npm run bench`: bench/suites/browser.ts draws 500 to 50k nodes with twice
 * as many edges, with Cytoscape's defaults, with these options, and with each
 * option alone). Use: `cytoscape({ ...o.init, style: viewStyle(p, o) })` (graph-view.ts)
 * with `o = renderOptionsFor(nodes + edges, p)`, and spread `o.layout` into fcose.
 *
 * What the numbers say (2-core VM, software rendering; see BENCHMARKS.md):
 * - Edge labels (autorotated, with a background) and curved edges with
 *   arrows are the costliest parts of the app style: past ~1k elements they
 *   cost more than the picture gains, so edges are straight lines and their
 *   label, curve and arrow show on selection, hover and paths only.
 * - Node label text is measured for every node even when too small to draw:
 *   no outline, no ellipsis wrap, and drawn only when readable.
 * - From ~1k elements the app style itself is the cost (fonts, wrapping,
 *   outlines, borders, curved labelled edges: plain Cytoscape beat the app
 *   when the app only overrode them), so a lean style replaces it: colours
 *   and shapes per label, names only when readable, straight unlabelled
 *   edges; from ~8k plus level of detail while the viewport moves and pixel ratio 1.
 * - fcose at 'draft' quality without animation lays out 2k nodes in a few
 *   seconds where the defaults take tens.
 * - The WebGL renderer (Cytoscape ≥ 3.31, experimental) was slower on this
 *   machine (software GL); it stays off until measured faster on real GPUs.
 */
import type { CytoscapeOptions, StylesheetStyle } from 'cytoscape';
import { LABELS, NODE_LABELS } from '../../shared/schema.js';
import { paletteOf, type Palette } from './theme.js';

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
   * When true, `style` is the whole style: past the medium threshold the app
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
 * The whole style for medium and large views (the app style's per-element work
 * costs more than the picture gains there): label colours and shapes from the
 * schema, node names only from `minFontPx` on screen, straight unlabelled edges
 * (haystack: one line each, no arrow), and the classes the app toggles. The
 * edges a person looks at (selected, on a path, labelled on hover) get their
 * curve, arrow and type back. Measured (`--browser-variants`, 500 and 2,000
 * nodes): the app style with bezier edges and arrows cost 1.15-1.4x plain
 * Cytoscape's first frame; this style costs less than plain's.
 */
export function leanStyle(p: Palette = paletteOf('light'), minFontPx = 12): StylesheetStyle[] {
  return [
    { selector: 'node', style: { label: 'data(name)', width: 30, height: 30, 'font-size': 11, color: p.text, 'min-zoomed-font-size': minFontPx, 'text-valign': 'bottom', 'text-margin-y': 4 } },
    ...NODE_LABELS.map((l) => ({ selector: `node[label = "${l}"]`, style: { 'background-color': LABELS[l].color, shape: LABELS[l].shape } })),
    { selector: 'node.side-label', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 } },
    { selector: 'edge', style: { width: 1, 'curve-style': 'haystack', 'haystack-radius': 0, 'line-color': p.edge } },
    {
      selector: 'edge:selected, edge.path, edge.labelled',
      style: {
        'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': p.edge, label: 'data(type)', 'font-size': 10, color: p.text,
        'text-rotation': 'autorotate', 'text-background-color': p.background, 'text-background-opacity': 1, 'z-index': 10,
      },
    },
    { selector: 'edge:selected', style: { width: 3, 'line-color': p.accent, 'target-arrow-color': p.accent, color: p.accent, 'z-index': 20 } },
    { selector: 'node.has-more', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': p.edge } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': p.text } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-style': 'solid', 'border-color': p.accent } },
    { selector: 'edge.path', style: { 'line-color': p.path, 'target-arrow-color': p.path, width: 4, 'z-index': 15 } },
    { selector: 'node.path', style: { 'border-color': p.path, 'border-width': 4 } },
    { selector: '.dimmed', style: { opacity: 0.25 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}

/** The large tier's style (the name the bench's variants use). */
export const minimalStyle = (p: Palette = paletteOf('light')): StylesheetStyle[] => leanStyle(p, 12);

/** Cytoscape options, extra style rules and fcose options for a view of `elementCount` nodes and edges. */
export function renderOptionsFor(elementCount: number, palette: Palette = paletteOf('light')): RenderOptions {
  const count = Math.max(0, elementCount);
  const tier = renderTier(count);
  const init: Partial<CytoscapeOptions> = { motionBlur: false };
  const layout: FcoseOptions = { quality: tier === 'full' ? 'default' : 'draft', animate: tier === 'full', animationDuration: 300 };
  if (tier === 'full') return { tier, init, replacesBaseStyle: false, style: [], layout };
  // Names from 8 px on screen in medium views (as the app style's cheap labels did), 12 px in large ones.
  if (tier === 'medium') return { tier, init, replacesBaseStyle: true, style: leanStyle(palette, 8), layout };
  return { tier, init: { ...init, ...VIEWPORT_LOD, pixelRatio: 1 }, replacesBaseStyle: true, style: leanStyle(palette, 12), layout };
}
