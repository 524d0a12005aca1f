/** While an index is still being read, the engine's own fallback running out of its buffer pool is a 503, not the user's 400. */
import { describe, expect, it } from 'vitest';
import { JejakError, badQuery } from '../../shared/errors.js';
import { whileIndexing } from './timeline.js';

function caught(err: unknown): JejakError {
  try {
    whileIndexing('timeline', 'date index')(err);
  } catch (e) {
    return e as JejakError;
  }
  throw new Error('whileIndexing returned');
}

describe('whileIndexing', () => {
  it('answers a full buffer pool with 503 and says to try again', () => {
    const e = caught(badQuery('the engine refused the query: Buffer manager exception: Unable to allocate memory! The buffer pool is full and no memory could be freed!'));
    expect(e.status).toBe(503);
    expect(e.message).toBe("the timeline's date index is still being read after the embedded engine started, and the graph is too big to answer without it; try again in a few seconds");
  });

  it('passes every other error on unchanged', () => {
    const timeout = new JejakError('QUERY_TIMEOUT', 'query ran past the 30000 ms timeout');
    expect(caught(timeout)).toBe(timeout);
    const other = badQuery('the engine refused the query: Binder exception: x');
    expect(caught(other)).toBe(other);
  });
});
