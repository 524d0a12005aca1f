import { describe, expect, it } from 'vitest';
import { neo4jSearchWholePool } from '../../bench/before/index.js';
import { syntheticGraph } from '../../bench/synthetic.js';
import { toBulkLoad } from '../../seed/load.js';
import type { Runner, SearchRequest } from '../store.js';
import { search } from './search.js';
import { useSeededNeo4j } from './plan.testing.js';

/** Names, aliases, prefixes, typos and words of several names, as people type them. */
const SEED_TEXTS = ['Korut', 'Korea Utara', 'AS', 'Kim Jong-un', 'Dewan Federasi', 'putin', 'lavrov', 'lavsov', 'perjanjian', 'choe', 'rusia korea', 'okezone'];
const SYNTHETIC_TEXTS = ['lavrov', 'lavsov', 'pavel song', 'rusia', 'kursk', 'kementerian', 'okezone', 'santos'];

/** Runs only against a real Neo4j (NEO4J_URI): it replaces the database's Jejak graph. */
describe.runIf(Boolean(process.env.NEO4J_URI))('search on Neo4j: ranking on names, only the page read whole', () => {
  const seeded = useSeededNeo4j();

  async function expectSameAsWholePool(texts: string[]) {
    let hits = 0;
    for (const text of texts) {
      for (const [labels, limit] of [[[], 10], [[], 3], [['Person', 'State'], 10], [['Article'], 5]] as Array<[SearchRequest['labels'], number]>) {
        const request: SearchRequest = { text, labels, limit };
        const mine = await seeded.store.search(request);
        expect(mine, `${text} ${labels.join('|')} ${limit}`).toEqual(await neo4jSearchWholePool(seeded.store, request));
        hits += mine.hits.length;
      }
    }
    // Not a comparison of empty answers.
    expect(hits).toBeGreaterThan(texts.length * 2);
  }

  it('gives the same hits, nodes whole, as reading the whole pool did, on the seed', async () => {
    await expectSameAsWholePool(SEED_TEXTS);
  }, 120_000);

  it('answers a page of entities in one query, and reads whole only the articles that make the page', async () => {
    const texts: string[] = [];
    const counted: Runner = (q, p, o) => {
      texts.push(q);
      return seeded.run(q, p, o);
    };
    const entities = await search(counted, { text: 'putin', labels: ['Person', 'State'], limit: 10 });
    expect(entities.hits.map((h) => h.node.label)).toContain('Person');
    expect(texts).toHaveLength(1);
    texts.length = 0;
    const articles = await search(counted, { text: 'okezone', labels: ['Article'], limit: 5 });
    expect(articles.hits.length).toBeGreaterThan(0);
    // The page's articles come whole, their text included, from the second query only.
    expect(articles.hits.every((h) => typeof h.node.properties.text === 'string' && h.node.properties.text.length > 100)).toBe(true);
    expect(texts).toHaveLength(2);
  }, 60_000);

  it('gives the same hits as reading the whole pool did, on a synthetic graph with articles', async () => {
    await seeded.store.replaceGraph(toBulkLoad(syntheticGraph({ relationships: 3000, seed: 9 })));
    await expectSameAsWholePool(SYNTHETIC_TEXTS);
  }, 180_000);
});
