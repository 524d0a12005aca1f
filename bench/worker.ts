/**
 * Runs one heavy step in a process of its own, so Kùzu's buffer pools are
 * handed back to the OS when it exits: in one process, loading 1M
 * relationships and then serving the API ran out of memory.
 * Input: a Job as JSON in argv[2]. Output: the result as JSON on stdout's last line; logs on stderr.
 */
import path from 'node:path';
import { loadConfig } from '../shared/config.js';
import { createStore } from '../store/index.js';
import type { Neo4jTarget } from './engines/neo4j-local.js';
import { round, since } from './stats.js';
import { probesOf, runApi, type Probes } from './suites/api.js';
import { loadNeo4jScale, loadOneScale, type LoadRow, type Neo4jLoadRow } from './suites/load.js';
import { syntheticGraph } from './synthetic.js';

export type Job =
  | { kind: 'load'; scale: number; dbFile: string | null; workDir: string; neo4j: Neo4jTarget | null }
  | { kind: 'api'; engine: 'kuzu' | 'neo4j'; dbFile: string; neo4j: Neo4jTarget | null; relationships: number; probes: Probes; quick: boolean };

export interface LoadJobResult {
  kuzu: LoadRow | null;
  neo4j: Neo4jLoadRow | null;
  /** Why an engine's load failed, when it did (the other engine's row stands). */
  errors: string[];
  nodes: number;
  probes: Probes;
}

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function run(job: Job): Promise<unknown> {
  if (job.kind === 'api') {
    const env = job.neo4j
      ? { NEO4J_URI: job.neo4j.uri, NEO4J_USER: job.neo4j.user, NEO4J_PASSWORD: job.neo4j.password }
      : { JEJAK_DATA_DIR: path.dirname(job.dbFile) };
    const config = loadConfig({ ...env, PORT: '0', JEJAK_RATE_LIMIT: '0' });
    const store = await createStore(config);
    try {
      return await runApi({ engine: job.engine, store, config, relationships: job.relationships, probes: job.probes, quick: job.quick, log });
    } finally {
      await store.close();
    }
  }
  const t = performance.now();
  const graph = syntheticGraph({ relationships: job.scale });
  const generateMs = round(since(t));
  log(`load: ${job.scale.toLocaleString('en')} relationships generated in ${round(generateMs / 1000, 1)} s`);
  const result: LoadJobResult = { kuzu: null, neo4j: null, errors: [], nodes: graph.nodes.length, probes: probesOf(graph) };
  // One engine's failure is a note, not a lost scale.
  if (job.dbFile) {
    try {
      result.kuzu = await loadOneScale({ graph, generateMs, dbFile: job.dbFile }, job.workDir, log);
    } catch (err) {
      result.errors.push(`kuzu load ${job.scale}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (job.neo4j) {
    try {
      result.neo4j = await loadNeo4jScale(graph, job.neo4j, log);
    } catch (err) {
      result.errors.push(`neo4j load ${job.scale}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return result;
}

const result = await run(JSON.parse(process.argv[2]) as Job);
process.stdout.write('\n' + JSON.stringify(result) + '\n');
// Native bindings can keep the loop alive after the work is done.
process.exit(0);
