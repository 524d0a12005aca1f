/**
 * Checks a user's article file before extraction, with errors that say what to fix.
 */
import { isIsoDate } from './dates.js';

export type IngestInputProblem = 'empty' | 'binary' | 'encoding' | 'too-large' | 'bad-date';

export class IngestInputError extends Error {
  constructor(
    readonly code: IngestInputProblem,
    message: string,
  ) {
    super(message);
    this.name = 'IngestInputError';
  }
}

export const DEFAULT_MAX_BYTES = 5_000_000;

function mb(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The article text of a file's bytes, or an `IngestInputError`. */
export function validateArticleInput(buffer: Buffer, maxBytes = DEFAULT_MAX_BYTES): string {
  if (buffer.length > maxBytes) {
    throw new IngestInputError('too-large', `The file is ${mb(buffer.length)}; articles may be at most ${mb(maxBytes)}. Save only the article's text (not the whole page or a PDF) and try again.`);
  }
  if (buffer.length === 0 || buffer.toString('utf8').trim() === '') {
    throw new IngestInputError('empty', 'The file is empty. Paste the article text into a .txt file (UTF-8) and try again.');
  }
  if (buffer.includes(0)) {
    throw new IngestInputError('binary', 'The file contains NUL bytes: it looks binary (PDF, Word, image?). Export or copy the article as plain text (.txt, UTF-8).');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new IngestInputError('encoding', 'The file is not valid UTF-8 (probably Windows-1252 or Latin-1). Re-save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`.');
  }
  // Control characters other than tab, newline and carriage return mark a binary file.
  const control = (text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g) ?? []).length;
  if (control / text.length > 0.01) {
    throw new IngestInputError('binary', `The file has ${control} control characters: it looks binary, not article text. Save the article as plain text (.txt, UTF-8).`);
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * The publication date to resolve relative dates against: --date wins, then the
 * page's date line, else null. An undated article is still extracted: relative
 * dates stay empty with a note, and the review says the article is undated.
 */
export function articleDateOf(pageDate: string | null, givenDate?: string): string | null {
  if (givenDate !== undefined) {
    if (!isIsoDate(givenDate)) throw new IngestInputError('bad-date', `--date ${givenDate} is not a date: write it as YYYY-MM-DD, e.g. --date 2024-11-12.`);
    return givenDate;
  }
  return pageDate;
}
