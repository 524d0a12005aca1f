/**
 * `npm run dev`: the API and the client in one process with hot reload. The
 * Express app is the real one (without the built client); Vite serves the
 * client from source in middleware mode and shares the HTTP server for HMR.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createVite } from 'vite';
import { createApp } from './app.js';
import { loadConfig } from '../shared/config.js';
import { openStore, publicUrl } from './startup.js';

const config = loadConfig();
const store = await openStore(config, 'jejak dev');

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
http.listen(config.port, config.host, () => console.log(`jejak dev: ${publicUrl(config.host, config.port)} (hot reload)`));

const shutdown = async () => {
  await vite.close();
  http.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
