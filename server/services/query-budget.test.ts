import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';
import { QueryBudget } from './query-budget.js';

/** A query that ends when the test says so. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe('query budget', () => {
  it('under the default limits, 32 saved queries sent at once (the mixed load of 32 connections) all run, in order, at most the concurrency at a time', async () => {
    const limits = loadConfig({}).adhoc;
    const budget = new QueryBudget(limits);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 32 }, held);
    const runs = gates.map((gate, i) =>
      budget.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await gate.done;
        running--;
        return i;
      }),
    );
    for (const gate of gates) {
      await new Promise((r) => setImmediate(r));
      gate.finish();
    }
    expect(await Promise.all(runs)).toEqual(gates.map((_, i) => i));
    expect(started).toEqual(gates.map((_, i) => i));
    expect(most).toBe(limits.concurrency);
  });

  it('refuses with 429 and names both settings once the slots and the queue are full', async () => {
    const budget = new QueryBudget({ concurrency: 1, queue: 2 });
    const gate = held();
    const admitted = [0, 1, 2].map(() => budget.run(() => gate.done));
    await expect(budget.run(() => gate.done)).rejects.toMatchObject({
      status: 429,
      message: '1 ad-hoc or saved queries are running and 2 are waiting, the most allowed; try again shortly (JEJAK_ADHOC_CONCURRENCY is 1, JEJAK_ADHOC_QUEUE is 2)',
    });
    gate.finish();
    await Promise.all(admitted);
  });
});
