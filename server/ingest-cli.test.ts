import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../seed/facts.js';
import { seedKuzuFile } from '../seed/seed.js';

const ARTICLE = [
  'Menhan Rusia Kunjungi Pyongyang',
  '',
  'Senin, 2 Desember 2024 10:00 WIB',
  '',
  'PYONGYANG - Pemimpin Korea Utara Kim Jong Un bertemu dengan Menteri Pertahanan Rusia Andrei Belousov di Pyongyang pada Jumat, 29 November 2024.',
].join('\n');

const UNDATED = [
  'Lavrov Bertemu Choe',
  '',
  'Menteri Luar Negeri Rusia Sergei Lavrov bertemu dengan Choe Son Hui pada Selasa.',
  '',
  'Lavrov tiba di Pyongyang pada 29 November 2024.',
].join('\n');

describe('npm run ingest (CLI)', () => {
  let dir: string;
  let file: string;
  const run = (...args: Array<string | Record<string, string>>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/ingest-cli.ts', ...args.filter((a): a is string => typeof a === 'string')], {
      cwd: process.cwd(),
      env: { ...process.env, JEJAK_DATA_DIR: dir, NEO4J_URI: '', ...Object.assign({}, ...args.filter((a) => typeof a !== 'string')) },
      encoding: 'utf8',
      timeout: 60_000,
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-ingest-cli-'));
    await seedKuzuFile(path.join(dir, 'jejak.kuzu'), (await loadKnowledgeBase()).graph);
    file = path.join(dir, 'article.txt');
    fs.writeFileSync(file, ARTICLE);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the candidates of an undated article with --dry-run --json, without opening a database', () => {
    const undated = path.join(dir, 'undated.txt');
    fs.writeFileSync(undated, UNDATED);
    // A data directory that does not exist: opening the store would create it.
    const noDb = path.join(dir, 'never-created');
    const r = run(undated, '--dry-run', '--json', { JEJAK_DATA_DIR: noDb });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.article).toMatchObject({ date: null, undated: true, headline: 'Lavrov Bertemu Choe' });
    const met = out.candidates.find((c: { predicate: string }) => c.predicate === 'MET_WITH');
    expect(met).toMatchObject({ id: expect.stringMatching(/^cand-/), subject: { id: 'person:sergei-lavrov' }, object: { id: 'person:choe-son-hui' }, date: null, status: 'reported' });
    expect(met.dateNote).toMatch(/Selasa" is relative to the publication date, which is unknown/);
    const dated = out.candidates.find((c: { predicate: string }) => c.predicate === 'VISITED');
    expect(dated).toMatchObject({ subject: { id: 'person:sergei-lavrov' }, object: { id: 'place:pyongyang' }, date: '2024-11-29', datePrecision: 'day' });
    expect(fs.existsSync(noDb)).toBe(false);
  });

  it('prints a readable list without --json, saying the article is undated', () => {
    const undated = path.join(dir, 'undated.txt');
    fs.writeFileSync(undated, UNDATED);
    const r = run(undated, '--dry-run');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Lavrov Bertemu Choe \(outlet unknown, undated: relative dates are left empty\)/);
    expect(r.stdout).toMatch(/\[\d\] 0\.\d\d reported\s+Sergei Lavrov MET_WITH Choe Son Hui/);
  });

  it('rejects an unknown option with the usage and exit code 2', () => {
    const r = run(file, '--dryrun');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown option --dryrun\. usage: npm run ingest/);
  });

  it('refuses to guess what to load when not at a terminal', () => {
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a terminal: say what to load with --accept all/);
  });

  it('loads the accepted facts, and a second run finds them all known', () => {
    const first = run(file, '--accept', 'all');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/relationships created|claims added/);
    const second = run(file, '--accept', 'all');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 nodes and 0 relationships created \(\+0 article mentions\), 0 claims added/);
  });

  it('rejects an empty file with a clear message and exit code 2', () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const r = run(empty, '--accept', 'all');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/The file is empty\. Paste the article text/);
  });
});
