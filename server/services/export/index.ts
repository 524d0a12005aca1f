/**
 * The export formats. Routes and the UI derive their lists from
 * EXPORT_FORMATS; each `render` is a pure function Graph → file.
 */
import type { Graph } from '../../../shared/graph.js';
import type { ExportOptions, ExportResult } from './common.js';
import { renderCsvZip } from './csv.js';
import { renderCypher } from './cypher.js';
import { renderCytoscape } from './cytoscape.js';
import { renderGexf } from './gexf.js';
import { renderGraphml } from './graphml.js';

export interface ExportFormat<Id extends string = string> {
  id: Id;
  /** Content-Type of the body (text bodies are UTF-8). */
  mediaType: string;
  /** File extension without the dot, as used in `filename`. */
  extension: string;
  description: string;
  render(graph: Graph, opts?: ExportOptions): ExportResult;
}

export const EXPORT_FORMATS = {
  cyjs: {
    id: 'cyjs',
    mediaType: 'application/json',
    extension: 'cyjs',
    description: 'Cytoscape JSON: opens in Cytoscape.js and Cytoscape desktop',
    render: renderCytoscape,
  },
  graphml: {
    id: 'graphml',
    mediaType: 'application/graphml+xml',
    extension: 'graphml',
    description: 'GraphML: Gephi, yEd, networkx, Neo4j APOC; lists and provenance as JSON strings',
    render: renderGraphml,
  },
  gexf: {
    id: 'gexf',
    mediaType: 'application/gexf+xml',
    extension: 'gexf',
    description: 'GEXF 1.3: Gephi; lists and provenance as JSON strings',
    render: renderGexf,
  },
  csv: {
    id: 'csv',
    mediaType: 'application/zip',
    extension: 'zip',
    description: 'CSV: nodes.csv and edges.csv in a zip, for spreadsheets and bulk loaders',
    render: renderCsvZip,
  },
  cypher: {
    id: 'cypher',
    mediaType: 'text/plain',
    extension: 'cypher',
    description: "Cypher script that recreates the subgraph in Neo4j or Kùzu (option dialect: 'neo4j' | 'kuzu')",
    render: renderCypher,
  },
} as const satisfies { [Id in string]: ExportFormat<Id> };

export type ExportFormatId = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormatId[];

export function isExportFormat(value: string): value is ExportFormatId {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value);
}

/** Renders `graph` in the format `id`. */
export function renderExport(id: ExportFormatId, graph: Graph, opts: ExportOptions = {}): ExportResult {
  return EXPORT_FORMATS[id].render(graph, opts);
}

export type { CypherDialect, ExportOptions, ExportResult } from './common.js';
export { renderCsvZip, renderNodesCsv, renderEdgesCsv } from './csv.js';
export { renderCypher, splitCypherScript, toCypherScript } from './cypher.js';
export { renderCytoscape, toCytoscapeJson } from './cytoscape.js';
export { renderGexf } from './gexf.js';
export { renderGraphml } from './graphml.js';
