import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS } from '../../shared/schema.js';
import { loadConfig } from '../../shared/config.js';
import { articleNode, claimEdge } from '../../server/testing/claims.js';
import { mergeFactsWith } from '../merge-facts.js';
import type { FactBatch } from '../store.js';
import { neo4jMergeOps } from './merge-facts.js';
import { useSeededNeo4j } from './plan.testing.js';

/** Article `articleId`'s claims: MET_WITH between ends of three different label pairs, and the article's MENTIONS of them. */
function batch(articleId: string): FactBatch {
  const facts = [
    { id: 'rel:met-with:vladimir-putin:north-korea:merge-test', source: 'person:vladimir-putin', target: 'state:north-korea' },
    { id: 'rel:met-with:russia:kcna:merge-test', source: 'state:russia', target: 'organization:kcna' },
    { id: 'rel:met-with:vladimir-putin:sergei-lavrov:merge-test', source: 'person:vladimir-putin', target: 'person:sergei-lavrov' },
  ].map((f) => claimEdge(articleId, { ...f, type: 'MET_WITH', date: '2024-06-19' }));
  const ends = [...new Set(facts.flatMap((e) => [e.source, e.target]))];
  const mentions = ends.map((entity) => claimEdge(articleId, { id: `rel:mentions:${articleId}:${entity}`, type: 'MENTIONS', source: articleId, target: entity }));
  return { articleId, nodes: [articleNode(articleId)], edges: [...facts, ...mentions] };
}

/** Runs only against a real Neo4j (NEO4J_URI): it replaces the database's Jejak graph. */
describe.runIf(Boolean(process.env.NEO4J_URI))('mergeFacts on Neo4j: statements Neo4j\'s plan cache answers', () => {
  const seeded = useSeededNeo4j();

  /** mergeFacts in a write transaction of its own, with every statement's text recorded. */
  async function merge(facts: FactBatch, texts: string[]) {
    const c = loadConfig(process.env).neo4j!;
    const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
    const session = driver.session({ database: c.database });
    try {
      return await session.executeWrite((tx) => {
        const recording = { run: (q: string, p?: Record<string, unknown>) => (texts.push(q), tx.run(q, p)) } as unknown as ManagedTransaction;
        return mergeFactsWith(neo4jMergeOps(recording), facts);
      });
    } finally {
      await session.close();
      await driver.close();
    }
  }

  it('spells no endpoint label into the edge statements, so their texts vary with the type alone, and merges as before', async () => {
    const texts: string[] = [];
    const first = await merge(batch('article:merge-test-1'), texts);
    expect(first).toMatchObject({ nodesCreated: 1, edgesCreated: 3, mentionsCreated: 5, claimsAdded: 0, unchanged: 0 });
    // A second article's claims join the same edges; the first article again changes nothing.
    const second = await merge(batch('article:merge-test-2'), texts);
    expect(second).toMatchObject({ nodesCreated: 1, edgesCreated: 0, mentionsCreated: 5, claimsAdded: 3, unchanged: 0 });
    expect(await merge(batch('article:merge-test-1'), texts)).toMatchObject({ edgesCreated: 0, mentionsCreated: 0, claimsAdded: 0, unchanged: 8 });

    const edgeTexts = [...new Set(texts.filter((t) => /MET_WITH|MENTIONS|elementId\(r\)/.test(t)))];
    const labelled = new RegExp(`:(${NODE_LABELS.join('|')})\\b`);
    expect(edgeTexts.filter((t) => labelled.test(t))).toEqual([]);
    // Per type: one text to read the edges between two nodes and one to create one; one to append claims to any edge.
    expect(edgeTexts).toHaveLength(5);

    const r = await seeded.store.run("MATCH ()-[r:MET_WITH]->() WHERE r.id ENDS WITH ':merge-test' RETURN r.id AS id, r.sourceArticles AS articles, r.jejakTimelineKey AS key ORDER BY id");
    expect(r.rows).toEqual([
      { id: 'rel:met-with:russia:kcna:merge-test', articles: ['article:merge-test-1', 'article:merge-test-2'], key: '2024-06-19' },
      { id: 'rel:met-with:vladimir-putin:north-korea:merge-test', articles: ['article:merge-test-1', 'article:merge-test-2'], key: '2024-06-19' },
      { id: 'rel:met-with:vladimir-putin:sergei-lavrov:merge-test', articles: ['article:merge-test-1', 'article:merge-test-2'], key: '2024-06-19' },
    ]);
  }, 60_000);

  it('answers the edges of a node it created from what it wrote, and merges claims on them as reading them would', async () => {
    const articleId = 'article:merge-test-new-node';
    const envoy = { id: 'person:merge-test-envoy', label: 'Person', properties: { name: 'Merge Test Envoy', aliases: [] } };
    const met = (n: number, date: string) => claimEdge(articleId, { id: `rel:met-with:merge-test-envoy:vladimir-putin:${n}`, type: 'MET_WITH', source: envoy.id, target: 'person:vladimir-putin', date });
    // The same event twice from one article (the second changes nothing), and another day's meeting (an edge of its own).
    const edges = [met(1, '2024-06-19'), met(2, '2024-06-19'), met(3, '2024-07-01')];
    const mentions = [envoy.id, 'person:vladimir-putin'].map((entity) => claimEdge(articleId, { id: `rel:mentions:${articleId}:${entity}`, type: 'MENTIONS', source: articleId, target: entity }));
    const texts: string[] = [];
    const report = await merge({ articleId, nodes: [articleNode(articleId), envoy], edges: [...edges, ...mentions] }, texts);
    expect(report).toMatchObject({ nodesCreated: 2, edgesCreated: 2, mentionsCreated: 2, claimsAdded: 0, unchanged: 1 });
    // Every edge here has a new end: none was read back.
    expect(texts.filter((t) => /RETURN r\.id AS id/.test(t))).toEqual([]);
    const r = await seeded.store.run('MATCH (:Person {id: $id})-[r:MET_WITH]->() RETURN r.id AS id, toString(r.date) AS date ORDER BY id', { id: envoy.id });
    expect(r.rows).toEqual([
      { id: 'rel:met-with:merge-test-envoy:vladimir-putin:1', date: '2024-06-19' },
      { id: 'rel:met-with:merge-test-envoy:vladimir-putin:3', date: '2024-07-01' },
    ]);
    // Found, not created, the second time: its edges are read, and the article's claims are all there already.
    const again: string[] = [];
    expect(await merge({ articleId, nodes: [articleNode(articleId), envoy], edges: [...edges, ...mentions] }, again)).toMatchObject({ nodesCreated: 0, edgesCreated: 0, mentionsCreated: 0, unchanged: 5 });
    expect(again.filter((t) => /RETURN r\.id AS id/.test(t)).length).toBeGreaterThan(0);
  }, 60_000);
});
