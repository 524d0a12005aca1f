import { describe, expect, it } from 'vitest';
import { declutter, overlaps, type Box } from './declutter.js';

const box = (id: string, x: number, y: number, fixed = false): Box => ({ id, x, y, left: -50, right: 50, top: -15, bottom: 25, fixed });

function apply(boxes: Box[], moves: Map<string, { x: number; y: number }>): Box[] {
  return boxes.map((b) => ({ ...b, ...moves.get(b.id) }));
}

describe('declutter', () => {
  it('separates boxes piled on one spot until none overlap', () => {
    const boxes = Array.from({ length: 12 }, (_, i) => box(`n${i}`, i % 3, Math.floor(i / 3)));
    expect(overlaps(boxes).length).toBeGreaterThan(0);
    const after = apply(boxes, declutter(boxes, { gap: 2, rounds: 200 }));
    expect(overlaps(after)).toEqual([]);
  });

  it('leaves boxes that do not overlap where they are', () => {
    const boxes = [box('a', 0, 0), box('b', 300, 0), box('c', 0, 300)];
    expect(declutter(boxes).size).toBe(0);
  });

  it('moves only along y when asked, and never moves a fixed box', () => {
    const boxes = [box('a', 0, 0, true), box('b', 10, 5), box('c', 20, 10)];
    const moves = declutter(boxes, { axis: 'y', rounds: 100 });
    expect(moves.has('a')).toBe(false);
    for (const [id, p] of moves) expect(p.x).toBe(boxes.find((b) => b.id === id)!.x);
    expect(overlaps(apply(boxes, moves))).toEqual([]);
  });

  it('gives the same result for the same input', () => {
    const boxes = Array.from({ length: 8 }, (_, i) => box(`n${i}`, (i * 7) % 5, (i * 3) % 4));
    expect([...declutter(boxes)]).toEqual([...declutter(boxes)]);
  });
});
