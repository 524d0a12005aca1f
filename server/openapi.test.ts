import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { loadConfig } from '../shared/config.js';
import { KuzuStore } from '../store/kuzu/store.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}
interface Parameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  schema: { type?: string; maximum?: number };
}
interface Operation {
  parameters: Parameter[];
  requestBody?: { content: { 'application/json': { schema: { required?: string[] } } } };
  security?: unknown[];
}
type Doc = { paths: Record<string, Record<string, Operation>> };

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

// The store is never opened: every request here is refused by input validation first.
const store = new KuzuStore(path.join(os.tmpdir(), 'jejak-openapi-unused.kuzu'));
const app = createApp({ config: loadConfig({ JEJAK_RATE_LIMIT: '0' }), store, serveClient: false, log: () => undefined });
let server: Server;
let base: string;
let doc: Doc;

const operations = () => Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path: p, op })));
const urlOf = (p: string) => base + p.replace(/\{(\w+)\}/g, 'x');

async function errorOf(res: Response): Promise<{ status: number; message: string }> {
  const body = (await res.json()) as { error?: { message?: string } };
  return { status: res.status, message: body.error?.message ?? '' };
}

beforeAll(async () => {
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as Doc;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('OpenAPI document', () => {
  it('describes every API route and no route that does not exist', () => {
    const described = operations()
      .map(({ method, path: p }) => `${method} ${p}`)
      .sort();
    expect(routesOf(app).length).toBeGreaterThan(15);
    expect(described).toEqual(routesOf(app).sort());
  });

  it('lists the query parameters the routes validate, and each required one is enforced', async () => {
    const required = operations().flatMap(({ method, path: p, op }) => {
      const names = op.parameters.filter((q) => q.in === 'query' && q.required).map((q) => q.name);
      return names.map((name) => ({ method, path: p, name, others: names.filter((n) => n !== name) }));
    });
    expect(required.map((r) => `${r.path} ${r.name}`)).toEqual(expect.arrayContaining(['/api/search q', '/api/paths from', '/api/paths to', '/api/export/{format} ids']));
    for (const r of required) {
      // Only this one is missing; the other required ones are given.
      const params = new URLSearchParams(r.others.map((n) => [n, 'x']));
      const { status, message } = await errorOf(await fetch(`${urlOf(r.path)}?${params}`, { method: r.method.toUpperCase() }));
      expect({ route: r.path, status, message }).toEqual({ route: r.path, status: 400, message: expect.stringContaining(`query parameter '${r.name}'`) });
    }
  });

  it("states each integer parameter's maximum as the route enforces it", async () => {
    const bounded = operations().flatMap(({ method, path: p, op }) =>
      op.parameters.filter((q) => q.in === 'query' && q.schema.type === 'integer' && q.schema.maximum !== undefined).map((q) => ({ method, path: p, q, op })),
    );
    expect(bounded.length).toBeGreaterThan(5);
    for (const { method, path: p, q, op } of bounded) {
      // Required companions get a harmless value so the bound is what fails.
      const params = new URLSearchParams(op.parameters.filter((o) => o.in === 'query' && o.required).map((o) => [o.name, 'x']));
      params.set(q.name, String(q.schema.maximum! + 1));
      const { status, message } = await errorOf(await fetch(`${urlOf(p)}?${params}`, { method: method.toUpperCase() }));
      expect({ route: p, status, message }).toEqual({ route: p, status: 400, message: expect.stringContaining(`query parameter '${q.name}'`) });
    }
  });

  it('gives the JSON body the routes validate, and a missing required property is refused', async () => {
    const withBody = operations().filter(({ op }) => !op.security && op.requestBody?.content['application/json'].schema.required?.length);
    expect(withBody.map((o) => o.path)).toEqual(expect.arrayContaining(['/api/cypher', '/api/ingest/preview']));
    for (const { method, path: p, op } of withBody) {
      const first = op.requestBody!.content['application/json'].schema.required![0];
      const res = await fetch(urlOf(p), { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: '{}' });
      const { status, message } = await errorOf(res);
      expect({ route: p, status, message }).toEqual({ route: p, status: 400, message: expect.stringContaining(`body parameter '${first}'`) });
    }
  });

  it('describes the timeline items as naming their element in the graph, not carrying it', () => {
    const full = doc as unknown as {
      paths: Record<string, { get: { responses: { '200': { content: { 'application/json': { schema: { $ref?: string } } } } } } }>;
      components: { schemas: Record<string, { properties: Record<string, { items?: { properties: Record<string, unknown> } }> }> };
    };
    expect(full.paths['/api/timeline'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/TimelineResponse');
    const timeline = full.components.schemas.TimelineResponse;
    expect(Object.keys(timeline.properties)).toEqual(expect.arrayContaining(['items', 'graph', 'truncated']));
    expect(Object.keys(timeline.properties.items.items!.properties).sort()).toEqual(['date', 'datePrecision', 'dateTo', 'id', 'kind', 'title']);
  });

  it('marks the writing routes with the write token', () => {
    const secured = operations()
      .filter(({ op }) => op.security)
      .map(({ method, path: p }) => `${method} ${p}`)
      .sort();
    expect(secured).toEqual(['post /api/admin/reseed', 'post /api/ingest']);
  });
});
