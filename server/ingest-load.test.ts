import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenanceOf } from '../shared/graph.js';
import { BELOUSOV, KIM, PUTIN, TREATY, ingestAll, treatyArticle } from './testing/articles.js';
import { startTestServer, testEngines, type TestServer } from './testing/harness.js';
import { readLoop } from './testing/read-loop.js';

const TOKEN = 'load-token';
const PER_WRITER = 4;

describe.each(testEngines())('reads plus two concurrent writers on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine, { JEJAK_WRITE_TOKEN: TOKEN });
  }, 120_000);
  afterAll(async () => s?.close());

  it('loses no claim and makes one edge per new fact (bounded, 127.0.0.1)', async () => {
    const acknowledged: string[] = [];
    const writer = async (w: number) => {
      for (let i = 0; i < PER_WRITER; i++) {
        const r = await ingestAll(s.url, treatyArticle(100 * w + i), TOKEN);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        acknowledged.push(r.body.articleId);
      }
    };
    // Reads run for as long as the writers do.
    const reads = readLoop(s.url);
    await Promise.all([writer(1), writer(2)]);
    await reads.stop();
    expect(reads.statuses.length).toBeGreaterThanOrEqual(4);
    expect(reads.statuses.filter((st) => st !== 200)).toEqual([]);
    expect(acknowledged).toHaveLength(2 * PER_WRITER);

    // Every acknowledged article's claim is on the June signing, exactly once.
    const signed = await s.store.run('MATCH (a:Person {id: $p})-[r:SIGNED]->(t:Agreement {id: $t}) RETURN a, r, t', { p: PUTIN, t: TREATY });
    const june = signed.graph.edges.filter((e) => e.properties.date === '2024-06-19');
    expect(june).toHaveLength(1);
    const articles = provenanceOf(june[0].properties).map((c) => c.article);
    for (const id of acknowledged) expect(articles.filter((a) => a === id), id).toHaveLength(1);

    // The new fact (Kim met Belousov on 29 November 2024) is one edge carrying every article's claim.
    const met = await s.store.run('MATCH (a:Person {id: $k})-[r:MET_WITH]->(b:Person {id: $b}) RETURN a, r, b', { k: KIM, b: BELOUSOV });
    const november = met.graph.edges.filter((e) => e.properties.date === '2024-11-29');
    expect(november).toHaveLength(1);
    expect(provenanceOf(november[0].properties).map((c) => c.article).sort()).toEqual([...acknowledged].sort());
  }, 180_000);
});
