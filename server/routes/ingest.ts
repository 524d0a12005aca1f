import express, { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../shared/config.js';
import { parseInput } from '../http/validate.js';
import { requireWriteToken } from '../http/write-token.js';
import { commitIngest, MAX_ARTICLE_BYTES, previewIngest } from '../services/ingest.js';
import type { Store } from '../../store/store.js';

const article = {
  text: z.string().min(1, 'paste the article text'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD').optional(),
  outlet: z.string().max(200).optional(),
};

const commit = z.object({
  ...article,
  accept: z.array(z.number().int().min(0)).max(10_000).optional(),
  edits: z
    .record(
      z.string().regex(/^\d+$/),
      z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(), datePrecision: z.enum(['day', 'month', 'year']).nullable().optional() }),
    )
    .optional(),
});

/** Ingest: preview is read-only and open; committing needs the write token. Articles may be larger than other bodies. */
export function ingestRoutes(store: Store, config: Config): Router {
  const r = Router();
  const json = express.json({ limit: MAX_ARTICLE_BYTES * 2 });

  r.post('/ingest/preview', json, async (req, res) => {
    const b = parseInput(z.object(article), req.body, 'body');
    res.json(await previewIngest(store, b.text, b));
  });

  r.post('/ingest', requireWriteToken(config.writeToken), json, async (req, res) => {
    const b = parseInput(commit, req.body, 'body');
    const edits = Object.fromEntries(Object.entries(b.edits ?? {}).map(([k, v]) => [Number(k), v]));
    res.json(await commitIngest(store, b.text, { ...b, edits }));
  });

  return r;
}
