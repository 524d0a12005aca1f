import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneClaim } from '../server/testing/claims.js';
import { KuzuStore } from '../store/kuzu/store.js';
import { loadKnowledgeBase } from './facts.js';
import { seedKuzuFile } from './seed.js';

const run = promisify(execFile);
const SUMMIT = { id: 'rel:met-with:vladimir-putin:kim-jong-un:2024-06', type: 'MET_WITH', source: 'person:vladimir-putin', target: 'person:kim-jong-un', date: '2024-06-19' };

/** `npm run seed` in a child process on `dataDir`, embedded engine. */
async function seedCli(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, JEJAK_DATA_DIR: dataDir, JEJAK_KUZU_BUFFER_MB: '256' };
  delete env.NEO4J_URI;
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'seed/cli.ts'], { cwd: process.cwd(), env, timeout: 120_000 });
    return { code: 0, ...r };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const hasClaim = async (store: KuzuStore, article: string) => {
  const r = await store.run('MATCH (:Person {id: $s})-[r:MET_WITH]->(:Person {id: $t}) WHERE r.id = $id RETURN r.sourceArticles AS a', { s: SUMMIT.source, t: SUMMIT.target, id: SUMMIT.id });
  return (r.rows[0].a as string[]).includes(article);
};

describe('npm run seed on the embedded engine', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-seed-cli-'));
    await seedKuzuFile(path.join(dir, 'jejak.kuzu'), (await loadKnowledgeBase()).graph, undefined, 256);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is refused with a clear message while another process (a server) holds the database, which stays as it was', async () => {
    const server = new KuzuStore(path.join(dir, 'jejak.kuzu'), 256);
    try {
      await server.mergeFacts(oneClaim('article:held', SUMMIT));
      const r = await seedCli(dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('jejak seed failed: the Kùzu database is locked by another process (a running Jejak server, or `npm run seed`); stop it, or reseed a running server with POST /api/admin/reseed');
      expect(await hasClaim(server, 'article:held')).toBe(true);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.next'))).toEqual([]);
    } finally {
      await server.close();
    }
  }, 180_000);

  it('reseeds once the database is free: the whole graph replaced, ingested claims dropped', async () => {
    const r = await seedCli(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/swap: the new database replaced the live one/);
    const store = new KuzuStore(path.join(dir, 'jejak.kuzu'), 256);
    try {
      expect(await hasClaim(store, 'article:held')).toBe(false);
      expect((await store.health()).nodes).toBe((await loadKnowledgeBase()).graph.nodes.length);
    } finally {
      await store.close();
    }
  }, 180_000);
});
