/** Typed errors with a code; the Express error handler maps each to an HTTP status. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'BAD_QUERY'
  | 'WRITE_REFUSED'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'QUERY_TIMEOUT'
  | 'RATE_LIMITED'
  | 'STORE_UNAVAILABLE'
  | 'INSUFFICIENT_STORAGE'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  BAD_QUERY: 400,
  WRITE_REFUSED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  NOT_FOUND: 404,
  QUERY_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
};

export class JejakError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'JejakError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) => new JejakError('BAD_REQUEST', message, details);
export const badQuery = (message: string) => new JejakError('BAD_QUERY', message);
export const writeRefused = (message: string) => new JejakError('WRITE_REFUSED', message);
export const notFound = (message: string) => new JejakError('NOT_FOUND', message);
export const queryTimeout = (ms: number) =>
  new JejakError('QUERY_TIMEOUT', `query ran past the ${ms} ms timeout; narrow it (add a LIMIT or a WHERE) or raise timeoutMs`, { timeoutMs: ms });
export const storeUnavailable = (message: string) => new JejakError('STORE_UNAVAILABLE', message);
/** The disk holding the database is (nearly) full: 507, nothing written. */
export const insufficientStorage = (message: string) => new JejakError('INSUFFICIENT_STORAGE', message);

/**
 * An engine's error text, fit to show a client: its first line only (no stack
 * or plan dumps), absolute file paths replaced by `<path>`, at most 300
 * characters. Used wherever a driver's message is passed on in a 4xx.
 */
export function firstLine(engineText: string): string {
  const line = engineText.replace(/^Error: /, '').split('\n', 1)[0].trim();
  const redacted = line.replace(/(?<![\w.])\/(?:[\w.@+-]+\/)*[\w.@+-]+/g, '<path>');
  return redacted.length > 300 ? `${redacted.slice(0, 297)}...` : redacted;
}
