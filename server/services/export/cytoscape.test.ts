import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../../../shared/graph.js';
import { renderCytoscape, toCytoscapeJson } from './cytoscape.js';
import { SIGNED_EDGE_ID, TRICKY_QUOTE, fixtureGraph } from './fixture.test-data.js';

describe('Cytoscape JSON export', () => {
  const { body, filename } = renderCytoscape(fixtureGraph, { basename: 'treaty export' });
  const json = JSON.parse(body as string);

  it('names the file .cyjs', () => {
    expect(filename).toBe('treaty-export.cyjs');
  });

  it('loads into headless Cytoscape with every node, edge and provenance quote', () => {
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBe(fixtureGraph.nodes.length);
    expect(cy.edges().length).toBe(fixtureGraph.edges.length);
    const edge = cy.getElementById(SIGNED_EDGE_ID);
    expect(edge.data('type')).toBe('SIGNED');
    expect(edge.source().id()).toBe('person:vladimir-putin');
    expect(edge.target().id()).toBe('agreement:comprehensive-strategic-partnership');
    expect(edge.data('sourceQuotes')[0]).toBe(TRICKY_QUOTE);
    expect(provenanceOf(edge.data())).toEqual(provenanceOf(fixtureGraph.edges[0].properties));
    const putin = cy.getElementById('person:vladimir-putin');
    expect(putin.data('label')).toBe('Person');
    expect(putin.data('name')).toBe('Vladimir Putin');
    expect(putin.data('aliases')).toEqual(['Putin', 'Presiden Putin', 'Vladimir Vladimirovich Putin']);
    expect(cy.getElementById('event:pyongyang-summit-2024').data('date')).toBe('2024-06-19');
  });

  it('keeps every property and lets element fields win over same-named properties', () => {
    const data = toCytoscapeJson({
      nodes: [{ id: 'n1', label: 'Person', properties: { id: 'n1', label: 'bogus', name: 'N' } }],
      edges: [{ id: 'e1', type: 'MET_WITH', source: 'n1', target: 'n1', properties: { source: 'x', type: 'y', date: '2024-01-01' } }],
    }).elements;
    expect(data.nodes[0].data).toEqual({ id: 'n1', label: 'Person', name: 'N' });
    expect(data.edges[0].data).toEqual({ id: 'e1', source: 'n1', target: 'n1', type: 'MET_WITH', date: '2024-01-01' });
    for (const node of fixtureGraph.nodes) {
      const out = json.elements.nodes.find((n: { data: { id: string } }) => n.data.id === node.id).data;
      for (const [k, v] of Object.entries(node.properties)) expect(out[k]).toEqual(v);
    }
  });
});
