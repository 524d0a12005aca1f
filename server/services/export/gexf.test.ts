import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../../../shared/graph.js';
import { fixtureGraph, SIGNED_EDGE_ID, TRICKY_QUOTE } from './fixture.test-data.js';
import { renderGexf } from './gexf.js';
import { hasNetworkx, readWithNetworkx } from './networkx.test-helper.js';

const { body, filename } = renderGexf(fixtureGraph);
const xml = body as string;

describe('GEXF export', () => {
  it('is GEXF 1.3 with declared node and edge attributes', () => {
    expect(filename).toBe('jejak-subgraph.gexf');
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('version="1.3"');
    expect(xml).toContain('<attributes class="node" mode="static">');
    expect(xml).toContain('<attributes class="edge" mode="static">');
    expect(xml).toMatch(/<attribute id="n\d+" title="pagerank" type="double"\/>/);
    expect(xml).toMatch(/<attribute id="e\d+" title="sourceQuotes" type="string"\/>/);
    expect(xml).toMatch(/<attribute id="e\d+" title="date" type="string"\/>/);
    expect(xml).not.toContain('<script>');
  });

  it('keeps newlines and tabs in attribute values as character references', () => {
    const out = renderGexf({ nodes: [{ id: 'n', label: 'Person', properties: { name: 'a\nb', description: '"x"\t<y>' } }], edges: [] })
      .body as string;
    expect(out).toContain('label="a&#10;b"');
    expect(out).toContain('value="&quot;x&quot;&#9;&lt;y&gt;"');
  });

  it.skipIf(!hasNetworkx)('reads back in networkx with the same nodes, edges and provenance', () => {
    const g = readWithNetworkx('gexf', xml);
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(fixtureGraph.nodes.map((n) => n.id).sort());
    expect(g.edges.length).toBe(fixtureGraph.edges.length);
    for (const edge of fixtureGraph.edges) {
      const nx = g.edges.find((e) => e.data.id === edge.id)!;
      expect([nx.source, nx.target, nx.data.label, nx.data.type]).toEqual([edge.source, edge.target, edge.type, edge.type]);
    }
    const putin = g.nodes['person:vladimir-putin'];
    expect(putin.label).toBe('Vladimir Putin');
    expect(putin.labels).toBe('Person');
    expect(putin.pagerank).toBe(0.4217);
    expect(putin.degree).toBe(5);
    expect(JSON.parse(putin.aliases as string)).toEqual(['Putin', 'Presiden Putin', 'Vladimir Vladimirovich Putin']);
    const event = g.nodes['event:pyongyang-summit-2024'];
    expect([event.date, event.datePrecision]).toEqual(['2024-06-19', 'day']);
    expect(g.nodes['agreement:comprehensive-strategic-partnership'].dateSigned).toBe('2024-06-19');
    expect(g.nodes['article:okezone-2024-06-19'].text).toBe(fixtureGraph.nodes[7].properties.text);

    const signed = g.edges.find((e) => e.data.id === SIGNED_EDGE_ID)!.data;
    const quotes = JSON.parse(signed.sourceQuotes as string) as string[];
    expect(Buffer.from(quotes[0], 'utf8').equals(Buffer.from(TRICKY_QUOTE, 'utf8'))).toBe(true);
    const props = Object.fromEntries(
      Object.entries(signed).map(([k, v]) => [k, k.startsWith('source') ? JSON.parse(v as string) : v]),
    );
    expect(provenanceOf(props)).toEqual(provenanceOf(fixtureGraph.edges[0].properties));
    expect(signed.date).toBe('2024-06-19');
  });
});
