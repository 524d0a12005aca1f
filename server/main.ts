/** `npm start`: serve the explorer; on first run, seed the embedded store from the shipped corpus. */
import { seedConfigured } from '../seed/run.js';
import { createApp } from './app.js';
import { describeConfig, loadConfig } from './config.js';
import { createStore } from './store/index.js';

const config = loadConfig();
console.log('jejak:', describeConfig(config));
const store = await createStore(config);

const health = await store.health();
if (health.ok && health.nodes === 0) {
  console.log('jejak: the store is empty; loading the seed corpus');
  await seedConfigured(config, store, (line) => console.log(`  ${line}`));
} else if (!health.ok) {
  console.error(`jejak: store not reachable yet (${health.message}); serving anyway, requests answer 503 until it is`);
}

const app = createApp({ config, store });
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`jejak: explorer ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);
});

const shutdown = (signal: string) => {
  console.log(`jejak: ${signal}, closing`);
  server.close(() => void store.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
