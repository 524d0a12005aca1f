/**
 * GEXF 1.3 (`.gexf`) for Gephi (networkx reads it too). Nodes are labelled
 * with their name, edges with their relationship type; every property is a
 * declared attribute (class node/edge). Lists and maps, provenance included,
 * are JSON strings; dates are `YYYY-MM-DD` strings (networkx cannot read the
 * GEXF `date` attribute type).
 */
import type { Graph, GraphEdge, GraphNode, PlainValue } from '../../../shared/graph.js';
import { columnsFor, exportFilename, textOf, xmlAttr, type Column, type ExportOptions, type ExportResult } from './common.js';

type Attribute = Column;

/** `id` is the element's own id; `label` would clash with the GEXF label in most readers. */
function attributesFor(
  items: ReadonlyArray<GraphNode | GraphEdge>,
  prefix: string,
  reserved: { name: string; get: (item: GraphNode | GraphEdge) => PlainValue }[],
): Attribute[] {
  return columnsFor(items, prefix, reserved, ['id', 'label']);
}

function attvalues(attrs: Attribute[], item: GraphNode | GraphEdge, indent: string): string {
  let out = '';
  for (const attr of attrs) {
    const text = textOf(attr.get(item));
    if (text === null) continue;
    out += `${indent}  <attvalue for="${attr.id}" value="${xmlAttr(text)}"/>\n`;
  }
  return out ? `${indent}<attvalues>\n${out}${indent}</attvalues>\n` : '';
}

function declare(cls: 'node' | 'edge', attrs: Attribute[]): string {
  let out = `    <attributes class="${cls}" mode="static">\n`;
  for (const a of attrs) out += `      <attribute id="${a.id}" title="${xmlAttr(a.name)}" type="${a.type}"/>\n`;
  return out + '    </attributes>\n';
}

export function renderGexf(graph: Graph, opts: ExportOptions = {}): ExportResult {
  const nodeAttrs = attributesFor(graph.nodes, 'n', [{ name: 'labels', get: (n) => (n as GraphNode).label }]);
  const edgeAttrs = attributesFor(graph.edges, 'e', [{ name: 'type', get: (e) => (e as GraphEdge).type }]);
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out +=
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  out += `  <meta>\n    <creator>Jejak</creator>\n    <description>${xmlAttr(opts.basename ?? 'Jejak subgraph')}</description>\n  </meta>\n`;
  out += '  <graph defaultedgetype="directed" mode="static">\n';
  out += declare('node', nodeAttrs) + declare('edge', edgeAttrs);
  out += '    <nodes>\n';
  for (const node of graph.nodes) {
    const label = textOf(node.properties.name) ?? node.id;
    out += `      <node id="${xmlAttr(node.id)}" label="${xmlAttr(label)}">\n${attvalues(nodeAttrs, node, '        ')}      </node>\n`;
  }
  out += '    </nodes>\n    <edges>\n';
  for (const edge of graph.edges) {
    out +=
      `      <edge id="${xmlAttr(edge.id)}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}" label="${xmlAttr(edge.type)}">\n` +
      `${attvalues(edgeAttrs, edge, '        ')}      </edge>\n`;
  }
  out += '    </edges>\n  </graph>\n</gexf>\n';
  return { body: out, filename: exportFilename(opts, 'gexf') };
}
