/** `npm run lint`: every saved query and the generated schema must be valid Neo4j Cypher (offline, Neo4j's own grammar). */
import fs from 'node:fs';
import { loadSavedQueries } from '../server/services/saved-queries.js';
import { lintCypher } from './lint-cypher.js';

let problems = 0;
for (const q of loadSavedQueries()) {
  const errors = lintCypher(q.cypher);
  problems += errors.length;
  console.log(`${errors.length ? '✗' : '✓'} cypher/queries/${q.file}${errors.map((e) => `\n    ${e}`).join('')}`);
}
const schema = fs.readFileSync(new URL('./schema.cypher', import.meta.url), 'utf8');
const schemaErrors = lintCypher(schema);
problems += schemaErrors.length;
console.log(`${schemaErrors.length ? '✗' : '✓'} cypher/schema.cypher${schemaErrors.map((e) => `\n    ${e}`).join('')}`);
console.log(problems ? `lint: ${problems} problem(s)` : 'lint: clean');
process.exitCode = problems ? 1 : 0;
