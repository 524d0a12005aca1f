import { Router } from 'express';
import { z } from 'zod';
import type { HealthResponse } from '../../shared/api.js';
import { LABELS, NODE_LABELS, REL_PROPS, REL_TYPES, RELATIONSHIPS, isNodeLabel } from '../../shared/schema.js';
import { badRequest } from '../../shared/errors.js';
import { apiRoute } from '../api-route.js';
import { sendJson } from '../http/send-json.js';
import { publicEngineText } from '../http/errors.js';
import { getNode, neighbours, overview, parseRelTypes, search } from '../services/graph.js';
import type { Store } from '../../store/store.js';

export const VERSION = '0.1.0';

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const overviewQuery = z.object({
  limit: limit(10_000, 500).describe('maximum relationships'),
  articles: z.enum(['true', 'false']).default('false').describe('include article MENTIONS edges'),
});

const neighboursQuery = z.object({
  limit: limit(1000, 50).describe('maximum relationships'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('skip this many (for "+N more")'),
  direction: z.enum(['out', 'in', 'both']).default('both').describe('out, in or both'),
  types: z.string().optional().describe(`comma-separated relationship types among ${REL_TYPES.join(', ')}`),
});

const searchQuery = z.object({
  q: z.string().min(1, 'give a name or alias to search for').max(200).describe('text to find'),
  limit: limit(100, 10).describe('maximum hits'),
  labels: z.string().optional().describe(`comma-separated labels among ${NODE_LABELS.join(', ')}`),
});

export function graphRoutes(store: Store): Router {
  const r = Router();

  apiRoute(r, { method: 'get', path: '/health', summary: 'Store engine, reachability and counts', response: 'healthy; 503 when the store is down' }, async ({ res }) => {
    const h = await store.health();
    // The embedded store's absolute path is the server's business: name the variable that sets it.
    const location = h.engine === 'kuzu' ? '$JEJAK_DATA_DIR/jejak.kuzu' : h.location;
    const message = h.message === undefined ? undefined : publicEngineText(h.message, h.engine);
    const body: HealthResponse = { ...h, location, ...(message === undefined ? {} : { message }), version: VERSION };
    if (h.ok) return void sendJson(res, body);
    res.setHeader('Retry-After', '5');
    sendJson(res, { ...body, error: { code: 'STORE_UNAVAILABLE', message: `the ${h.engine} store is unavailable: ${message}` } }, 503);
  });

  apiRoute(r, { method: 'get', path: '/schema', summary: 'Node labels, relationship types and their endpoints', response: 'the graph model' }, ({ res }) => {
    sendJson(res, { labels: Object.values(LABELS), relationships: RELATIONSHIPS, relationshipProperties: REL_PROPS });
  });

  apiRoute(
    r,
    { method: 'get', path: '/graph', summary: 'Capped overview of the graph', query: overviewQuery, response: 'graph with truncated flag and total', responseSchema: 'GraphResponse' },
    async ({ query, res }) => {
      sendJson(res, await overview(store, query.limit, query.articles === 'true'));
    },
  );

  apiRoute(r, { method: 'get', path: '/nodes/:id', summary: 'One node with its degree', params: { id: 'node id, e.g. person:kim-jong-un' }, response: 'the node' }, async ({ params, res }) => {
    sendJson(res, await getNode(store, params.id));
  });

  apiRoute(
    r,
    {
      method: 'get',
      path: '/nodes/:id/neighbours',
      summary: 'Neighbourhood expansion with limits and counts per relationship type and direction',
      params: { id: 'node id' },
      query: neighboursQuery,
      response: 'neighbours, counts, truncated flag and total',
      responseSchema: 'GraphResponse',
    },
    async ({ query, params, res }) => {
      sendJson(res, await neighbours(store, params.id, { ...query, types: parseRelTypes(query.types) }));
    },
  );

  apiRoute(
    r,
    { method: 'get', path: '/search', summary: 'Search names and aliases (case-, accent- and hyphen-insensitive)', query: searchQuery, response: 'ranked hits' },
    async ({ query, res }) => {
      const labels = query.labels ? query.labels.split(',').map((l) => l.trim()) : [];
      const bad = labels.filter((l) => !isNodeLabel(l));
      if (bad.length) throw badRequest(`unknown label ${bad.join(', ')}; allowed: ${NODE_LABELS.join(', ')}`, { param: 'labels' });
      sendJson(res, await search(store, query.q, query.limit, labels.filter(isNodeLabel)));
    },
  );

  return r;
}
