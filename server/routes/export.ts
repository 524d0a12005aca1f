import { Router, type Response } from 'express';
import { z } from 'zod';
import type { ExportFormatInfo } from '../../shared/api.js';
import type { Config } from '../../shared/config.js';
import { badRequest } from '../../shared/errors.js';
import { apiRoute } from '../api-route.js';
import { sendJson } from '../http/send-json.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, isExportFormat } from '../services/export/index.js';
import { exportSource, MAX_EXPORT_IDS, type ExportSource } from '../services/export/subgraph.js';
import type { SavedQueries } from '../services/saved-queries.js';
import type { Store } from '../../store/store.js';

const options = {
  dialect: z.enum(['neo4j', 'kuzu']).optional().describe('Cypher dialect of the Cypher export'),
  filename: z.string().max(100).regex(/^[\w.-]+$/, 'letters, digits, dot, dash and underscore only').optional(),
};

const body = z.object({
  ids: z.array(z.string().max(1000)).max(MAX_EXPORT_IDS).optional(),
  query: z.object({ name: z.string(), params: z.record(z.string(), z.unknown()).optional() }).optional(),
  ...options,
});

const idsQuery = z.object({ ids: z.string().min(1, 'give comma-separated node ids').describe('comma-separated node ids'), ...options });

export function exportRoutes(store: Store, queries: SavedQueries, config: Config): Router {
  const r = Router();
  const limits = { timeoutMs: config.queryTimeoutMs, maxRows: config.maxRows };

  apiRoute(r, { method: 'get', path: '/export/formats', summary: 'Export formats', response: 'formats' }, ({ res }) => {
    const formats: ExportFormatInfo[] = EXPORT_FORMAT_IDS.map((id) => {
      const { mediaType, extension, description } = EXPORT_FORMATS[id];
      return { id, mediaType, extension, description };
    });
    sendJson(res, { formats });
  });

  const send = async (res: Response, format: string, source: ExportSource, opts: { dialect?: 'neo4j' | 'kuzu'; filename?: string }) => {
    if (!isExportFormat(format)) throw badRequest(`unknown export format '${format}'; use one of ${EXPORT_FORMAT_IDS.join(', ')}`, { param: 'format' });
    const { graph, truncated } = await exportSource(store, queries, source, limits);
    const out = EXPORT_FORMATS[format].render(graph, { dialect: opts.dialect, basename: opts.filename });
    res.setHeader('Content-Type', EXPORT_FORMATS[format].mediaType + (typeof out.body === 'string' ? '; charset=utf-8' : ''));
    res.setHeader('Content-Disposition', `attachment; filename="${out.filename}"`);
    res.setHeader('X-Jejak-Truncated', String(truncated));
    res.setHeader('X-Jejak-Counts', `${graph.nodes.length} nodes, ${graph.edges.length} edges`);
    res.send(typeof out.body === 'string' ? out.body : Buffer.from(out.body));
  };

  const format = { format: EXPORT_FORMAT_IDS.join(', ') };
  apiRoute(
    r,
    { method: 'post', path: '/export/:format', summary: 'Export a subgraph: node ids or a saved query result', params: format, body, response: 'the file, as an attachment', file: true },
    async ({ params, body: b, res }) => {
      await send(res, params.format, b, b);
    },
  );

  apiRoute(
    r,
    { method: 'get', path: '/export/:format', summary: 'Export the subgraph of the given node ids', params: format, query: idsQuery, response: 'the file, as an attachment', file: true },
    async ({ params, query: q, res }) => {
      await send(res, params.format, { ids: q.ids.split(',').map((s) => s.trim()).filter(Boolean) }, q);
    },
  );

  return r;
}
