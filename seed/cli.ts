/** `npm run seed`: (re)load the seed corpus into the configured store. Idempotent. */
import { describeConfig, loadConfig } from '../shared/config.js';
import { createStore } from '../store/index.js';
import { seedConfigured } from './run.js';

const started = Date.now();
const config = loadConfig();
console.log('jejak seed:', describeConfig(config));
const store = await createStore(config);
try {
  const report = await seedConfigured(store, (line) => console.log(`  ${line}`));
  console.log(`jejak seed: ${report.nodes} nodes, ${report.relationships} relationships in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(`jejak seed failed: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
