import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenanceOf } from '../../shared/graph.js';
import { KuzuStore } from '../../store/kuzu/store.js';
import type { Store } from '../../store/store.js';
import { PUTIN, TREATY, ingestAll, postJson, treatyArticle } from '../testing/articles.js';
import { startTestServer, testEngines, type TestServer } from '../testing/harness.js';
import { readLoop } from '../testing/read-loop.js';

const TOKEN = 'admin-token';

describe.each(testEngines())('POST /api/admin/reseed on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine, { JEJAK_WRITE_TOKEN: TOKEN });
  }, 120_000);
  afterAll(async () => s?.close());

  it('swaps the graph under concurrent reads without an error, and an ingest after it survives a restart', async () => {
    const seeded = (await s.store.health()).nodes;
    const reads = readLoop(s.url);
    for (let i = 0; i < 2; i++) {
      const r = await postJson(`${s.url}/api/admin/reseed`, {}, TOKEN);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.nodes).toBe(seeded);
    }
    await reads.stop();
    expect(reads.statuses.length).toBeGreaterThan(8);
    expect(reads.statuses.filter((st) => st !== 200)).toEqual([]);
    // Never a half graph: every health read counted the whole seed.
    expect(new Set(reads.nodeCounts)).toEqual(new Set([seeded]));

    const ingest = await ingestAll(s.url, treatyArticle(1), TOKEN);
    expect(ingest.status, JSON.stringify(ingest.body)).toBe(200);
    expect(ingest.body.claimsAdded).toBeGreaterThan(0);

    // Restart: a new store on the same data sees the acknowledged ingest.
    let reopened: Store;
    if (engine === 'kuzu') {
      // The server's store lets the file go (it would reopen it on its next use) for the second one.
      await (s.store as KuzuStore).release();
      reopened = new KuzuStore(path.join(s.dataDir, 'jejak.kuzu'));
    } else {
      const { createNeo4jStore } = await import('../../store/neo4j/store.js');
      reopened = await createNeo4jStore(s.config.neo4j!);
    }
    try {
      const r = await reopened.run('MATCH (a:Person {id: $p})-[r:SIGNED]->(t:Agreement {id: $t}) RETURN a, r, t', { p: PUTIN, t: TREATY });
      const articles = r.graph.edges.flatMap((e) => provenanceOf(e.properties).map((c) => c.article));
      expect(articles).toContain(ingest.body.articleId);
      expect((await reopened.run('MATCH (n {id: $id}) RETURN n.id AS id', { id: ingest.body.articleId })).rows).toEqual([{ id: ingest.body.articleId }]);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('answers 409 with a message to a second reseed while one runs', async () => {
    const [a, b] = await Promise.all([postJson(`${s.url}/api/admin/reseed`, {}, TOKEN), postJson(`${s.url}/api/admin/reseed`, {}, TOKEN)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error).toEqual({ code: 'CONFLICT', message: 'a reseed is already running; try again when it ends' });
  }, 60_000);
});
