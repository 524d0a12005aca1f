import { Router } from 'express';
import { z } from 'zod';
import { isNodeLabel, NODE_LABELS } from '../../shared/schema.js';
import { badRequest } from '../../shared/errors.js';
import { parseInput } from '../http/validate.js';
import type { Store } from '../../store/store.js';

/** The aggregated overview of a graph too big to draw, and a group's members a page at a time. */
export function aggregateRoutes(store: Store): Router {
  const r = Router();

  r.get('/overview/aggregate', async (_req, res) => {
    res.json(await store.aggregateOverview());
  });

  r.get('/overview/groups/:label/members', async (req, res) => {
    const label = req.params.label;
    if (!isNodeLabel(label)) throw badRequest(`unknown label '${label}'; allowed: ${NODE_LABELS.join(', ')}`, { param: 'label' });
    const q = parseInput(
      z.object({ offset: z.coerce.number().int().min(0).max(10_000_000).default(0), limit: z.coerce.number().int().min(1).max(500).default(50) }),
      req.query,
      'query',
    );
    res.json(await store.groupMembers({ label, offset: q.offset, limit: q.limit }));
  });

  return r;
}
