import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../shared/config.js';
import { apiRoute } from '../api-route.js';
import { sendJson } from '../http/send-json.js';
import { runAdHoc } from '../services/cypher.js';
import { QueryBudget } from '../services/query-budget.js';
import type { SavedQueries } from '../services/saved-queries.js';
import type { Store } from '../../store/store.js';

const runBody = z.object({ params: z.record(z.string(), z.unknown()).default({}).describe('the saved query\'s parameters by name') });

const cypherBody = z.object({
  // The length limit is the guard's (JEJAK_CYPHER_MAX_LENGTH), so the message can name it.
  query: z.string().min(1, 'send one Cypher statement'),
  params: z.record(z.string(), z.unknown()).optional(),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
  maxRows: z.number().int().min(1).max(1_000_000).optional(),
});

export function queryRoutes(store: Store, queries: SavedQueries, config: Config): Router {
  const r = Router();
  const limits = { timeoutMs: config.queryTimeoutMs, maxRows: config.maxRows, text: config.cypher };
  // User-written Cypher gets its own budget so it cannot take every reader connection from the built-in reads.
  const budget = new QueryBudget(config.adhoc);

  apiRoute(r, { method: 'get', path: '/queries', summary: 'Saved queries with their typed parameters', response: 'list of saved queries' }, ({ res }) => {
    sendJson(res, { queries: queries.list() });
  });

  apiRoute(r, { method: 'get', path: '/queries/:name', summary: 'One saved query with its Cypher', params: { name: 'saved query name' }, response: 'the saved query' }, ({ params, res }) => {
    const { cypher, file, ...info } = queries.get(params.name);
    sendJson(res, { ...info, cypher, file });
  });

  apiRoute(
    r,
    {
      method: 'post',
      path: '/queries/:name/run',
      summary: 'Run a saved query with validated parameters',
      params: { name: 'saved query name' },
      body: runBody,
      response: 'rows and graph',
      responseSchema: 'QueryResponse',
    },
    async ({ params, body, res }) => {
      sendJson(res, await budget.run(() => queries.run(store, params.name, body.params, limits)));
    },
  );

  apiRoute(
    r,
    {
      method: 'post',
      path: '/cypher',
      summary: 'Run read-only ad-hoc Cypher with a timeout and a row cap; writes are refused with 400 before they run',
      body: cypherBody,
      response: 'rows and graph',
      responseSchema: 'QueryResponse',
    },
    async ({ body, res }) => {
      sendJson(res, await budget.run(() => runAdHoc(store, body, limits)));
    },
  );

  return r;
}
