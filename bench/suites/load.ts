/**
 * Load, per engine, the project's seed path against the engine's raw bulk path
 * over the same graph. Kùzu: `seedKuzuFile` (schema, bulk rows, COPY FROM,
 * health, swap) against COPY FROM JSON files on a plain connection. Neo4j:
 * `seedStore` through the adapter against UNWIND … CREATE on a plain session.
 */
import fs from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';
import type { Graph } from '../../shared/graph.js';
import { toBulkLoad } from '../../seed/load.js';
import { seedKuzuFile, seedStore } from '../../seed/seed.js';
import neo4j from 'neo4j-driver';
import { kuzuSchemaStatements } from '../../store/kuzu/schema.js';
import { copyGroups, copyGroupsOf } from '../../store/kuzu/copy-files.js';
import { createNeo4jStore } from '../../store/neo4j/store.js';
import { neo4jSchemaStatements } from '../../store/neo4j/schema.js';
import { createAll, DEFAULT_SIZING, prepareRows } from '../../store/neo4j/bulk-create.js';
import type { BulkLoad, Store } from '../../store/store.js';
import type { Neo4jTarget } from '../engines/neo4j-local.js';
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
  /** Raw: JSON files written + COPY FROM on a plain connection, schema included (null: not run, the run's deadline). */
  rawMs: number | null;
  /** Raw: the COPY statements alone. */
  rawCopyMs: number | null;
  rawNodesPerSec: number | null;
  rawRelsPerSec: number | null;
  /** seedMs / rawMs: the goal is ≤ 1.2 at 1M. */
  ratio: number | null;
  ratioToCopyOnly: number | null;
  dbMiB: number;
}

export interface Neo4jLoadRow {
  relationships: number;
  nodes: number;
  /** The seed path (seedStore: schema, clear, UNWIND … MERGE batches through the adapter). */
  seedMs: number;
  seedNodesPerSec: number;
  seedRelsPerSec: number;
  /** The best plain-driver path: schema, then UNWIND … CREATE batches (no MERGE, one plan per label and type, ends by elementId), then waiting for the indexes (null: not run). */
  rawMs: number | null;
  rawRelsPerSec: number | null;
  /** seedMs / rawMs: the goal is ≤ 1.2 at 1M. */
  ratio: number | null;
  /** Emptying the database before each path (not in either time; 0 when the bench started a fresh database instead). */
  clearMs: number;
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

/** The same rows, straight into Kùzu: DDL, one JSON file and one COPY per group, each file written while the group before is copied. */
async function rawCopy(file: string, data: BulkLoad, tmp: string): Promise<{ totalMs: number; copyMs: number }> {
  fs.mkdirSync(tmp, { recursive: true });
  const t0 = performance.now();
  const db = new kuzu.Database(file);
  const c = new kuzu.Connection(db);
  let copyMs = 0;
  try {
    for (const s of kuzuSchemaStatements()) await exec(c, s);
    // The same pipeline as the seed path (each group's file written while the one before is copied): the best plain path.
    await copyGroups(tmp, copyGroupsOf(data), async (table, file, options) => {
      const t = performance.now();
      await exec(c, `COPY ${table} FROM '${file}'${options}`);
      copyMs += since(t);
    });
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

/** Kùzu's seed path alone: `seedKuzuFile` into `dbFile` (kept for the API, memory and worker suites). */
export async function seedKuzuStep(graph: Graph, generateMs: number, dbFile: string, log: (line: string) => void): Promise<KuzuSeedStep> {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const f of [dbFile, `${dbFile}.wal`]) fs.rmSync(f, { force: true });
  let t = performance.now();
  // graph → rows is inside seedKuzuFile too; timed apart here for the report only.
  toBulkLoad(graph);
  const toRowsMs = since(t);
  t = performance.now();
  await seedKuzuFile(dbFile, graph);
  const seedMs = since(t);
  log(`  kuzu seedKuzuFile: ${round(seedMs / 1000)} s`);
  return { relationships: graph.edges.length, nodes: graph.nodes.length, generateMs: round(generateMs), toRowsMs: round(toRowsMs), seedMs: round(seedMs), dbMiB: round(dbSize(dbFile) / 2 ** 20, 1) };
}

/** Kùzu's raw path alone, into a scratch file removed afterwards. */
export async function rawKuzuStep(graph: Graph, workDir: string, log: (line: string) => void): Promise<{ rawMs: number; rawCopyMs: number }> {
  const rels = graph.edges.length;
  const rawFile = path.join(workDir, `raw-${rels}.kuzu`);
  for (const f of [rawFile, `${rawFile}.wal`]) fs.rmSync(f, { force: true });
  try {
    const raw = await rawCopy(rawFile, toBulkLoad(graph), path.join(workDir, `raw-json-${rels}`));
    log(`  kuzu raw COPY: ${round(raw.totalMs / 1000)} s (copy alone ${round(raw.copyMs / 1000)} s)`);
    return { rawMs: round(raw.totalMs), rawCopyMs: round(raw.copyMs) };
  } finally {
    for (const f of [rawFile, `${rawFile}.wal`]) fs.rmSync(f, { force: true });
  }
}

export interface KuzuSeedStep {
  relationships: number;
  nodes: number;
  generateMs: number;
  toRowsMs: number;
  seedMs: number;
  dbMiB: number;
}

const perSec = (count: number, ms: number) => Math.round(count / (ms / 1000));

/** The Kùzu row of the report from its two steps (the raw one may have been skipped by the run's deadline). */
export function kuzuRow(seed: KuzuSeedStep, raw: { rawMs: number; rawCopyMs: number } | null): LoadRow {
  return {
    ...seed,
    seedNodesPerSec: perSec(seed.nodes, seed.seedMs),
    seedRelsPerSec: perSec(seed.relationships, seed.seedMs),
    rawMs: raw?.rawMs ?? null,
    rawCopyMs: raw?.rawCopyMs ?? null,
    rawNodesPerSec: raw ? perSec(seed.nodes, raw.rawMs) : null,
    rawRelsPerSec: raw ? perSec(seed.relationships, raw.rawMs) : null,
    ratio: raw ? round(seed.seedMs / raw.rawMs, 3) : null,
    ratioToCopyOnly: raw ? round(seed.seedMs / raw.rawCopyMs, 3) : null,
  };
}

export async function loadOneScale({ graph, generateMs, dbFile }: LoadScale, workDir: string, log: (line: string) => void): Promise<LoadRow> {
  log(`load: ${graph.edges.length.toLocaleString('en')} relationships, ${graph.nodes.length.toLocaleString('en')} nodes`);
  const raw = await rawKuzuStep(graph, workDir, log);
  const seed = await seedKuzuStep(graph, generateMs, dbFile, log);
  return kuzuRow(seed, raw);
}

/**
 * The same rows through a plain driver session, in the query shapes that load
 * Neo4j fastest from a client (store/neo4j/bulk-create.ts): the schema first
 * (constraints and indexes on an empty database cost little), then CREATE —
 * no MERGE, no existence checks — one plan per label and per relationship
 * type with both ends found by elementId, property maps of the schema's
 * names (no Eager), batches sized by bytes; then waiting for the indexes.
 * neo4j-admin import would be faster still, but it needs a stopped server and
 * the database's own files, which an application's seed path never has.
 */
async function rawNeo4j(target: Neo4jTarget, data: BulkLoad): Promise<number> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    const t = performance.now();
    for (const s of neo4jSchemaStatements()) await session.run(s);
    // The same batches and query shapes as the seed path, each in a transaction of its own on this plain session.
    await createAll(prepareRows(data), async (query, params) => (await session.executeWrite((tx) => tx.run(query, params))).records.map((r) => r.toObject()), () => undefined, DEFAULT_SIZING);
    await session.run('CALL db.awaitIndexes(900)');
    return since(t);
  } finally {
    await session.close();
    await driver.close();
  }
}

export async function openNeo4jStore(target: Neo4jTarget): Promise<Store> {
  return createNeo4jStore({ uri: target.uri, user: target.user, password: target.password, verify: true, driver: { maxTransactionRetryTime: 30_000 } });
}

/**
 * Empties the database (not timed as part of either path): relationships
 * first, then nodes, in batches committed one by one, so no transaction holds
 * a hub's tens of thousands of relationships at once (the adapter's clear()
 * deletes 10,000 nodes with all their relationships per transaction, which
 * passes the server's 512 MiB transaction cap at 100k relationships).
 */
async function emptyNeo4j(target: Neo4jTarget): Promise<number> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    const t = performance.now();
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    return since(t);
  } finally {
    await session.close();
    await driver.close();
  }
}

/** Neo4j's seed path alone, on an empty database (`fresh`: the bench started a new one; otherwise it empties this one first, untimed). */
export async function seedNeo4jStep(graph: Graph, target: Neo4jTarget, fresh: boolean, log: (line: string) => void): Promise<{ seedMs: number; clearMs: number }> {
  const clearMs = fresh ? 0 : await emptyNeo4j(target);
  const store = await openNeo4jStore(target);
  try {
    const t = performance.now();
    await seedStore(store, graph);
    const seedMs = since(t);
    log(`  neo4j seedStore: ${round(seedMs / 1000)} s`);
    return { seedMs: round(seedMs), clearMs: round(clearMs) };
  } finally {
    await store.close();
  }
}

/** Neo4j's raw path alone, on an empty database (as above). */
export async function rawNeo4jStep(graph: Graph, target: Neo4jTarget, fresh: boolean, log: (line: string) => void): Promise<{ rawMs: number; clearMs: number }> {
  const clearMs = fresh ? 0 : await emptyNeo4j(target);
  const rawMs = await rawNeo4j(target, toBulkLoad(graph));
  log(`  neo4j raw UNWIND CREATE: ${round(rawMs / 1000)} s`);
  return { rawMs: round(rawMs), clearMs: round(clearMs) };
}

export function neo4jRow(graph: { nodes: number; relationships: number }, seed: { seedMs: number; clearMs: number }, raw: { rawMs: number; clearMs: number } | null): Neo4jLoadRow {
  return {
    relationships: graph.relationships,
    nodes: graph.nodes,
    seedMs: seed.seedMs,
    seedNodesPerSec: perSec(graph.nodes, seed.seedMs),
    seedRelsPerSec: perSec(graph.relationships, seed.seedMs),
    rawMs: raw?.rawMs ?? null,
    rawRelsPerSec: raw ? perSec(graph.relationships, raw.rawMs) : null,
    ratio: raw ? round(seed.seedMs / raw.rawMs, 3) : null,
    clearMs: round(seed.clearMs + (raw?.clearMs ?? 0)),
  };
}

/** Neo4j: the raw driver path, then the seed path over the same graph; the database keeps the seeded graph. */
export async function loadNeo4jScale(graph: Graph, target: Neo4jTarget, log: (line: string) => void): Promise<Neo4jLoadRow> {
  const raw = await rawNeo4jStep(graph, target, false, log);
  const seed = await seedNeo4jStep(graph, target, false, log);
  return neo4jRow({ nodes: graph.nodes.length, relationships: graph.edges.length }, seed, raw);
}
