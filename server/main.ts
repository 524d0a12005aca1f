/** `npm start`: serve the explorer; on first run, seed the embedded store from the shipped corpus. */
import { createApp } from './app.js';
import { loadConfig } from '../shared/config.js';
import { openStore, publicUrl } from './startup.js';

const config = loadConfig();
const store = await openStore(config, 'jejak');

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
