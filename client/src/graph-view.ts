/**
 * The Cytoscape instance: elements from graph JSON in the app style
 * (app-style.ts), with level of detail (labels disappear when zoomed out).
 * Past ~1k elements the lean style and render options of perf.ts replace it
 * (measured in BENCHMARKS.md); the small seed graph draws in the app style.
 */
import cytoscape, { type CollectionReturnValue, type Core, type CytoscapeOptions, type ElementDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { Graph, GraphEdge, GraphNode } from '../../shared/graph.js';
import { graphStyle, viewStyle } from './app-style.js';
import { spreadOf } from './seeded.js';
import { renderOptionsFor, renderTier, type RenderOptions, type RenderTier } from './perf.js';
import type { Palette } from './theme.js';

export { graphStyle, viewStyle };

// Extensions are registered once, at start-up.
cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

export function displayName(node: GraphNode): string {
  const p = node.properties;
  return String(p.name ?? p.headline ?? node.id);
}

function nodeElement(node: GraphNode): ElementDefinition {
  return { group: 'nodes', data: { id: node.id, label: node.label, name: displayName(node), raw: node } };
}

function edgeElement(edge: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type, date: edge.properties.date ?? null, raw: edge },
  };
}

export function rawNode(ele: cytoscape.NodeSingular): GraphNode {
  return ele.data('raw') as GraphNode;
}

export function rawEdge(ele: cytoscape.EdgeSingular): GraphEdge {
  return ele.data('raw') as GraphEdge;
}

/** Below this zoom the node names (11 px) are no longer drawn (min-zoomed-font-size 7). */
export const READABLE_ZOOM = 0.66;

/**
 * Fits what is shown, without zooming a handful of nodes up to poster size.
 * `readable`: a wide layout (hierarchy, chronological) is not shrunk until
 * its names vanish; it starts at its top left at the smallest readable zoom
 * (`'centre'`: at its middle, for layouts whose core is there).
 * `eles`: fit these instead of everything not hidden (filters fit what they leave shown).
 */
export function fitView(cy: Core, animate = true, opts: { readable?: boolean | 'centre'; eles?: CollectionReturnValue } = {}): void {
  const eles = opts.eles ?? cy.elements().not('.filtered');
  if (eles.empty()) return;
  const bb = eles.boundingBox();
  const padding = 40;
  const fit = Math.min(1.6, (cy.width() - 2 * padding) / Math.max(bb.w, 1), (cy.height() - 2 * padding) / Math.max(bb.h, 1));
  let zoom = fit;
  let pan = { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) };
  if (opts.readable && fit < READABLE_ZOOM) {
    zoom = READABLE_ZOOM;
    if (opts.readable === 'centre') {
      // A force layout's story is at its middle: keep that in view, the rim a pan away.
      pan = { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) };
    } else {
      const x = bb.w * zoom + 2 * padding <= cy.width() ? cy.width() / 2 - zoom * (bb.x1 + bb.w / 2) : padding - zoom * bb.x1;
      // From the top: the chronological axis puts its dates there.
      const y = padding + 20 - zoom * bb.y1;
      pan = { x, y };
    }
  }
  if (animate) cy.animate({ zoom, pan, duration: 300 });
  else cy.viewport({ zoom, pan });
}

const TIER_RANK: Record<RenderTier, number> = { full: 0, medium: 1, large: 2 };

/** Cytoscape's own defaults for the renderer options perf.ts may set, to go back to when a view shrinks. */
const RENDERER_DEFAULTS = { motionBlur: false, textureOnViewport: false, hideEdgesOnViewport: false, pixelRatio: 'auto' } as const satisfies Partial<CytoscapeOptions>;

/**
 * Renderer options are read once, when Cytoscape starts; a view that grows or
 * shrinks later gets them through the canvas renderer's fields (Cytoscape 3.x,
 * not in its types). A renderer without those fields is left alone.
 */
function applyRendererOptions(cy: Core, init: Partial<CytoscapeOptions>): void {
  const r = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
  if (!r || !('textureOnViewport' in r) || !('forcedPixelRatio' in r)) return;
  const o = { ...RENDERER_DEFAULTS, ...init };
  r.motionBlurEnabled = o.motionBlur;
  r.textureOnViewport = o.textureOnViewport;
  r.hideEdgesOnViewport = o.hideEdgesOnViewport;
  r.forcedPixelRatio = typeof o.pixelRatio === 'number' ? o.pixelRatio : null;
  // The canvases are sized by the pixel ratio.
  cy.resize();
}

export interface GraphView {
  cy: Core;
  /** Adds nodes and edges not yet in view (edges only when both ends are); returns the ids added. */
  add(graph: Graph): string[];
  /** Replaces everything in view. */
  replace(graph: Graph): void;
  /** The graph JSON of what is in view (including filtered elements). */
  snapshot(): Graph;
  setPalette(p: Palette): void;
  /** The render options for what is in view now (perf.ts); `layout` is for fcose runs. */
  renderOptions(): RenderOptions;
}

export function createGraphView(container: HTMLElement, palette: Palette): GraphView {
  let current = renderOptionsFor(0, palette);
  let currentPalette = palette;
  const cy = cytoscape({
    container,
    ...current.init,
    style: viewStyle(palette, current),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: true,
    selectionType: 'additive',
  });

  /**
   * Re-chooses the render options when the element count moves into another
   * tier. Growing switches at the threshold; shrinking only once the count is
   * a fifth below it, so a view hovering at a threshold does not flip back and forth.
   */
  const retune = (count = cy.elements().length) => {
    const tier = renderTier(count);
    if (tier === current.tier) return;
    if (TIER_RANK[tier] < TIER_RANK[current.tier] && renderTier(Math.ceil(count * 1.25)) === current.tier) return;
    current = renderOptionsFor(count, currentPalette);
    cy.style(viewStyle(currentPalette, current));
    applyRendererOptions(cy, current.init);
  };
  // Removals (hide, undo) happen outside this module too; one check per burst of them.
  let pending = false;
  cy.on('remove', () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      retune();
    });
  });

  // The canvas follows its container (results table opening, window resizing).
  new ResizeObserver(() => cy.resize()).observe(container);

  const add = (graph: Graph): string[] => {
    const fresh: ElementDefinition[] = [];
    for (const n of graph.nodes) if (cy.getElementById(n.id).empty()) fresh.push(nodeElement(n));
    const incoming = new Set(graph.nodes.map((n) => n.id));
    const present = (id: string) => incoming.has(id) || cy.getElementById(id).nonempty();
    for (const e of graph.edges) if (cy.getElementById(e.id).empty() && present(e.source) && present(e.target)) fresh.push(edgeElement(e));
    if (!fresh.length) return [];
    // In id order: layouts visit elements in the order they were added, and the API's order may vary.
    fresh.sort((a, b) => (a.group === b.group ? (String(a.data.id) < String(b.data.id) ? -1 : 1) : a.group === 'nodes' ? -1 : 1));
    // Start new nodes spread around the view centre (edges between coincident nodes are undefined),
    // at a spot derived from the id: the same graph always starts, and so ends, the same way.
    const ext = cy.extent();
    for (const f of fresh) {
      if (f.group !== 'nodes') continue;
      const [dx, dy] = spreadOf(String(f.data.id));
      f.position = { x: (ext.x1 + ext.x2) / 2 + dx * 300, y: (ext.y1 + ext.y2) / 2 + dy * 300 };
    }
    // The tier for the count after adding, chosen before: a big graph arriving is styled once, in its own tier,
    // instead of in the app style first and again in the lean one (a whole second style pass at 10k).
    retune(cy.elements().length + fresh.length);
    return cy.add(fresh).map((ele) => ele.id());
  };

  return {
    cy,
    add,
    replace(graph) {
      cy.batch(() => {
        cy.elements().remove();
        add(graph);
      });
    },
    snapshot() {
      return { nodes: cy.nodes().map(rawNode), edges: cy.edges().map(rawEdge) };
    },
    setPalette(p) {
      currentPalette = p;
      // The same tier in the new colours.
      current = renderOptionsFor(cy.elements().length, p);
      cy.style(viewStyle(p, current));
      applyRendererOptions(cy, current.init);
    },
    renderOptions: () => current,
  };
}
