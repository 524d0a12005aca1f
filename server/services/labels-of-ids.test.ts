import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { seededStore, testEngines, type SeededStore } from '../testing/harness.js';
import { labelsOfIds } from './ingest.js';

describe.each(testEngines())('labelsOfIds on %s', (engine) => {
  let seeded: SeededStore;
  beforeAll(async () => {
    seeded = await seededStore(engine);
  }, 120_000);
  afterAll(async () => seeded?.close());

  /** The store, with every query text it is asked to run written down. */
  const recording = (texts: string[]): Store => new Proxy(seeded.store, { get: (s, k) => (k === 'run' ? (q: string, ...rest: unknown[]) => (texts.push(q), (s.run as (...a: unknown[]) => unknown)(q, ...rest)) : Reflect.get(s, k)) });

  it('finds each id in the table its id names, and leaves out ids that are not there', async () => {
    const texts: string[] = [];
    const labels = await labelsOfIds(recording(texts), ['person:vladimir-putin', 'state:russia', 'person:vladimir-putin', 'state:atlantis', 'agreement:comprehensive-strategic-partnership-treaty']);
    expect([...labels].sort()).toEqual([
      ['agreement:comprehensive-strategic-partnership-treaty', 'Agreement'],
      ['person:vladimir-putin', 'Person'],
      ['state:russia', 'State'],
    ]);
    // Each lookup is its label's own text, the same whatever else a commit asks: a plan cache keeps it.
    expect(new Set(texts).size).toBe(3);
    const again: string[] = [];
    await labelsOfIds(recording(again), ['state:north-korea', 'person:kim-jong-un']);
    for (const t of again) expect(texts).toContain(t);
  });
});
