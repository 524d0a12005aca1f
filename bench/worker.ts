/**
 * Heavy steps in processes of their own, so Kùzu's buffer pools are handed
 * back to the OS when one exits: in one process, loading 1M relationships and
 * then serving the API ran out of memory.
 * - `worker.ts '<Job as JSON>'`: one job (the API suite), its result as JSON
 *   on stdout's last line; logs on stderr.
 * - `worker.ts --loader` (forked with IPC): the load steps of one scale. It
 *   generates the synthetic graph once (1M relationships take a minute or two)
 *   and keeps it for every step asked of it, seed and raw paths of both engines.
 */
import path from 'node:path';
import { loadConfig } from '../shared/config.js';
import type { Graph } from '../shared/graph.js';
import { createStore } from '../store/index.js';
import type { Neo4jTarget } from './engines/neo4j-local.js';
import { round, since } from './stats.js';
import { probesOf, runApi, type Probes } from './suites/api.js';
import { measureSearchIndexes, type SearchIndexRow } from './suites/memory.js';
import { rawKuzuStep, rawNeo4jStep, seedKuzuStep, seedNeo4jStep, type KuzuSeedStep } from './suites/load.js';
import { syntheticGraph } from './synthetic.js';

export type Job = { kind: 'api'; engine: 'kuzu' | 'neo4j'; dbFile: string; neo4j: Neo4jTarget | null; relationships: number; probes: Probes; quick: boolean };

/** A load step of the scale the loader was started for. `fresh`: the Neo4j database is new and empty (nothing to clear). */
export type LoadStep =
  | { kind: 'graph' }
  | { kind: 'seed-kuzu'; dbFile: string }
  | { kind: 'raw-kuzu'; workDir: string }
  | { kind: 'seed-neo4j'; neo4j: Neo4jTarget; fresh: boolean }
  | { kind: 'raw-neo4j'; neo4j: Neo4jTarget; fresh: boolean }
  | { kind: 'search-index'; quick: boolean };

export interface GraphInfo {
  relationships: number;
  nodes: number;
  generateMs: number;
  probes: Probes;
}

export type LoadStepResult = SearchIndexRow[] | null | GraphInfo | KuzuSeedStep | { rawMs: number; rawCopyMs: number } | { seedMs: number; clearMs: number } | { rawMs: number; clearMs: number };

export interface LoaderRequest {
  id: number;
  step: LoadStep;
}
export type LoaderReply = { id: number; value: LoadStepResult } | { id: number; error: string };

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function runJob(job: Job): Promise<unknown> {
  const env = job.neo4j
    ? { NEO4J_URI: job.neo4j.uri, NEO4J_USER: job.neo4j.user, NEO4J_PASSWORD: job.neo4j.password }
    : { JEJAK_DATA_DIR: path.dirname(job.dbFile) };
  const config = loadConfig({ ...env, PORT: '0', JEJAK_RATE_LIMIT: '0', ...(process.env.JEJAK_KUZU_ISOLATE ? { JEJAK_KUZU_ISOLATE: process.env.JEJAK_KUZU_ISOLATE } : {}) });
  // The store as the server opens it: on Kùzu, in its worker process (JEJAK_KUZU_ISOLATE, on by default).
  const store = await createStore(config, { isolated: true });
  try {
    return await runApi({ engine: job.engine, store, config, relationships: job.relationships, probes: job.probes, quick: job.quick, log });
  } finally {
    await store.close();
  }
}

/** The loader: one scale's graph, generated on the first step and kept. */
function serveLoader(scale: number): void {
  let cached: { graph: Graph; info: GraphInfo } | null = null;
  const graph = () => {
    if (!cached) {
      const t = performance.now();
      const g = syntheticGraph({ relationships: scale });
      const generateMs = round(since(t));
      log(`load: ${scale.toLocaleString('en')} relationships generated in ${round(generateMs / 1000, 1)} s (${g.nodes.length.toLocaleString('en')} nodes)`);
      cached = { graph: g, info: { relationships: g.edges.length, nodes: g.nodes.length, generateMs, probes: probesOf(g) } };
    }
    return cached;
  };
  const run = async (step: LoadStep): Promise<LoadStepResult> => {
    const { graph: g, info } = graph();
    switch (step.kind) {
      case 'graph':
        return info;
      case 'seed-kuzu':
        return seedKuzuStep(g, info.generateMs, step.dbFile, log);
      case 'raw-kuzu':
        return rawKuzuStep(g, step.workDir, log);
      case 'seed-neo4j':
        return seedNeo4jStep(g, step.neo4j, step.fresh, log);
      case 'raw-neo4j':
        return rawNeo4jStep(g, step.neo4j, step.fresh, log);
      case 'search-index': {
        // The probes' word and typo, and the best-connected person's whole name (several words).
        const leader = g.nodes.find((n) => n.id === info.probes.leader);
        return measureSearchIndexes(g, [info.probes.searchWord, info.probes.searchTypo, String(leader?.properties.name ?? info.probes.searchWord)], step.quick);
      }
    }
  };
  // One step at a time, in the order asked: the steps are timed and must not overlap.
  let queue = Promise.resolve();
  process.on('message', (m: LoaderRequest) => {
    queue = queue.then(async () => {
      try {
        process.send!({ id: m.id, value: await run(m.step) } satisfies LoaderReply);
      } catch (err) {
        process.send!({ id: m.id, error: err instanceof Error ? err.message : String(err) } satisfies LoaderReply);
      }
    });
  });
  process.on('disconnect', () => process.exit(0));
}

if (process.argv[2] === '--loader') serveLoader(Number(process.argv[3]));
else {
  const result = await runJob(JSON.parse(process.argv[2]) as Job);
  process.stdout.write('\n' + JSON.stringify(result) + '\n');
  // Native bindings can keep the loop alive after the work is done.
  process.exit(0);
}
