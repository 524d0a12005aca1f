import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,store,extract,server,seed,cypher,client,e2e,bench}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'data/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
