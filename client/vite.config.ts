/**
 * The explorer's build: root is client/, output goes to dist/client where the
 * Express app serves it. `npm run dev` mounts this config in middleware mode
 * (server/dev.ts); a standalone `vite` dev server proxies /api to JEJAK_API.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    // Cytoscape and its layouts are big by nature; the Cypher editor is loaded on demand.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.JEJAK_API ?? 'http://127.0.0.1:4321' },
  },
});
