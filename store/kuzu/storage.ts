/**
 * Checks on the embedded database's files before a write. A Kùzu commit
 * that fails on storage (directory gone, disk full) can lose committed data
 * or crash the process, so writes are refused before they touch anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { insufficientStorage, storeUnavailable, type JejakError } from '../../shared/errors.js';

/** Free space a write needs beyond its own size: Kùzu grows its file and WAL in pages and checkpoints. */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

/** The identity of the file a database was opened on, to notice it being replaced or removed. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export function identityOf(file: string): FileIdentity | undefined {
  try {
    const st = fs.statSync(file);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return undefined;
  }
}

/** A size as the store's messages give it: MiB with one decimal. */
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * What stops a write to the database at `file` now, or undefined when it
 * may go ahead. `opened` is the file the process has open; `needBytes` the
 * write's own estimated size. Messages name the setting, not the path.
 */
export function storageProblem(file: string, opened: FileIdentity | undefined, needBytes = 0): JejakError | undefined {
  const dir = path.dirname(file);
  const now = identityOf(file);
  if (!now) return storeUnavailable('the Kùzu database file is gone (was the data directory, JEJAK_DATA_DIR, moved or deleted?); writes are refused until it is back');
  if (opened && (now.dev !== opened.dev || now.ino !== opened.ino))
    return storeUnavailable('the Kùzu database file was replaced by another process; the store reopens it, try again');
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    return storeUnavailable('the Kùzu database or its directory (JEJAK_DATA_DIR) is not readable and writable by the server; fix the permissions');
  }
  let free: number;
  try {
    const st = fs.statfsSync(dir);
    free = Number(st.bavail) * Number(st.bsize);
  } catch {
    return storeUnavailable('cannot read the free space of the data directory (JEJAK_DATA_DIR)');
  }
  const need = MIN_FREE_BYTES + needBytes;
  if (free < need)
    return insufficientStorage(`the disk holding the database (JEJAK_DATA_DIR) has ${mib(free)} free and a write needs at least ${mib(need)}; free some space and try again`);
  return undefined;
}
