/**
 * A lexical first line of defence for ad-hoc Cypher. The engines decide what
 * writes (see Store.assertReadOnly); this refuses, before the engine sees the
 * query, what no read-only explorer should run at all: statements that do not
 * start with a reading clause (DDL, COPY, EXPORT, LOAD, INSTALL, USE …),
 * several statements at once, and LOAD CSV (file access). Comments and string
 * literals are skipped, so keywords hidden in them neither pass nor block.
 */
import { badRequest, writeRefused } from '../../shared/errors.js';

export const READING_CLAUSES = ['MATCH', 'OPTIONAL', 'WITH', 'UNWIND', 'RETURN', 'CALL'] as const;

/** The query's code tokens (words and single punctuation), without comments and literals. */
export function codeTokens(query: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    const next = query[i + 1];
    if (ch === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? query.length : end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < query.length && query[j] !== ch) j += query[j] === '\\' ? 2 : 1;
      tokens.push(ch === '`' ? 'IDENT' : 'STRING');
      i = j + 1;
    } else if (/[\p{L}\p{N}_$]/u.test(ch)) {
      let j = i;
      while (j < query.length && /[\p{L}\p{N}_$]/u.test(query[j])) j++;
      tokens.push(query.slice(i, j).toUpperCase());
      i = j;
    } else {
      if (!/\s/u.test(ch)) tokens.push(ch);
      i++;
    }
  }
  return tokens;
}

/** Throws a 400 for anything a read-only explorer refuses before asking the engine. */
export function guardAdHocCypher(query: string): void {
  const tokens = codeTokens(query);
  if (tokens.length === 0) throw badRequest("body field 'query' holds no Cypher (only comments or blanks)", { param: 'query' });
  const semicolon = tokens.indexOf(';');
  if (semicolon >= 0 && semicolon < tokens.length - 1) throw badRequest('send one Cypher statement at a time (found more after a ;)', { param: 'query' });
  const first = tokens[0];
  if (first === 'EXPLAIN' || first === 'PROFILE') throw badRequest('send the query without EXPLAIN or PROFILE', { param: 'query' });
  if (!(READING_CLAUSES as readonly string[]).includes(first))
    throw writeRefused(`ad-hoc Cypher is read-only: a query must start with ${READING_CLAUSES.join(', ')} (this one starts with ${first})`);
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i] === 'LOAD' && (tokens[i + 1] === 'CSV' || tokens[i + 1] === 'FROM' || tokens[i + 1] === 'WITH'))
      throw writeRefused('ad-hoc Cypher may not read files (LOAD CSV / LOAD FROM)');
  }
}
