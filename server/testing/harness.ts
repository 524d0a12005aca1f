/** Starts the real app on an ephemeral port over a seeded store, for API and browser tests. */
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

/** Engines to run API suites on: Kùzu always, Neo4j when NEO4J_URI is set. */
export function testEngines(): TestEngine[] {
  if (!process.env.NEO4J_URI) {
    console.warn('NEO4J_URI not set: API tests run on Kùzu only (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD to run them on Neo4j too)');
    return ['kuzu'];
  }
  return ['kuzu', 'neo4j'];
}

/** A Kùzu store in a temporary folder, loaded with the seed corpus. */
export async function seededKuzuStore(): Promise<{ store: KuzuStore; dir: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-store-'));
  const file = path.join(dir, 'jejak.kuzu');
  await seedKuzuFile(file, (await loadKnowledgeBase()).graph);
  const store = new KuzuStore(file);
  return {
    store,
    dir,
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestServer(engine: TestEngine = 'kuzu', env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-test-'));
  const config = loadConfig({ ...(engine === 'neo4j' ? process.env : {}), JEJAK_DATA_DIR: dataDir, PORT: '0', JEJAK_RATE_LIMIT: '0', ...env });
  const kb = await loadKnowledgeBase();
  let store: Store;
  if (engine === 'kuzu') {
    const file = path.join(dataDir, 'jejak.kuzu');
    await seedKuzuFile(file, kb.graph);
    store = new KuzuStore(file);
  } else {
    const { createNeo4jStore } = await import('../../store/neo4j/store.js');
    store = await createNeo4jStore(config.neo4j!);
    await seedStore(store, kb.graph);
  }
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
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
