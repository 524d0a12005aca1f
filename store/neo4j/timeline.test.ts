import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.js';
import { toBulkLoad } from '../../seed/load.js';
import { REL_TYPES, type RelType } from '../../shared/schema.js';
import { articleNode, claimEdge, oneClaim } from '../../server/testing/claims.js';
import { FACT_TYPES } from '../cypher-names.js';
import { timeline as scanningTimeline } from '../common/timeline.js';
import type { TimelineRequest } from '../store.js';
import { planOf, sessionCountingStore, useSeededNeo4j } from './plan.testing.js';
import { compareKeys, EVENTS_TIMELINE_QUERY, firstKeys, timeline, typeTimelineQuery, type FactKey } from './timeline.js';
import { HIDDEN_REL_PROPS } from './timeline-keys.js';

/** Windows that catch ranges starting before, inside and after them, and the whole graph. */
const WINDOWS: Array<Pick<TimelineRequest, 'from' | 'to'>> = [
  { from: '2024-11-01', to: '2024-11-07' },
  { from: '2024-11-05', to: '2024-11-05' },
  { from: '2024-06-03', to: '2024-06-09' },
  { from: '1950-06-01', to: '1951-01-01' },
  { from: '2024-01-01', to: '2024-12-31' },
  { from: null, to: null },
];

describe('firstKeys: the first keys over every type, exactly', () => {
  it('gives the first `limit` of all the types\' keys together, however they are spread', async () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const types = REL_TYPES.slice(0, 12);
    for (let round = 0; round < 200; round++) {
      // Some types crowd the first days, others have few or none: the page is unevenly shared.
      const keys = new Map<RelType, FactKey[]>(
        types.map((t, i) => {
          const n = Math.floor(rand() * (i % 3 === 0 ? 400 : 30));
          const rows = Array.from({ length: n }, (_, j) => ({ k: `2024-0${1 + Math.floor(rand() * (i % 4 === 0 ? 1 : 9))}-1${Math.floor(rand() * 9)}`, xid: `rel:${t.toLowerCase()}:${j}`, eid: `${t}-${j}` }));
          return [t, rows.sort(compareKeys)];
        }),
      );
      const limit = 1 + Math.floor(rand() * 300);
      const asked: number[] = [];
      const got = await firstKeys(async (asks) => asks.map(({ type, take }) => (asked.push(take), keys.get(type)!.slice(0, take))), types, limit);
      expect(got).toEqual([...keys.values()].flat().sort(compareKeys).slice(0, limit));
      expect(Math.max(...asked)).toBeLessThanOrEqual(limit);
    }
  });
});

/** Runs only against a real Neo4j (NEO4J_URI): it replaces the database's Jejak graph. */
describe.runIf(Boolean(process.env.NEO4J_URI))('timeline on Neo4j: index seeks in the timeline\'s order', () => {
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

  /** Relationships whose timeline keys are not what their dates say (timeline-keys.ts). */
  async function wrongKeys(): Promise<number> {
    // A missing date and a missing key compare as the same: both as day one.
    const same = (a: string, b: string) => `coalesce(${a}, date('0001-01-01')) = coalesce(${b}, date('0001-01-01'))`;
    const r = await run(
      'MATCH ()-[r]->() WITH r, coalesce(r.date, r.dateFrom) AS k, coalesce(r.dateFrom, r.date) AS f, coalesce(r.dateTo, r.date) AS l ' +
        `WHERE NOT (${same('r.jejakTimelineKey', 'k')}) OR NOT (${same('r.jejakTimelineSpan', 'CASE WHEN l > k THEN k END')}) ` +
        `OR NOT (${same('r.jejakTimelineEarly', 'CASE WHEN f < k THEN f END')}) RETURN count(r) AS wrong`,
    );
    return Number(r.rows[0].wrong);
  }

  it('answers as comparing every date did, on the seed (ranges whose date is not their first day included)', async () => {
    await expectSameAsScanning([3, 20, 500], [[], ['SIGNED', 'RATIFIED', 'STATED'], ['DEPLOYED_TROOPS_TO']]);
  }, 120_000);

  it('plans each type\'s parts as index seeks, the key and span parts in the index\'s order (no sort of what they read)', async () => {
    const params = { from: '2024-06-03', to: '2024-06-09', limit: 500 };
    const plan = await planOf(typeTimelineQuery('SIGNED'), params);
    const ops = plan.map((s) => s.operator);
    // Three reads, each of one of the timeline's indexes (a seek, or on a graph with few such facts maybe the index read whole): never a scan of a type or of every relationship.
    const reads = plan.filter((s) => /Scan|Seek/.test(s.operator));
    expect(reads.map((s) => s.operator).every((o) => /^DirectedRelationshipIndex(Seek|SeekByRange|Scan)$/.test(o)), reads.map((s) => s.operator).join()).toBe(true);
    expect(reads.map((s) => /SIGNED\((jejakTimelineKey, id|jejakTimelineSpan, id|jejakTimelineEarly)\)/.exec(s.details)?.[1]).sort()).toEqual(['jejakTimelineEarly', 'jejakTimelineKey, id', 'jejakTimelineSpan, id']);
    // A sort only over the union of the three and in the early part (a handful of facts): the other two stop at $limit in index order.
    expect(ops.filter((o) => /Top|Sort/.test(o))).toHaveLength(2);
    expect(ops.filter((o) => o === 'Limit')).toHaveLength(2);
    const events = (await planOf(EVENTS_TIMELINE_QUERY, params)).map((s) => s.operator);
    expect(events.filter((o) => /Scan/.test(o))).toEqual([]);
  });

  it('keeps the timeline keys in step on every write path and never returns them', async () => {
    // replaceGraph in one transaction (the seed) and in batches.
    expect(await wrongKeys()).toBe(0);
    const keyed = await run('MATCH ()-[r]->() WHERE r.jejakTimelineKey IS NOT NULL RETURN r LIMIT 20');
    expect(keyed.graph.edges.length).toBe(20);
    for (const e of keyed.graph.edges) for (const p of HIDDEN_REL_PROPS) expect(e.properties).not.toHaveProperty(p);
    // mergeFacts: a new dated fact, and a range starting before its date, to new nodes.
    const fact = { id: 'rel:met-with:vladimir-putin:sergei-lavrov:timeline', type: 'MET_WITH', source: 'person:vladimir-putin', target: 'person:sergei-lavrov', date: '2024-06-19' };
    expect((await seeded.store.mergeFacts(oneClaim('article:timeline-new', fact))).edgesCreated).toBe(1);
    const envoy = { id: 'person:timeline-envoy', label: 'Person', properties: { name: 'Timeline Envoy', aliases: [] } };
    const edge = claimEdge('article:timeline-range', { id: 'rel:met-with:vladimir-putin:timeline-envoy', type: 'MET_WITH', source: 'person:vladimir-putin', target: envoy.id, date: '2024-06-15' });
    const range = { ...edge, properties: { ...edge.properties, dateFrom: '2024-06-10', dateTo: '2024-06-25', datePrecision: 'day' } };
    expect((await seeded.store.mergeFacts({ articleId: 'article:timeline-range', nodes: [articleNode('article:timeline-range'), envoy], edges: [range] })).edgesCreated).toBe(1);
    expect(await wrongKeys()).toBe(0);
    for (const window of [{ from: '2024-06-19', to: '2024-06-19' }, { from: '2024-06-11', to: '2024-06-12' }, { from: '2024-06-20', to: '2024-06-30' }]) {
      const request = { ...window, limit: 200, types: FACT_TYPES };
      const mine = await timeline(run, request);
      expect(mine).toEqual(await scanningTimeline(run, request));
      expect(mine.entries.map((e) => e.element.id)).toContain(range.id);
    }
    // bulkLoad (MERGE of rows).
    await seeded.store.bulkLoad(toBulkLoad(syntheticGraph({ relationships: 300, seed: 9 })));
    expect(await wrongKeys()).toBe(0);
  }, 120_000);

  it('answers as comparing every date did, on a synthetic year of news', async () => {
    await seeded.store.replaceGraph(toBulkLoad(syntheticGraph({ relationships: 4000, seed: 5 })));
    expect(await wrongKeys()).toBe(0);
    await expectSameAsScanning([10, 500], [[], ['MET_WITH', 'SUPPORTS']]);
  }, 180_000);

  it('reads the facts\' keys and page in one transaction through the store: a session for them, one for the events', async () => {
    const { store, sessions, reset } = sessionCountingStore();
    try {
      const request: TimelineRequest = { from: '2024-01-01', to: '2024-12-31', types: [], limit: 500 };
      await store.timeline(request); // the reload marker's look is then kept for a minute
      reset();
      const mine = await store.timeline(request);
      expect(mine).toEqual(await scanningTimeline(run, request));
      expect(mine.entries.length).toBeGreaterThan(10);
      expect(sessions()).toBe(2);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses a relationship type outside the schema', () => {
    expect(() => typeTimelineQuery('SIGNED]->() DETACH DELETE x //' as never)).toThrow(/unknown relationship type/);
  });
});
