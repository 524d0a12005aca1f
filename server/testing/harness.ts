/**
 * Test stores and servers on every engine: Kùzu always, Neo4j when NEO4J_URI
 * is set. Test files run in parallel processes but share one Neo4j database
 * (each seeds it), so whoever uses Neo4j holds a lock across processes
 * (`neo4jLock`) from seeding until close.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { loadKnowledgeBase } from '../../seed/facts.js';
import { seedKuzuFile, seedStore } from '../../seed/seed.js';
import { createApp } from '../app.js';
import { loadConfig, type Config } from '../../shared/config.js';
import { KuzuStore } from '../../store/kuzu/store.js';
import type { Store } from '../../store/store.js';

export interface TestServer {
  url: string;
  store: Store;
  config: Config;
  dataDir: string;
  close(): Promise<void>;
}

export type TestEngine = 'kuzu' | 'neo4j';

/** Hooks that seed a store may wait this long for another file's Neo4j use to finish. */
export const NEO4J_WAIT_MS = 15 * 60_000;

let warned = false;

/**
 * Engines to run store and API suites on: Kùzu always, Neo4j when NEO4J_URI is set.
 * JEJAK_TEST_ENGINES (comma list) narrows it: scripts/test.sh's run on a second Neo4j version
 * sets `neo4j`, since Kùzu already ran.
 */
export function testEngines(): TestEngine[] {
  if (!process.env.NEO4J_URI) {
    // scripts/test.sh says this once for the whole run and sets JEJAK_NEO4J_SKIP_SAID.
    if (!warned && !process.env.JEJAK_NEO4J_SKIP_SAID) console.warn('NEO4J_URI not set: tests run on Kùzu only (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD to run them on Neo4j too)');
    warned = true;
    return ['kuzu'];
  }
  const only = process.env.JEJAK_TEST_ENGINES?.split(',').map((e) => e.trim());
  const engines: TestEngine[] = ['kuzu', 'neo4j'];
  return only ? engines.filter((e) => only.includes(e)) : engines;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the cross-process lock on the Neo4j database at NEO4J_URI: a
 * directory created atomically, holding the owner's pid; a lock whose owner
 * died is taken over. Resolves to the release function.
 */
export async function neo4jLock(uri = process.env.NEO4J_URI ?? ''): Promise<() => void> {
  const dir = path.join(os.tmpdir(), `jejak-neo4j-${createHash('sha256').update(uri).digest('hex').slice(0, 12)}.lock`);
  const owner = path.join(dir, 'pid');
  const deadline = Date.now() + NEO4J_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(owner, String(process.pid));
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number(fs.existsSync(owner) ? fs.readFileSync(owner, 'utf8') : NaN);
    // A lock without a pid file is being created right now; one whose owner is gone is stale.
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) fs.rmSync(dir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`waited ${NEO4J_WAIT_MS / 60_000} min for the Neo4j test lock ${dir} (held by pid ${pid})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface SeededStore {
  store: Store;
  /** Another store on the same seeded data with its own operation timeout; close it before using `store` again on Kùzu. */
  withOperationTimeout(ms: number): Promise<Store>;
  close(): Promise<void>;
}

/** A Kùzu store in a temporary folder, loaded with the seed corpus. */
export async function seededKuzuStore(): Promise<SeededStore & { store: KuzuStore; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-store-'));
  const file = path.join(dir, 'jejak.kuzu');
  await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
  const store = new KuzuStore(file);
  return {
    store,
    dir,
    async withOperationTimeout(ms: number) {
      // One process may open a Kùzu file once: the seeded store lets it go and reopens on its next use.
      await store.release();
      return new KuzuStore(file, undefined, ms);
    },
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Neo4j at NEO4J_URI, locked for this process and loaded with the seed corpus. */
async function seededNeo4jStore(config: Config): Promise<SeededStore> {
  if (!config.neo4j) throw new Error('NEO4J_URI is not set: the Neo4j tests need a server (npm run neo4j)');
  const release = await neo4jLock(config.neo4j.uri);
  try {
    const { createNeo4jStore } = await import('../../store/neo4j/store.js');
    const store = await createNeo4jStore({ ...config.neo4j, verify: true });
    await seedStore(store, (await loadKnowledgeBase()).graph);
    return {
      store,
      withOperationTimeout: (ms: number) => createNeo4jStore({ ...config.neo4j!, operationTimeoutMs: ms }),
      async close() {
        try {
          await store.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** A store of the given engine loaded with the seed corpus. */
export async function seededStore(engine: TestEngine): Promise<SeededStore> {
  if (engine === 'kuzu') return seededKuzuStore();
  return seededNeo4jStore(loadConfig({ ...process.env, JEJAK_DATA_DIR: os.tmpdir() }));
}

export async function startTestServer(engine: TestEngine = 'kuzu', env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-test-'));
  const config = loadConfig({ ...(engine === 'neo4j' ? process.env : {}), JEJAK_DATA_DIR: dataDir, PORT: '0', JEJAK_RATE_LIMIT: '0', ...env });
  let seeded: SeededStore;
  if (engine === 'kuzu') {
    const file = path.join(dataDir, 'jejak.kuzu');
    await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
    const store = new KuzuStore(file);
    seeded = { store, withOperationTimeout: async (ms) => (await store.release(), new KuzuStore(file, undefined, ms)), close: () => store.close() };
  } else {
    seeded = await seededNeo4jStore(config);
  }
  const { store } = seeded;
  const app = createApp({ config, store, serveClient: true, log: () => undefined });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    config,
    dataDir,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await seeded.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
