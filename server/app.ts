import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Config } from '../shared/config.js';
import { projectPath } from '../shared/project-root.js';
import { errorHandler, notFoundRoute } from './http/errors.js';
import { jsonLimits } from './http/json-limits.js';
import { sendJson } from './http/send-json.js';
import { adminRoutes } from './routes/admin.js';
import { aggregateRoutes } from './routes/aggregate.js';
import { exploreRoutes } from './routes/explore.js';
import { exportRoutes } from './routes/export.js';
import { graphRoutes, VERSION } from './routes/graph.js';
import { openApiRoutes } from './openapi.js';
import { ingestRoutes } from './routes/ingest.js';
import { queryRoutes } from './routes/queries.js';
import { SavedQueries } from './services/saved-queries.js';
import type { Store } from '../store/store.js';

export const CLIENT_DIST = projectPath('dist', 'client');

export interface AppOptions {
  config: Config;
  store: Store;
  log?: (line: string) => void;
  /** Serve the built client from dist/client (production). */
  serveClient?: boolean;
}

/** Wiring only: middleware, routes, the built client, the error handler. */
export function createApp({ config, store, log = console.error, serveClient = true }: AppOptions): Express {
  const queries = new SavedQueries();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No ETag on API answers: hashing every body (a 500-fact timeline is ~1 MB) costs each request
  // for a revalidation no client makes; the built client's files keep express.static's own.
  app.set('etag', false);
  // Behind a reverse proxy each client gets its own rate-limit bucket only when the proxy is trusted.
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  if (config.rateLimit > 0) {
    app.use(
      '/api',
      rateLimit({
        windowMs: 60_000,
        limit: config.rateLimit,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_req, res) => {
          sendJson(
            res,
            { error: { code: 'RATE_LIMITED', message: `more than ${config.rateLimit} requests a minute from this client; slow down (JEJAK_RATE_LIMIT)`, details: { limit: config.rateLimit } } },
            429,
          );
        },
      }),
    );
  }
  const ingest = ingestRoutes(store, config);
  const routers = [
    graphRoutes(store),
    queryRoutes(store, queries, config),
    exploreRoutes(store),
    aggregateRoutes(store),
    exportRoutes(store, queries, config),
    adminRoutes(store, config, log),
  ];
  // The document describes every router mounted here, itself included.
  const docs = openApiRoutes(VERSION, () => [ingest, ...routers, docs]);
  // Articles are bigger than queries: ingest parses its own bodies, with its own limit.
  app.use('/api', ingest);
  app.use('/api', express.json({ limit: config.bodyLimit }));
  app.use('/api', jsonLimits(config.json));
  for (const router of [...routers, docs]) app.use('/api', router);
  app.use('/api', notFoundRoute);
  if (serveClient && fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(CLIENT_DIST, 'index.html')));
  }
  app.use(errorHandler(log));
  return app;
}
