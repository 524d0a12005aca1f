import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../shared/graph.js';
import { endpointPairs, isClaimStatus, isNodeLabel, isRelType, PROVENANCE_PROPS, type RelType } from '../shared/schema.js';
import { toBulkLoad } from '../seed/load.js';
import { prng, SYNTHETIC_YEAR, syntheticArticles, syntheticGraph } from './synthetic.js';

describe('syntheticGraph', () => {
  const graph = syntheticGraph({ relationships: 5000, seed: 42 });

  it('is deterministic for a seed and differs for another seed', () => {
    const again = syntheticGraph({ relationships: 5000, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(graph));
    const other = syntheticGraph({ relationships: 5000, seed: 43 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(graph));
  });

  it('has exactly the requested number of relationships and, when asked, of nodes', () => {
    for (const relationships of [1, 10, 1000, 5000]) expect(syntheticGraph({ relationships }).edges).toHaveLength(relationships);
    const sized = syntheticGraph({ relationships: 2000, nodes: 1000 });
    expect(sized.nodes).toHaveLength(1000);
    expect(sized.edges).toHaveLength(2000);
  });

  it('uses only relationship types and endpoint labels the schema allows', () => {
    const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
    for (const n of graph.nodes) expect(isNodeLabel(n.label)).toBe(true);
    for (const e of graph.edges) {
      expect(isRelType(e.type)).toBe(true);
      const pair = [labelOf.get(e.source), labelOf.get(e.target)];
      expect(endpointPairs(e.type as RelType)).toContainEqual(pair);
    }
    // The seed's own loader accepts it (unknown endpoints or labels would throw).
    expect(() => toBulkLoad(graph)).not.toThrow();
  });

  it('follows the id conventions and keeps ids unique', () => {
    for (const n of graph.nodes) expect(n.id.startsWith(`${n.label.toLowerCase()}:`)).toBe(true);
    for (const e of graph.edges) expect(e.id.startsWith(`rel:${e.type.toLowerCase().replace(/_/g, '-')}:`)).toBe(true);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('backs every relationship with quotes that stand verbatim at their offsets in article texts', () => {
    const text = new Map(graph.nodes.filter((n) => n.label === 'Article').map((n) => [n.id, String(n.properties.text)]));
    for (const e of graph.edges) {
      const claims = provenanceOf(e.properties);
      expect(claims.length).toBeGreaterThan(0);
      for (const c of claims) {
        const body = text.get(c.article);
        expect(body, `${e.id}: article ${c.article}`).toBeDefined();
        expect(body!.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
      }
    }
  });

  it('has hubs: a few states and leaders take a large share of the facts', () => {
    const degree = new Map<string, number>();
    for (const e of graph.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const top = [...degree.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    const median = [...degree.values()].sort((a, b) => a - b)[Math.floor(degree.size / 2)];
    expect(top.some(([id]) => id.startsWith('state:'))).toBe(true);
    expect(top[0][1]).toBeGreaterThan(20 * median);
  });

  it('spreads dates over one year, with month and year precision as ranges', () => {
    const facts = graph.edges.filter((e) => e.type !== 'MENTIONS');
    const months = new Set(facts.map((e) => String(e.properties.date).slice(0, 7)));
    expect([...months].every((m) => m.startsWith(`${SYNTHETIC_YEAR}-`))).toBe(true);
    expect(months.size).toBe(12);
    const month = facts.find((e) => e.properties.datePrecision === 'month')!;
    expect(month.properties.dateFrom).toBe(`${String(month.properties.date).slice(0, 7)}-01`);
    expect(String(month.properties.dateTo).slice(0, 7)).toBe(String(month.properties.date).slice(0, 7));
    const day = facts.find((e) => e.properties.datePrecision === 'day')!;
    expect(day.properties.dateFrom).toBeNull();
  });

  it('keeps every provenance list aligned, one entry per claim, with statuses from the schema', () => {
    for (const e of graph.edges) {
      const lengths = PROVENANCE_PROPS.map((p) => (e.properties[p] as unknown[] | undefined)?.length);
      expect(new Set(lengths), e.id).toEqual(new Set([(e.properties.sourceArticles as string[]).length]));
      for (const s of e.properties.sourceStatuses as string[]) expect(isClaimStatus(s)).toBe(true);
    }
    const statuses = new Set(graph.edges.flatMap((e) => e.properties.sourceStatuses as string[]));
    expect(statuses.size).toBeGreaterThan(3);
  });

  it('backs facts with 1 to 7 claims, most with one', () => {
    const counts = graph.edges.filter((e) => e.type !== 'MENTIONS').map((e) => (e.properties.sourceArticles as string[]).length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(7);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(counts.length / 3);
  });

  it('has the shape of a newsroom year: an article per hundred relationships, an entity per ten', () => {
    const g = syntheticGraph({ relationships: 20_000 });
    const articles = g.nodes.filter((n) => n.label === 'Article').length;
    expect(articles).toBe(200);
    expect(g.nodes.length - articles).toBe(2000);
    expect(g.edges.filter((e) => e.type === 'MENTIONS')).toHaveLength(8000);
  });
});

describe('syntheticArticles', () => {
  it('builds deterministic raw pages naming the graph entities', () => {
    const graph = syntheticGraph({ relationships: 500, seed: 1 });
    const a = syntheticArticles(graph, 5, 3);
    expect(a).toEqual(syntheticArticles(graph, 5, 3));
    expect(a).toHaveLength(5);
    const names = graph.nodes.filter((n) => n.label === 'State').map((n) => String(n.properties.name));
    expect(a.some((x) => names.some((name) => x.raw.includes(name)))).toBe(true);
    for (const x of a) expect(x.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('prng', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = prng(9);
    const b = prng(9);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
