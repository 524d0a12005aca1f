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

  // Bounded by count, not by time: every one of the requests must be answered without an error,
  // however busy the machine (a throughput floor would be a timed test; the bench measures speed).
  it('serves a mixed read load on 127.0.0.1 (20 connections, 200 requests): every request answered, zero errors, the graph unchanged', async () => {
    const counts = async () => {
      const h = (await (await fetch(`${s.url}/api/health`)).json()) as HealthResponse;
      return [h.nodes, h.relationships];
    };
    const before = await counts();
    const result = await runLoad(s.url, { seconds: 240, connections: 20, maxRequests: 200, requestTimeoutMs: 60_000 });
    expect(result.requests).toBe(200);
    expect(result.errors).toBe(0);
    expect(result.statuses).toEqual({ 200: 200 });
    expect(await counts()).toEqual(before);
    // A tracked file: written only when asked (npm run bench), never by npm test.
    if (process.env.JEJAK_WRITE_BENCH_RESULTS !== '1') return;
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(
      new URL('load-test-short.json', RESULTS),
      `${JSON.stringify({ ...result, kind: 'npm test short form', machine: { cpus: os.cpus().length, node: process.version } }, null, 2)}\n`,
    );
  }, 300_000);
});
