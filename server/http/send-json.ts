import type { ServerResponse } from 'node:http';

/**
 * Sends `body` as JSON: stringified once and handed to `end`, which sets Content-Length from the
 * string. Express's res.json goes through res.send, which copies the text into a Buffer first
 * (a second pass over every byte of a big answer) and checks freshness for an ETag the API
 * does not send (app 'etag' is off).
 */
export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(text);
}
