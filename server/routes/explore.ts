import { Router } from 'express';
import { z } from 'zod';
import { apiRoute } from '../api-route.js';
import { sendJson } from '../http/send-json.js';
import { parseRelTypes } from '../services/graph.js';
import { allPaths, MAX_ALL_PATHS_HOPS, shortestPath } from '../services/paths.js';
import { articleWithSpans, edgeProvenance } from '../services/provenance.js';
import { timeline } from '../services/timeline.js';
import { MAX_PATH_HOPS } from '../../store/store.js';
import type { Store } from '../../store/store.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

const pathsQuery = z.object({
  from: z.string().min(1, 'give the id of the first node').describe('first node id'),
  to: z.string().min(1, 'give the id of the second node').describe('second node id'),
  mode: z.enum(['shortest', 'all']).default('shortest').describe('shortest or all'),
  maxHops: z.coerce.number().int().min(1).max(MAX_PATH_HOPS).optional().describe('maximum hops'),
  limit: z.coerce.number().int().min(1).max(100).default(10).describe('maximum paths (mode=all)'),
  types: z.string().optional().describe('comma-separated relationship types to follow'),
});

const timelineQuery = z.object({
  from: date.optional().describe('first day'),
  to: date.optional().describe('last day'),
  limit: z.coerce.number().int().min(1).max(5000).default(500).describe('maximum items'),
});

export function exploreRoutes(store: Store): Router {
  const r = Router();

  apiRoute(
    r,
    { method: 'get', path: '/paths', summary: 'Paths between two nodes: the shortest, or all simple paths up to maxHops', query: pathsQuery, response: 'paths and their union graph' },
    async ({ query: q, res }) => {
      const types = parseRelTypes(q.types);
      sendJson(
        res,
        q.mode === 'shortest'
          ? await shortestPath(store, q.from, q.to, q.maxHops ?? 6, types)
          : await allPaths(store, q.from, q.to, q.maxHops ?? Math.min(3, MAX_ALL_PATHS_HOPS), types, q.limit),
      );
    },
  );

  apiRoute(
    r,
    {
      method: 'get',
      path: '/timeline',
      summary: 'Events and dated relationships in a date range, sorted',
      query: timelineQuery,
      response: "timeline items, each naming its event node or fact edge in the answer's graph by id",
      responseSchema: 'TimelineResponse',
    },
    async ({ query: q, res }) => {
      sendJson(res, await timeline(store, q.from ?? null, q.to ?? null, q.limit));
    },
  );

  apiRoute(
    r,
    { method: 'get', path: '/edges/:id/provenance', summary: 'Claims behind a relationship: article, quote, sentence, date', params: { id: 'relationship id' }, response: 'the edge and its claims' },
    async ({ params, res }) => {
      sendJson(res, await edgeProvenance(store, params.id));
    },
  );

  apiRoute(
    r,
    { method: 'get', path: '/articles/:id', summary: 'An article with the spans of its text that support facts', params: { id: 'article id' }, response: 'article and spans' },
    async ({ params, res }) => {
      sendJson(res, await articleWithSpans(store, params.id));
    },
  );

  return r;
}
