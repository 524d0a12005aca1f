import path from 'node:path';
import type { Config } from '../shared/config.js';
import { createKuzuStore, DEFAULT_OPERATION_TIMEOUT_MS } from './kuzu/store.js';
import type { Store } from './store.js';

export const KUZU_FILE = 'jejak.kuzu';

export function kuzuPath(dataDir: string): string {
  return path.join(dataDir, KUZU_FILE);
}

/**
 * `NEO4J_URI` set → Neo4j; otherwise the embedded Kùzu database under the data
 * directory. With `isolated` (the server) and JEJAK_KUZU_ISOLATE=1, the embedded
 * store runs in a worker process, so no query can crash or exhaust the server.
 */
export async function createStore(config: Config, options: { isolated?: boolean } = {}): Promise<Store> {
  if (config.neo4j) {
    const { createNeo4jStore } = await import('./neo4j/store.js');
    return createNeo4jStore(config.neo4j);
  }
  if (options.isolated && config.worker.isolate) {
    const { createIsolatedKuzuStore } = await import('./isolated/host.js');
    return createIsolatedKuzuStore(
      { location: kuzuPath(config.dataDir), bufferPoolMb: config.kuzuBufferMb, operationTimeoutMs: DEFAULT_OPERATION_TIMEOUT_MS },
      { maxRssMb: config.worker.maxRssMb, heapMb: config.worker.heapMb, operationTimeoutMs: DEFAULT_OPERATION_TIMEOUT_MS, planTimeoutMs: config.queryTimeoutMs,
        writeTimeoutMs: config.writeTimeouts.writeMs, bulkTimeoutMs: config.writeTimeouts.bulkMs },
    );
  }
  return createKuzuStore(kuzuPath(config.dataDir), config.kuzuBufferMb);
}
