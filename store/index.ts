import path from 'node:path';
import type { Config } from '../shared/config.js';
import { createKuzuStore } from './kuzu/store.js';
import type { Store } from './store.js';

export const KUZU_FILE = 'jejak.kuzu';

export function kuzuPath(dataDir: string): string {
  return path.join(dataDir, KUZU_FILE);
}

/** `NEO4J_URI` set → Neo4j; otherwise the embedded Kùzu database under the data directory. */
export async function createStore(config: Config): Promise<Store> {
  if (config.neo4j) {
    const { createNeo4jStore } = await import('./neo4j/store.js');
    return createNeo4jStore(config.neo4j);
  }
  return createKuzuStore(kuzuPath(config.dataDir), config.kuzuBufferMb);
}
