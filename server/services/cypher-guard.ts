/**
 * The first wall for ad-hoc Cypher: the query is parsed with Neo4j's grammar
 * and allowed only when every clause, function and procedure in the parse tree
 * is on an allow-list of reads. The decision is made on the tree, not on text:
 * the engine's own lexer rules (escapes in backticks, comments, strings) are the
 * grammar's, so nothing can hide from the guard in a token the guard reads
 * differently. What the Neo4j grammar cannot parse (Kùzu-only syntax such as
 * `LOAD FROM`, `COPY`, `CALL threads=1`) is refused as not valid Cypher.
 *
 * Limits on length, tokens and nesting are checked on the lexer's tokens before
 * parsing, so that no input can make the (recursive) parser run long or deep.
 */
import { ErrorNode, ParserRuleContext, type ParseTree, type Token } from 'antlr4ng';
import { JejakError, badQuery, badRequest, writeRefused } from '../../shared/errors.js';
import { cypherGrammar, lexCypher, parseCypher, type Grammar, type SyntaxProblem } from './cypher-parser.js';
import { READ_PROCEDURES, procedureRefused } from '../../shared/read-procedures.js';

export interface CypherTextLimits {
  /** Characters (JEJAK_CYPHER_MAX_LENGTH). */
  maxLength: number;
  /** Lexical tokens, comments and blanks excluded (JEJAK_CYPHER_MAX_TOKENS). */
  maxTokens: number;
  /** Brackets and CASE … END inside one another (JEJAK_CYPHER_MAX_NESTING). */
  maxNesting: number;
}

/** Reading clauses, by grammar rule, with the names users know them by. */
const READING_CLAUSES: Record<string, string> = {
  matchClause: 'MATCH',
  withClause: 'WITH',
  unwindClause: 'UNWIND',
  returnClause: 'RETURN',
  orderBySkipLimitClause: 'ORDER BY / SKIP / LIMIT',
  callClause: 'CALL of an allowed procedure',
  subqueryClause: 'CALL { … } of reading clauses',
};

export const ALLOWED_CLAUSES = 'MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL of an allowed procedure';

/** Clauses that write, refused as writes; the rest of the grammar is refused as not allowed. */
const WRITING_CLAUSES: Record<string, string> = {
  createClause: 'CREATE',
  insertClause: 'INSERT',
  mergeClause: 'MERGE',
  deleteClause: 'DELETE',
  setClause: 'SET',
  removeClause: 'REMOVE',
  foreachClause: 'FOREACH',
};

const OTHER_CLAUSES: Record<string, string> = {
  loadCSVClause: 'LOAD CSV (file and URL access)',
  useClause: 'USE (graph selection)',
  finishClause: 'FINISH',
  filterClause: 'FILTER',
  letClause: 'LET',
  forListClause: 'FOR',
  composableCommandClauses: 'SHOW / TERMINATE commands',
};

/**
 * Scalar, list, aggregate, temporal and spatial functions of Neo4j 5 plus the
 * Kùzu spellings people use on the embedded engine, lower-cased. None touches
 * the file system, the network or the database's settings.
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(
  [
    // aggregates
    'avg', 'collect', 'count', 'max', 'min', 'percentilecont', 'percentiledisc', 'stdev', 'stdevp', 'sum',
    // graph and lists
    'coalesce', 'elementid', 'endnode', 'head', 'id', 'keys', 'labels', 'last', 'length', 'nodes', 'properties', 'range',
    'relationships', 'reverse', 'size', 'startnode', 'tail', 'type', 'isempty', 'exists', 'all', 'any', 'none', 'single',
    'tobooleanlist', 'tofloatlist', 'tointegerlist', 'tostringlist', 'valuetype', 'reduce',
    // numbers
    'abs', 'ceil', 'floor', 'isnan', 'rand', 'round', 'sign', 'e', 'exp', 'log', 'log10', 'sqrt', 'pi', 'acos', 'asin',
    'atan', 'atan2', 'cos', 'cot', 'degrees', 'haversin', 'radians', 'sin', 'tan',
    // strings and conversion
    'left', 'ltrim', 'replace', 'right', 'rtrim', 'split', 'substring', 'tolower', 'toupper', 'trim', 'btrim', 'lower',
    'upper', 'normalize', 'char_length', 'character_length', 'tostring', 'tostringornull', 'toboolean', 'tobooleanornull',
    'tofloat', 'tofloatornull', 'tointeger', 'tointegerornull',
    // temporal and spatial
    'date', 'datetime', 'localdatetime', 'localtime', 'time', 'duration', 'timestamp', 'date.truncate', 'datetime.truncate',
    'localdatetime.truncate', 'duration.between', 'duration.inmonths', 'duration.indays', 'duration.inseconds', 'point',
    'point.distance', 'point.withinbbox', 'distance',
    // Kùzu spellings
    'label', 'rels', 'contains', 'starts_with', 'ends_with', 'concat', 'list_contains', 'list_concat', 'list_sort',
    'list_distinct', 'list_unique', 'list_extract', 'array_extract', 'string_split', 'lcase', 'ucase', 'prefix', 'suffix',
    'regexp_matches', 'regexp_replace', 'date_part', 'current_date', 'current_timestamp', 'cast', 'struct_extract',
    'is_trail', 'is_acyclic', 'cost', 'repeat', 'lpad', 'rpad', 'reverse', 'initcap', 'levenshtein',
  ],
);

/** A syntax error, said as one: where it is and what the grammar found there. */
function syntaxError(p: SyntaxProblem): JejakError {
  // ANTLR lists every token it would have taken; the list is noise to a person.
  const message = p.message.replace(/ expecting \{[^}]*\}$/, '').replace(/ expecting .{80,}$/, '');
  return badQuery(`not valid Cypher: ${message} (line ${p.line}, column ${p.column})`);
}

const OPENERS = new Set(['(', '[', '{', 'CASE']);
const CLOSERS = new Set([')', ']', '}', 'END']);

/** Refuses, from the tokens alone, input too long, too many tokens or nested too deep. */
export function checkCypherLimits(grammar: Grammar, query: string, limits: CypherTextLimits): Token[] {
  if (query.length > limits.maxLength)
    throw badRequest(`body field 'query' is ${query.length} characters long; at most ${limits.maxLength} are allowed (JEJAK_CYPHER_MAX_LENGTH)`, { param: 'query' });
  const { tokens, problems } = lexCypher(grammar, query);
  if (problems.length > 0) throw syntaxError(problems[0]);
  let depth = 0;
  for (const t of tokens) {
    const text = (t.text ?? '').toUpperCase();
    if (OPENERS.has(text)) {
      depth++;
      if (depth > limits.maxNesting)
        throw badRequest(
          `the query nests brackets or CASE more than ${limits.maxNesting} deep (line ${t.line}, column ${t.column + 1}); at most ${limits.maxNesting} levels are allowed (JEJAK_CYPHER_MAX_NESTING)`,
          { param: 'query' },
        );
    } else if (CLOSERS.has(text)) depth = Math.max(0, depth - 1);
  }
  if (tokens.length > limits.maxTokens)
    throw badRequest(`the query has ${tokens.length} tokens; at most ${limits.maxTokens} are allowed (JEJAK_CYPHER_MAX_TOKENS)`, { param: 'query' });
  return tokens;
}

/** A qualified name as the engine reads it: backticks removed (a doubled one is a literal backtick), lower-cased. */
function qualifiedName(ctx: ParserRuleContext): string {
  const parts: string[] = [];
  const walk = (node: ParseTree): void => {
    if (node instanceof ParserRuleContext) for (const c of node.children) walk(c);
    else {
      const text = node.getText();
      if (text === '.') return;
      parts.push(text.startsWith('`') && text.endsWith('`') && text.length >= 2 ? text.slice(1, -1).replaceAll('``', '`') : text);
    }
  };
  walk(ctx);
  return parts.join('.').toLowerCase();
}

function childRule(ctx: ParserRuleContext, ruleNames: readonly string[], name: string): ParserRuleContext | undefined {
  return ctx.children.find((c): c is ParserRuleContext => c instanceof ParserRuleContext && ruleNames[c.ruleIndex] === name);
}

/** Throws 400 unless the parse tree holds only allowed reading clauses, functions and procedures. */
function checkTree(tree: ParserRuleContext, ruleNames: readonly string[]): void {
  const statements = tree.children.filter((c) => c instanceof ParserRuleContext);
  if (statements.length > 1) throw badRequest('send one Cypher statement at a time (found more after a ;)', { param: 'query' });
  if (statements.length === 0) throw badRequest("body field 'query' holds no Cypher (only comments or blanks)", { param: 'query' });
  // An explicit stack: the tree's depth is bounded by the limits, but the walk need not recurse anyway.
  const stack: ParseTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof ErrorNode) throw badQuery(`not valid Cypher: unexpected '${node.getText()}'`);
    if (!(node instanceof ParserRuleContext)) continue;
    const rule = ruleNames[node.ruleIndex];
    switch (rule) {
      case 'consoleCommand':
        throw badQuery('ad-hoc Cypher may not use console commands (:…)');
      case 'preparserOption':
        throw badQuery(`send the query without ${node.getText().toUpperCase().match(/^[A-Z]+/)?.[0] ?? 'its prefix'}: EXPLAIN, PROFILE and CYPHER options are not allowed`);
      case 'command':
        throw writeRefused(`ad-hoc Cypher is read-only: schema and administration commands are not allowed (only ${ALLOWED_CLAUSES})`);
      case 'localDefinition':
        throw badQuery(`ad-hoc Cypher may not use DEFINE (only ${ALLOWED_CLAUSES})`);
      case 'when':
        throw badQuery(`ad-hoc Cypher may not use WHEN … THEN conditional queries (only ${ALLOWED_CLAUSES})`);
      case 'nextStatement':
        if (node.children.filter((c) => c instanceof ParserRuleContext).length > 1) throw badQuery(`ad-hoc Cypher may not use NEXT (only ${ALLOWED_CLAUSES})`);
        break;
      case 'subqueryInTransactionsParameters':
        throw writeRefused('ad-hoc Cypher is read-only: CALL { … } IN TRANSACTIONS is not allowed');
      case 'clause': {
        const inner = node.children.find((c) => c instanceof ParserRuleContext);
        const name = inner ? ruleNames[inner.ruleIndex] : '';
        if (WRITING_CLAUSES[name]) throw writeRefused(`ad-hoc Cypher is read-only: ${WRITING_CLAUSES[name]} is not allowed (only ${ALLOWED_CLAUSES})`);
        if (!READING_CLAUSES[name]) throw badQuery(`ad-hoc Cypher may not use ${OTHER_CLAUSES[name] ?? name} (only ${ALLOWED_CLAUSES})`);
        break;
      }
      case 'useClause':
      case 'loadCSVClause':
        throw badQuery(`ad-hoc Cypher may not use ${OTHER_CLAUSES[rule]} (only ${ALLOWED_CLAUSES})`);
      case 'callClause': {
        const nameCtx = childRule(node, ruleNames, 'procedureName');
        const name = nameCtx ? qualifiedName(nameCtx) : '';
        if (!READ_PROCEDURES.has(name)) throw procedureRefused(name, READ_PROCEDURES);
        break;
      }
      case 'functionInvocation': {
        const nameCtx = childRule(node, ruleNames, 'functionName');
        const name = nameCtx ? qualifiedName(nameCtx) : '';
        if (!ALLOWED_FUNCTIONS.has(name)) throw badQuery(`ad-hoc Cypher may not call the function ${name || '(unnamed)'}: it is not on the allow-list of read-only functions`);
        break;
      }
    }
    for (const c of node.children) stack.push(c);
  }
}

/**
 * Throws a 400 for anything a read-only explorer refuses before asking the
 * engine: over a limit, not valid Cypher, more than one statement, or any
 * clause, function or procedure that is not on the allow-list.
 */
export async function guardAdHocCypher(query: string, limits: CypherTextLimits): Promise<void> {
  const grammar = await cypherGrammar();
  const tokens = checkCypherLimits(grammar, query, limits);
  if (tokens.length === 0) throw badRequest("body field 'query' holds no Cypher (only comments or blanks)", { param: 'query' });
  let parsed;
  try {
    parsed = parseCypher(grammar, query);
  } catch (err) {
    // The limits keep the parser's recursion shallow; should the stack still run out, that is the query's fault.
    if (err instanceof RangeError) throw badRequest(`the query is too deeply nested to parse; lower its nesting (JEJAK_CYPHER_MAX_NESTING is ${limits.maxNesting})`, { param: 'query' });
    throw err;
  }
  if (parsed.problems.length > 0) throw syntaxError(parsed.problems[0]);
  checkTree(parsed.tree, parsed.ruleNames);
}
