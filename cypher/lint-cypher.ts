/**
 * Offline Cypher linting with @neo4j-cypher/language-support (no server needed).
 * Used by the schema tests and for saved queries.
 */
import { isNotParamError, lintCypherQuery, type DbSchema } from '@neo4j-cypher/language-support';

export interface LintCypherOptions {
  /** Also report warnings (deprecations, hints). Default: errors only. */
  warnings?: boolean;
  /** Report `Parameter $x is not defined` (they are declared at run time). Default: false. */
  parameters?: boolean;
  /** Labels, types, functions… known to the linter; unknown ones are not reported when omitted. */
  dbSchema?: DbSchema;
}

const ERROR = 1;
const WARNING = 2;

/**
 * Lints one or more Cypher statements. Returns one message per problem,
 * `message (line L, column C)`, or an empty list when the query is clean.
 */
export function lintCypher(query: string, options: LintCypherOptions = {}): string[] {
  const { diagnostics } = lintCypherQuery(query, options.dbSchema ?? {});
  return diagnostics
    .filter((d) => d.severity === ERROR || (options.warnings === true && d.severity === WARNING))
    .filter((d) => options.parameters === true || isNotParamError({ message: String(d.message) }))
    .map((d) => `${d.message} (line ${d.range.start.line + 1}, column ${d.range.start.character + 1})`);
}
