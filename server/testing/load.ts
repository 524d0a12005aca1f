/**
 * A bounded load generator for loopback tests and benchmarks: `connections`
 * workers send a mix of read requests for `seconds` (and at most `maxRequests`),
 * then stop by themselves. Only 127.0.0.1 is allowed as a target.
 */
export interface LoadResult {
  seconds: number;
  connections: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

export const READ_MIX = [
  '/api/health',
  '/api/search?q=korut',
  '/api/search?q=kim',
  '/api/nodes/state:north-korea',
  '/api/nodes/state:north-korea/neighbours?limit=20',
  '/api/nodes/agreement:comprehensive-strategic-partnership-treaty/neighbours?types=RATIFIED,SIGNED',
  '/api/graph?limit=200',
  '/api/paths?from=person:volodymyr-zelenskiy&to=person:kim-jong-un',
  '/api/timeline?from=2024-06-01&to=2024-12-31',
  '/api/queries',
];

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

export async function runLoad(base: string, opts: { seconds: number; connections: number; maxRequests?: number; paths?: string[]; requestTimeoutMs?: number }): Promise<LoadResult> {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error(`load tests target loopback only, not ${url.hostname}`);
  const paths = opts.paths ?? READ_MIX;
  const deadline = performance.now() + opts.seconds * 1000;
  const maxRequests = opts.maxRequests ?? 1_000_000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  const worker = async (w: number) => {
    let i = w;
    while (performance.now() < deadline && sent < maxRequests) {
      sent++;
      const started = performance.now();
      try {
        const res = await fetch(base + paths[i++ % paths.length], { signal: AbortSignal.timeout(opts.requestTimeoutMs ?? 10_000) });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 400) errors++;
      } catch {
        statuses.network = (statuses.network ?? 0) + 1;
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: opts.connections }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    seconds: round(elapsed),
    connections: opts.connections,
    requests: latencies.length,
    errors,
    statuses,
    requestsPerSecond: round(latencies.length / elapsed),
    latencyMs: { p50: round(percentile(latencies, 50)), p90: round(percentile(latencies, 90)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? 0) },
  };
}
