/**
 * The store contract, on every engine of testEngines() against the seed
 * graph. The expected answers come from the curated knowledge base itself
 * (seed/facts.ts), not from either engine, so both must agree with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../seed/facts.js';
import type { Graph, GraphEdge } from '../shared/graph.js';
import { REL_TYPES, type RelType } from '../shared/schema.js';
import { JejakError } from '../shared/errors.js';
import { NEO4J_WAIT_MS, seededStore, testEngines, type SeededStore } from '../server/testing/harness.js';
import { FACT_TYPES } from './cypher-names.js';
import type { Engine, Store } from './store.js';

const kb = await loadKnowledgeBase();
const seed: Graph = kb.graph;
const NK = 'state:north-korea';
const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';

const edgesAt = (id: string) => seed.edges.filter((e) => e.source === id || e.target === id);
const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id).sort();

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof JejakError ? err.code : `not a JejakError: ${String(err)}`;
  }
}

/** Two entities joined by a direct fact and by longer chains: the all-paths case of issue 12 item 10. */
function directlyJoinedPair(): { from: string; to: string; direct: number } {
  const fact = seed.edges.filter((e) => FACT_TYPES.includes(e.type as RelType) && e.source !== e.target);
  const count = new Map<string, number>();
  for (const e of fact) {
    const key = [e.source, e.target].sort().join(' ');
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const [key, direct] = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const [from, to] = key.split(' ');
  return { from, to, direct };
}

describe.each(testEngines())('store contract on %s', (engine) => {
  let seeded: SeededStore;
  let store: Store;

  beforeAll(async () => {
    seeded = await seededStore(engine);
    store = seeded.store;
  }, NEO4J_WAIT_MS);
  afterAll(async () => seeded?.close());

  it('health counts every node and relationship of the seed', async () => {
    expect(await store.health()).toMatchObject({ ok: true, engine, nodes: seed.nodes.length, relationships: seed.edges.length });
  });

  it('node returns the node with its degree, or null for an unknown id', async () => {
    const found = await store.node(NK);
    expect(found?.node).toMatchObject({ id: NK, label: 'State', properties: { name: 'North Korea' } });
    expect(found?.degree).toBe(edgesAt(NK).length);
    expect(await store.node('state:atlantis')).toBeNull();
    expect(await store.node('no-label-here')).toBeNull();
  });

  it('neighbours: the centre comes with the page and every edge names both ends by Jejak id', async () => {
    const r = await store.neighbours({ id: NK, types: [], direction: 'both', offset: 0, limit: 10 });
    expect(r?.centre.id).toBe(NK);
    const nodeIds = new Set(r!.graph.nodes.map((n) => n.id));
    expect(nodeIds.has(NK)).toBe(true);
    expect(r!.graph.edges).toHaveLength(10);
    for (const e of r!.graph.edges) {
      expect([e.source, e.target]).toContain(NK);
      expect(nodeIds.has(e.source) && nodeIds.has(e.target), e.id).toBe(true);
    }
    expect(await store.neighbours({ id: 'state:atlantis', types: [], direction: 'both', offset: 0, limit: 10 })).toBeNull();
  });

  it('neighbours: pages in a stable order cover every relationship exactly once, with the seed’s totals per type and direction', async () => {
    const expected = edgesAt(NK);
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const page = await store.neighbours({ id: NK, types: [], direction: 'both', offset, limit: 7 });
      seen.push(...page!.graph.edges.map((e) => e.id));
      expect(page!.total).toBe(expected.length);
      offset += 7;
      if (!page!.truncated) break;
    }
    expect(seen).toEqual([...new Set(seen)]);
    expect(seen.sort()).toEqual(ids(expected));
    const again = await store.neighbours({ id: NK, types: [], direction: 'both', offset: 7, limit: 7 });
    const twice = await store.neighbours({ id: NK, types: [], direction: 'both', offset: 7, limit: 7 });
    expect(again!.graph.edges.map((e) => e.id)).toEqual(twice!.graph.edges.map((e) => e.id));

    const page = await store.neighbours({ id: NK, types: [], direction: 'both', offset: 0, limit: 1 });
    const want = new Map<string, number>();
    for (const e of expected) {
      for (const direction of [e.source === NK ? 'out' : null, e.target === NK ? 'in' : null]) {
        if (direction) want.set(`${e.type} ${direction}`, (want.get(`${e.type} ${direction}`) ?? 0) + 1);
      }
    }
    expect(new Map(page!.counts.map((c) => [`${c.type} ${c.direction}`, c.count]))).toEqual(want);
    expect(page!.counts.map((c) => c.count)).toEqual([...page!.counts.map((c) => c.count)].sort((a, b) => b - a));
  });

  it('neighbours: a direction and a type filter keep only those relationships', async () => {
    const r = await store.neighbours({ id: TREATY, types: ['SIGNED'], direction: 'in', offset: 0, limit: 50 });
    const want = seed.edges.filter((e) => e.type === 'SIGNED' && e.target === TREATY);
    expect(ids(r!.graph.edges)).toEqual(ids(want));
    expect(r!.counts).toEqual([{ type: 'SIGNED', direction: 'in', count: want.length }]);
    expect(r!.truncated).toBe(false);
    const out = await store.neighbours({ id: TREATY, types: ['SIGNED'], direction: 'out', offset: 0, limit: 50 });
    expect(out!.graph.edges).toEqual([]);
    expect(out!.total).toBe(0);
  });

  it.each([
    ['Korut', NK],
    ['korea utara', NK],
    ['KIM JONG-UN', 'person:kim-jong-un'],
    ['Dewan Federasi', 'organization:federation-council'],
    ['AS', 'state:united-states'],
    ['moskow', 'place:moscow'],
    ['Pyongyan', 'place:pyongyang'],
    ['Lavorv', 'person:sergei-lavrov'],
    ['media pemerintah KCNA', 'organization:kcna'],
    ['Sergei Lavorv', 'person:sergei-lavrov'],
    ['Pütin', 'person:vladimir-putin'],
  ])('search finds %s as %s first (case, accents, one typo per word, any word)', async (text, id) => {
    const r = await store.search({ text, limit: 5, labels: [] });
    expect(r.hits[0]?.node.id).toBe(id);
    expect(r.hits.map((h) => h.score)).toEqual([...r.hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('search treats Lucene syntax in user text as plain words', async () => {
    for (const text of ['Putin~', 'putin*', '(putin)', '"putin', 'putin\\', '+putin', '-putin', 'putin &&', 'putin ||', 'putin!', '{putin}', '[putin]', 'putin?', 'putin/']) {
      const r = await store.search({ text, limit: 5, labels: [] });
      expect(r.hits[0]?.node.id, text).toBe('person:vladimir-putin');
    }
    expect(await codeOf(store.search({ text: '*~"', limit: 5, labels: [] }))).toBe('BAD_REQUEST');
  });

  it('search restricts hits to labels and says when more matched than the limit', async () => {
    const r = await store.search({ text: 'kim', limit: 1, labels: ['Person'] });
    expect(r.hits).toHaveLength(1);
    expect(r.hits.every((h) => h.node.label === 'Person')).toBe(true);
    expect(r.truncated).toBe(true);
    expect((await store.search({ text: 'zzzqqq', limit: 5, labels: [] })).hits).toEqual([]);
  });

  it('search sees a node written after an earlier search (no stale names)', async () => {
    expect((await store.search({ text: 'Zzyzx', limit: 5, labels: [] })).hits).toEqual([]);
    const id = 'person:zzyzx-qwerty';
    await store.run("CREATE (:Person {id: $id, name: 'Zzyzx Qwerty', aliases: ['Qwerty'], searchText: 'zzyzx qwerty qwerty'})", { id }, { mode: 'write' });
    try {
      expect((await store.search({ text: 'Zzyzx', limit: 5, labels: [] })).hits.map((h) => h.node.id)).toEqual([id]);
    } finally {
      await store.run('MATCH (n:Person {id: $id}) DELETE n', { id }, { mode: 'write' });
    }
    expect((await store.search({ text: 'Zzyzx', limit: 5, labels: [] })).hits).toEqual([]);
  });

  it('subgraph returns the nodes asked for and exactly the relationships among them', async () => {
    const want = [TREATY, 'person:vladimir-putin', 'person:kim-jong-un', 'state:atlantis'];
    const r = await store.subgraph(want, 1000);
    expect(ids(r.graph.nodes)).toEqual(want.filter((id) => id !== 'state:atlantis').sort());
    const among = seed.edges.filter((e) => want.includes(e.source) && want.includes(e.target));
    expect(ids(r.graph.edges)).toEqual(ids(among));
    expect(r.truncated).toBe(false);
    expect((await store.subgraph(want, 1)).truncated).toBe(true);
  });

  it('overview caps the graph and gives the total of the types asked for', async () => {
    const facts = seed.edges.filter((e) => FACT_TYPES.includes(e.type as RelType));
    const r = await store.overview({ limit: 10, types: FACT_TYPES });
    expect(r).toMatchObject({ total: facts.length, truncated: true });
    expect(r.graph.edges).toHaveLength(10);
    expect(r.graph.edges.every((e) => e.type !== 'MENTIONS')).toBe(true);
    const nodeIds = new Set(r.graph.nodes.map((n) => n.id));
    expect(r.graph.edges.every((e) => nodeIds.has(e.source) && nodeIds.has(e.target))).toBe(true);
    const all = await store.overview({ limit: 100_000, types: REL_TYPES });
    expect(all).toMatchObject({ total: seed.edges.length, truncated: false });
    expect(all.graph.edges).toHaveLength(seed.edges.length);
  });

  it('timeline: a fact whose date range overlaps the window belongs in it and says it is a range', async () => {
    const r = await store.timeline({ from: '2024-11-08', to: '2024-11-08', limit: 100, types: FACT_TYPES });
    const entry = r.entries.find((e) => e.element.id === 'rel:stated:volodymyr-zelenskiy:north-korea:casualties');
    expect(entry).toMatchObject({ kind: 'relationship', date: '2024-11-04', dateTo: '2024-11-10' });
    const war = await store.timeline({ from: '1951-06-01', to: '1951-06-30', limit: 100, types: FACT_TYPES });
    expect(war.entries.map((e) => e.element.id)).toContain('rel:participated-in:north-korea:korean-war');
    const before = await store.timeline({ from: '2024-10-01', to: '2024-11-03', limit: 100, types: FACT_TYPES });
    expect(before.entries.map((e) => e.element.id)).not.toContain('rel:stated:volodymyr-zelenskiy:north-korea:casualties');
  });

  it('timeline: an event known only to its month belongs to a window inside that month, as a range', async () => {
    const r = await store.timeline({ from: '2023-09-10', to: '2023-09-12', limit: 100, types: FACT_TYPES });
    const entry = r.entries.find((e) => e.element.id === 'event:kim-putin-meeting-russia-2023-09');
    expect(entry).toMatchObject({ kind: 'event', date: '2023-09-01', dateTo: '2023-09-30', datePrecision: 'month' });
    const after = await store.timeline({ from: '2023-10-01', to: '2023-10-31', limit: 100, types: FACT_TYPES });
    expect(after.entries.map((e) => e.element.id)).not.toContain('event:kim-putin-meeting-russia-2023-09');
  });

  it('timeline: events and facts of the window, sorted by date, capped, with both ends of every edge', async () => {
    const r = await store.timeline({ from: '2024-06-01', to: '2024-06-30', limit: 500, types: FACT_TYPES });
    const dates = r.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= '2024-06-01' && d <= '2024-06-30')).toBe(true);
    expect(r.entries.some((e) => e.kind === 'event')).toBe(true);
    const want = seed.edges.filter((e) => FACT_TYPES.includes(e.type as RelType) && e.properties.date && String(e.properties.date) >= '2024-06-01' && String(e.properties.date) <= '2024-06-30');
    expect(ids(r.entries.filter((e) => e.kind === 'relationship').map((e) => e.element))).toEqual(ids(want));
    const nodeIds = new Set(r.graph.nodes.map((n) => n.id));
    expect((r.graph.edges as GraphEdge[]).every((e) => nodeIds.has(e.source) && nodeIds.has(e.target))).toBe(true);
    const capped = await store.timeline({ from: '2024-06-01', to: '2024-06-30', limit: 3, types: FACT_TYPES });
    expect(capped.entries.map((e) => e.element.id)).toEqual(r.entries.slice(0, 3).map((e) => e.element.id));
    expect(capped.truncated).toBe(true);
  });

  it('provenance: the edge and every article its claims cite; null for an unknown id', async () => {
    const edge = seed.edges.find((e) => e.type === 'RATIFIED' && (e.properties.sourceArticles as string[]).length > 0)!;
    const r = await store.provenance(edge.id);
    expect(r?.edge).toMatchObject({ id: edge.id, type: edge.type, source: edge.source, target: edge.target });
    expect(r?.edge.properties.sourceQuotes).toEqual(edge.properties.sourceQuotes);
    expect(ids(r!.articles)).toEqual([...new Set(edge.properties.sourceArticles as string[])].sort());
    expect(r!.articles.every((a) => typeof a.properties.text === 'string' && a.properties.text.length > 100)).toBe(true);
    expect(await store.provenance('rel:ratified:nobody')).toBeNull();
  });

  it('articleFacts: an article and the facts (not mentions) that cite it', async () => {
    const article = seed.nodes.find((n) => n.label === 'Article')!;
    const r = await store.articleFacts(article.id);
    expect(r?.article.id).toBe(article.id);
    const want = seed.edges.filter((e) => e.type !== 'MENTIONS' && (e.properties.sourceArticles as string[]).includes(article.id));
    expect(ids(r!.edges)).toEqual(ids(want));
    expect(await store.articleFacts('article:nope')).toBeNull();
  });

  it('every built-in operation runs under the store’s timeout: QUERY_TIMEOUT, and the store keeps answering', async () => {
    const quick = await seeded.withOperationTimeout(50);
    try {
      // Every walk of up to ten hops, articles' mentions included: far more than 50 ms of work on either engine.
      const heavy = quick.paths({ from: 'person:vladimir-putin', to: 'person:kim-jong-un', mode: 'all', maxHops: 10, types: REL_TYPES, limit: 100_000 });
      expect(await codeOf(heavy)).toBe('QUERY_TIMEOUT');
      expect((await quick.node(NK))?.node.id).toBe(NK);
    } finally {
      await quick.close();
    }
    expect((await store.node(NK))?.node.id).toBe(NK);
  });

  it('paths: the shortest chain of facts, or none within the hops', async () => {
    const r = await store.paths({ from: 'person:volodymyr-zelenskiy', to: 'person:kim-jong-un', mode: 'shortest', maxHops: 6, types: [], limit: 1 });
    expect(r.paths).toHaveLength(1);
    const path = r.paths[0];
    expect(path.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['person:volodymyr-zelenskiy', 'person:kim-jong-un']));
    expect(path.edges.length).toBe(path.nodes.length - 1);
    expect(path.edges.every((e) => e.type !== 'MENTIONS')).toBe(true);
    const nodeIds = new Set(path.nodes.map((n) => n.id));
    expect(path.edges.every((e) => nodeIds.has(e.source) && nodeIds.has(e.target))).toBe(true);
    const self = await store.paths({ from: NK, to: NK, mode: 'shortest', maxHops: 3, types: [], limit: 1 });
    expect(self.paths.map((p) => ids(p.nodes))).toEqual([[NK]]);
    expect(await codeOf(store.paths({ from: NK, to: TREATY, mode: 'shortest', maxHops: 11, types: [], limit: 1 }))).toBe('BAD_QUERY');
    expect(await codeOf(store.paths({ from: NK, to: TREATY, mode: 'shortest', maxHops: 3, types: ['NOPE' as RelType], limit: 1 }))).toBe('BAD_QUERY');
  });

  it('paths: all paths up to k hops include the shorter ones, shortest first, simple, and truncated when cut', async () => {
    const { from, to, direct } = directlyJoinedPair();
    const r = await store.paths({ from, to, mode: 'all', maxHops: 3, types: [], limit: 1000 });
    const lengths = r.paths.map((p) => p.edges.length);
    expect(lengths.filter((n) => n === 1)).toHaveLength(direct);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(Math.max(...lengths)).toBeGreaterThan(1);
    for (const p of r.paths) expect(new Set(p.nodes.map((n) => n.id)).size, 'simple').toBe(p.edges.length + 1);
    expect(new Set(r.paths.map((p) => p.edges.map((e) => e.id).join(' '))).size).toBe(r.paths.length);
    const cut = await store.paths({ from, to, mode: 'all', maxHops: 3, types: [], limit: direct });
    expect(cut.paths.map((p) => p.edges.length)).toEqual(Array(direct).fill(1));
    expect(cut.truncated).toBe(true);
  });
});

describe.runIf(testEngines().includes('neo4j'))('Kùzu and Neo4j give the same answers', () => {
  const answers: Partial<Record<Engine, unknown[]>> = {};
  const SEARCHES = ['Korut', 'kim', 'putin', 'Pyongyan', 'Lavorv', 'media pemerintah KCNA', 'rusia', 'perjanjian', 'duma', 'AS', 'korea'];

  beforeAll(async () => {
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const seeded = await seededStore(engine);
      try {
        const s = seeded.store;
        const out: unknown[] = [];
        for (const text of SEARCHES) out.push(['search', text, (await s.search({ text, limit: 5, labels: [] })).hits.map((h) => [h.node.id, h.score, h.matched])]);
        const n = await s.neighbours({ id: NK, types: [], direction: 'both', offset: 5, limit: 10 });
        out.push(['neighbours', n!.graph.edges.map((e) => e.id), n!.counts]);
        const t = await s.timeline({ from: '2024-06-01', to: '2024-12-31', limit: 40, types: FACT_TYPES });
        out.push(['timeline', t.entries.map((e) => [e.kind, e.date, e.dateTo, e.element.id])]);
        const o = await s.overview({ limit: 25, types: FACT_TYPES });
        out.push(['overview', ids(o.graph.edges), o.total]);
        const { from, to } = directlyJoinedPair();
        const p = await s.paths({ from, to, mode: 'all', maxHops: 3, types: [], limit: 1000 });
        out.push(['paths', p.paths.map((x) => x.edges.map((e) => e.id).join(' ')).sort()]);
        answers[engine] = out;
      } finally {
        await seeded.close();
      }
    }
  }, NEO4J_WAIT_MS);

  it('search, neighbours, timeline, overview and all paths agree', () => {
    expect(answers.neo4j).toEqual(answers.kuzu);
  });
});
