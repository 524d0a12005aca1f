import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testEngines, type TestServer } from './testing/harness.js';

// Legal, slow, and cut by the timeout: each holds a reader for timeoutMs.
const SLOW = 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a * b AS x WHERE x % 7 = 3 RETURN sum(x) AS s';

async function post(base: string, url: string, body: unknown) {
  const res = await fetch(base + url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe.each(testEngines())('ad-hoc budget on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    // The default budget (cores − 1): Kùzu runs a query on as many threads as the machine has cores,
    // so a budget of every core lets slow queries take every engine thread; the default must leave
    // the engine room for search.
    s = await startTestServer(engine, { JEJAK_ADHOC_QUEUE: '16' });
  });
  afterAll(async () => s?.close());

  it('slow ad-hoc queries cannot starve search under the default budget: at most the budget runs at once, and a search sent after three more than that answers first', async () => {
    const slots = s.config.adhoc.concurrency;
    expect(slots).toBe(Math.max(1, os.availableParallelism() - 1));
    // Count user-written queries on the engine at once (the real store, only observed).
    let inFlight = 0;
    let most = 0;
    const run = s.store.run.bind(s.store);
    s.store.run = async (...args: Parameters<typeof run>) => {
      // Only the slow ones: an engine's built-in reads may use run() too.
      if (args[0] !== SLOW) return run(...args);
      most = Math.max(most, ++inFlight);
      try {
        return await run(...args);
      } finally {
        inFlight--;
      }
    };
    const order: string[] = [];
    const slow = Array.from({ length: slots + 3 }, (_, i) =>
      post(s.url, '/api/cypher', { query: SLOW, timeoutMs: 3000 }).then((r) => {
        order.push(`slow${i}:${r.status}`);
        return r.status;
      }),
    );
    // Let them pass the guard and take the slots (the other three then queue up); on a busy machine that takes a while.
    for (let i = 0; i < 400 && inFlight < slots; i++) await new Promise((r) => setTimeout(r, 50));
    expect(inFlight).toBe(slots);
    const search = fetch(`${s.url}/api/search?q=kim`, { signal: AbortSignal.timeout(30_000) }).then(async (r) => {
      order.push(`search:${r.status}`);
      return r.status;
    });
    expect(await search).toBe(200);
    const statuses = await Promise.all(slow);
    s.store.run = run;
    expect(order[0]).toBe('search:200');
    // Each slow one ran (to its timeout) rather than being refused: the queue had room.
    expect(statuses).toEqual(Array.from({ length: slots + 3 }, () => 408));
    expect(most).toBe(slots);
  });
});

describe('ad-hoc budget when full', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('kuzu', { JEJAK_ADHOC_CONCURRENCY: '1', JEJAK_ADHOC_QUEUE: '1' });
  });
  afterAll(async () => s?.close());

  it('answers 429 naming both limits once the slots and the queue are taken, and runs again afterwards', async () => {
    const first = post(s.url, '/api/cypher', { query: SLOW, timeoutMs: 1500 });
    await new Promise((r) => setTimeout(r, 200));
    const second = post(s.url, '/api/cypher', { query: SLOW, timeoutMs: 1500 });
    await new Promise((r) => setTimeout(r, 200));
    const third = await post(s.url, '/api/queries/entity-neighbourhood/run', { params: { id: 'person:kim-jong-un' } });
    expect(third.status).toBe(429);
    expect(third.body.error).toEqual({
      code: 'RATE_LIMITED',
      message: '1 ad-hoc or saved queries are running and 1 are waiting, the most allowed; try again shortly (JEJAK_ADHOC_CONCURRENCY is 1, JEJAK_ADHOC_QUEUE is 1)',
      details: { concurrency: 1, queue: 1 },
    });
    expect((await first).status).toBe(408);
    expect((await second).status).toBe(408);
    const after = await post(s.url, '/api/cypher', { query: 'RETURN 1 AS one' });
    expect(after.status).toBe(200);
  });
});
