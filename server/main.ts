/** `npm start`: serve the explorer; on first run, seed the embedded store from the shipped corpus. */
import { createApp } from './app.js';
import { loadConfig, type Config } from '../shared/config.js';
import type { Store } from '../store/store.js';
import { openStore, publicUrl } from './startup.js';

/** Bad configuration (a typo in a variable, a NEO4J_URI with an unknown scheme) is one line, not a stack trace. */
async function start(): Promise<{ config: Config; store: Store }> {
  try {
    const config = loadConfig();
    return { config, store: await openStore(config, 'jejak') };
  } catch (err) {
    console.error(`jejak: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
const { config, store } = await start();

const app = createApp({ config, store });
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`jejak: explorer ready at ${publicUrl(config.host, port)}`);
});
server.on('error', (err) => {
  console.error(`jejak: cannot listen on ${config.host}:${config.port}: ${err.message} (set PORT to another port)`);
  process.exit(1);
});

const shutdown = (signal: string) => {
  console.log(`jejak: ${signal}, closing`);
  server.close(() => void store.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
