import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../shared/config.js';
import { parseInput } from '../http/validate.js';
import { runAdHoc } from '../services/cypher.js';
import { QueryBudget } from '../services/query-budget.js';
import type { SavedQueries } from '../services/saved-queries.js';
import type { Store } from '../../store/store.js';

const runBody = z.object({ params: z.record(z.string(), z.unknown()).default({}) });

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

  r.get('/queries', (_req, res) => {
    res.json({ queries: queries.list() });
  });

  r.get('/queries/:name', (req, res) => {
    const { cypher, file, ...info } = queries.get(req.params.name);
    res.json({ ...info, cypher, file });
  });

  r.post('/queries/:name/run', async (req, res) => {
    const body = parseInput(runBody, req.body, 'body');
    res.json(await budget.run(() => queries.run(store, req.params.name, body.params, limits)));
  });

  r.post('/cypher', async (req, res) => {
    const body = parseInput(cypherBody, req.body, 'body');
    res.json(await budget.run(() => runAdHoc(store, body, limits)));
  });

  return r;
}
