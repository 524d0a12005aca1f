import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,store,extract,server,seed,cypher,client,e2e,bench}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'data/**'],
    pool: 'forks',
    testTimeout: 60_000,
    // Hooks that seed Neo4j wait their turn on one database (server/testing/harness.ts, neo4jLock): up to 15 min.
    hookTimeout: 900_000,
  },
});
