import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  HOST: z.string().default('127.0.0.1'),
  JEJAK_DATA_DIR: z.string().default('./data'),
  // Kùzu's page cache; pages it lets go are read back from the OS's file cache. At 1M relationships
  // 512 took server + worker to 1,196 MiB at their peaks, 384 to 973–1,039 MiB, 256 to 886 MiB,
  // one request at a time and 32 connections as fast (2026-12-02).
  JEJAK_KUZU_BUFFER_MB: z.coerce.number().int().min(64).max(1_048_576).default(256),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  JEJAK_QUERY_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  JEJAK_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  JEJAK_BODY_LIMIT: z.string().default('1mb'),
  JEJAK_WRITE_TOKEN: z.string().optional(),
  JEJAK_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  JEJAK_CYPHER_MAX_LENGTH: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  JEJAK_CYPHER_MAX_TOKENS: z.coerce.number().int().min(10).max(100_000).default(4_000),
  JEJAK_CYPHER_MAX_NESTING: z.coerce.number().int().min(2).max(200).default(32),
  JEJAK_JSON_MAX_DEPTH: z.coerce.number().int().min(2).max(200).default(16),
  JEJAK_JSON_MAX_ITEMS: z.coerce.number().int().min(10).max(10_000_000).default(10_000),
  // One core is kept for the built-in reads: on 2 cores two slow ad-hoc
  // queries would otherwise hold both of the embedded engine's threads.
  JEJAK_ADHOC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(Math.max(1, os.availableParallelism() - 1)),
  // Waiting costs a closure, not a connection: at 16, 32 clients cycling through a saved query were
  // refused (the one slot serialises them, so most of the clients end up queued there).
  JEJAK_ADHOC_QUEUE: z.coerce.number().int().min(0).max(10_000).default(64),
  JEJAK_KUZU_ISOLATE: z.enum(['0', '1']).default('1'),
  JEJAK_TRUST_PROXY: z.string().default('false'),
  JEJAK_WORKER_MAX_RSS_MB: z.coerce.number().int().min(128).max(1_048_576).optional(),
  JEJAK_WORKER_HEAP_MB: z.coerce.number().int().min(64).max(1_048_576).optional(),
  JEJAK_WRITE_TIMEOUT_MS: z.coerce.number().int().min(100).max(86_400_000).default(120_000),
  JEJAK_BULK_TIMEOUT_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** Kùzu's page cache in MiB. */
  kuzuBufferMb: number;
  neo4j?: { uri: string; user: string; password: string; database: string };
  queryTimeoutMs: number;
  maxRows: number;
  bodyLimit: string;
  writeToken?: string;
  /** Requests per minute per client; 0 turns the limiter off. */
  rateLimit: number;
  /** Ad-hoc Cypher text, checked on the lexer's tokens before parsing. */
  cypher: { maxLength: number; maxTokens: number; maxNesting: number };
  /** JSON request bodies, checked right after parsing and before any other work. */
  json: { maxDepth: number; maxItems: number };
  /** Ad-hoc and saved queries at once, and how many more may wait (the rest get 429). */
  adhoc: { concurrency: number; queue: number };
  /**
   * The server runs the embedded store in a worker process (JEJAK_KUZU_ISOLATE=1, the default),
   * killed past maxRssMb (default: the buffer pool plus 1.5 GiB) and restarted.
   */
  worker: { isolate: boolean; maxRssMb: number; heapMb: number };
  /**
   * Limits of the embedded engine's writes, apart from the reads' 30 s: one article's merge
   * (JEJAK_WRITE_TIMEOUT_MS) and a bulk load or reseed (JEJAK_BULK_TIMEOUT_MS, minutes at 1M).
   */
  writeTimeouts: { writeMs: number; bulkMs: number };
  /**
   * Express's `trust proxy` (JEJAK_TRUST_PROXY): false (the default), a hop count, or addresses/subnets
   * ('loopback', '10.0.0.0/8', …) of the reverse proxies whose X-Forwarded-For names the client.
   */
  trustProxy: boolean | number | string;
};

/** 'false'/'true', a hop count, or a list of addresses and subnets, as Express takes them. */
function parseTrustProxy(value: string): boolean | number | string {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** Reads and validates the environment once; throws with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.JEJAK_DATA_DIR),
    kuzuBufferMb: e.JEJAK_KUZU_BUFFER_MB,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    queryTimeoutMs: e.JEJAK_QUERY_TIMEOUT_MS,
    maxRows: e.JEJAK_MAX_ROWS,
    bodyLimit: e.JEJAK_BODY_LIMIT,
    writeToken: e.JEJAK_WRITE_TOKEN || undefined,
    rateLimit: e.JEJAK_RATE_LIMIT,
    cypher: { maxLength: e.JEJAK_CYPHER_MAX_LENGTH, maxTokens: e.JEJAK_CYPHER_MAX_TOKENS, maxNesting: e.JEJAK_CYPHER_MAX_NESTING },
    json: { maxDepth: e.JEJAK_JSON_MAX_DEPTH, maxItems: e.JEJAK_JSON_MAX_ITEMS },
    adhoc: { concurrency: e.JEJAK_ADHOC_CONCURRENCY, queue: e.JEJAK_ADHOC_QUEUE },
    trustProxy: parseTrustProxy(e.JEJAK_TRUST_PROXY),
    worker: {
      isolate: e.JEJAK_KUZU_ISOLATE === '1',
      maxRssMb: e.JEJAK_WORKER_MAX_RSS_MB ?? e.JEJAK_KUZU_BUFFER_MB + 1536,
      // As large as the RSS limit by default: the watchdog then stops a runaway early, before V8 spends seconds in GC.
      heapMb: e.JEJAK_WORKER_HEAP_MB ?? e.JEJAK_WORKER_MAX_RSS_MB ?? e.JEJAK_KUZU_BUFFER_MB + 1536,
    },
    writeTimeouts: { writeMs: e.JEJAK_WRITE_TIMEOUT_MS, bulkMs: e.JEJAK_BULK_TIMEOUT_MS },
  };
}

/** The configuration as printed at start-up: secrets masked. */
export function describeConfig(c: Config): Record<string, unknown> {
  return {
    engine: c.neo4j ? 'neo4j' : 'kuzu',
    store: c.neo4j ? `${c.neo4j.uri} (database ${c.neo4j.database}, user ${c.neo4j.user})` : `${path.join(c.dataDir, 'jejak.kuzu')} (buffer pool ${c.kuzuBufferMb} MiB)`,
    listen: `${c.host}:${c.port}`,
    queryTimeoutMs: c.queryTimeoutMs,
    maxRows: c.maxRows,
    bodyLimit: c.bodyLimit,
    writes: c.writeToken ? 'enabled with token' : 'disabled',
    rateLimitPerMinute: c.rateLimit,
  };
}
