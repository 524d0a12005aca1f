import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../bench/synthetic.js';
import { loadKnowledgeBase } from '../seed/facts.js';
import type { Graph } from '../shared/graph.js';
import { prng } from '../bench/synthetic.js';
import { best, SearchIndex } from './search-index.js';
import { byRank, rankEntries, type RankedEntry, type SearchEntry } from './search-rank.js';

const entriesOf = (graph: Graph): SearchEntry[] =>
  graph.nodes.map((n) => ({ id: n.id, label: n.label, name: String(n.properties.name ?? ''), aliases: Array.isArray(n.properties.aliases) ? n.properties.aliases.map(String) : [] }));

const seed = entriesOf((await loadKnowledgeBase()).graph);
const synthetic = entriesOf(syntheticGraph({ relationships: 3_000 }));

// Whole words, prefixes, typos (changed, dropped, added, swapped letters), short words, several words, accents, no match.
const QUERIES = ['Korut', 'korea', 'kor', 'Kim Jong-un', 'Lavorv', 'lavrov', 'Lavrv', 'Lavroov', 'Putin', 'Ptuin', 'AS', 'a', 'Dewan Federasi', 'media pemerintah KCNA', 'Kùzu', 'perjanjian', 'perjanjain', 'zzzz', 'Rusia Korea Utara', 'Santoso', 'Snatoso', 'kota kursk', 'pyongyang', 'Moskow', '2024'];

describe('the search word index', () => {
  it('keeps the first hits in rank order as sorting them all does, ties of score ordered by name then id', () => {
    const rand = prng(21);
    const names = ['Lavrov', 'Ana Lavrov', 'Ánna Lavrov', 'anna lavrov', 'Boris Lavrov', 'Zoya Lavrov'];
    const hits: RankedEntry[] = Array.from({ length: 400 }, (_, i) => {
      const name = names[Math.floor(rand() * names.length)];
      return { entry: { id: `person:p-${Math.floor(rand() * 50)}-${i}`, label: 'Person', name, aliases: [] }, score: 100 + Math.floor(rand() * 3), matched: name };
    });
    for (const limit of [0, 1, 3, 10, 399, 400, 500]) expect(best(hits, limit), String(limit)).toEqual([...hits].sort(byRank).slice(0, limit));
  });

  it.each([
    ['the seed corpus', seed],
    ['a synthetic graph', synthetic],
  ])('answers every query exactly as ranking every name does, on %s', (_name, entries) => {
    const index = new SearchIndex(entries);
    let matchedSome = 0;
    for (const q of QUERIES) {
      for (const [limit, labels] of [[10, []], [3, []], [50, ['Person', 'State']]] as const) {
        const expected = rankEntries(entries, q, limit, labels);
        expect(index.search(q, limit, labels), `${q} / ${limit} / ${labels.join(',')}`).toEqual(expected);
        if (expected.ranked.length) matchedSome++;
      }
    }
    // The comparison means something only when most queries find names.
    expect(matchedSome).toBeGreaterThan(QUERIES.length);
  });

  it('answers as ranking every name does for queries cut from the names themselves: whole names, their first words and part of the next, a letter changed', () => {
    const rand = prng(5);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const index = new SearchIndex(synthetic);
    const queries = Array.from({ length: 60 }, (_, i) => {
      const entry = pick(synthetic);
      const words = pick([entry.name, ...entry.aliases]).split(' ');
      const k = 1 + Math.floor(rand() * words.length);
      const cut = [...words.slice(0, k - 1), words[k - 1].slice(0, 1 + Math.floor(rand() * words[k - 1].length))];
      if (i % 3 === 0) return words.join(' ');
      if (i % 3 === 1) return cut.join(' ');
      const w = cut.length - 1;
      return [...cut.slice(0, w), cut[w].length > 3 ? `${cut[w].slice(0, 2)}x${cut[w].slice(3)}` : cut[w]].join(' ');
    });
    let exact = 0;
    for (const q of queries) {
      const expected = rankEntries(synthetic, q, 10);
      expect(index.search(q, 10), q).toEqual(expected);
      if (expected.ranked[0]?.score >= 1000) exact++;
    }
    // Whole names must have scored as equal to the query: the comparison covered that case.
    expect(exact).toBeGreaterThanOrEqual(20);
  });

  it('finds an entry added after it was built, as a fresh index would, and keeps the names of an id it already has', () => {
    const index = new SearchIndex(synthetic.slice(0, 100));
    const added: SearchEntry = { id: 'person:new-lavrova', label: 'Person', name: 'Zinaida Lavrova', aliases: ['Zina'] };
    expect(index.search('Zinaida', 10).ranked).toEqual([]);
    index.add([...synthetic.slice(100), added, { ...added, name: 'Renamed' }]);
    const all = [...synthetic, added];
    for (const q of ['Zinaida', 'Zinaeda', 'zina', 'lavrova', 'Renamed']) expect(index.search(q, 10), q).toEqual(rankEntries(all, q, 10));
    expect(index.search('Zinaida', 10).ranked.map((r) => r.entry.id)).toEqual(['person:new-lavrova']);
    expect(index.size).toBe(all.length);
  });
});
