import { describe, expect, it } from 'vitest';
import type { AggregateOverview } from '../../shared/aggregate.js';
import { aggregateElements } from './aggregate.js';

const overview: AggregateOverview = {
  groups: [
    { label: 'Person', count: 30_000 },
    { label: 'State', count: 50 },
  ],
  links: [
    { from: 'Person', type: 'STATED', to: 'State', count: 90_000 },
    { from: 'Person', type: 'MET_WITH', to: 'Person', count: 4_000 },
    { from: 'State', type: 'SUPPORTS', to: 'State', count: 12 },
  ],
  nodes: 30_050,
  relationships: 94_012,
  countedAt: '2026-12-01T00:00:00.000Z',
};

describe('aggregateElements', () => {
  it('draws one node per label and one edge per pair of labels, with the count per type', () => {
    const els = aggregateElements(overview);
    const nodes = els.filter((e) => !('source' in e.data));
    const edges = els.filter((e) => 'source' in e.data);
    expect(nodes.map((n) => [n.data.id, n.data.label, n.data.name])).toEqual([
      ['group:Person', 'Person', 'Person · 30,000'],
      ['group:State', 'State', 'State · 50'],
    ]);
    expect(edges.map((e) => [e.data.source, e.data.target, e.data.count, e.data.types])).toEqual([
      ['group:Person', 'group:State', 90_000, [{ type: 'STATED', count: 90_000 }]],
      ['group:Person', 'group:Person', 4_000, [{ type: 'MET_WITH', count: 4_000 }]],
      ['group:State', 'group:State', 12, [{ type: 'SUPPORTS', count: 12 }]],
    ]);
  });

  it('adds up the types of one pair of labels', () => {
    const more: AggregateOverview = { ...overview, links: [...overview.links, { from: 'Person', type: 'VISITED', to: 'State', count: 500 }] };
    const edge = aggregateElements(more).find((e) => e.data.id === 'link:Person:State')!;
    expect(edge.data.count).toBe(90_500);
    expect(edge.data.types).toEqual([{ type: 'STATED', count: 90_000 }, { type: 'VISITED', count: 500 }]);
  });

  it('sizes grow with the count but slower than it, and only the largest pairs are kept', () => {
    const els = aggregateElements(overview, 2);
    const person = els.find((e) => e.data.id === 'group:Person')!.data.size as number;
    const state = els.find((e) => e.data.id === 'group:State')!.data.size as number;
    expect(person).toBeGreaterThan(state);
    expect(person / state).toBeLessThan(30_000 / 50);
    expect(els.filter((e) => 'source' in e.data).map((e) => e.data.id)).toEqual(['link:Person:State', 'link:Person:Person']);
  });
});
