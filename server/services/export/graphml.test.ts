import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../../../shared/graph.js';
import { fixtureGraph, SIGNED_EDGE_ID, TRICKY_QUOTE } from './fixture.test-data.js';
import { renderGraphml } from './graphml.js';
import { hasNetworkx, readWithNetworkx } from './networkx.test-helper.js';

const { body, filename } = renderGraphml(fixtureGraph);
const xml = body as string;

describe('GraphML export', () => {
  it('declares typed keys from the properties present', () => {
    expect(filename).toBe('jejak-subgraph.graphml');
    expect(xml).toContain('<key id="n0" for="node" attr.name="labels" attr.type="string"/>');
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="pagerank" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="degree" attr.type="long"\/>/);
    expect(xml).toMatch(/<key id="e\d+" for="edge" attr.name="sourceQuotes" attr.type="string"\/>/);
    expect(xml).toMatch(/<key id="e\d+" for="edge" attr.name="weight" attr.type="long"\/>/);
    expect(xml).toContain('<graph id="G" edgedefault="directed">');
    expect(xml).not.toContain('<script>');
  });

  it('escapes element ids and text, and keeps whitespace in attributes', () => {
    const out = renderGraphml({
      nodes: [{ id: 'a"<&>\n', label: 'Person', properties: { name: 'x\ry' } }],
      edges: [],
    }).body as string;
    expect(out).toContain('<node id="a&quot;&lt;&amp;&gt;&#10;">');
    expect(out).toContain('>x&#13;y</data>');
  });

  it.skipIf(!hasNetworkx)('reads back in networkx with the same nodes, edges and provenance', () => {
    const g = readWithNetworkx('graphml', xml);
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(fixtureGraph.nodes.map((n) => n.id).sort());
    expect(g.edges.map((e) => e.key).sort()).toEqual(fixtureGraph.edges.map((e) => e.id).sort());
    for (const edge of fixtureGraph.edges) {
      const nx = g.edges.find((e) => e.key === edge.id)!;
      expect([nx.source, nx.target, nx.data.type]).toEqual([edge.source, edge.target, edge.type]);
    }
    const putin = g.nodes['person:vladimir-putin'];
    expect(putin.labels).toBe('Person');
    expect(putin.name).toBe('Vladimir Putin');
    expect(putin.pagerank).toBe(0.4217);
    expect(putin.degree).toBe(5);
    expect(JSON.parse(putin.aliases as string)).toEqual(['Putin', 'Presiden Putin', 'Vladimir Vladimirovich Putin']);
    expect(g.nodes['event:pyongyang-summit-2024'].date).toBe('2024-06-19');
    expect(g.nodes['place:pyongyang']).not.toHaveProperty('description');

    const signed = g.edges.find((e) => e.key === SIGNED_EDGE_ID)!.data;
    const quotes = JSON.parse(signed.sourceQuotes as string) as string[];
    expect(quotes[0]).toBe(TRICKY_QUOTE);
    expect(Buffer.from(quotes[0], 'utf8').equals(Buffer.from(TRICKY_QUOTE, 'utf8'))).toBe(true);
    const props = Object.fromEntries(
      Object.entries(signed).map(([k, v]) => [k, k.startsWith('source') ? JSON.parse(v as string) : v]),
    );
    expect(provenanceOf(props)).toEqual(provenanceOf(fixtureGraph.edges[0].properties));
    expect(signed.date).toBe('2024-06-19');
    // raw newline, curly quotes and markup in element text
    expect(g.nodes['article:okezone-2024-06-19'].text).toBe(fixtureGraph.nodes[7].properties.text);
  });
});
