/**
 * `npm run checkpoint`: folds the embedded database's write-ahead log into its
 * file, with the server stopped (Kùzu lets one process hold the file).
 *
 * The server never checkpoints inside a request (store/kuzu/store.ts): Kùzu
 * 0.11 rewrites each relationship group its log touched, in time quadratic in
 * the group's rows, so on a big graph a checkpoint takes minutes. Ingested
 * articles stay in the log, safe, and are replayed at each open; this folds
 * them in when it suits you. Exit codes: 0 done or nothing to do, 1 failed.
 */
import fs from 'node:fs';
import { describeConfig, loadConfig } from '../shared/config.js';
import { kuzuPath } from '../store/index.js';
import { KuzuStore } from '../store/kuzu/store.js';
import { walOf } from '../store/kuzu/replace-graph.js';
import { mib } from '../store/kuzu/storage.js';

const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

const config = loadConfig();
console.log('jejak checkpoint:', describeConfig(config));
if (config.neo4j) {
  console.log('jejak checkpoint: Neo4j checkpoints its own transaction logs; nothing to do');
} else {
  const file = kuzuPath(config.dataDir);
  const wal = size(walOf(file));
  if (!fs.existsSync(file)) {
    console.error(`jejak checkpoint: there is no database at ${file}; start the server or run npm run seed first`);
    process.exitCode = 1;
  } else if (wal === 0) {
    console.log(`jejak checkpoint: ${file} has no write-ahead log; nothing to do`);
  } else {
    console.log(`jejak checkpoint: folding ${mib(wal)} of write-ahead log into ${file} (${mib(size(file))}); on a graph of a million relationships this takes minutes`);
    const started = Date.now();
    const ticker = setInterval(() => console.log(`  still checkpointing (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
    const store = new KuzuStore(file, config.kuzuBufferMb);
    try {
      await store.checkpoint();
      await store.close();
      const left = size(walOf(file));
      if (left > 0) throw new Error(`the write-ahead log still holds ${mib(left)} after the checkpoint`);
      console.log(`jejak checkpoint: done in ${((Date.now() - started) / 1000).toFixed(1)} s; ${file} is ${mib(size(file))}`);
    } catch (err) {
      // The store names a lock held by a running server (stop it first) and the other reasons it cannot open.
      console.error(`jejak checkpoint failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
      await store.close().catch(() => undefined);
    } finally {
      clearInterval(ticker);
    }
  }
}
