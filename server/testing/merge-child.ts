/**
 * Test helper run as a child process: merges `count` articles of `bytes`
 * characters each into a Kùzu file, then exits without closing it, as a
 * killed server would, so its write-ahead log is left beside the file.
 * Usage: tsx server/testing/merge-child.ts <db path> <count> <bytes>
 */
import { KuzuStore } from '../../store/kuzu/store.js';

const [file, countArg, bytesArg] = process.argv.slice(2);
const store = new KuzuStore(file);
for (let i = 0; i < Number(countArg); i++) {
  const id = `article:wal-${i}`;
  const text = `Artikel ${i}. `.padEnd(Number(bytesArg), 'x');
  await store.mergeFacts({ articleId: id, nodes: [{ id, label: 'Article', properties: { headline: `Artikel ${i}`, text } }], edges: [] });
}
console.log('merged');
process.exit(0);
