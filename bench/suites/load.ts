/**
 * Load: the project's seed path (`seedKuzuFile`: schema, bulk rows, COPY FROM,
 * health, swap) against the same rows through a plain Kùzu connection and
 * COPY FROM JSON files written here. Neo4j only when NEO4J_URI is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';
import type { Graph } from '../../shared/graph.js';
import { toBulkLoad } from '../../seed/load.js';
import { seedKuzuFile, seedStore } from '../../seed/seed.js';
import { loadConfig } from '../../shared/config.js';
import { kuzuSchemaStatements } from '../../store/kuzu/schema.js';
import type { BulkLoad } from '../../store/store.js';
import { round, since } from '../stats.js';

export interface LoadRow {
  relationships: number;
  nodes: number;
  /** Generating the synthetic graph (not part of either load). */
  generateMs: number;
  /** toBulkLoad(graph): graph JSON → rows (inside the seed path's time too). */
  toRowsMs: number;
  seedMs: number;
  seedNodesPerSec: number;
  seedRelsPerSec: number;
  /** Raw: JSON files written + COPY FROM on a plain connection, schema included. */
  rawMs: number;
  /** Raw: the COPY statements alone. */
  rawCopyMs: number;
  rawNodesPerSec: number;
  rawRelsPerSec: number;
  /** seedMs / rawMs: the goal is ≤ 1.5. */
  ratio: number;
  ratioToCopyOnly: number;
  dbMiB: number;
}

export interface Neo4jLoadRow {
  relationships: number;
  nodes: number;
  seedMs: number;
  nodesPerSec: number;
  relsPerSec: number;
}

export interface LoadResult {
  rows: LoadRow[];
  neo4j: { note: string; rows: Neo4jLoadRow[] };
}

const dbSize = (file: string) => [file, `${file}.wal`].reduce((s, f) => s + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

type Connection = InstanceType<typeof kuzu.Connection>;

async function exec(c: Connection, statement: string): Promise<void> {
  const r = await c.query(statement);
  for (const x of Array.isArray(r) ? r : [r]) x.close();
}

/** The same rows, straight into Kùzu: DDL, one JSON file and one COPY per group. */
async function rawCopy(file: string, data: BulkLoad, tmp: string): Promise<{ totalMs: number; copyMs: number }> {
  fs.mkdirSync(tmp, { recursive: true });
  const t0 = performance.now();
  const db = new kuzu.Database(file);
  const c = new kuzu.Connection(db);
  let copyMs = 0;
  try {
    for (const s of kuzuSchemaStatements()) await exec(c, s);
    let n = 0;
    const copy = async (table: string, rows: unknown[], options: string) => {
      const target = path.join(tmp, `${n++}.json`);
      fs.writeFileSync(target, JSON.stringify(rows));
      const t = performance.now();
      await exec(c, `COPY ${table} FROM '${target}'${options}`);
      copyMs += since(t);
    };
    for (const g of data.nodes) if (g.rows.length) await copy(g.label, g.rows, '');
    for (const g of data.rels) if (g.rows.length) await copy(g.type, g.rows, ` (from='${g.fromLabel}', to='${g.toLabel}')`);
  } finally {
    await c.close();
    await db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { totalMs: since(t0), copyMs };
}

export interface LoadScale {
  graph: Graph;
  generateMs: number;
  /** Where the seeded database stays for the API and memory suites. */
  dbFile: string;
}

export async function loadOneScale({ graph, generateMs, dbFile }: LoadScale, workDir: string, log: (line: string) => void): Promise<LoadRow> {
  const nodes = graph.nodes.length;
  const rels = graph.edges.length;
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  log(`load: ${rels.toLocaleString('en')} relationships, ${nodes.toLocaleString('en')} nodes`);

  let t = performance.now();
  const data = toBulkLoad(graph);
  const toRowsMs = since(t);

  const rawFile = path.join(workDir, `raw-${rels}.kuzu`);
  for (const f of [rawFile, `${rawFile}.wal`]) fs.rmSync(f, { force: true });
  const raw = await rawCopy(rawFile, data, path.join(workDir, `raw-json-${rels}`));
  for (const f of [rawFile, `${rawFile}.wal`]) fs.rmSync(f, { force: true });
  log(`  raw COPY: ${round(raw.totalMs / 1000)} s (copy alone ${round(raw.copyMs / 1000)} s)`);

  t = performance.now();
  await seedKuzuFile(dbFile, graph);
  const seedMs = since(t);
  log(`  seedKuzuFile: ${round(seedMs / 1000)} s (ratio ${round(seedMs / raw.totalMs)})`);

  const perSec = (count: number, ms: number) => Math.round(count / (ms / 1000));
  return {
    relationships: rels,
    nodes,
    generateMs: round(generateMs),
    toRowsMs: round(toRowsMs),
    seedMs: round(seedMs),
    seedNodesPerSec: perSec(nodes, seedMs),
    seedRelsPerSec: perSec(rels, seedMs),
    rawMs: round(raw.totalMs),
    rawCopyMs: round(raw.copyMs),
    rawNodesPerSec: perSec(nodes, raw.totalMs),
    rawRelsPerSec: perSec(rels, raw.totalMs),
    ratio: round(seedMs / raw.totalMs, 3),
    ratioToCopyOnly: round(seedMs / raw.copyMs, 3),
    dbMiB: round(dbSize(dbFile) / 2 ** 20, 1),
  };
}

/** Seeds Neo4j (UNWIND batches through the store adapter) when NEO4J_URI is set. */
export async function loadNeo4j(graph: Graph): Promise<Neo4jLoadRow> {
  const config = loadConfig(process.env);
  const { createNeo4jStore } = await import('../../store/neo4j/store.js');
  const store = await createNeo4jStore(config.neo4j!);
  try {
    const t = performance.now();
    await seedStore(store, graph);
    const ms = since(t);
    return {
      relationships: graph.edges.length,
      nodes: graph.nodes.length,
      seedMs: round(ms),
      nodesPerSec: Math.round(graph.nodes.length / (ms / 1000)),
      relsPerSec: Math.round(graph.edges.length / (ms / 1000)),
    };
  } finally {
    await store.close();
  }
}
