/**
 * Keeps node labels apart: force layouts space node centres, not the names
 * under them, so long names piled onto each other. After a layout, boxes
 * (node and label together) that still overlap are pushed apart along the
 * axis where they overlap least, until none do or the rounds run out.
 */

export interface Box {
  id: string;
  /** Centre of the node the box belongs to (what moves). */
  x: number;
  y: number;
  /** The box relative to that centre. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Pinned nodes stay where they are; the other one of a pair moves the whole way. */
  fixed?: boolean;
}

export interface DeclutterOptions {
  /** Gap to leave between boxes, in model units. */
  gap?: number;
  /** 'y' moves nodes only up and down (a chronological layout keeps its dates on x). */
  axis?: 'both' | 'y';
  rounds?: number;
}

function overlap(a: Box, b: Box, gap: number): { dx: number; dy: number } | null {
  const ox = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left) + gap;
  const oy = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top) + gap;
  return ox > 0 && oy > 0 ? { dx: ox, dy: oy } : null;
}

/** New centres for the boxes that had to move (the input is not changed). */
export function declutter(input: readonly Box[], opts: DeclutterOptions = {}): Map<string, { x: number; y: number }> {
  const gap = opts.gap ?? 4;
  const rounds = opts.rounds ?? 60;
  const boxes = input.map((b) => ({ ...b }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    // Sweep by left edge: only boxes whose x ranges meet can overlap.
    const order = [...boxes].sort((a, b) => a.x + a.left - (b.x + b.left));
    for (let i = 0; i < order.length; i++) {
      const a = order[i];
      for (let j = i + 1; j < order.length; j++) {
        const b = order[j];
        if (b.x + b.left > a.x + a.right + gap) break;
        const o = overlap(a, b, gap);
        if (!o || (a.fixed && b.fixed)) continue;
        const alongY = opts.axis === 'y' || o.dy <= o.dx;
        const amount = alongY ? o.dy : o.dx;
        // Push the pair apart in the direction they already lie (ties by id, so the result is stable).
        const ahead = alongY ? (b.y !== a.y ? b.y > a.y : b.id > a.id) : b.x !== a.x ? b.x > a.x : b.id > a.id;
        const sign = ahead ? 1 : -1;
        const shareA = a.fixed ? 0 : b.fixed ? 1 : 0.5;
        const shareB = 1 - shareA;
        if (alongY) {
          a.y -= sign * amount * shareA;
          b.y += sign * amount * shareB;
        } else {
          a.x -= sign * amount * shareA;
          b.x += sign * amount * shareB;
        }
        moved = true;
      }
    }
    if (!moved) break;
  }
  const result = new Map<string, { x: number; y: number }>();
  boxes.forEach((b, i) => {
    if (b.x !== input[i].x || b.y !== input[i].y) result.set(b.id, { x: b.x, y: b.y });
  });
  return result;
}

/** Pairs of boxes that overlap (for tests and checks). */
export function overlaps(boxes: readonly Box[], gap = 0): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i], boxes[j], gap - 0.5)) out.push([boxes[i].id, boxes[j].id]);
  return out;
}
