import { describe, expect, it } from 'vitest';
import { IngestInputError, articleDateOf, validateArticleInput } from './input.js';

function problem(fn: () => unknown): IngestInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof IngestInputError) return err;
    throw err;
  }
  throw new Error('expected an IngestInputError');
}

describe('validateArticleInput', () => {
  it('returns the text of a valid UTF-8 article, without a BOM', () => {
    expect(validateArticleInput(Buffer.from('\uFEFFKorea Utara – “berita”.', 'utf8'))).toBe('Korea Utara – “berita”.');
  });

  it('rejects an empty or blank file', () => {
    expect(problem(() => validateArticleInput(Buffer.alloc(0)))).toMatchObject({ code: 'empty', message: expect.stringMatching(/empty/) });
    expect(problem(() => validateArticleInput(Buffer.from(' \n\n '))).code).toBe('empty');
  });

  it('rejects binary files: NUL bytes or many control characters', () => {
    expect(problem(() => validateArticleInput(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])))).toMatchObject({ code: 'binary', message: expect.stringMatching(/plain text/) });
    expect(problem(() => validateArticleInput(Buffer.from('abc\u0001\u0002\u0003\u0004def'))).code).toBe('binary');
  });

  it('rejects text that is not UTF-8 and says how to convert it', () => {
    const latin1 = Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x74, 0x69, 0x62, 0x61]); // "José tiba" in Latin-1
    expect(problem(() => validateArticleInput(latin1))).toMatchObject({ code: 'encoding', message: expect.stringMatching(/UTF-8/) });
  });

  it('rejects a 50 MB file before reading it', () => {
    const big = Buffer.alloc(50_000_000, 0x61);
    expect(problem(() => validateArticleInput(big))).toMatchObject({ code: 'too-large', message: expect.stringMatching(/50\.0 MB.*5\.0 MB/) });
  });

  it('honours a custom size limit', () => {
    expect(problem(() => validateArticleInput(Buffer.from('a'.repeat(11)), 10)).code).toBe('too-large');
  });
});

describe('articleDateOf', () => {
  it('prefers --date, then the page date', () => {
    expect(articleDateOf('2024-11-12', '2024-11-13')).toBe('2024-11-13');
    expect(articleDateOf('2024-11-12')).toBe('2024-11-12');
  });

  it('leaves an undated page undated instead of refusing it', () => {
    expect(articleDateOf(null)).toBeNull();
  });

  it('rejects a malformed --date', () => {
    expect(problem(() => articleDateOf(null, '12/11/2024'))).toMatchObject({ code: 'bad-date', message: expect.stringMatching(/--date 12\/11\/2024 is not a date: write it as YYYY-MM-DD/) });
    expect(problem(() => articleDateOf(null, '2024-02-30')).code).toBe('bad-date');
  });
});
