/**
 * Helpers shared by the export formats: options, file names, property
 * columns and value typing. Every format is a pure function Graph → file.
 */
import type { GraphEdge, GraphNode, PlainValue } from '../../../shared/graph.js';

export type CypherDialect = 'neo4j' | 'kuzu';

export interface ExportOptions {
  /** File name without extension; sanitised. Defaults to `jejak-subgraph`. */
  basename?: string;
  /** Cypher only: target engine. Defaults to `neo4j`. */
  dialect?: CypherDialect;
  /** Cypher only: emit DDL first (Kùzu tables / Neo4j uniqueness constraints). Default: true for kuzu, false for neo4j. */
  includeSchema?: boolean;
  /** Cytoscape JSON only: indent the output. Default false. */
  pretty?: boolean;
}

export interface ExportResult {
  /** Text formats return a UTF-8 string; the CSV bundle returns zip bytes. */
  body: string | Uint8Array;
  filename: string;
}

export const DEFAULT_BASENAME = 'jejak-subgraph';

/** Keeps letters, digits, dot, dash and underscore; everything else becomes `-`. */
export function safeBasename(name: string | undefined): string {
  const cleaned = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return cleaned || DEFAULT_BASENAME;
}

export function exportFilename(opts: ExportOptions | undefined, extension: string): string {
  return `${safeBasename(opts?.basename)}.${extension}`;
}

/** Ordered union of the property names of the given items (first-seen order). */
export function propertyKeys(items: ReadonlyArray<GraphNode | GraphEdge>, exclude: readonly string[] = []): string[] {
  const keys = new Set<string>();
  for (const item of items) for (const key of Object.keys(item.properties)) if (!exclude.includes(key)) keys.add(key);
  return [...keys];
}

/** The scalar column type that can hold every non-null value of a property. */
export type ColumnType = 'boolean' | 'long' | 'double' | 'string';

export function columnType(values: Iterable<PlainValue | undefined>): ColumnType {
  let type: ColumnType | null = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    let t: ColumnType;
    if (typeof v === 'boolean') t = 'boolean';
    else if (typeof v === 'number' && Number.isFinite(v)) t = Number.isSafeInteger(v) ? 'long' : 'double';
    else t = 'string';
    if (type === null || type === t) type = t;
    else if ((type === 'long' && t === 'double') || (type === 'double' && t === 'long')) type = 'double';
    else return 'string';
  }
  return type ?? 'string';
}

/**
 * A property value as text: strings as they are, numbers and booleans in
 * their JSON form, lists and maps as JSON. Null and undefined are `null`.
 */
export function textOf(value: PlainValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

/** Removes characters XML 1.0 cannot carry at all (C0 controls other than tab, newline, CR; lone surrogates; U+FFFE/U+FFFF). */
export function stripInvalidXmlChars(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Escapes text for XML element content; CR is kept as a reference so parsers do not fold it. */
export function xmlText(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes text for a double-quoted XML attribute; whitespace is kept as references so attribute normalisation does not fold it. */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** One typed column (GraphML key, GEXF attribute) of nodes or edges. */
export interface Column {
  id: string;
  name: string;
  type: ColumnType;
  get: (item: GraphNode | GraphEdge) => PlainValue | undefined;
}

/**
 * The columns of a set of nodes or edges: the reserved ones first (label,
 * type), then one per property present, typed from its values. `exclude`
 * names properties the format carries elsewhere (the element id, …).
 */
export function columnsFor(
  items: ReadonlyArray<GraphNode | GraphEdge>,
  prefix: string,
  reserved: ReadonlyArray<{ name: string; get: (item: GraphNode | GraphEdge) => PlainValue }>,
  exclude: readonly string[],
): Column[] {
  const columns: Column[] = reserved.map((r, i) => ({ id: `${prefix}${i}`, name: r.name, type: 'string', get: r.get }));
  for (const name of propertyKeys(items, [...exclude, ...reserved.map((r) => r.name)])) {
    columns.push({ id: `${prefix}${columns.length}`, name, type: columnType(items.map((item) => item.properties[name])), get: (item) => item.properties[name] });
  }
  return columns;
}
