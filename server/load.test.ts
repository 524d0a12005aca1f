import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../shared/api.js';
import { startTestServer, type TestServer } from './testing/harness.js';
import { runLoad } from './testing/load.js';

const RESULTS = new URL('../bench/results/', import.meta.url);

describe('load (short form)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('kuzu');
  });
  afterAll(async () => s?.close());

  it('serves a mixed read load on 127.0.0.1 with zero errors and the graph unchanged', async () => {
    const counts = async () => {
      const h = (await (await fetch(`${s.url}/api/health`)).json()) as HealthResponse;
      return [h.nodes, h.relationships];
    };
    const before = await counts();
    const result = await runLoad(s.url, { seconds: 8, connections: 20, maxRequests: 20_000 });
    expect(result.requests).toBeGreaterThan(100);
    expect(result.errors).toBe(0);
    expect(await counts()).toEqual(before);
    // A tracked file: written only when asked (npm run bench), never by npm test.
    if (process.env.JEJAK_WRITE_BENCH_RESULTS !== '1') return;
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(
      new URL('load-test-short.json', RESULTS),
      `${JSON.stringify({ ...result, kind: 'npm test short form', machine: { cpus: os.cpus().length, node: process.version } }, null, 2)}\n`,
    );
  });
});
