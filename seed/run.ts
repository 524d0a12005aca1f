import type { ProgressFn, Store } from '../store/store.js';
import { loadKnowledgeBase } from './facts.js';
import { seedStore, type SeedReport } from './seed.js';

/**
 * Loads the shipped corpus into the configured store, replacing its graph.
 * The store stays open and serving: readers move from the old graph to the
 * new one. On Kùzu a second process holding the database is refused.
 */
export async function seedConfigured(store: Store, progress: ProgressFn): Promise<SeedReport> {
  progress('read: validating the curated facts in seed/');
  const kb = await loadKnowledgeBase();
  progress(`read: ${kb.graph.nodes.length} nodes and ${kb.graph.edges.length} relationships from the seed corpus`);
  return seedStore(store, kb.graph, progress);
}
