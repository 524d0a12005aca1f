/**
 * CSV (RFC 4180): `nodes.csv` (id,label,name,…) and `edges.csv`
 * (id,type,source,target,…), zipped together. UTF-8 without BOM, CRLF line
 * ends, fields with a comma, quote, CR or LF quoted and quotes doubled.
 * Lists and maps (provenance included) are JSON; null is an empty field.
 */
import { strToU8, zipSync } from 'fflate';
import type { Graph } from '../../../shared/graph.js';
import { exportFilename, propertyKeys, textOf, type ExportOptions, type ExportResult } from './common.js';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** nodes.csv: id, label, name, then every other property present (first-seen order). */
export function renderNodesCsv(graph: Graph): string {
  const props = ['name', ...propertyKeys(graph.nodes, ['id', 'label', 'name'])];
  let out = csvRow(['id', 'label', ...props]);
  for (const n of graph.nodes) out += csvRow([n.id, n.label, ...props.map((p) => textOf(n.properties[p]) ?? '')]);
  return out;
}

/** edges.csv: id, type, source, target, then every other property present (first-seen order). */
export function renderEdgesCsv(graph: Graph): string {
  const props = propertyKeys(graph.edges, ['id', 'type', 'source', 'target']);
  let out = csvRow(['id', 'type', 'source', 'target', ...props]);
  for (const e of graph.edges) out += csvRow([e.id, e.type, e.source, e.target, ...props.map((p) => textOf(e.properties[p]) ?? '')]);
  return out;
}

/** A zip holding nodes.csv and edges.csv. The zip entries carry a fixed timestamp so the output is deterministic. */
export function renderCsvZip(graph: Graph, opts: ExportOptions = {}): ExportResult {
  const mtime = new Date(Date.UTC(2000, 0, 1));
  const body = zipSync(
    {
      'nodes.csv': [strToU8(renderNodesCsv(graph)), { mtime }],
      'edges.csv': [strToU8(renderEdgesCsv(graph)), { mtime }],
    },
    { level: 6 },
  );
  return { body, filename: exportFilename(opts, 'zip') };
}
