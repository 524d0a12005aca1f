/**
 * Runs one heavy step in a process of its own, so Kùzu's buffer pools (up to
 * 80% of RAM each by default) are handed back to the OS when it exits: in one
 * process, loading 1M relationships and then serving the API ran out of memory.
 * Input: a Job as JSON in argv[2]. Output: the result as JSON on stdout's last line; logs on stderr.
 */
import { syntheticGraph } from './synthetic.js';
import { round, since } from './stats.js';
import { probesOf, runApi, type Probes } from './suites/api.js';
import { loadNeo4j, loadOneScale, type LoadRow, type Neo4jLoadRow } from './suites/load.js';

export type Job =
  | { kind: 'load'; scale: number; dbFile: string; workDir: string; neo4j: boolean }
  | { kind: 'api'; dbFile: string; relationships: number; probes: Probes; quick: boolean };

export interface LoadJobResult {
  row: LoadRow;
  neo4j: Neo4jLoadRow | null;
  nodes: number;
  probes: Probes;
}

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function run(job: Job): Promise<unknown> {
  if (job.kind === 'api') return runApi(job.dbFile, job.relationships, job.probes, job.quick, log);
  const t = performance.now();
  const graph = syntheticGraph({ relationships: job.scale });
  const generateMs = round(since(t));
  const row = await loadOneScale({ graph, generateMs, dbFile: job.dbFile }, job.workDir, log);
  const neo4j = job.neo4j && job.scale <= 100_000 ? await loadNeo4j(graph) : null;
  const result: LoadJobResult = { row, neo4j, nodes: graph.nodes.length, probes: probesOf(graph) };
  return result;
}

const result = await run(JSON.parse(process.argv[2]) as Job);
process.stdout.write('\n' + JSON.stringify(result) + '\n');
// Kùzu's native handles can keep the loop alive after the work is done.
process.exit(0);
