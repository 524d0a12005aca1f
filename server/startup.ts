import { seedConfigured } from '../seed/run.js';
import { describeConfig, type Config } from '../shared/config.js';
import { createStore } from '../store/index.js';
import type { Store } from '../store/store.js';

/**
 * Opens the configured store, printing the configuration once; an empty store
 * is seeded from the shipped corpus; an unreachable one is reported and
 * served anyway (requests answer 503 until it comes back).
 */
export async function openStore(config: Config, name: string): Promise<Store> {
  console.log(`${name}:`, describeConfig(config));
  // The server isolates the embedded engine in a worker process (store/isolated/); the CLIs need not.
  const store = await createStore(config, { isolated: true });
  const health = await store.health();
  if (health.pendingLog) console.log(`${name}: ${health.pendingLog.advice}`);
  if (health.ok && health.nodes === 0) {
    console.log(`${name}: the store is empty; loading the seed corpus`);
    await seedConfigured(store, (line) => console.log(`  ${line}`));
  } else if (!health.ok) {
    console.error(`${name}: store not reachable yet (${health.message}); serving anyway, requests answer 503 until it is`);
  } else if (store.upgrade) {
    // A database an earlier Jejak wrote: its missing indexes and derived properties, once, before serving.
    await store.upgrade((line) => console.log(`  ${line}`)).catch((err: unknown) => {
      console.error(`${name}: could not bring the database up to this version (${err instanceof Error ? err.message : String(err)}); serving anyway: timelines may leave out facts written by an earlier Jejak until it can`);
    });
  }
  return store;
}

/** The URL to print for a listen address. */
export function publicUrl(host: string, port: number): string {
  return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/`;
}
