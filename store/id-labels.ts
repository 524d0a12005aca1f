/**
 * Node ids are `<label>:<slug>` (person:kim-jong-un), so an id names its
 * label. A pattern that looks a node up by id without a label scans every
 * node on both engines; with the label, Kùzu uses its primary key and Neo4j
 * its uniqueness constraint. `withIdLabels` adds the label a parameter's id
 * names, outside string literals, and changes nothing else.
 */
import { isNodeLabel, type NodeLabel } from '../shared/schema.js';

export function labelFromId(id: string): NodeLabel | undefined {
  const prefix = id.split(':')[0];
  const label = prefix.charAt(0).toUpperCase() + prefix.slice(1);
  return isNodeLabel(label) ? label : undefined;
}

const UNLABELLED_ID = /\((\w+)\s*\{\s*id\s*:\s*\$(\w+)\s*\}\s*\)/g;

/** Applies `rewrite` to the code between string literals ('…', "…", `…`) of a Cypher query. */
export function mapCode(query: string, rewrite: (code: string) => string): string {
  let out = '';
  let code = '';
  for (let i = 0; i < query.length; i++) {
    const ch = query[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      out += rewrite(code);
      code = '';
      let j = i + 1;
      while (j < query.length && query[j] !== ch) j += query[j] === '\\' ? 2 : 1;
      out += query.slice(i, j + 1);
      i = j;
    } else code += ch;
  }
  return out + rewrite(code);
}

export function withIdLabels(query: string, params: Record<string, unknown>): string {
  return mapCode(query, (code) =>
    code.replace(UNLABELLED_ID, (whole, variable: string, param: string) => {
      const value = params[param];
      const label = typeof value === 'string' ? labelFromId(value) : undefined;
      return label ? `(${variable}:${label} {id: $${param}})` : whole;
    }),
  );
}
