import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../seed/facts.js';
import { seedKuzuFile } from '../seed/seed.js';
import { KuzuStore } from '../store/kuzu/store.js';

const run = promisify(execFile);

/** A child process (tsx) on `dataDir`: the embedded engine, or Neo4j at `neo4jUri`. */
async function child(args: string[], dataDir: string, neo4jUri?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, JEJAK_DATA_DIR: dataDir, JEJAK_KUZU_BUFFER_MB: '256' };
  delete env.NEO4J_URI;
  if (neo4jUri) env.NEO4J_URI = neo4jUri;
  try {
    const r = await run(process.execPath, ['--import', 'tsx', ...args], { cwd: process.cwd(), env, timeout: 120_000 });
    return { code: 0, ...r };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A seeded data directory with two articles merged by a process that then died without closing it: they are only in the log. */
async function withLog(): Promise<{ dir: string; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-checkpoint-cli-'));
  dirs.push(dir);
  const file = path.join(dir, 'jejak.kuzu');
  await seedKuzuFile(file, (await loadKnowledgeBase()).graph, undefined, 256);
  const merged = await child(['server/testing/merge-child.ts', file, '2', '200000'], dir);
  expect(merged.code, merged.stderr).toBe(0);
  expect(fs.statSync(`${file}.wal`).size).toBeGreaterThan(400_000);
  return { dir, file };
}

describe('npm run checkpoint on the embedded engine', () => {
  it('is refused with the lock named while another process holds the database, and the log is kept', async () => {
    const { dir, file } = await withLog();
    const wal = fs.statSync(`${file}.wal`).size;
    const server = new KuzuStore(file, 256);
    try {
      await server.health();
      const r = await child(['server/checkpoint-cli.ts'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('jejak checkpoint failed: the Kùzu database is locked by another process');
      expect(fs.statSync(`${file}.wal`).size).toBeGreaterThanOrEqual(wal);
    } finally {
      await server.release();
    }
  }, 180_000);

  it('folds the write-ahead log into the file, keeping what was only in the log; a second run has nothing to do', async () => {
    const { dir, file } = await withLog();
    const wal = fs.statSync(`${file}.wal`).size;
    const r = await child(['server/checkpoint-cli.ts'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`jejak checkpoint: folding ${(wal / 2 ** 20).toFixed(1)} MiB of write-ahead log into ${file}`);
    expect(r.stdout).toMatch(/jejak checkpoint: done in [\d.]+ s/);
    expect(fs.existsSync(`${file}.wal`)).toBe(false);
    const store = new KuzuStore(file, 256);
    try {
      for (const i of [0, 1]) expect((await store.node(`article:wal-${i}`))?.node.properties.headline).toBe(`Artikel ${i}`);
    } finally {
      await store.close();
    }
    const again = await child(['server/checkpoint-cli.ts'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('has no write-ahead log; nothing to do');
  }, 180_000);

  it('on Neo4j has nothing to do and leaves the embedded database and its log alone', async () => {
    const { dir, file } = await withLog();
    const wal = fs.statSync(`${file}.wal`).size;
    // The CI's Neo4j when there is one; the command never connects, it only reads which engine is configured.
    const r = await child(['server/checkpoint-cli.ts'], dir, process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('jejak checkpoint: Neo4j checkpoints its own transaction logs; nothing to do');
    expect(fs.statSync(`${file}.wal`).size).toBe(wal);
  }, 180_000);
});
