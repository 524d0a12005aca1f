/**
 * The embedded engine's worker process (store/isolated/): what the server pays
 * for running Kùzu in a child of its own. Over a seeded database, as
 * `npm start` opens it (createStore with isolation, the server's limits):
 * - start to first answer: fork, open the database, answer one search;
 * - restart after a kill: SIGKILL the worker (as the RSS watchdog or a crash
 *   would), then the time until the next call is answered by its successor;
 * - idle RSS of the worker once it has answered, and after a round of reads.
 */
import { loadConfig } from '../../shared/config.js';
import { createStore } from '../../store/index.js';
import type { IsolatedStore } from '../../store/isolated/host.js';
import type { Store } from '../../store/store.js';
import { percentile, round, since, sleep } from '../stats.js';
import { endpointsFor, type Probes } from './api.js';
import { procStatus } from './memory.js';

export interface WorkerRow {
  relationships: number;
  /** Fork + database open + the first search answered, ms (each sample a new store). */
  startP50Ms: number;
  startMaxMs: number;
  /** SIGKILL of the worker until a search is answered by the next one, ms. */
  restartP50Ms: number;
  restartMaxMs: number;
  samples: number;
  /** The worker's RSS once it answered its first search and sat idle for a second. */
  idleRssMiB: number;
  /** The same worker after one round of every read of the API suite. */
  afterReadsRssMiB: number;
  /** Its peak RSS (VmHWM) by then. */
  peakRssMiB: number;
  /** The server's kill limit (JEJAK_WORKER_MAX_RSS_MB) and the buffer pool, for the reader. */
  maxRssMb: number;
  bufferPoolMb: number;
}

/** The server's configuration over `dataDir`, the embedded engine isolated as `npm start` runs it. */
const serverConfig = (dataDir: string) => loadConfig({ ...process.env, JEJAK_DATA_DIR: dataDir, NEO4J_URI: '', JEJAK_KUZU_ISOLATE: '1' });

async function open(dataDir: string): Promise<IsolatedStore> {
  const config = serverConfig(dataDir);
  const store = (await createStore(config, { isolated: true })) as Store;
  if (!('host' in store)) throw new Error('createStore did not isolate the embedded engine (JEJAK_KUZU_ISOLATE=1)');
  return store as IsolatedStore;
}

/** `dataDir`: a seeded Kùzu database's directory, with nothing else holding it open. */
export async function measureWorker(dataDir: string, relationships: number, probes: Probes, quick: boolean): Promise<WorkerRow> {
  const config = serverConfig(dataDir);
  const samples = quick ? 2 : 4;
  const ask = (s: Store) => s.search({ text: probes.searchWord, limit: 10, labels: [] });
  const starts: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    const s = await open(dataDir);
    await ask(s);
    starts.push(since(t));
    await s.close();
  }
  const store = await open(dataDir);
  try {
    await ask(store);
    await sleep(1_000);
    const pid = store.host.pid;
    if (!pid) throw new Error('the worker has no pid after answering');
    const idle = procStatus(pid);
    for (const e of endpointsFor(probes, { timeoutMs: 5_000, maxRows: 5_000 })) await e.direct(store, 0);
    const after = procStatus(pid);
    const restarts: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      store.host.killCurrent('SIGKILL');
      await ask(store);
      restarts.push(since(t));
    }
    return {
      relationships,
      startP50Ms: round(percentile(starts, 50), 1),
      startMaxMs: round(Math.max(...starts), 1),
      restartP50Ms: round(percentile(restarts, 50), 1),
      restartMaxMs: round(Math.max(...restarts), 1),
      samples,
      idleRssMiB: round(idle.rss, 1),
      afterReadsRssMiB: round(after.rss, 1),
      peakRssMiB: round(after.hwm, 1),
      maxRssMb: config.worker.maxRssMb,
      bufferPoolMb: config.kuzuBufferMb,
    };
  } finally {
    await store.close();
  }
}
