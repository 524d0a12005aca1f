/**
 * GraphML 1.0 (`.graphml`) for Gephi, yEd, Cytoscape desktop, networkx and
 * Neo4j's APOC. Keys are typed from the values present (string, long,
 * double, boolean); lists and maps, provenance included, are JSON strings.
 * The node label is in the `labels` key and the relationship type in `type`.
 */
import type { Graph, GraphEdge, GraphNode, PlainValue } from '../../../shared/graph.js';
import { columnsFor, exportFilename, textOf, xmlAttr, xmlText, type Column, type ExportOptions, type ExportResult } from './common.js';

type Key = Column;

function keysFor(
  domain: 'node' | 'edge',
  items: ReadonlyArray<GraphNode | GraphEdge>,
  reserved: { name: string; get: (item: GraphNode | GraphEdge) => PlainValue }[],
): Key[] {
  // `id` is the element's own id attribute; a data key of the same name would duplicate it.
  return columnsFor(items, domain === 'node' ? 'n' : 'e', reserved, ['id']);
}

function dataElements(keys: Key[], item: GraphNode | GraphEdge, indent: string): string {
  let out = '';
  for (const key of keys) {
    const text = textOf(key.get(item));
    if (text === null) continue;
    out += `${indent}<data key="${key.id}">${xmlText(text)}</data>\n`;
  }
  return out;
}

export function renderGraphml(graph: Graph, opts: ExportOptions = {}): ExportResult {
  const nodeKeys = keysFor('node', graph.nodes, [{ name: 'labels', get: (n) => (n as GraphNode).label }]);
  const edgeKeys = keysFor('edge', graph.edges, [{ name: 'type', get: (e) => (e as GraphEdge).type }]);
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out +=
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [domain, keys] of [['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const key of keys) {
      out += `  <key id="${key.id}" for="${domain}" attr.name="${xmlAttr(key.name)}" attr.type="${key.type}"/>\n`;
    }
  }
  out += '  <graph id="G" edgedefault="directed">\n';
  for (const node of graph.nodes) {
    out += `    <node id="${xmlAttr(node.id)}">\n${dataElements(nodeKeys, node, '      ')}    </node>\n`;
  }
  for (const edge of graph.edges) {
    out +=
      `    <edge id="${xmlAttr(edge.id)}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}">\n` +
      `${dataElements(edgeKeys, edge, '      ')}    </edge>\n`;
  }
  out += '  </graph>\n</graphml>\n';
  return { body: out, filename: exportFilename(opts, 'graphml') };
}
