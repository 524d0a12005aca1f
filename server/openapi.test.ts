import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { loadConfig } from '../shared/config.js';
import { openApiDocument } from './openapi.js';
import { KuzuStore } from '../store/kuzu/store.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every (method, path) Express will answer under /api, read from the router itself. */
function routesOf(app: ReturnType<typeof createApp>): string[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const out: string[] = [];
  const walk = (layers: Layer[]) => {
    for (const layer of layers) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) out.push(`${method} /api${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(stack);
  return out.filter((r) => !r.includes('*'));
}

describe('OpenAPI document', () => {
  it('describes every API route and no route that does not exist', () => {
    // The store is never opened: routes are only listed.
    const store = new KuzuStore(path.join(os.tmpdir(), 'jejak-openapi-unused.kuzu'));
    const app = createApp({ config: loadConfig({ JEJAK_WRITE_TOKEN: 'listing-only' }), store, serveClient: false });
    const routes = routesOf(app).sort();
    const doc = openApiDocument('test') as { paths: Record<string, Record<string, unknown>> };
    const described = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`))
      .sort();
    expect(routes.length).toBeGreaterThan(15);
    expect(described).toEqual(routes);
  });
});
