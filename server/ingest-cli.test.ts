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

describe('npm run ingest (CLI)', () => {
  let dir: string;
  let file: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/ingest-cli.ts', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, JEJAK_DATA_DIR: dir, NEO4J_URI: '' },
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

  it('prints candidates as JSON with --dry-run --json and writes nothing', () => {
    const before = fs.statSync(path.join(dir, 'jejak.kuzu')).mtimeMs;
    const r = run(file, '--dry-run', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const met = out.candidates.find((c: { predicate: string }) => c.predicate === 'MET_WITH');
    expect(met).toMatchObject({ subject: { id: 'person:kim-jong-un', label: 'Person' }, object: { id: 'person:andrei-belousov' }, date: '2024-11-29' });
    expect(fs.statSync(path.join(dir, 'jejak.kuzu')).mtimeMs).toBe(before);
  });

  it('refuses to guess what to load when not at a terminal', () => {
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--accept');
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
    expect(r.stderr).toMatch(/empty/i);
  });
});
