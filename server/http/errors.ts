import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiError } from '../../shared/api.js';
import { firstLine, JejakError } from '../../shared/errors.js';
import { sendJson } from './send-json.js';

/** body-parser and friends signal their failures with `type` and `status`. */
function fromHttpError(err: { type?: string; status?: number; limit?: number; message?: string }): JejakError | undefined {
  if (err.type === 'entity.too.large')
    return new JejakError('PAYLOAD_TOO_LARGE', `request body is larger than the limit of ${err.limit} bytes; send less`, { limit: err.limit });
  if (err.type === 'entity.parse.failed') return new JejakError('BAD_REQUEST', `request body is not valid JSON: ${err.message}`);
  if (err.status && err.status >= 400 && err.status < 500) return new JejakError('BAD_REQUEST', err.message ?? 'bad request');
  return undefined;
}

/**
 * Engine text fit for a client: its first line (no stack or plan dumps), and
 * no absolute file path — on the embedded engine the variable that sets the
 * path is named instead, so the operator knows what to check.
 */
export function publicEngineText(text: string, engine: 'kuzu' | 'neo4j' = 'kuzu'): string {
  const line = firstLine(text);
  return line.includes('<path>') && engine === 'kuzu' ? `${line.replaceAll('<path>', 'a file')} (check JEJAK_DATA_DIR)` : line;
}

/** The one place that turns errors into HTTP: `{ error: { code, message } }`. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const known = err instanceof JejakError ? err : fromHttpError(err);
    const e = known ?? new JejakError('INTERNAL', 'internal error; see the server log');
    if (!known) log(`internal error: ${err instanceof Error ? err.stack : String(err)}`);
    // 5xx and store messages can carry engine text: never a path or a stack.
    const message = e.status >= 500 ? publicEngineText(e.message) : e.message;
    const body: ApiError = { error: { code: e.code, message, ...(e.details ? { details: e.details } : {}) } };
    if (e.status === 503) res.setHeader('Retry-After', '5');
    sendJson(res, body, e.status);
  };
}

export const notFoundRoute: RequestHandler = (req, res) => {
  const body: ApiError = { error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.path}; see /api/openapi.json` } };
  sendJson(res, body, 404);
};
