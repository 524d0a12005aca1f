import { describe, expect, it } from 'vitest';
import { BUILD_LANES, inLanes, int32Column, uint8Column } from './build-lanes.js';

describe('index builds: columns and lanes', () => {
  it('a column keeps every value pushed, in order, past its growth', () => {
    const c = int32Column();
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 100_003 - 50_000);
    values.forEach((v) => c.push(v));
    expect(c.length).toBe(5000);
    expect(Array.from(c.values())).toEqual(values);
    expect(c.at(4999)).toBe(values[4999]);
    const small = uint8Column();
    small.push(255);
    expect(Array.from(small.values())).toEqual([255]);
  });

  it('runs every step, at most BUILD_LANES at once, and stops once the build is no longer wanted', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const step = (i: number) => async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      done.push(i);
    };
    await inLanes(Array.from({ length: 7 }, (_, i) => step(i)), () => true, 'dropped');
    expect([...done].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(BUILD_LANES);
    done.length = 0;
    let wanted = true;
    const stopping = inLanes(Array.from({ length: 7 }, (_, i) => async () => { await step(i)(); wanted = false; }), () => wanted, 'the index was dropped');
    await expect(stopping).rejects.toThrow('the index was dropped');
    expect(done.length).toBeLessThan(7);
  });
});
