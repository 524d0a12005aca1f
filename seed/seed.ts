import type { Graph } from '../shared/graph.js';
import { KuzuStore } from '../store/kuzu/store.js';
import type { ProgressFn, Store } from '../store/store.js';
import { toBulkLoad } from './load.js';

export interface SeedReport {
  nodes: number;
  relationships: number;
}

/**
 * Replaces the store's graph with `graph` through the store's replaceGraph:
 * readers see the old graph or the new one, never half (Kùzu: a new file
 * swapped in; Neo4j: one transaction).
 */
export async function seedStore(store: Store, graph: Graph, progress: ProgressFn = () => undefined): Promise<SeedReport> {
  const data = toBulkLoad(graph);
  progress(`load: ${graph.nodes.length} nodes in ${data.nodes.length} labels, ${graph.edges.length} relationships in ${data.rels.length} groups`);
  await store.replaceGraph(data, progress);
  const health = await store.health();
  progress(`done: ${health.nodes} nodes, ${health.relationships} relationships (${store.engine})`);
  return { nodes: health.nodes, relationships: health.relationships };
}

/** Seeds the Kùzu database at `dbPath` (created when missing) and closes it; a seed killed midway leaves the previous graph whole. */
export async function seedKuzuFile(dbPath: string, graph: Graph, progress: ProgressFn = () => undefined, bufferPoolMb?: number): Promise<SeedReport> {
  const store = new KuzuStore(dbPath, bufferPoolMb);
  try {
    return await seedStore(store, graph, progress);
  } finally {
    await store.close();
  }
}
