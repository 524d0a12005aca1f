/**
 * The embedded engine's checkpoint after one new relationship, and a read of
 * 50 of the group's relationships, by how many relationships its group
 * already holds and by the kind of its property columns: ten STRING[]
 * columns (the claims' parallel lists), ten STRING columns of the same text,
 * or the ten lists packed as one STRING column of JSON (the schema change
 * that would make both cheap). Kùzu 0.11 against LadybugDB (its maintained
 * fork, installed by the suite when npm can), each measurement in a child
 * process of its own (the two native libraries are never loaded together).
 *
 * Run as a child: tsx bench/suites/checkpoint.ts <engine's index.js> <lists|strings|packed> <rows> <dir>
 * prints one JSON line ({ checkpointMs, readWholeMs, readIdsMs, version } or { error }).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { round } from '../stats.js';

export type CheckpointEngine = 'kuzu' | 'ladybug';
export type ColumnShape = 'lists' | 'strings' | 'packed';

/** The table's property columns, as the report names them. */
export const SHAPE_NAMES: Record<ColumnShape, string> = {
  lists: '10 × STRING[]',
  strings: '10 × STRING',
  packed: '1 STRING (the 10 lists as JSON)',
};

export interface CheckpointRow {
  engine: CheckpointEngine;
  version: string;
  shape: ColumnShape;
  /** Relationships already in the one source node group the new relationship joins. */
  rows: number;
  /** CHECKPOINT after creating one node and one relationship from it. */
  checkpointMs: number | null;
  /** 50 of the group's relationships by internal offset, with both ends, whole: p50 of READS (before the new relationship). */
  readWholeMs?: number;
  /** The same 50, their ids only. */
  readIdsMs?: number;
  error?: string;
}

export interface CheckpointResult {
  rows: CheckpointRow[];
  notes: string[];
}

const COLUMNS = 10;
/** Source nodes: fewer than Kùzu's node group of 2,048, so every relationship is in one group's CSR. */
const SOURCES = 1_800;
const TARGETS = 100_000;

/** Relationships each timed read takes, spread over the group by internal offset; and how many reads make its p50. */
const READ_ROWS = 50;
const READS = 9;

interface QueryResult {
  getAll(): Promise<unknown[]>;
  close(): void;
}

interface Engine {
  Database: new (path: string, bufferBytes: number) => { close(): Promise<void> };
  Connection: new (db: unknown) => {
    query(q: string): Promise<QueryResult>;
    prepare(q: string): Promise<unknown>;
    execute(statement: unknown, params: Record<string, unknown>): Promise<QueryResult>;
    close(): Promise<void>;
  };
}

const run = promisify(execFile);

/** LadybugDB is not a dependency (npm ci cannot lock its other platforms' packages here): the suite installs it beside its scratch files. */
export const LADYBUG = '@ladybugdb/core@0.19.1';

/** Where each engine's package is imported from: Kùzu as the app has it, LadybugDB from `workDir/ladybug` (installed once, when npm can). */
async function engineModule(engine: CheckpointEngine, workDir: string): Promise<string> {
  if (engine === 'kuzu') return fileURLToPath(import.meta.resolve('kuzu'));
  const prefix = path.join(workDir, 'ladybug');
  const entry = path.join(prefix, 'node_modules/@ladybugdb/core/index.js');
  if (!fs.existsSync(entry)) {
    fs.mkdirSync(prefix, { recursive: true });
    await run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', LADYBUG], { timeout: 300_000 });
  }
  return entry;
}

/** The version in the package.json beside `entry`, read without loading its native library. */
const versionOf = (entry: string) => (JSON.parse(fs.readFileSync(path.join(path.dirname(entry), 'package.json'), 'utf8')) as { version: string }).version;

async function loadEngine(entry: string): Promise<{ lib: Engine; version: string }> {
  const mod = (await import(pathToFileURL(entry).href)) as { default?: Engine } & Engine;
  return { lib: mod.default ?? mod, version: versionOf(entry) };
}

/** A CSV field, quoted (the engine's CSV reader takes a doubled quote inside quotes). */
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** One measurement, in this process: a new database in `dir`, loaded by COPY, the reads, then one insert and its checkpoint. */
async function measureHere(
  entry: string,
  shape: ColumnShape,
  rows: number,
  dir: string,
): Promise<{ checkpointMs: number; readWholeMs: number; readIdsMs: number; version: string }> {
  const { lib, version } = await loadEngine(entry);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const db = new lib.Database(path.join(dir, 'db'), 1024 * 2 ** 20);
  const c = new lib.Connection(db);
  const q = async (statement: string) => {
    const r = await c.query(statement);
    await r.getAll();
    r.close();
  };
  try {
    const columns =
      shape === 'packed' ? 'claims STRING' : Array.from({ length: COLUMNS }, (_, k) => `c${k} ${shape === 'lists' ? 'STRING[]' : 'STRING'}`).join(', ');
    await q('CREATE NODE TABLE A(id STRING, PRIMARY KEY(id))');
    await q('CREATE NODE TABLE B(id STRING, PRIMARY KEY(id))');
    await q(`CREATE REL TABLE R(FROM A TO B, id STRING, ${columns})`);
    const csv = (name: string, lines: string[]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    };
    const text = (i: number, k: number) => `Kutipan ${i} ${k}: Kim Choe dan Yuri Halim mengadakan pembicaraan tertutup`;
    const texts = (i: number) => Array.from({ length: COLUMNS }, (_, k) => text(i, k));
    const values = (i: number): string[] =>
      shape === 'packed' ? [quoted(JSON.stringify(texts(i).map((t) => [t])))] : texts(i).map((t) => (shape === 'lists' ? `"[${t}]"` : t));
    const rel = (i: number) => [`a${i % SOURCES}`, `b${(i * 7919) % TARGETS}`, `r${i}`, ...values(i)].join(',');
    await q(`COPY A FROM '${csv('a.csv', Array.from({ length: SOURCES }, (_, i) => `a${i}`))}'`);
    await q(`COPY B FROM '${csv('b.csv', Array.from({ length: TARGETS }, (_, i) => `b${i}`))}'`);
    await q(`COPY R FROM '${csv('r.csv', Array.from({ length: rows }, (_, i) => rel(i)))}'`);
    await q('CHECKPOINT');
    const offsets = Array.from({ length: READ_ROWS }, (_, i) => Math.floor((i * rows) / READ_ROWS));
    const readP50 = async (returns: string) => {
      const statement = await c.prepare(`MATCH (a:A)-[r:R]->(b:B) WHERE offset(ID(r)) IN $offsets RETURN ${returns}`);
      const ms: number[] = [];
      for (let i = 0; i <= READS; i++) {
        const t = performance.now();
        const r = await c.execute(statement, { offsets });
        const got = (await r.getAll()).length;
        r.close();
        if (got !== READ_ROWS) throw new Error(`the read by offset gave ${got} relationships, not ${READ_ROWS}`);
        if (i > 0) ms.push(performance.now() - t); // the first read warms the buffer pool
      }
      return ms.sort((x, y) => x - y)[Math.floor(ms.length / 2)];
    };
    const readWholeMs = round(await readP50('a, r, b'), 1);
    const readIdsMs = round(await readP50('r.id'), 1);
    await q("CREATE (:A {id: 'a-new'})");
    const props =
      shape === 'packed'
        ? `claims: '${JSON.stringify(texts(-1).map((t) => [t]))}'`
        : texts(-1).map((t, k) => `c${k}: ${shape === 'lists' ? `['${t}']` : `'${t}'`}`).join(', ');
    await q(`MATCH (a:A {id: 'a-new'}), (b:B {id: 'b5'}) CREATE (a)-[:R {id: 'r-new', ${props}}]->(b)`);
    const t = performance.now();
    await q('CHECKPOINT');
    return { checkpointMs: round(performance.now() - t), readWholeMs, readIdsMs, version };
  } finally {
    await c.close();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}


/** The table: each engine × shape × size in a child process; a size whose checkpoint passed `budgetMs` ends its engine's larger sizes of that shape. */
export async function runCheckpoint(workDir: string, quick: boolean, log: (line: string) => void): Promise<CheckpointResult> {
  const sizes = quick ? [2_500, 5_000] : [5_000, 10_000, 20_000];
  const budgetMs = quick ? 10_000 : 60_000;
  const result: CheckpointResult = { rows: [], notes: [] };
  for (const engine of ['kuzu', 'ladybug'] as const) {
    const entry = await engineModule(engine, workDir).catch((err: unknown) => {
      result.notes.push(`${engine === 'ladybug' ? LADYBUG : 'kuzu'} could not be installed here (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): its rows were not measured`);
      return null;
    });
    if (!entry) continue;
    const version = versionOf(entry);
    for (const shape of ['lists', 'strings', 'packed'] as const) {
      for (const rows of shape === 'lists' ? sizes : [sizes[sizes.length - 1]]) {
        const dir = path.join(workDir, `checkpoint-${engine}-${shape}-${rows}`);
        const row: CheckpointRow = { engine, version, shape, rows, checkpointMs: null };
        try {
          const { stdout } = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), entry, shape, String(rows), dir], { timeout: 900_000, maxBuffer: 1 << 20 });
          const answer = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { checkpointMs?: number; readWholeMs?: number; readIdsMs?: number; error?: string };
          row.checkpointMs = answer.checkpointMs ?? null;
          if (answer.readWholeMs !== undefined) Object.assign(row, { readWholeMs: answer.readWholeMs, readIdsMs: answer.readIdsMs });
          if (answer.error) row.error = answer.error;
        } catch (err) {
          row.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
        }
        result.rows.push(row);
        log(
          `checkpoint ${engine} ${version}, ${SHAPE_NAMES[shape]}, ${rows.toLocaleString('en')} relationships in the group: ${row.checkpointMs ?? row.error} ms; ${READ_ROWS} read whole ${row.readWholeMs ?? '—'} ms, ids ${row.readIdsMs ?? '—'} ms`,
        );
        if (row.checkpointMs === null || row.checkpointMs > budgetMs) break;
      }
    }
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [entry, shape, rows, dir] = process.argv.slice(2);
  measureHere(entry, shape as ColumnShape, Number(rows), dir)
    .then((r) => console.log(JSON.stringify(r)))
    .catch((err: unknown) => console.log(JSON.stringify({ error: err instanceof Error ? err.message.split('\n')[0] : String(err) })));
}
