/**
 * Writes cypher/schema.cypher from shared/schema.ts (via store/neo4j/schema.ts).
 * Run: npx tsx cypher/generate-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { neo4jSchemaCypher } from '../store/neo4j/schema.js';

const SCHEMA_CYPHER_PATH = fileURLToPath(new URL('./schema.cypher', import.meta.url));

writeFileSync(SCHEMA_CYPHER_PATH, neo4jSchemaCypher());
console.log(`wrote ${SCHEMA_CYPHER_PATH}`);
