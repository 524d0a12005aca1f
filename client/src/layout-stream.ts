/**
 * Applying precomputed positions (from the layout worker) to a large view in
 * slices, one slice per frame, so no task of the page runs long while the
 * view can be drawn within a frame's budget; past that, in as few draws as
 * possible. The viewport is set to the final fit first (from the positions
 * themselves, not Cytoscape's bounding boxes, which would measure every
 * element), so each slice is drawn where it will stay.
 */
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';

export type Positions = Record<string, { x: number; y: number }>;

/** A frame's work for one slice, ms: the slice and the draw that follows it must stay well under a long task (200 ms). */
const SLICE_BUDGET_MS = 40;
const FIRST_SLICE = 500;
/** A frame past this (a slice and the draw after it) means the view is too big to draw often: the rest goes in at once. */
const FRAME_BUDGET_MS = 150;
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
 * Moves `nodes` to `positions` a slice per frame while a frame (the slice and
 * the draw after it) stays under FRAME_BUDGET_MS; the slice grows while
 * setting it is cheap. When a single draw of the view costs more than that
 * (10k nodes and 20k edges on a software canvas: about a second), slicing
 * would only add long frames, so the rest goes in at once: one draw.
 * Nodes without a position keep theirs.
 */
export async function streamPositions(cy: Core, nodes: NodeCollection, positions: Positions, opts: { padding?: number } = {}): Promise<void> {
  const fit = fitOf(positions, cy.width(), cy.height(), 30, opts.padding ?? 30, cy.maxZoom());
  if (fit) cy.viewport({ zoom: Math.max(cy.minZoom(), fit.zoom), pan: fit.pan });
  const total = nodes.length;
  const place = (part: NodeCollection) => part.positions((n) => positions[(n as NodeSingular).id()] ?? (n as NodeSingular).position());
  let slice = Math.max(Math.ceil(total / MAX_FRAMES), FIRST_SLICE);
  for (let i = 0; i < total; ) {
    const started = performance.now();
    const part = nodes.slice(i, i + slice);
    i += part.length;
    place(part);
    const setMs = performance.now() - started;
    if (i >= total) break;
    await afterFrame();
    if (performance.now() - started > FRAME_BUDGET_MS) {
      place(nodes.slice(i));
      break;
    }
    if (setMs < SLICE_BUDGET_MS / 2) slice *= 2;
  }
}
