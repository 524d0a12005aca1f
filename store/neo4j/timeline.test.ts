import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.js';
import { toBulkLoad } from '../../seed/load.js';
import { timeline as scanningTimeline } from '../common/timeline.js';
import type { TimelineRequest } from '../store.js';
import { planOf, useSeededNeo4j } from './plan.testing.js';
import { EVENTS_TIMELINE_QUERY, factsTimelineQuery, timeline } from './timeline.js';

/** Windows that catch ranges starting before, inside and after them, and the whole graph. */
const WINDOWS: Array<Pick<TimelineRequest, 'from' | 'to'>> = [
  { from: '2024-11-01', to: '2024-11-07' },
  { from: '2024-11-05', to: '2024-11-05' },
  { from: '2024-06-03', to: '2024-06-09' },
  { from: '1950-06-01', to: '1951-01-01' },
  { from: '2024-01-01', to: '2024-12-31' },
  { from: null, to: null },
];

/** Runs only against a real Neo4j (NEO4J_URI): it replaces the database's Jejak graph. */
describe.runIf(Boolean(process.env.NEO4J_URI))('timeline on Neo4j: index seeks per type and date shape', () => {
  const seeded = useSeededNeo4j();
  const { run } = seeded;

  async function expectSameAsScanning(limits: number[], types: TimelineRequest['types'][]) {
    let entries = 0;
    for (const w of WINDOWS) {
      for (const limit of limits) {
        for (const t of types) {
          const request: TimelineRequest = { ...w, types: t, limit };
          const mine = await timeline(run, request);
          expect(mine, `${w.from}..${w.to} limit ${limit} ${t.join('|')}`).toEqual(await scanningTimeline(run, request));
          entries += mine.entries.length;
        }
      }
    }
    // Not a comparison of two empty answers.
    expect(entries).toBeGreaterThan(50);
  }

  it('answers as comparing every date did, on the seed (ranges whose date is not their first day included)', async () => {
    await expectSameAsScanning([3, 20, 500], [[], ['SIGNED', 'RATIFIED', 'STATED'], ['DEPLOYED_TROOPS_TO']]);
  }, 120_000);

  it('plans every part as an index seek, never a scan of a type, a label or every relationship', async () => {
    const params = { from: '2024-06-03', to: '2024-06-09', limit: 500 };
    for (const query of [factsTimelineQuery(['SIGNED', 'MET_WITH']), EVENTS_TIMELINE_QUERY]) {
      const ops = (await planOf(query, params)).map((s) => s.operator);
      expect(ops.filter((o) => /Scan/.test(o)), query).toEqual([]);
      expect(ops.filter((o) => /IndexSeek/.test(o)), query).toHaveLength(query === EVENTS_TIMELINE_QUERY ? 4 : 8);
    }
  });

  it('answers as comparing every date did, on a synthetic year of news', async () => {
    await seeded.store.replaceGraph(toBulkLoad(syntheticGraph({ relationships: 4000, seed: 5 })));
    await expectSameAsScanning([10, 500], [[], ['MET_WITH', 'SUPPORTS']]);
  }, 180_000);

  it('refuses a relationship type outside the schema', () => {
    expect(() => factsTimelineQuery(['SIGNED]->() DETACH DELETE x //' as never])).toThrow(/unknown relationship type/);
  });
});
