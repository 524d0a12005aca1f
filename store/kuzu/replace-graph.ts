import type { BulkLoad, ProgressFn } from '../store.js';

interface Loader {
  ensureSchema(): Promise<void>;
  clear(): Promise<void>;
  bulkLoad(data: BulkLoad, progress?: ProgressFn): Promise<void>;
}

/** Schema, clear, load. A reseed builds a new file and renames it over the old one (seed/seed.ts), so readers never see this half done. */
export async function replaceGraph(store: Loader, data: BulkLoad, progress: ProgressFn = () => undefined): Promise<void> {
  progress('schema: ensuring kuzu schema');
  await store.ensureSchema();
  progress('clear: removing the previous graph');
  await store.clear();
  await store.bulkLoad(data, progress);
}
