/**
 * Neo4j's own Cypher grammar (the ANTLR lexer and parser that
 * @neo4j-cypher/language-support generates), loaded for the ad-hoc Cypher
 * guard. The package does not export its generated parser (only a debug tree
 * without error nodes), so it is loaded from the package's own ESM build, found
 * from the package's resolved entry point. Loading costs ~0.2 s and ~40 MB once;
 * only the lexer, parser and antlr4ng are loaded, not the language service.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BaseErrorListener,
  CharStream,
  CommonTokenStream,
  type Lexer,
  type Parser,
  type ParserRuleContext,
  type Recognizer,
  type Token,
  type TokenStream,
  type ATNSimulator,
} from 'antlr4ng';

interface LexerModule {
  CypherCmdLexer: (new (input: CharStream) => Lexer) & Record<string, number>;
}
interface ParserModule {
  CypherCmdParser: (new (input: TokenStream) => Parser & { statementsOrCommands(): ParserRuleContext }) & Record<string, number>;
}

export interface Grammar {
  Lexer: LexerModule['CypherCmdLexer'];
  Parser: ParserModule['CypherCmdParser'];
}

let loading: Promise<Grammar> | undefined;

/** The generated lexer and parser, loaded once. */
export function cypherGrammar(): Promise<Grammar> {
  loading ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@neo4j-cypher/language-support');
    const dir = path.join(path.dirname(entry), '../esm/project/language-support/src/generated-parser');
    const lexer = (await import(pathToFileURL(path.join(dir, 'CypherCmdLexer.js')).href)) as LexerModule;
    const parser = (await import(pathToFileURL(path.join(dir, 'CypherCmdParser.js')).href)) as ParserModule;
    return { Lexer: lexer.CypherCmdLexer, Parser: parser.CypherCmdParser };
  })();
  return loading;
}

export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

class Collect extends BaseErrorListener {
  readonly problems: SyntaxProblem[] = [];
  override syntaxError<S extends Token, T extends ATNSimulator>(_r: Recognizer<T>, _s: S | null, line: number, column: number, msg: string): void {
    this.problems.push({ message: msg, line, column: column + 1 });
  }
}

/** The query's tokens on the default channel (no blanks or comments), without EOF. */
export function lexCypher(grammar: Grammar, query: string): { tokens: Token[]; problems: SyntaxProblem[] } {
  const lexer = new grammar.Lexer(CharStream.fromString(query));
  const errors = new Collect();
  lexer.removeErrorListeners();
  lexer.addErrorListener(errors);
  const tokens = lexer.getAllTokens().filter((t) => t.channel === 0);
  return { tokens, problems: errors.problems };
}

export interface ParsedCypher {
  tree: ParserRuleContext;
  ruleNames: readonly string[];
  problems: SyntaxProblem[];
}

/** Parses one or more statements; syntax errors are collected, not printed. */
export function parseCypher(grammar: Grammar, query: string): ParsedCypher {
  const lexer = new grammar.Lexer(CharStream.fromString(query));
  const errors = new Collect();
  lexer.removeErrorListeners();
  lexer.addErrorListener(errors);
  const parser = new grammar.Parser(new CommonTokenStream(lexer));
  parser.removeErrorListeners();
  parser.addErrorListener(errors);
  const tree = parser.statementsOrCommands();
  return { tree, ruleNames: parser.ruleNames, problems: errors.problems };
}
