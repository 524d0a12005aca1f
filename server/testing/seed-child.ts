/**
 * Test helper run as a child process: seeds `count` generated people and
 * meetings into a Kùzu file, printing progress, so a test can kill it midway.
 * Usage: tsx server/testing/seed-child.ts <db path> <count>
 */
import type { Graph } from '../../shared/graph.js';
import { seedKuzuFile } from '../../seed/seed.js';

const [file, countArg] = process.argv.slice(2);
const count = Number(countArg);
const graph: Graph = { nodes: [], edges: [] };
for (let i = 0; i < count; i++) {
  graph.nodes.push({ id: `person:p${i}`, label: 'Person', properties: { name: `Person ${i}`, aliases: [] } });
  if (i > 0) graph.edges.push({ id: `rel:met_with:${i}`, type: 'MET_WITH', source: `person:p${i - 1}`, target: `person:p${i}`, properties: {} });
}
await seedKuzuFile(file, graph, (line) => console.log(line));
