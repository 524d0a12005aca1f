import { Router } from 'express';
import { z } from 'zod';
import { isNodeLabel, NODE_LABELS } from '../../shared/schema.js';
import { badRequest } from '../../shared/errors.js';
import { apiRoute } from '../api-route.js';
import { sendJson } from '../http/send-json.js';
import type { Store } from '../../store/store.js';

const membersQuery = z.object({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('skip this many'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('maximum members'),
});

/** The aggregated overview of a graph too big to draw, and a group's members a page at a time. */
export function aggregateRoutes(store: Store): Router {
  const r = Router();

  apiRoute(r, { method: 'get', path: '/overview/aggregate', summary: 'The graph aggregated by label, for graphs too big to draw', response: 'groups and the relationships between them' }, async ({ res }) => {
    sendJson(res, await store.aggregateOverview());
  });

  apiRoute(
    r,
    {
      method: 'get',
      path: '/overview/groups/:label/members',
      summary: "A group's members, a page at a time",
      params: { label: `node label among ${NODE_LABELS.join(', ')}` },
      query: membersQuery,
      response: 'members and the total',
    },
    async ({ params, query: q, res }) => {
      const label = params.label;
      if (!isNodeLabel(label)) throw badRequest(`unknown label '${label}'; allowed: ${NODE_LABELS.join(', ')}`, { param: 'label' });
      sendJson(res, await store.groupMembers({ label, offset: q.offset, limit: q.limit }));
    },
  );

  return r;
}
