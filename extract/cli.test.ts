import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestInputError } from './input.js';
import { parseArgs, runExtraction } from './cli.js';

const file = (name: string) => path.join(__dirname, '..', 'seed', 'corpus', name);

describe('extract cli', () => {
  it('parses the documented options', () => {
    expect(parseArgs(['a.txt', '--date', '2024-11-06', '--outlet', 'Tempo', '--dry-run', '--json'])).toMatchObject({ file: 'a.txt', date: '2024-11-06', outlet: 'Tempo', json: true, dryRun: true });
  });

  it('refuses to run without --dry-run, since it writes nothing yet', () => {
    expect(() => parseArgs(['a.txt'])).toThrow(IngestInputError);
  });

  it('extracts with the curated seed as gazetteer', async () => {
    const r = await runExtraction(parseArgs([file('003_2a80ec60d46a3d98.txt'), '--dry-run', '--json']));
    expect(r.candidates).toContainEqual(expect.objectContaining({ predicate: 'SIGNED', subject: expect.objectContaining({ id: 'person:vladimir-putin' }) }));
  });

  it('asks for --date when the article has none', async () => {
    await expect(runExtraction(parseArgs([file('004_14a712b71326445f.txt'), '--dry-run']))).rejects.toMatchObject({ code: 'no-date' });
    const r = await runExtraction(parseArgs([file('004_14a712b71326445f.txt'), '--date', '2024-06-20', '--outlet', 'Example', '--dry-run']));
    expect(r.article).toMatchObject({ date: '2024-06-20', outlet: 'Example' });
  });
});
