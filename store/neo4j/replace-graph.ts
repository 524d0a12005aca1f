import type { BulkLoad, ProgressFn } from '../store.js';

interface Loader {
  ensureSchema(): Promise<void>;
  clear(): Promise<void>;
  bulkLoad(data: BulkLoad, progress?: ProgressFn): Promise<void>;
}

/** Schema, clear, load. Today in separate transactions: readers can see a half graph (issue 11; the store-write helper makes it atomic). */
export async function replaceGraph(store: Loader, data: BulkLoad, progress: ProgressFn = () => undefined): Promise<void> {
  progress('schema: ensuring neo4j schema');
  await store.ensureSchema();
  progress('clear: removing the previous graph');
  await store.clear();
  await store.bulkLoad(data, progress);
}
