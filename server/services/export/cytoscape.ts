/**
 * Cytoscape.js JSON (`.cyjs`): `{ elements: { nodes: [{ data }], edges: [{ data }] } }`,
 * properties flattened into `data`. Loads with `cy.json({ elements })` or
 * `cytoscape({ elements })`, and Cytoscape desktop imports it.
 */
import type { CytoscapeJson, Graph, PlainValue } from '../../../shared/graph.js';
import { exportFilename, type ExportOptions, type ExportResult } from './common.js';

/** The types live in shared/ so the client can read the export back; re-exported for server code. */
export type { CyEdgeData, CyNodeData, CytoscapeJson } from '../../../shared/graph.js';

function without(properties: Record<string, PlainValue>, reserved: readonly string[]): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [key, value] of Object.entries(properties)) if (!reserved.includes(key) && value !== undefined) out[key] = value;
  return out;
}

/** The Cytoscape JSON object; element fields win over properties of the same name. */
export function toCytoscapeJson(graph: Graph, opts: ExportOptions = {}): CytoscapeJson {
  return {
    format_version: '1.0',
    generated_by: 'jejak',
    data: { name: opts.basename ?? 'Jejak subgraph' },
    elements: {
      nodes: graph.nodes.map((n) => ({ data: { id: n.id, label: n.label, ...without(n.properties, ['id', 'label']) } })),
      edges: graph.edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, type: e.type, ...without(e.properties, ['id', 'source', 'target', 'type']) },
      })),
    },
  };
}

export function renderCytoscape(graph: Graph, opts: ExportOptions = {}): ExportResult {
  const json = toCytoscapeJson(graph, opts);
  return { body: JSON.stringify(json, null, opts.pretty ? 2 : undefined) + '\n', filename: exportFilename(opts, 'cyjs') };
}
