/**
 * `npm run dev`: the API and the client in one process with hot reload. The
 * Express app is the real one (without the built client); Vite serves the
 * client from source in middleware mode and shares the HTTP server for HMR.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createVite } from 'vite';
import { seedConfigured } from '../seed/run.js';
import { createApp } from './app.js';
import { describeConfig, loadConfig } from './config.js';
import { createStore } from './store/index.js';

const config = loadConfig();
console.log('jejak dev:', describeConfig(config));
const store = await createStore(config);

const health = await store.health();
if (health.ok && health.nodes === 0) {
  console.log('jejak dev: the store is empty; loading the seed corpus');
  await seedConfigured(config, store, (line) => console.log(`  ${line}`));
} else if (!health.ok) {
  console.error(`jejak dev: store not reachable yet (${health.message}); serving anyway`);
}

const app = createApp({ config, store, serveClient: false });
const http = createHttpServer();
const vite = await createVite({
  configFile: 'client/vite.config.ts',
  server: { middlewareMode: true, ws: { server: http } },
  appType: 'spa',
});
// The API first; everything else (index.html, /src/*, HMR) goes to Vite.
http.on('request', (req, res) => {
  if (req.url?.startsWith('/api/')) return app(req, res);
  vite.middlewares(req, res, () => app(req, res));
});
http.listen(config.port, config.host, () => console.log(`jejak dev: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/ (hot reload)`));

const shutdown = async () => {
  await vite.close();
  http.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
