/**
 * Applying precomputed positions (from the layout worker) to a large view in
 * slices, one slice per frame, so no task of the page runs long: setting 10k
 * positions at once, then fitting and drawing them, blocked the page for
 * seconds. The viewport is set to the final fit first (from the positions
 * themselves, not Cytoscape's bounding boxes, which would measure every
 * element), so each slice is drawn where it will stay.
 */
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';

export type Positions = Record<string, { x: number; y: number }>;

/** A frame's work for one slice, ms: the slice and the draw that follows it must stay well under a long task (200 ms). */
const SLICE_BUDGET_MS = 40;
const FIRST_SLICE = 500;
const MAX_FRAMES = 12;

/** Resolves after the next frame has been drawn (a task boundary, so the browser renders in between). */
const afterFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The zoom and pan that fit `positions` (node centres, plus `margin` model px around them) into the canvas. */
export function fitOf(positions: Positions, width: number, height: number, margin: number, padding: number, maxZoom: number): { zoom: number; pan: { x: number; y: number } } | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const id in positions) {
    const p = positions[id];
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  }
  if (!Number.isFinite(x1)) return null;
  x1 -= margin;
  y1 -= margin;
  x2 += margin;
  y2 += margin;
  const zoom = Math.min(maxZoom, (width - 2 * padding) / Math.max(x2 - x1, 1), (height - 2 * padding) / Math.max(y2 - y1, 1));
  return { zoom, pan: { x: width / 2 - zoom * (x1 + x2) / 2, y: height / 2 - zoom * (y1 + y2) / 2 } };
}

/**
 * Moves `nodes` to `positions` a slice per frame; the slice grows while
 * setting it stays under budget and shrinks past it (the draw after each
 * slice costs the same whatever its size, so at most MAX_FRAMES of them).
 * Nodes without a position keep theirs.
 */
export async function streamPositions(cy: Core, nodes: NodeCollection, positions: Positions, opts: { padding?: number } = {}): Promise<void> {
  const fit = fitOf(positions, cy.width(), cy.height(), 30, opts.padding ?? 30, cy.maxZoom());
  if (fit) cy.viewport({ zoom: Math.max(cy.minZoom(), fit.zoom), pan: fit.pan });
  const total = nodes.length;
  const least = Math.ceil(total / MAX_FRAMES);
  let slice = Math.max(least, FIRST_SLICE);
  for (let i = 0; i < total; ) {
    const started = performance.now();
    const part = nodes.slice(i, i + slice);
    i += part.length;
    part.positions((n) => positions[(n as NodeSingular).id()] ?? (n as NodeSingular).position());
    const took = performance.now() - started;
    slice = took < SLICE_BUDGET_MS / 2 ? slice * 2 : took > SLICE_BUDGET_MS ? Math.max(least, Math.floor(slice / 2)) : slice;
    if (i < total) await afterFrame();
  }
}
