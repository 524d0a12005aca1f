import fs from 'node:fs';
import type { Graph } from '../shared/graph.js';
import { KuzuStore } from '../store/kuzu/store.js';
import type { ProgressFn, Store } from '../store/store.js';
import { toBulkLoad } from './load.js';

export interface SeedReport {
  nodes: number;
  relationships: number;
}

/** Replaces the store's graph with `graph`: schema, clear, bulk load. */
export async function seedStore(store: Store, graph: Graph, progress: ProgressFn = () => undefined): Promise<SeedReport> {
  progress(`schema: ensuring ${store.engine} schema`);
  await store.ensureSchema();
  progress('clear: removing the previous graph');
  await store.clear();
  const data = toBulkLoad(graph);
  progress(`load: ${graph.nodes.length} nodes in ${data.nodes.length} labels, ${graph.edges.length} relationships in ${data.rels.length} groups`);
  await store.bulkLoad(data, progress);
  const health = await store.health();
  progress(`done: ${health.nodes} nodes, ${health.relationships} relationships in ${store.location}`);
  return { nodes: health.nodes, relationships: health.relationships };
}

/** Kùzu keeps a write-ahead log beside the database file. */
const kuzuFiles = (dbPath: string) => [dbPath, `${dbPath}.wal`];

/**
 * Builds the Kùzu database in a new file and swaps it in with a rename, so a
 * seed killed midway leaves the previous database intact.
 */
export async function seedKuzuFile(dbPath: string, graph: Graph, progress: ProgressFn = () => undefined, bufferPoolMb?: number): Promise<SeedReport> {
  const next = `${dbPath}.next`;
  for (const f of kuzuFiles(next)) fs.rmSync(f, { force: true });
  const store = new KuzuStore(next, bufferPoolMb);
  let report: SeedReport;
  try {
    report = await seedStore(store, graph, progress);
  } finally {
    await store.close();
  }
  for (const f of kuzuFiles(dbPath)) fs.rmSync(f, { force: true });
  fs.renameSync(next, dbPath);
  if (fs.existsSync(`${next}.wal`)) fs.renameSync(`${next}.wal`, `${dbPath}.wal`);
  progress(`swap: ${dbPath} replaced`);
  return report;
}
