import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenanceOf } from '../shared/graph.js';
import { JejakError } from '../shared/errors.js';
import { seededStore, testEngines, type SeededStore } from '../server/testing/harness.js';
import { articleNode, claimEdge, edgesBetween, oneClaim } from '../server/testing/claims.js';

const PUTIN = 'person:vladimir-putin';
const KIM = 'person:kim-jong-un';
/** The June 2024 Pyongyang summit meeting, from the seed corpus. */
const SUMMIT = { id: 'rel:met-with:vladimir-putin:kim-jong-un:2024-06', type: 'MET_WITH', source: PUTIN, target: KIM, date: '2024-06-19', place: 'place:pyongyang' };

describe.each(testEngines())('mergeFacts on %s', (engine) => {
  let s: SeededStore;
  beforeAll(async () => {
    s = await seededStore(engine);
  }, 120_000);
  afterAll(async () => s?.close());

  const summit = async () => (await edgesBetween(s.store, 'MET_WITH', PUTIN, KIM)).find((e) => e.id === SUMMIT.id)!;

  it('appends a claim to the same event in the database and reports it', async () => {
    const before = provenanceOf((await summit()).properties).length;
    const report = await s.store.mergeFacts(oneClaim('article:w-one', { ...SUMMIT, id: 'rel:met-with:vladimir-putin:kim-jong-un' }, 'Putin bertemu Kim di Pyongyang.'));
    expect(report).toEqual({ nodesCreated: 1, edgesCreated: 0, mentionsCreated: 0, claimsAdded: 1, unchanged: 0 });
    const claims = provenanceOf((await summit()).properties);
    expect(claims).toHaveLength(before + 1);
    expect(claims.at(-1)).toMatchObject({ article: 'article:w-one', quote: 'Putin bertemu Kim di Pyongyang.', offset: 0 });
  });

  it('changes nothing for the same article twice, even when both run at once', async () => {
    const facts = oneClaim('article:w-twice', SUMMIT);
    const before = provenanceOf((await summit()).properties).length;
    const reports = await Promise.all([s.store.mergeFacts(facts), s.store.mergeFacts(facts)]);
    const again = await s.store.mergeFacts(facts);
    expect(reports.map((r) => r.claimsAdded).sort()).toEqual([0, 1]);
    expect(again).toEqual({ nodesCreated: 0, edgesCreated: 0, mentionsCreated: 0, claimsAdded: 0, unchanged: 1 });
    const claims = provenanceOf((await summit()).properties);
    expect(claims).toHaveLength(before + 1);
    expect(claims.filter((c) => c.article === 'article:w-twice')).toHaveLength(1);
  });

  it('keeps every claim when eight articles add to the same edge at once', async () => {
    const before = provenanceOf((await summit()).properties).length;
    const ids = Array.from({ length: 8 }, (_, i) => `article:w-concurrent-${i}`);
    const reports = await Promise.all(ids.map((id) => s.store.mergeFacts(oneClaim(id, SUMMIT))));
    expect(reports.every((r) => r.claimsAdded === 1)).toBe(true);
    const props = (await summit()).properties;
    const claims = provenanceOf(props);
    expect(claims).toHaveLength(before + 8);
    expect(ids.every((id) => claims.some((c) => c.article === id && c.quote === `quote from ${id}`))).toBe(true);
    // The parallel lists stay aligned.
    for (const list of ['sourceQuotes', 'sourceOffsets', 'sourceClaims', 'sourceDateNotes', 'sourceStatuses'])
      expect((props[list] as unknown[]).length, list).toBe(before + 8);
  });

  it('makes one edge with two claims when two articles state the same new fact at once', async () => {
    const fact = { id: 'rel:met-with:vladimir-putin:sergei-lavrov', type: 'MET_WITH', source: PUTIN, target: 'person:sergei-lavrov', date: '2025-02-10' };
    const reports = await Promise.all([s.store.mergeFacts(oneClaim('article:w-new-a', fact)), s.store.mergeFacts(oneClaim('article:w-new-b', fact))]);
    expect(reports.map((r) => r.edgesCreated).sort()).toEqual([0, 1]);
    expect(reports.map((r) => r.claimsAdded).sort()).toEqual([0, 1]);
    const edges = (await edgesBetween(s.store, 'MET_WITH', PUTIN, 'person:sergei-lavrov')).filter((e) => e.properties.date === '2025-02-10');
    expect(edges).toHaveLength(1);
    expect(edges[0].id).toBe(fact.id);
    expect(provenanceOf(edges[0].properties).map((c) => c.article).sort()).toEqual(['article:w-new-a', 'article:w-new-b']);
  });

  it('does not merge a March 2025 Moscow meeting into the June 2024 Pyongyang summit: a new edge with its own id', async () => {
    const before = await summit();
    const moscow = { id: 'rel:met-with:vladimir-putin:kim-jong-un:2024-06', type: 'MET_WITH', source: PUTIN, target: KIM, date: '2025-03-12', place: 'place:moscow' };
    const report = await s.store.mergeFacts(oneClaim('article:w-moscow', moscow));
    expect(report).toMatchObject({ edgesCreated: 1, claimsAdded: 0 });
    const after = await summit();
    expect(provenanceOf(after.properties)).toEqual(provenanceOf(before.properties));
    const created = (await edgesBetween(s.store, 'MET_WITH', PUTIN, KIM)).filter((e) => e.properties.date === '2025-03-12');
    expect(created).toHaveLength(1);
    expect(created[0].id).toBe('rel:met-with:vladimir-putin:kim-jong-un:2024-06:2025-03-12');
    expect(created[0].properties).toMatchObject({ place: 'place:moscow', sourceArticles: ['article:w-moscow'] });
  });

  it('writes nothing when one edge of the article is bad (one transaction), and says which', async () => {
    const before = await s.store.health();
    const facts = {
      articleId: 'article:w-bad',
      nodes: [articleNode('article:w-bad')],
      edges: [claimEdge('article:w-bad', SUMMIT), claimEdge('article:w-bad', { id: 'rel:x', type: 'MET_WITH', source: PUTIN, target: 'person:nobody-known' })],
    };
    const err = await s.store.mergeFacts(facts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JejakError);
    expect((err as JejakError).status).toBe(400);
    expect((err as JejakError).message).toMatch(/person:nobody-known.*neither in the graph nor among the new nodes/);
    const after = await s.store.health();
    expect([after.nodes, after.relationships]).toEqual([before.nodes, before.relationships]);
    expect(provenanceOf((await summit()).properties).some((c) => c.article === 'article:w-bad')).toBe(false);
  });

  it('refuses a claim from another article than the one named', async () => {
    const facts = { articleId: 'article:w-x', nodes: [articleNode('article:w-x')], edges: [claimEdge('article:w-y', SUMMIT)] };
    await expect(s.store.mergeFacts(facts)).rejects.toThrow(/every claim must come from article article:w-x/);
  });

  it('keeps acknowledged merges across a restart', async () => {
    await s.store.mergeFacts(oneClaim('article:w-restart', SUMMIT));
    // A second store on the same data (on Kùzu the first one closes): a restart.
    const reopened = await s.withOperationTimeout(30_000);
    try {
      const edge = (await edgesBetween(reopened, 'MET_WITH', PUTIN, KIM)).find((e) => e.id === SUMMIT.id)!;
      expect(provenanceOf(edge.properties).some((c) => c.article === 'article:w-restart')).toBe(true);
    } finally {
      await reopened.close();
    }
  });
});
