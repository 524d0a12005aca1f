import express, { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../shared/config.js';
import { apiRoute } from '../api-route.js';
import { sendJson } from '../http/send-json.js';
import { requireWriteToken } from '../http/write-token.js';
import { commitIngest, MAX_ARTICLE_BYTES, previewIngest } from '../services/ingest.js';
import { CLAIM_STATUSES, NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../shared/schema.js';
import type { Store } from '../../store/store.js';

const article = {
  text: z.string().min(1, 'paste the article text'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD').optional(),
  outlet: z.string().max(200).optional(),
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const end = z.object({
  id: z.string().max(300).nullable(),
  name: z.string().min(1, 'give the entity a name').max(300),
  label: z.enum(NODE_LABELS.filter((l) => l !== 'Article') as [NodeLabel, ...NodeLabel[]]),
});
const candidateId = z.string({ error: 'accept and edits name candidates by the id the preview gave them (cand-…), not by number' }).regex(/^cand-[0-9a-f]{16}$/, 'a candidate id from the preview (cand-…)');

const commit = z.object({
  ...article,
  accept: z.array(candidateId).max(10_000),
  edits: z
    .record(
      candidateId,
      z
        .object({
          subject: end.optional(),
          predicate: z.enum(REL_TYPES.filter((t) => t !== 'MENTIONS') as [RelType, ...RelType[]]).optional(),
          object: end.optional(),
          date: isoDate.nullable().optional(),
          datePrecision: z.enum(['day', 'month', 'year']).nullable().optional(),
          status: z.enum(CLAIM_STATUSES).optional(),
        })
        .strict(),
    )
    .optional(),
});

/** Ingest: preview is read-only and open; committing needs the write token. Articles may be larger than other bodies. */
export function ingestRoutes(store: Store, config: Config): Router {
  const r = Router();
  const json = express.json({ limit: MAX_ARTICLE_BYTES * 2 });

  apiRoute(
    r,
    {
      method: 'post',
      path: '/ingest/preview',
      summary: 'Extract candidate facts from an article (Indonesian or English); writes nothing',
      body: z.object(article),
      response: 'article, candidates with quote, offset, date and confidence',
      use: [json],
    },
    async ({ body: b, res }) => {
      sendJson(res, await previewIngest(store, b.text, b));
    },
  );

  apiRoute(
    r,
    {
      method: 'post',
      path: '/ingest',
      summary: 'Merge the accepted candidates of an article into the graph (write token required)',
      body: commit,
      response: 'what was created, what gained a claim, what was unchanged',
      writes: true,
      use: [requireWriteToken(config.writeToken), json],
    },
    async ({ body: b, res }) => {
      sendJson(res, await commitIngest(store, b.text, b));
    },
  );

  return r;
}
