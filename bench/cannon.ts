/**
 * autocannon in a process of its own (so it never shares the server's event
 * loop): a JSON job in argv[2], its summary as JSON on stdout. Several
 * requests cycle per connection, which makes a mixed load.
 */
import autocannon from 'autocannon';

export interface CannonJob {
  url: string;
  connections: number;
  seconds: number;
  requests: Array<{ method: 'GET' | 'POST'; path: string; body?: string }>;
}

const job = JSON.parse(process.argv[2]) as CannonJob;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  requests: job.requests.map((r) => ({ method: r.method, path: r.path, body: r.body, headers: r.body ? { 'content-type': 'application/json' } : {} })),
});
process.stdout.write(
  JSON.stringify({
    p50: result.latency.p50,
    p99: result.latency.p99,
    reqPerSec: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    // Which answers were not 2xx (status → count): a 503 of a full queue is not a 500.
    statuses: Object.fromEntries(Object.entries((result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, s]) => [code, s.count])),
    errors: result.errors + result.timeouts,
  }) + '\n',
);
