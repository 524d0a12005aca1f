import type { Config } from '../shared/config.js';
import { kuzuPath } from '../store/index.js';
import type { ProgressFn, Store } from '../store/store.js';
import { loadKnowledgeBase } from './facts.js';
import { seedKuzuFile, seedStore, type SeedReport } from './seed.js';

/**
 * Loads the shipped corpus into the configured store. Kùzu: a new file
 * swapped in (the store must be closed); Neo4j: schema, clear, batches.
 */
export async function seedConfigured(config: Config, store: Store, progress: ProgressFn): Promise<SeedReport> {
  progress('read: validating the curated facts in seed/');
  const kb = await loadKnowledgeBase();
  progress(`read: ${kb.graph.nodes.length} nodes and ${kb.graph.edges.length} relationships from the seed corpus`);
  if (store.engine === 'kuzu') {
    await store.close();
    return seedKuzuFile(kuzuPath(config.dataDir), kb.graph, progress, config.kuzuBufferMb);
  }
  return seedStore(store, kb.graph, progress);
}
