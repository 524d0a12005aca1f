import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';
import { JejakError } from '../../shared/errors.js';
import { guardAdHocCypher } from './cypher-guard.js';

const limits = loadConfig({}).cypher;

/** The guard's verdict as code and message, or 'allowed'. */
async function verdict(query: string, l = limits): Promise<{ code: string; status: number; message: string } | 'allowed'> {
  try {
    await guardAdHocCypher(query, l);
    return 'allowed';
  } catch (err) {
    if (!(err instanceof JejakError)) throw err;
    return { code: err.code, status: err.status, message: err.message };
  }
}

describe('guardAdHocCypher: allow-list on the parse tree', () => {
  it.each([
    'MATCH (n) RETURN n',
    '  // a comment\n  MATCH (n) RETURN n;',
    'OPTIONAL MATCH (n) RETURN n',
    "RETURN 'CREATE (x); DROP TABLE y' AS s",
    'UNWIND [1, 2] AS x RETURN x',
    'MATCH (n:Person) WHERE n.name STARTS WITH $p RETURN n.name AS name ORDER BY name SKIP 1 LIMIT $n',
    'MATCH (a)-[r]->(b) RETURN type(r) AS t, count(*) AS c ORDER BY c DESC',
    'MATCH (a:Person) RETURN a.id UNION MATCH (b:State) RETURN b.id',
    'MATCH (a) WITH a, size([(a)--() | 1]) AS degree WHERE degree > 2 RETURN a.id, degree',
    'MATCH (a) WHERE EXISTS { MATCH (a)-->(:State) } RETURN a.id',
    'CALL show_tables() RETURN *',
    'CALL db.labels() YIELD label RETURN label',
    'MATCH (a)-[r]->(b) RETURN label(r) AS t LIMIT 3',
    'MATCH p = shortestPath((a:Person)-[*..3]-(b:State)) RETURN length(p)',
  ])('lets a read through: %s', async (q) => {
    expect(await verdict(q)).toBe('allowed');
  });

  it.each([
    // The reported exploit: the old lexical guard took \ as an escape inside backticks, the engine did not.
    ["WITH 1 AS `a\\` LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN * LIMIT $n //`", 'BAD_QUERY', "not valid Cypher: missing CSV at 'FROM' (line 1, column 21)"],
    ["WITH 1 AS `a\\` LOAD FROM '/proc/self/environ' (file_format='csv', header=false) RETURN * //`", 'BAD_QUERY', "not valid Cypher: missing CSV at 'FROM' (line 1, column 21)"],
    ["LOAD FROM '/etc/passwd' RETURN *", 'BAD_QUERY', "not valid Cypher: missing CSV at 'FROM' (line 1, column 6)"],
    ['MATC (n) RETURN n', 'BAD_QUERY', "not valid Cypher: mismatched input 'MATC' (line 1, column 1)"],
    ["COPY Person FROM '/tmp/x.csv'", 'BAD_QUERY', "not valid Cypher: mismatched input 'COPY' (line 1, column 1)"],
    ['CALL threads=1', 'BAD_QUERY', "not valid Cypher: mismatched input '=' (line 1, column 13)"],
  ])('refuses what the Neo4j grammar cannot parse as a syntax error: %s', async (q, code, message) => {
    expect(await verdict(q)).toEqual({ code, status: 400, message });
  });

  const only = 'only MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL of an allowed procedure';
  it.each([
    ["CREATE (:Person {id: 'x'})", 'WRITE_REFUSED', `ad-hoc Cypher is read-only: CREATE is not allowed (${only})`],
    ["MATCH (n) WITH n MERGE (:State {id: 'z'})", 'WRITE_REFUSED', `ad-hoc Cypher is read-only: MERGE is not allowed (${only})`],
    ['MATCH (n) DETACH DELETE n', 'WRITE_REFUSED', `ad-hoc Cypher is read-only: DELETE is not allowed (${only})`],
    ["MATCH (n) SET n.name = 'x' RETURN n", 'WRITE_REFUSED', `ad-hoc Cypher is read-only: SET is not allowed (${only})`],
    ['MATCH (n) CALL { WITH n DETACH DELETE n } RETURN 1', 'WRITE_REFUSED', `ad-hoc Cypher is read-only: DELETE is not allowed (${only})`],
    ['MATCH (n) CALL (n) { MATCH (n)--(m) RETURN m } IN TRANSACTIONS RETURN m', 'WRITE_REFUSED', 'ad-hoc Cypher is read-only: CALL { … } IN TRANSACTIONS is not allowed'],
    ['MATCH (n) WHERE EXISTS { CREATE (x) } RETURN n', 'WRITE_REFUSED', `ad-hoc Cypher is read-only: CREATE is not allowed (${only})`],
    ['CREATE INDEX FOR (n:Person) ON (n.name)', 'WRITE_REFUSED', `ad-hoc Cypher is read-only: schema and administration commands are not allowed (${only})`],
    ['DROP DATABASE neo4j', 'WRITE_REFUSED', `ad-hoc Cypher is read-only: schema and administration commands are not allowed (${only})`],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'BAD_QUERY', `ad-hoc Cypher may not use LOAD CSV (file and URL access) (${only})`],
    ["MATCH (n) WITH n LOAD CSV FROM 'https://example.org/x' AS l RETURN l", 'BAD_QUERY', `ad-hoc Cypher may not use LOAD CSV (file and URL access) (${only})`],
    ['SHOW TRANSACTIONS', 'BAD_QUERY', `ad-hoc Cypher may not use SHOW / TERMINATE commands (${only})`],
    ['USE system MATCH (n) RETURN n', 'BAD_QUERY', `ad-hoc Cypher may not use USE (graph selection) (${only})`],
    ['EXPLAIN MATCH (n) RETURN n', 'BAD_QUERY', 'send the query without EXPLAIN: EXPLAIN, PROFILE and CYPHER options are not allowed'],
    ['PROFILE MATCH (n) RETURN n', 'BAD_QUERY', 'send the query without PROFILE: EXPLAIN, PROFILE and CYPHER options are not allowed'],
    ["CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value", 'BAD_QUERY', 'ad-hoc Cypher may not call the procedure apoc.load.json: only db.labels, db.relationshiptypes, db.propertykeys, db.schema.visualization, show_tables, table_info, show_connection, db_version are allowed'],
    ["CALL `apoc`.`load`.json('x') YIELD value RETURN value", 'BAD_QUERY', 'ad-hoc Cypher may not call the procedure apoc.load.json: only db.labels, db.relationshiptypes, db.propertykeys, db.schema.visualization, show_tables, table_info, show_connection, db_version are allowed'],
    ["CALL READ_CSV_SERIAL('x') RETURN *", 'BAD_QUERY', 'ad-hoc Cypher may not call the procedure read_csv_serial: only db.labels, db.relationshiptypes, db.propertykeys, db.schema.visualization, show_tables, table_info, show_connection, db_version are allowed'],
    ["CALL dbms.setConfigValue('x', 'y')", 'BAD_QUERY', 'ad-hoc Cypher may not call the procedure dbms.setconfigvalue: only db.labels, db.relationshiptypes, db.propertykeys, db.schema.visualization, show_tables, table_info, show_connection, db_version are allowed'],
    ["RETURN apoc.util.sleep(100000)", 'BAD_QUERY', 'ad-hoc Cypher may not call the function apoc.util.sleep: it is not on the allow-list of read-only functions'],
    ["MATCH (n) RETURN n; MATCH (m) DETACH DELETE m", 'BAD_REQUEST', 'send one Cypher statement at a time (found more after a ;)'],
    ['// only a comment', 'BAD_REQUEST', "body field 'query' holds no Cypher (only comments or blanks)"],
  ])('refuses %s', async (q, code, message) => {
    expect(await verdict(q)).toEqual({ code, status: 400, message });
  });
});

describe('guardAdHocCypher: limits before parsing', () => {
  it('refuses 3,000 nested parentheses by the nesting limit, naming it', async () => {
    const q = `RETURN ${'('.repeat(3000)}1${')'.repeat(3000)}`;
    expect(await verdict(q)).toEqual({
      code: 'BAD_REQUEST',
      status: 400,
      message: 'the query nests brackets or CASE more than 32 deep (line 1, column 40); at most 32 levels are allowed (JEJAK_CYPHER_MAX_NESTING)',
    });
  });

  it('lets nesting up to the limit through', async () => {
    expect(await verdict(`RETURN ${'('.repeat(32)}1${')'.repeat(32)}`)).toBe('allowed');
  });

  it('refuses RETURN 1+1+… with 10,000 terms by the length limit', async () => {
    const q = `RETURN ${Array(10_000).fill('1').join('+')}`;
    expect(await verdict(q)).toEqual({
      code: 'BAD_REQUEST',
      status: 400,
      message: "body field 'query' is 20006 characters long; at most 20000 are allowed (JEJAK_CYPHER_MAX_LENGTH)",
    });
  });

  it('refuses too many tokens even within the length limit', async () => {
    const q = `RETURN ${Array(2_500).fill('1').join('+')}`;
    expect(await verdict(q)).toEqual({
      code: 'BAD_REQUEST',
      status: 400,
      message: 'the query has 5000 tokens; at most 4000 are allowed (JEJAK_CYPHER_MAX_TOKENS)',
    });
  });

  it('reads its limits from the configuration', async () => {
    const tight = loadConfig({ JEJAK_CYPHER_MAX_NESTING: '3', JEJAK_CYPHER_MAX_TOKENS: '20', JEJAK_CYPHER_MAX_LENGTH: '100' }).cypher;
    expect(await verdict('RETURN ((((1))))', tight)).toMatchObject({ message: expect.stringContaining('more than 3 deep') });
    expect(await verdict(`RETURN ${Array(20).fill('1').join('+')}`, tight)).toMatchObject({ message: 'the query has 40 tokens; at most 20 are allowed (JEJAK_CYPHER_MAX_TOKENS)' });
    expect(await verdict(`RETURN '${'x'.repeat(100)}'`, tight)).toMatchObject({ message: expect.stringContaining('at most 100 are allowed (JEJAK_CYPHER_MAX_LENGTH)') });
  });
});
