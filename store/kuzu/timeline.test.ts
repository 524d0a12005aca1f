import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.js';
import { loadKnowledgeBase } from '../../seed/facts.js';
import { seedKuzuFile } from '../../seed/seed.js';
import { toBulkLoad } from '../../seed/load.js';
import type { Graph } from '../../shared/graph.js';
import { REL_TYPES, type RelType } from '../../shared/schema.js';
import { articleNode, claimEdge, oneClaim } from '../../server/testing/claims.js';
import { FACT_TYPES } from '../cypher-names.js';
import { timeline as commonTimeline } from '../common/timeline.js';
import type { Timeline, TimelineRequest } from '../store.js';
import { KuzuStore } from './store.js';

/** What a timeline answers, in order: entries, the graph's node and edge ids, truncated; and everything whole. */
const shape = (t: Timeline) => ({
  entries: t.entries.map((e) => [e.kind, e.date, e.dateTo, e.datePrecision, e.element.id]),
  nodes: t.graph.nodes.map((n) => n.id),
  edges: t.graph.edges.map((e) => e.id),
  truncated: t.truncated,
});

const dirs: string[] = [];
async function storeOf(graph: Graph): Promise<KuzuStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-kuzu-timeline-'));
  dirs.push(dir);
  await seedKuzuFile(path.join(dir, 'db.kuzu'), graph);
  return new KuzuStore(path.join(dir, 'db.kuzu'), 256);
}

/** The indexed timeline gives exactly the common query's answer. */
async function expectSameAsScan(store: KuzuStore, request: TimelineRequest): Promise<Timeline> {
  const indexed = await store.timeline(request);
  const scanned = await commonTimeline((q, p, o) => store.run(q, p, o), request);
  expect(shape(indexed), JSON.stringify(request)).toEqual(shape(scanned));
  expect(indexed).toEqual(scanned);
  return indexed;
}

const stores: KuzuStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('Kùzu timeline through the date index', () => {
  let seed: KuzuStore;
  let synthetic: KuzuStore;
  beforeAll(async () => {
    seed = await storeOf((await loadKnowledgeBase()).graph);
    synthetic = await storeOf(syntheticGraph({ relationships: 4000, seed: 7 }));
    stores.push(seed, synthetic);
  }, 120_000);

  const windows: Array<[string | null, string | null]> = [
    ['2024-06-01', '2024-06-30'],
    ['2024-11-08', '2024-11-08'],
    ['1951-06-01', '1951-06-30'],
    ['2023-09-10', '2023-09-12'],
    ['2024-10-01', '2024-11-03'],
    [null, '2024-01-31'],
    ['2024-12-01', null],
    [null, null],
  ];

  it('answers every window of the seed as the scan does, ranges overlapping either edge included', async () => {
    for (const [from, to] of windows) for (const limit of [3, 40, 500]) await expectSameAsScan(seed, { from, to, limit, types: FACT_TYPES });
    // A range that starts before the window and one that ends after it are both in (the war of 1950–1953).
    const war = await expectSameAsScan(seed, { from: '1951-06-01', to: '1951-06-30', limit: 100, types: FACT_TYPES });
    expect(war.entries.some((e) => e.dateTo !== null && e.date < '1951-06-01')).toBe(true);
  });

  it('answers a synthetic year as the scan does: weeks, ties cut by the limit, one type, several types', async () => {
    const week = { from: '2024-06-03', to: '2024-06-09' };
    for (const limit of [1, 7, 50, 400]) await expectSameAsScan(synthetic, { ...week, limit, types: FACT_TYPES });
    const capped = await expectSameAsScan(synthetic, { ...week, limit: 7, types: FACT_TYPES });
    expect(capped.truncated).toBe(true);
    for (const types of [['MET_WITH'], ['SIGNED', 'RATIFIED', 'STATED'], REL_TYPES] as RelType[][]) await expectSameAsScan(synthetic, { ...week, limit: 60, types });
    for (const [from, to] of windows) await expectSameAsScan(synthetic, { from, to, limit: 100, types: FACT_TYPES });
  });

  it('shows a merged fact at once, and a fact that gained a claim stays where it was', async () => {
    const window = { from: '2024-06-19', to: '2024-06-19', limit: 200, types: FACT_TYPES };
    const before = await expectSameAsScan(seed, window);
    const fact = { id: 'rel:met-with:vladimir-putin:sergei-lavrov:timeline', type: 'MET_WITH', source: 'person:vladimir-putin', target: 'person:sergei-lavrov', date: '2024-06-19' };
    const report = await seed.mergeFacts(oneClaim('article:timeline-new', fact));
    expect(report.edgesCreated).toBe(1);
    const after = await expectSameAsScan(seed, window);
    expect(after.entries.map((e) => e.element.id)).toContain(fact.id);
    expect(after.entries).toHaveLength(before.entries.length + 1);
    // A second article's claim on the same edge: appended in place, the timeline unchanged but for the claim.
    await seed.mergeFacts({ articleId: 'article:timeline-again', nodes: [articleNode('article:timeline-again')], edges: [claimEdge('article:timeline-again', fact)] });
    const again = await expectSameAsScan(seed, window);
    expect(again.entries.map((e) => e.element.id)).toEqual(after.entries.map((e) => e.element.id));
    // A range merged across the window's edge, to a new node (no existing event to join).
    const envoy = { id: 'person:timeline-envoy', label: 'Person', properties: { name: 'Timeline Envoy', aliases: [] } };
    const rangeFact = { id: 'rel:met-with:vladimir-putin:timeline-envoy', type: 'MET_WITH', source: 'person:vladimir-putin', target: envoy.id, date: null };
    const edge = claimEdge('article:timeline-range', rangeFact);
    const range = { ...edge, properties: { ...edge.properties, dateFrom: '2024-06-10', dateTo: '2024-06-20', datePrecision: 'day' } };
    const merged = await seed.mergeFacts({ articleId: 'article:timeline-range', nodes: [articleNode('article:timeline-range'), envoy], edges: [range] });
    expect(merged.edgesCreated).toBe(1);
    const withRange = await expectSameAsScan(seed, window);
    expect(withRange.entries.find((e) => e.element.id === range.id)).toMatchObject({ date: '2024-06-10', dateTo: '2024-06-20' });
  });

  it('reads the index again after replaceGraph: the old graph\'s facts are gone, the new one\'s are there', async () => {
    const store = await storeOf(syntheticGraph({ relationships: 500, seed: 3 }));
    stores.push(store);
    const year = { from: null, to: null, limit: 5000, types: FACT_TYPES };
    const old = await expectSameAsScan(store, year);
    const next = syntheticGraph({ relationships: 800, seed: 4 });
    await store.replaceGraph(toBulkLoad(next));
    const fresh = await expectSameAsScan(store, year);
    expect(fresh.entries.map((e) => e.element.id)).not.toEqual(old.entries.map((e) => e.element.id));
    const dated = next.edges.filter((e) => e.type !== 'MENTIONS' && (e.properties.date ?? e.properties.dateFrom)).map((e) => e.id);
    expect(fresh.graph.edges.map((e) => e.id).sort()).toEqual(expect.arrayContaining(dated.slice(0, 10)));
  }, 120_000);
});
