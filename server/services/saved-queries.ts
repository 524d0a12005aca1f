import fs from 'node:fs';
import path from 'node:path';
import type { ParamType, QueryResponse, SavedQueryInfo, SavedQueryParam } from '../../shared/api.js';
import type { PlainValue } from '../../shared/graph.js';
import { isNodeLabel, isRelType } from '../../shared/schema.js';
import { badRequest, notFound } from '../../shared/errors.js';
import { projectPath } from '../../shared/project-root.js';
import type { Engine, RunOptions, Store } from '../../store/store.js';

export const QUERIES_DIR = projectPath('cypher', 'queries');

export interface SavedQuery extends SavedQueryInfo {
  /** Neo4j's dialect: what the user sees and what engines without a variant run. */
  cypher: string;
  /** The query in another engine's dialect where it differs (`<file>.<engine>.cypher`). */
  variants: Partial<Record<Engine, string>>;
  file: string;
}

const ENGINES: readonly Engine[] = ['kuzu', 'neo4j'];
/** `09-shortest-path.kuzu.cypher` is the Kùzu variant of `09-shortest-path.cypher`. */
const VARIANT_FILE = new RegExp(`^(.+)\\.(${ENGINES.join('|')})\\.cypher$`);

/** The Cypher of a variant file: its leading `//` lines explain why it differs and are dropped. */
function variantCypher(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i].startsWith('//') || lines[i].trim() === '')) i++;
  return lines.slice(i).join('\n').trim().replace(/;\s*$/, '');
}

const PARAM_TYPES: readonly ParamType[] = ['string', 'integer', 'float', 'boolean', 'date', 'string[]', 'nodeId', 'relType', 'label'];

/**
 * Parses a saved query file. The header is `//` lines at the top:
 *   // @name treaty-signers
 *   // @title Who signed the treaty, and where
 *   // @description …
 *   // @param agreement: nodeId = "agreement:x" — the agreement
 * A `?` after the type makes a parameter optional (null when absent).
 */
export function parseSavedQuery(text: string, file: string): SavedQuery {
  const lines = text.split('\n');
  const header: string[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i].startsWith('//') || lines[i].trim() === ''); i++) header.push(lines[i].replace(/^\/\/\s?/, ''));
  const cypher = lines.slice(i).join('\n').trim().replace(/;\s*$/, '');
  const tag = (name: string) => header.filter((h) => h.startsWith(`@${name} `)).map((h) => h.slice(name.length + 2).trim());
  const fail = (why: string) => new Error(`${file}: ${why}`);
  const [name] = tag('name');
  if (!name || !/^[a-z0-9-]+$/.test(name)) throw fail('needs an `// @name kebab-case-name` header line');
  if (!cypher) throw fail('has no Cypher after its header');
  const params: SavedQueryParam[] = tag('param').map((p) => {
    const m = /^(\w+)\s*:\s*([\w[\]]+)(\?)?(?:\s*=\s*(.+?))?(?:\s+[—-]+\s+(.*))?$/.exec(p);
    if (!m) throw fail(`bad @param line '${p}': write '@param name: type = default — description'`);
    const [, pname, type, optional, def, description = ''] = m;
    if (!PARAM_TYPES.includes(type as ParamType)) throw fail(`@param ${pname}: unknown type ${type}; use one of ${PARAM_TYPES.join(', ')}`);
    let parsedDefault: PlainValue | undefined;
    if (def !== undefined) {
      try {
        parsedDefault = JSON.parse(def) as PlainValue;
      } catch {
        throw fail(`@param ${pname}: default ${def} is not JSON`);
      }
    }
    return { name: pname, type: type as ParamType, description, ...(parsedDefault !== undefined ? { default: parsedDefault } : {}), required: !optional && parsedDefault === undefined };
  });
  return { name, title: tag('title')[0] ?? name, description: tag('description').join(' '), params, cypher, variants: {}, file };
}

export function loadSavedQueries(dir = QUERIES_DIR): SavedQuery[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  const queries = files.filter((f) => !VARIANT_FILE.test(f)).map((f) => parseSavedQuery(fs.readFileSync(path.join(dir, f), 'utf8'), f));
  const byFile = new Map(queries.map((q) => [q.file, q]));
  for (const f of files) {
    const m = VARIANT_FILE.exec(f);
    if (!m) continue;
    const query = byFile.get(`${m[1]}.cypher`);
    if (!query) throw new Error(`${f}: a variant of ${m[1]}.cypher, which does not exist`);
    query.variants[m[2] as Engine] = variantCypher(fs.readFileSync(path.join(dir, f), 'utf8'));
  }
  return queries;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return DATE.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Checks one value against its declared type; the error names the parameter and the type wanted. */
export function coerceParam(param: SavedQueryParam, value: unknown): PlainValue {
  const fail = (want: string) => badRequest(`parameter '${param.name}' must be ${want} (got ${JSON.stringify(value)?.slice(0, 60)})`, { param: param.name });
  switch (param.type) {
    case 'string':
    case 'nodeId':
      if (typeof value !== 'string' || value.length > 1000) throw fail('a string of at most 1000 characters');
      return value;
    case 'integer': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw fail('an integer');
      return n;
    }
    case 'float': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw fail('a number');
      return n;
    }
    case 'boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw fail('true or false');
    case 'date':
      if (typeof value !== 'string' || !isRealDate(value)) throw fail('a date YYYY-MM-DD');
      return value;
    case 'string[]': {
      const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
      if (!Array.isArray(list) || list.length > 1000 || !list.every((s) => typeof s === 'string')) throw fail('a list of strings');
      return list as string[];
    }
    case 'relType':
      if (typeof value !== 'string' || !isRelType(value)) throw fail('a relationship type of the schema');
      return value;
    case 'label':
      if (typeof value !== 'string' || !isNodeLabel(value)) throw fail('a node label of the schema');
      return value;
  }
}

export function bindParams(query: SavedQueryInfo, input: Record<string, unknown>): Record<string, PlainValue> {
  const known = new Set(query.params.map((p) => p.name));
  const unknown = Object.keys(input).filter((k) => !known.has(k));
  if (unknown.length)
    throw badRequest(`unknown parameter ${unknown.join(', ')} for query '${query.name}'; it takes ${[...known].join(', ') || 'none'}`, { param: unknown[0] });
  const out: Record<string, PlainValue> = {};
  for (const p of query.params) {
    const value = input[p.name];
    if (value === undefined || value === null || value === '') {
      if (p.required) throw badRequest(`parameter '${p.name}' (${p.type}) is required: ${p.description}`, { param: p.name });
      out[p.name] = p.default ?? null;
    } else out[p.name] = coerceParam(p, value);
  }
  return out;
}

export class SavedQueries {
  private readonly byName: Map<string, SavedQuery>;
  constructor(readonly queries: SavedQuery[] = loadSavedQueries()) {
    this.byName = new Map(queries.map((q) => [q.name, q]));
  }
  list(): SavedQueryInfo[] {
    return this.queries.map(({ name, title, description, params }) => ({ name, title, description, params }));
  }
  get(name: string): SavedQuery {
    const q = this.byName.get(name);
    if (!q) throw notFound(`no saved query '${name}'; GET /api/queries lists them`);
    return q;
  }
  async run(store: Store, name: string, input: Record<string, unknown>, options: RunOptions): Promise<QueryResponse> {
    const q = this.get(name);
    const params = bindParams(q, input);
    const started = performance.now();
    const r = await store.runSavedQuery(q, params, options);
    return { engine: store.engine, ...r, elapsedMs: Math.round(performance.now() - started) };
  }
}
