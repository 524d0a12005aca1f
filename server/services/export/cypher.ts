/**
 * A Cypher script that recreates the subgraph, one statement per line, each
 * ending with `;`. Two dialects:
 *
 * - `neo4j`: every property is written; values the schema types as DATE
 *   become `date('…')`; maps and mixed lists become JSON strings (Neo4j
 *   cannot store them). With `includeSchema`, uniqueness constraints on `id`
 *   come first.
 * - `kuzu`: only properties declared in shared/schema.ts for the label (or
 *   REL_PROPS for relationships) are written, coerced to their declared
 *   type; nodes, relationships and endpoint pairs the schema does not allow
 *   are left out with a comment. The DDL from store/kuzu/schema.ts
 *   comes first unless `includeSchema` is false.
 *
 * `splitCypherScript` cuts such a script (or any script) into statements.
 */
import type { Graph, GraphEdge, GraphNode, PlainValue } from '../../../shared/graph.js';
import {
  LABELS,
  REL_PROPS,
  endpointPairs,
  isNodeLabel,
  isRelType,
  type PropDef,
  type PropType,
} from '../../../shared/schema.js';
import { kuzuSchemaStatements } from '../../../store/kuzu/schema.js';
import { exportFilename, type CypherDialect, type ExportOptions, type ExportResult } from './common.js';

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

function kuzuPlainString(value: string): string {
  return `'${value.replace(/[\\']/g, (ch) => ESCAPES[ch])}'`;
}

/**
 * Kùzu's way to a string holding control characters: the runs of control
 * characters become `decode(BLOB('\\x0A'))` (Kùzu has no `\n` escape), the
 * rest stays a plain literal, and `concat` joins them.
 */
function kuzuConcatString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const parts = value.split(/([\u0000-\u001F\u007F]+)/).filter((part) => part !== '');
  const exprs = parts.map((part) =>
    CONTROL.test(part)
      ? `decode(BLOB('${[...part].map((ch) => `\\\\x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('')}'))`
      : kuzuPlainString(part),
  );
  return exprs.length === 1 ? exprs[0] : `concat(${exprs.join(', ')})`;
}

/**
 * A Cypher string expression that stays on one line.
 *
 * Neo4j: a single-quoted literal with backslash escapes (`\\`, `\'`, `\n`, `\uXXXX`).
 * Kùzu only understands `\\` and `\'` (any other escape just drops the
 * backslash), so a string with control characters such as a newline is
 * written as `concat('…', decode(BLOB('\\x0A')), '…')`, which Kùzu turns back into the exact text.
 */
export function cypherString(value: string, dialect: CypherDialect = 'neo4j'): string {
  if (dialect === 'kuzu') {
    return CONTROL.test(value) ? kuzuConcatString(value) : kuzuPlainString(value);
  }
  // eslint-disable-next-line no-control-regex
  const body = value.replace(/[\\'\u0000-\u001F\u007F\u2028\u2029]/g, (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${body}'`;
}

/** A label, relationship type or property key: bare when it is a plain identifier, else in backticks. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : '`' + name.replace(/`/g, '``') + '`';
}

function numberLiteral(value: number, asDouble: boolean): string | null {
  if (!Number.isFinite(value)) return null;
  let text = String(value).replace('e+', 'e');
  if (asDouble && /^-?\d+$/.test(text)) text += '.0';
  return text;
}

const DATE_RE = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

function dateLiteral(value: PlainValue): string | null {
  const match = typeof value === 'string' ? DATE_RE.exec(value) : null;
  return match ? `date('${match[1]}')` : null;
}

function toText(value: PlainValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function toInteger(value: PlainValue): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** A list literal: each item converted (NULL when it cannot be) and written. */
function listLiteral<T>(value: PlainValue, convert: (v: PlainValue) => T | null, write: (item: T) => string | null): string {
  const items = (Array.isArray(value) ? value : [value]).map(convert);
  return `[${items.map((item) => (item === null ? 'NULL' : (write(item) ?? 'NULL'))).join(', ')}]`;
}

/** A literal of the declared schema type, or null when the value cannot be one (the property is then left out). */
export function typedLiteral(value: PlainValue | undefined, type: PropType, dialect: CypherDialect = 'neo4j'): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'STRING': {
      const text = toText(value);
      return text === null ? null : cypherString(text, dialect);
    }
    case 'STRING[]':
      return listLiteral(value, toText, (t) => cypherString(t, dialect));
    case 'INT64': {
      const n = toInteger(value);
      return n === null ? null : numberLiteral(n, false);
    }
    case 'INT64[]':
      return listLiteral(value, toInteger, (n) => numberLiteral(n, false));
    case 'DOUBLE': {
      const n = typeof value === 'number' ? value : Number(value);
      return typeof value === 'boolean' ? null : numberLiteral(n, true);
    }
    case 'DATE':
      return dateLiteral(value);
    case 'BOOLEAN':
      return typeof value === 'boolean' ? String(value) : value === 'true' || value === 'false' ? value : null;
  }
}

/** A literal for a property the schema does not declare (neo4j dialect): scalars and homogeneous scalar lists as they are, the rest as JSON. */
export function untypedLiteral(value: PlainValue | undefined, dialect: CypherDialect = 'neo4j'): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cypherString(value, dialect);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return numberLiteral(value, !Number.isSafeInteger(value));
  if (Array.isArray(value)) {
    const kinds = new Set(value.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v)));
    if (kinds.size === 0) return '[]';
    if (kinds.size === 1 && ['string', 'boolean'].includes([...kinds][0])) return `[${value.map((v) => untypedLiteral(v, dialect)).join(', ')}]`;
    if (kinds.size === 1 && kinds.has('number') && value.every((v) => Number.isFinite(v))) {
      const asDouble = !value.every((v) => Number.isSafeInteger(v));
      return `[${value.map((v) => numberLiteral(v as number, asDouble)).join(', ')}]`;
    }
  }
  return cypherString(JSON.stringify(value), dialect);
}

function propDefs(defs: readonly PropDef[]): Map<string, PropType> {
  return new Map(defs.map((d) => [d.name, d.type]));
}

/** `{id: '…', name: '…', …}`; `id` always first and taken from the element. */
function mapLiteral(id: string, properties: Record<string, PlainValue>, defs: Map<string, PropType> | null, dialect: CypherDialect): string {
  const parts = [`id: ${cypherString(id, dialect)}`];
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'id') continue;
    const type = defs?.get(key);
    if (dialect === 'kuzu' && !type) continue;
    const literal = type ? typedLiteral(value, type, dialect) : untypedLiteral(value, dialect);
    if (literal !== null) parts.push(`${cypherName(key)}: ${literal}`);
  }
  return `{${parts.join(', ')}}`;
}

function comment(text: string): string {
  // A comment never holds a `;` or a line break, so naive splitters stay correct.
  return `// ${text.replace(/[;\r\n]+/g, ' ')}`;
}

export interface CypherOptions extends ExportOptions {
  dialect?: CypherDialect;
  includeSchema?: boolean;
}

function nodeStatement(node: GraphNode, dialect: CypherDialect): string {
  const defs = isNodeLabel(node.label) ? propDefs(LABELS[node.label].props) : null;
  return `CREATE (:${cypherName(node.label)} ${mapLiteral(node.id, node.properties, defs, dialect)});`;
}

function edgeStatement(edge: GraphEdge, from: GraphNode | undefined, to: GraphNode | undefined, dialect: CypherDialect): string {
  const a = `(a${from ? `:${cypherName(from.label)}` : ''} {id: ${cypherString(edge.source, dialect)}})`;
  const b = `(b${to ? `:${cypherName(to.label)}` : ''} {id: ${cypherString(edge.target, dialect)}})`;
  const props = mapLiteral(edge.id, edge.properties, propDefs(REL_PROPS), dialect);
  return `MATCH ${a}, ${b} CREATE (a)-[:${cypherName(edge.type)} ${props}]->(b);`;
}

/** Why Kùzu cannot take this relationship, or null when it can. */
function kuzuEdgeProblem(edge: GraphEdge, from: GraphNode | undefined, to: GraphNode | undefined): string | null {
  if (!isRelType(edge.type)) return `unknown relationship type ${edge.type}`;
  if (!from || !to) return 'an endpoint is not in the export';
  if (!isNodeLabel(from.label) || !isNodeLabel(to.label)) return 'an endpoint has a label outside the schema';
  const allowed = endpointPairs(edge.type).some(([f, t]) => f === from.label && t === to.label);
  return allowed ? null : `${from.label} → ${to.label} is not an allowed pair`;
}

function neo4jConstraints(graph: Graph): string[] {
  const labels = [...new Set(graph.nodes.map((n) => n.label))];
  return labels.map(
    (label) =>
      `CREATE CONSTRAINT ${cypherName(`jejak_${label.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_id`)} IF NOT EXISTS ` +
      `FOR (n:${cypherName(label)}) REQUIRE n.id IS UNIQUE;`,
  );
}

/** The script text. */
export function toCypherScript(graph: Graph, opts: CypherOptions = {}): string {
  const dialect: CypherDialect = opts.dialect ?? 'neo4j';
  const includeSchema = opts.includeSchema ?? dialect === 'kuzu';
  const lines: string[] = [
    comment(`Jejak subgraph: ${graph.nodes.length} nodes, ${graph.edges.length} relationships, ${dialect === 'kuzu' ? 'Kùzu' : 'Neo4j'} dialect`),
    comment('one statement per line'),
  ];
  if (includeSchema) {
    lines.push(comment('schema'));
    if (dialect === 'kuzu') lines.push(...kuzuSchemaStatements().map((s) => (s.trimEnd().endsWith(';') ? s.trim() : `${s.trim()};`)));
    else lines.push(...neo4jConstraints(graph));
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  lines.push(comment('nodes'));
  for (const node of graph.nodes) {
    if (dialect === 'kuzu' && !isNodeLabel(node.label)) {
      lines.push(comment(`skipped node ${node.id}: label ${node.label} is not in the schema`));
      continue;
    }
    lines.push(nodeStatement(node, dialect));
  }
  lines.push(comment('relationships'));
  for (const edge of graph.edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (dialect === 'kuzu') {
      const problem = kuzuEdgeProblem(edge, from, to);
      if (problem) {
        lines.push(comment(`skipped relationship ${edge.id}: ${problem}`));
        continue;
      }
    }
    lines.push(edgeStatement(edge, from, to, dialect));
  }
  return lines.join('\n') + '\n';
}

export function renderCypher(graph: Graph, opts: CypherOptions = {}): ExportResult {
  const dialect = opts.dialect ?? 'neo4j';
  return { body: toCypherScript(graph, opts), filename: exportFilename(opts, `${dialect}.cypher`) };
}

/**
 * Splits a Cypher script into statements at `;`, ignoring `;` inside
 * '…' and "…" strings (backslash escapes honoured), `…` names and
 * comments. Comments are dropped; statements are trimmed, without the `;`.
 */
export function splitCypherScript(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  const flush = () => {
    const s = current.trim();
    if (s) statements.push(s);
    current = '';
  };
  while (i < script.length) {
    const ch = script[i];
    const next = script[i + 1];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < script.length && script[j] !== ch) j += script[j] === '\\' ? 2 : 1;
      current += script.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '`') {
      let j = i + 1;
      while (j < script.length && script[j] !== '`') j++;
      current += script.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && next === '/') {
      while (i < script.length && script[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 2;
      current += ' ';
    } else if (ch === ';') {
      flush();
      i++;
    } else {
      current += ch;
      i++;
    }
  }
  flush();
  return statements;
}
