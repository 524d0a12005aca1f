import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '../http/validate.js';
import { parseRelTypes } from '../services/graph.js';
import { allPaths, MAX_ALL_PATHS_HOPS, shortestPath } from '../services/paths.js';
import { articleWithSpans, edgeProvenance } from '../services/provenance.js';
import { timeline } from '../services/timeline.js';
import { MAX_PATH_HOPS } from '../../store/store.js';
import type { Store } from '../../store/store.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

export function exploreRoutes(store: Store): Router {
  const r = Router();

  r.get('/paths', async (req, res) => {
    const q = parseInput(
      z.object({
        from: z.string().min(1, 'give the id of the first node'),
        to: z.string().min(1, 'give the id of the second node'),
        mode: z.enum(['shortest', 'all']).default('shortest'),
        maxHops: z.coerce.number().int().min(1).max(MAX_PATH_HOPS).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(10),
        types: z.string().optional(),
      }),
      req.query,
      'query',
    );
    const types = parseRelTypes(q.types);
    res.json(
      q.mode === 'shortest'
        ? await shortestPath(store, q.from, q.to, q.maxHops ?? 6, types)
        : await allPaths(store, q.from, q.to, q.maxHops ?? Math.min(3, MAX_ALL_PATHS_HOPS), types, q.limit),
    );
  });

  r.get('/timeline', async (req, res) => {
    const q = parseInput(z.object({ from: date.optional(), to: date.optional(), limit: z.coerce.number().int().min(1).max(5000).default(500) }), req.query, 'query');
    res.json(await timeline(store, q.from ?? null, q.to ?? null, q.limit));
  });

  r.get('/edges/:id/provenance', async (req, res) => {
    res.json(await edgeProvenance(store, req.params.id));
  });

  r.get('/articles/:id', async (req, res) => {
    res.json(await articleWithSpans(store, req.params.id));
  });

  return r;
}
