/**
 * replaceGraph on Kùzu: the new graph is built in a database of its own
 * beside the live one, checkpointed (no WAL left), and renamed over the live
 * file. rename(2) replaces the file in one step, so a crash at any point
 * leaves one whole graph under the live name: the old one or the new one.
 */
import fs from 'node:fs';
import type { BulkLoad, ProgressFn } from '../store.js';

/** The part of a Kùzu store the build needs (a fresh store on the aside file). */
export interface AsideStore {
  ensureSchema(): Promise<void>;
  bulkLoad(data: BulkLoad, progress?: ProgressFn): Promise<void>;
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

export const asidePath = (location: string) => `${location}.next`;
export const walOf = (file: string) => `${file}.wal`;

/** Builds the new graph at the aside path; a leftover of an interrupted build is discarded first. */
export async function buildAside(location: string, data: BulkLoad, open: (file: string) => AsideStore, progress: ProgressFn): Promise<string> {
  const next = asidePath(location);
  for (const f of [next, walOf(next)]) fs.rmSync(f, { force: true });
  const store = open(next);
  try {
    progress('schema: creating the Kùzu tables in a new database beside the live one');
    await store.ensureSchema();
    await store.bulkLoad(data, progress);
    // Everything into the main file, so the rename moves the whole graph.
    await store.checkpoint();
  } finally {
    await store.close();
  }
  if (fs.existsSync(walOf(next))) throw new Error('the new database still has a write-ahead log after its checkpoint; the live graph is kept');
  return next;
}

/**
 * Moves the built database over the live one. The live database must be
 * closed: a clean close checkpoints it, so a WAL left beside it holds nothing
 * that is not in its file. It goes first, so it is never replayed into the
 * new file; the graph itself is only ever replaced by the rename.
 */
export function swapIn(next: string, location: string): void {
  fs.rmSync(walOf(location), { force: true });
  fs.renameSync(next, location);
}
