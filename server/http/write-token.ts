import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { JejakError } from '../../shared/errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Guards the endpoints that change the graph. Off (403) unless JEJAK_WRITE_TOKEN
 * is set; then `Authorization: Bearer <token>` is compared in constant time
 * (digests of equal length, so the length of the token leaks nothing either).
 */
export function requireWriteToken(token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : undefined;
  return (req, _res, next) => {
    if (!expected) {
      throw new JejakError('FORBIDDEN', 'writes are disabled on this server: start it with JEJAK_WRITE_TOKEN set to enable ingest and reseed');
    }
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!given || !timingSafeEqual(digest(given), expected)) {
      throw new JejakError('UNAUTHORIZED', 'send the write token as "Authorization: Bearer <JEJAK_WRITE_TOKEN>"');
    }
    next();
  };
}
