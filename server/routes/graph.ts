import { Router } from 'express';
import { z } from 'zod';
import type { HealthResponse } from '../../shared/api.js';
import { LABELS, NODE_LABELS, REL_PROPS, RELATIONSHIPS, isNodeLabel } from '../../shared/schema.js';
import { badRequest } from '../../shared/errors.js';
import { openApiDocument } from '../openapi.js';
import { publicEngineText } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { getNode, neighbours, overview, parseRelTypes, search } from '../services/graph.js';
import type { Store } from '../../store/store.js';

export const VERSION = '0.1.0';

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export function graphRoutes(store: Store): Router {
  const r = Router();

  r.get('/health', async (_req, res) => {
    const h = await store.health();
    // The embedded store's absolute path is the server's business: name the variable that sets it.
    const location = h.engine === 'kuzu' ? '$JEJAK_DATA_DIR/jejak.kuzu' : h.location;
    const message = h.message === undefined ? undefined : publicEngineText(h.message, h.engine);
    const body: HealthResponse = { ...h, location, ...(message === undefined ? {} : { message }), version: VERSION };
    if (h.ok) return void res.json(body);
    res.setHeader('Retry-After', '5');
    res.status(503).json({ ...body, error: { code: 'STORE_UNAVAILABLE', message: `the ${h.engine} store is unavailable: ${message}` } });
  });

  r.get('/schema', (_req, res) => {
    res.json({ labels: Object.values(LABELS), relationships: RELATIONSHIPS, relationshipProperties: REL_PROPS });
  });

  r.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(VERSION));
  });

  r.get('/graph', async (req, res) => {
    const q = parseInput(z.object({ limit: limit(10_000, 500), articles: z.enum(['true', 'false']).default('false') }), req.query, 'query');
    res.json(await overview(store, q.limit, q.articles === 'true'));
  });

  r.get('/nodes/:id', async (req, res) => {
    res.json(await getNode(store, req.params.id));
  });

  r.get('/nodes/:id/neighbours', async (req, res) => {
    const q = parseInput(
      z.object({
        limit: limit(1000, 50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        direction: z.enum(['out', 'in', 'both']).default('both'),
        types: z.string().optional(),
      }),
      req.query,
      'query',
    );
    res.json(await neighbours(store, req.params.id, { ...q, types: parseRelTypes(q.types) }));
  });

  r.get('/search', async (req, res) => {
    const q = parseInput(
      z.object({
        q: z.string().min(1, 'give a name or alias to search for').max(200),
        limit: limit(100, 10),
        labels: z.string().optional(),
      }),
      req.query,
      'query',
    );
    const labels = q.labels ? q.labels.split(',').map((l) => l.trim()) : [];
    const bad = labels.filter((l) => !isNodeLabel(l));
    if (bad.length) throw badRequest(`unknown label ${bad.join(', ')}; allowed: ${NODE_LABELS.join(', ')}`, { param: 'labels' });
    res.json(await search(store, q.q, q.limit, labels.filter(isNodeLabel)));
  });

  return r;
}
