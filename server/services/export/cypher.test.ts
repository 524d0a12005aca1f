import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kuzu, { type Connection, type Database } from 'kuzu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintCypher } from '../../../cypher/lint-cypher.js';
import type { Graph, PlainValue } from '../../../shared/graph.js';
import { provenanceOf } from '../../../shared/graph.js';
import { LABELS, REL_PROPS, isNodeLabel } from '../../../shared/schema.js';
import { kuzuSchemaStatements } from '../../../store/kuzu/schema.js';
import { cypherString, renderCypher, splitCypherScript, toCypherScript } from './cypher.js';
import { fixtureGraph, SIGNED_EDGE_ID, TRICKY_QUOTE } from './fixture.test-data.js';

/** Kùzu values back to the plain JSON of the fixture: DATE → 'YYYY-MM-DD', internal fields and nulls dropped. */
function plain(record: Record<string, unknown>): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [k, v] of Object.entries(record)) {
    if (k.startsWith('_') || v === null || v === undefined) continue;
    out[k] = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'bigint' ? Number(v) : (v as PlainValue);
  }
  return out;
}

function onlyDeclared(props: Record<string, PlainValue>, names: string[]): Record<string, PlainValue> {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => names.includes(k) && v !== null));
}

/** Neo4j string literal rules, to check what Neo4j would read from our literals. */
function unescapeNeo4j(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return literal
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => (e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : simple[e]));
}

describe('splitCypherScript', () => {
  it('ignores ; inside strings, names and comments', () => {
    const script = [
      "// header; with a semicolon",
      "CREATE (:A {s: 'a;b\\';c', t: \"x;\\\"y\"}); CREATE (:`We;ird` {id: '1'});",
      '/* block; comment */ MATCH (n) RETURN n',
      '',
    ].join('\n');
    expect(splitCypherScript(script)).toEqual([
      "CREATE (:A {s: 'a;b\\';c', t: \"x;\\\"y\"})",
      'CREATE (:`We;ird` {id: \'1\'})',
      'MATCH (n) RETURN n',
    ]);
  });
});

describe('Cypher export, neo4j dialect', () => {
  const script = toCypherScript(fixtureGraph);

  it('writes one statement per line, every line ending with ;', () => {
    const lines = script.trimEnd().split('\n').filter((l) => !l.startsWith('//'));
    expect(lines.length).toBe(fixtureGraph.nodes.length + fixtureGraph.edges.length);
    for (const line of lines) expect(line.endsWith(';')).toBe(true);
    expect(splitCypherScript(script)).toEqual(lines.map((l) => l.slice(0, -1)));
    expect(renderCypher(fixtureGraph).filename).toBe('jejak-subgraph.neo4j.cypher');
  });

  it('writes every property, dates as date(), and MATCHes endpoints by label and id', () => {
    expect(script).toContain("CREATE (:Person {id: 'person:vladimir-putin', name: 'Vladimir Putin', aliases: ['Putin', 'Presiden Putin', 'Vladimir Vladimirovich Putin']");
    expect(script).toContain('pagerank: 0.4217, degree: 5');
    expect(script).toContain("dateSigned: date('2024-06-19'), dateInForce: date('2024-12-04')");
    expect(script).toContain("date: date('2024-06-19'), datePrecision: 'day'");
    expect(script).toContain('weight: 2');
    expect(script).toContain("aliases: []");
    expect(script).not.toContain('description: NULL');
    expect(script).toContain(
      "MATCH (a:Person {id: 'person:vladimir-putin'}), (b:Agreement {id: 'agreement:comprehensive-strategic-partnership'}) CREATE (a)-[:SIGNED {id: 'rel:signed:putin:treaty'",
    );
    expect(script).not.toContain('CONSTRAINT');
  });

  it('escapes strings so Neo4j reads the exact quote back', () => {
    const literal = cypherString(TRICKY_QUOTE);
    expect(literal).not.toMatch(/[\n\r]/);
    expect(unescapeNeo4j(literal)).toBe(TRICKY_QUOTE);
    const weird = "a\\b'c\"d\u0001e\u2028f\tg";
    expect(unescapeNeo4j(cypherString(weird))).toBe(weird);
    const signedLine = script.split('\n').find((l) => l.includes(SIGNED_EDGE_ID) && l.startsWith('MATCH'))!;
    expect(signedLine).toContain(`sourceQuotes: [${cypherString(TRICKY_QUOTE)}, `);
    expect(signedLine).toContain('sourceOffsets: [');
  });

  it('passes the Neo4j Cypher linter, constraints included', () => {
    const withSchema = toCypherScript(fixtureGraph, { includeSchema: true });
    expect(withSchema).toContain('CREATE CONSTRAINT jejak_person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;');
    for (const statement of splitCypherScript(withSchema)) expect(lintCypher(statement), statement).toEqual([]);
  });

  it('serialises maps and mixed lists as JSON strings and backticks odd names', () => {
    const g: Graph = {
      nodes: [{ id: 'x', label: 'My Label', properties: { 'odd key': { a: [1, 'b'] }, mixed: [1, 'a'], ok: [1.5, 2] } }],
      edges: [],
    };
    const line = toCypherScript(g).split('\n').find((l) => l.startsWith('CREATE'))!;
    expect(line).toBe('CREATE (:`My Label` {id: \'x\', `odd key`: \'{"a":[1,"b"]}\', mixed: \'[1,"a"]\', ok: [1.5, 2.0]});');
  });
});

describe('Cypher export, kuzu dialect, re-imported into an empty Kùzu database', () => {
  let dir: string;
  let db: Database;
  let conn: Connection;
  const { body, filename } = renderCypher(fixtureGraph, { dialect: 'kuzu' });
  const script = body as string;

  async function rows(query: string): Promise<Record<string, unknown>[]> {
    const result = await conn.query(query);
    const one = Array.isArray(result) ? result[result.length - 1] : result;
    return (await one.getAll()) as Record<string, unknown>[];
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jejak-cypher-export-'));
    db = new kuzu.Database(join(dir, 'db'));
    conn = new kuzu.Connection(db);
    for (const statement of splitCypherScript(script)) {
      try {
        await conn.query(statement);
      } catch (err) {
        throw new Error(`${(err as Error).message}\nin: ${statement}`);
      }
    }
  });

  afterAll(async () => {
    await conn?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the schema from store/kuzu/schema.ts and keeps one statement per line', () => {
    expect(filename).toBe('jejak-subgraph.kuzu.cypher');
    const lines = script.trimEnd().split('\n').filter((l) => !l.startsWith('//'));
    const ddl = kuzuSchemaStatements();
    expect(lines.slice(0, ddl.length)).toEqual(ddl.map((s) => `${s};`));
    expect(lines.length).toBe(ddl.length + fixtureGraph.nodes.length + fixtureGraph.edges.length);
    for (const line of lines) expect(line.endsWith(';')).toBe(true);
    expect(script).not.toContain('pagerank');
    expect(script).toContain("concat('“Perjanjian ini bersifat defensif,” kata Putin & Kim — <script>alert(\"x\")</script>', decode(BLOB('\\\\x0A')), 'It\\'s a \\\\ “breakthrough”, he said.')");
    expect(toCypherScript(fixtureGraph, { dialect: 'kuzu', includeSchema: false })).not.toContain('CREATE NODE TABLE');
  });

  it('recreates every node with its label and schema properties (lists, dates, nulls)', async () => {
    const got = await rows('MATCH (n) RETURN n');
    expect(got.length).toBe(fixtureGraph.nodes.length);
    const byId = new Map(got.map((r) => [(r.n as { id: string }).id, r.n as Record<string, unknown>]));
    for (const node of fixtureGraph.nodes) {
      const n = byId.get(node.id)!;
      expect(n, node.id).toBeDefined();
      expect(n._label).toBe(node.label);
      if (!isNodeLabel(node.label)) throw new Error(node.label);
      const declared = LABELS[node.label].props.map((p) => p.name);
      expect(plain(n)).toEqual({ ...onlyDeclared(node.properties, declared), id: node.id });
    }
    const article = byId.get('article:okezone-2024-06-19')!;
    expect(article.text).toBe(fixtureGraph.nodes[7].properties.text);
  });

  it('recreates every relationship with its type, endpoints and provenance', async () => {
    const got = await rows('MATCH (a)-[r]->(b) RETURN a.id AS source, b.id AS target, label(r) AS type, r');
    expect(got.length).toBe(fixtureGraph.edges.length);
    const declared = REL_PROPS.map((p) => p.name);
    for (const edge of fixtureGraph.edges) {
      const row = got.find((r) => (r.r as { id: string }).id === edge.id)!;
      expect(row, edge.id).toBeDefined();
      expect([row.source, row.target, row.type]).toEqual([edge.source, edge.target, edge.type]);
      expect(plain(row.r as Record<string, unknown>)).toEqual({ ...onlyDeclared(edge.properties, declared), id: edge.id });
    }
    const signed = plain(got.find((r) => (r.r as { id: string }).id === SIGNED_EDGE_ID)!.r as Record<string, unknown>);
    expect((signed.sourceQuotes as string[])[0]).toBe(TRICKY_QUOTE);
    expect(provenanceOf(signed)).toEqual(provenanceOf(fixtureGraph.edges[0].properties));
  });

  it('round-trips strings made of control characters, backslashes and quotes', async () => {
    const weird = ['\n', '\t\r\n', 'a\u0001', '\\n is not a newline', "'\\'", 'x\n', '\ny', 'é\n“”\n'];
    const g: Graph = { nodes: [{ id: "weird'\\id", label: 'Person', properties: { name: weird[0], aliases: weird, role: 'a\\b\tc' } }], edges: [] };
    for (const statement of splitCypherScript(toCypherScript(g, { dialect: 'kuzu', includeSchema: false }))) await conn.query(statement);
    const [row] = await rows("MATCH (p:Person) WHERE p.id = 'weird\\'\\\\id' RETURN p.name AS name, p.aliases AS aliases, p.role AS role");
    expect(row).toEqual({ name: weird[0], aliases: weird, role: 'a\\b\tc' });
    await conn.query("MATCH (p:Person) WHERE p.id = 'weird\\'\\\\id' DELETE p");
  });

  it('leaves out, with a comment, what the Kùzu schema cannot hold', () => {
    const g: Graph = {
      nodes: [
        { id: 's', label: 'State', properties: { name: 'S' } },
        { id: 'u', label: 'Unknown', properties: {} },
        { id: 'p', label: 'Place', properties: { name: 'P' } },
      ],
      edges: [
        { id: 'r1', type: 'SIGNED', source: 's', target: 'p', properties: {} },
        { id: 'r2', type: 'NOT_A_TYPE', source: 's', target: 'p', properties: {} },
        { id: 'r3', type: 'VISITED', source: 's', target: 'missing', properties: {} },
        { id: 'r4', type: 'VISITED', source: 's', target: 'p', properties: { date: 'not a date', sourceOffsets: [3, '4'] } },
      ],
    };
    const lines = toCypherScript(g, { dialect: 'kuzu', includeSchema: false }).trimEnd().split('\n');
    expect(lines).toContain('// skipped node u: label Unknown is not in the schema');
    expect(lines).toContain('// skipped relationship r1: State → Place is not an allowed pair');
    expect(lines).toContain('// skipped relationship r2: unknown relationship type NOT_A_TYPE');
    expect(lines).toContain('// skipped relationship r3: an endpoint is not in the export');
    expect(lines).toContain("MATCH (a:State {id: 's'}), (b:Place {id: 'p'}) CREATE (a)-[:VISITED {id: 'r4', sourceOffsets: [3, 4]}]->(b);");
  });
});
