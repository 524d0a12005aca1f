import { describe, expect, it } from 'vitest';
import { storeClock } from './store-clock.js';

/** A clock the test moves by hand, and promises the test settles by hand. */
function harness() {
  let t = 0;
  const pending: Array<() => void> = [];
  const store = {
    engine: 'fake',
    wait: () => new Promise<string>((resolve) => pending.push(() => resolve('done'))),
    fail: () => Promise.reject(new Error('refused')),
    now: () => 7,
    throws: (): never => {
      throw new Error('bad call');
    },
  };
  const clock = storeClock(store, () => t);
  return { clock, advance: (ms: number) => (t += ms), settle: (i: number) => pending[i](), store: clock.store };
}

describe('storeClock: the wall time a request spends inside the store', () => {
  it('counts a call from its start to its settling, and nothing outside calls', async () => {
    const h = harness();
    h.advance(5); // before any call
    const call = h.store.wait();
    h.advance(12);
    h.settle(0);
    expect(await call).toBe('done');
    h.advance(30); // after it
    expect(h.clock.elapsed()).toBe(12);
  });

  it('counts overlapping calls once, as wall time', async () => {
    const h = harness();
    const a = h.store.wait();
    h.advance(4);
    const b = h.store.wait();
    h.advance(6);
    h.settle(0);
    await a;
    h.advance(3);
    h.settle(1);
    await b;
    // a ran 0–10, b 4–13: the store was busy 13, not 10 + 9.
    expect(h.clock.elapsed()).toBe(13);
  });

  it('includes a call still running, and starts again from zero at reset', async () => {
    const h = harness();
    const a = h.store.wait();
    h.advance(8);
    h.settle(0);
    await a;
    h.clock.reset();
    expect(h.clock.elapsed()).toBe(0);
    const b = h.store.wait();
    h.advance(2);
    expect(h.clock.elapsed()).toBe(2);
    h.advance(3);
    h.settle(1);
    await b;
    expect(h.clock.elapsed()).toBe(5);
  });

  it('stops counting when a call rejects or throws, and passes the error and plain values through', async () => {
    const h = harness();
    await expect(h.store.fail()).rejects.toThrow('refused');
    expect(() => h.store.throws()).toThrow('bad call');
    expect(h.store.now()).toBe(7);
    expect(h.store.engine).toBe('fake');
    // Nothing is left counting: time passing now is not the store's.
    h.advance(50);
    expect(h.clock.elapsed()).toBe(0);
  });
});
