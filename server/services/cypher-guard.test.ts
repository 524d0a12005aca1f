import { describe, expect, it } from 'vitest';
import { codeTokens, guardAdHocCypher } from './cypher-guard.js';

describe('guardAdHocCypher', () => {
  it.each([
    'MATCH (n) RETURN n',
    '  // a comment\n  MATCH (n) RETURN n;',
    'OPTIONAL MATCH (n) RETURN n',
    "RETURN 'CREATE (x); DROP TABLE y' AS s",
    'UNWIND [1, 2] AS x RETURN x',
    'CALL show_tables() RETURN *',
  ])('lets a read through: %s', (q) => {
    expect(() => guardAdHocCypher(q)).not.toThrow();
  });

  it.each([
    ["CREATE (:Person {id: 'x'})", /starts with CREATE/],
    ['/* MATCH */ DROP TABLE Person', /starts with DROP/],
    ["COPY Person FROM '/tmp/x.csv'", /starts with COPY/],
    ["EXPORT DATABASE '/tmp/out'", /starts with EXPORT/],
    ["LOAD FROM '/etc/passwd' RETURN *", /starts with LOAD/],
    ["MATCH (n) WITH n LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", /read files/],
    ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', /one Cypher statement/],
    ['EXPLAIN MATCH (n) RETURN n', /without EXPLAIN/],
    ['// only a comment', /no Cypher/],
    ['ＣＲＥＡＴＥ (n)', /starts with ＣＲＥＡＴＥ/],
  ])('refuses %s', (q, message) => {
    expect(() => guardAdHocCypher(q as string)).toThrow(message as RegExp);
  });

  it('skips comments and string literals when tokenising', () => {
    expect(codeTokens("MATCH (n) // CREATE\nWHERE n.name = 'DELETE' /* SET */ RETURN n")).toEqual([
      'MATCH', '(', 'N', ')', 'WHERE', 'N', '.', 'NAME', '=', 'STRING', 'RETURN', 'N',
    ]);
  });
});
