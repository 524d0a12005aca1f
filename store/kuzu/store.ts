import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import kuzu, { type KuzuValue } from 'kuzu';
import { isNodeLabel, isRelType } from '../../shared/schema.js';
import { badQuery, firstLine, insufficientStorage, JejakError, queryTimeout, storeUnavailable, writeRefused } from '../../shared/errors.js';
import { KuzuResultBuilder, scalarRow } from './convert.js';
import { kuzuSchemaStatements } from './schema.js';
import { copyGroups, copyGroupsOf } from './copy-files.js';
import type {
  ArticleFacts,
  BulkLoad,
  Capped,
  EdgeProvenance,
  FactBatch,
  Health,
  MergeReport,
  NeighboursRequest,
  Neighbours,
  NodeDetail,
  Overview,
  OverviewRequest,
  Paths,
  PathsRequest,
  ProgressFn,
  Runner,
  RunOptions,
  RunResult,
  SavedCypher,
  SearchRequest,
  SearchResult,
  Store,
  Timeline,
  TimelineRequest,
} from '../store.js';
import { health } from './health.js';
import { kuzuMergeOps } from './merge-facts.js';
import { Gate } from './gate.js';
import { identityOf, storageProblem, type FileIdentity } from './storage.js';
import { mergeFactsWith, type End } from '../merge-facts.js';
import type { PlainValue } from '../../shared/graph.js';
import type { RelType } from '../../shared/schema.js';
import { neighbours } from '../common/neighbours.js';
import { nodeById } from './match.js';
import { node } from './node.js';
import { overview } from '../common/overview.js';
import { kuzuAggregate } from './overview-aggregate.js';
import { OverviewAggregator } from '../overview-aggregate.js';
import type { AggregateOverview, GroupMembers, GroupMembersRequest } from '../../shared/aggregate.js';
import { buildAdjacency, paths } from './paths.js';
import type { Adjacency } from './adjacency.js';
import { articleFacts, provenance } from '../common/provenance.js';
import { buildAside, swapIn } from './replace-graph.js';
import { buildSearchIndex, search, toSearchEntry } from './search.js';
import { BUILD_TIMEOUT_MS, type BuildScan } from './build-lanes.js';
import { SearchIndex } from '../search-index.js';
import { subgraph } from './subgraph.js';
import { buildDateIndex, INDEX_WAIT_MS, timeline } from './timeline.js';
import { groupIndex, type DateIndex } from './date-index.js';
import { GenerationCache } from './generation-cache.js';

type Connection = InstanceType<typeof kuzu.Connection>;
type Database = InstanceType<typeof kuzu.Database>;
type QueryResult = InstanceType<typeof kuzu.QueryResult>;
type PreparedStatement = InstanceType<typeof kuzu.PreparedStatement>;

const PREPARED_CACHE_SIZE = 256;
const preparedCache = new WeakMap<Connection, Map<string, PreparedStatement>>();

/**
 * Parsing and planning cost more than running most explorer queries, so each
 * connection keeps its prepared statements (oldest dropped past the cache size).
 * A statement that fails to prepare is not cached.
 */
async function prepare(c: Connection, query: string): Promise<PreparedStatement> {
  let cache = preparedCache.get(c);
  if (!cache) preparedCache.set(c, (cache = new Map()));
  const hit = cache.get(query);
  if (hit) return hit;
  const prepared = await c.prepare(query);
  if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
  if (cache.size >= PREPARED_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(query, prepared);
  return prepared;
}

const READ_CONNECTIONS = 4;
/** Edges merged since the date index was read, kept beside it; past this many it is read again. */
const MAX_SIDE_ROWS = 10_000;

/** An edge a merge created: what the caches kept in step with merges need of it. */
interface CreatedEdge {
  type: RelType;
  from: End;
  to: End;
  id: string;
  properties: Record<string, PlainValue>;
}
export const DEFAULT_BUFFER_POOL_MB = 2048;
/** Groups of at least this many rows get a progress line of their own. */
const BIG_GROUP = 50_000;
/** The binding takes no 0 for "no timeout": an hour stands for it (bulk loads, reseeds). */
const NO_TIMEOUT_MS = 3_600_000;
/** Built-in operations answer an explorer's click: a second is generous on the seed, 30 s bounds a big graph. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 30_000;

/** Maps a Kùzu error message to a typed error; `timeoutMs` names the limit that interrupted it. */
export function kuzuError(err: unknown, timeoutMs?: number): JejakError {
  if (err instanceof JejakError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/interrupted/i.test(message)) return queryTimeout(timeoutMs ?? 0);
  if (/write query inside a read-only transaction|read[- ]only/i.test(message))
    return writeRefused(`ad-hoc Cypher is read-only: this query would write (${message})`);
  if (/No space left on device|disk (is )?full/i.test(message))
    return insufficientStorage('the disk holding the database (JEJAK_DATA_DIR) is full; free some space and try again');
  if (/Could not set lock/i.test(message))
    return storeUnavailable('the Kùzu database is locked by another process (a running Jejak server, or `npm run seed`); stop it, or reseed a running server with POST /api/admin/reseed');
  if (/IO exception|No such file|database.*closed/i.test(message))
    return storeUnavailable(`the Kùzu database under JEJAK_DATA_DIR is unavailable: ${firstLine(message)}`);
  if (/multiple statements/i.test(message)) return badQuery('send one Cypher statement at a time');
  // Engine text passes to the client only as its first line, without paths.
  return badQuery(`the engine refused the query: ${firstLine(message)}`);
}

/** Every result must be closed before its connection, or the native binding crashes at shutdown. */
function closeAll(result: QueryResult | QueryResult[]): void {
  for (const r of Array.isArray(result) ? result : [result]) r.close();
}

/**
 * Rows read at once before the event loop gets a turn. A row read synchronously takes
 * ~1 µs; through the binding's thread pool (`getNext`) ~10 µs, and more on busy cores
 * (1M graph, 2026-12-03: 500 rows 0.6 against 5.2 ms, 200,000 rows 0.2 against 3.5 s).
 */
const ROWS_PER_TURN = 2_000;

/** Hands `onRow` each row of `result` until it returns false; the result is already computed, only read here. */
async function eachRow(result: QueryResult, onRow: (row: Record<string, unknown>) => boolean | void): Promise<void> {
  for (let n = 1; result.hasNext(); n++) {
    const row = result.getNextSync();
    if (!row || onRow(row) === false) return;
    if (n % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Every row of a small result (a write's checks). */
async function allRows(result: QueryResult | QueryResult[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  if (!Array.isArray(result)) await eachRow(result, (row) => void rows.push(row));
  closeAll(result);
  return rows;
}

/** Runs a statement that returns nothing the caller needs. */
async function exec(c: Connection, statement: string): Promise<void> {
  closeAll(await c.query(statement));
}

/** First words of plan operators that change the database, its files or its settings (ORDER_BY_MERGE only sorts). */
const WRITING_WORDS = new Set(['CREATE', 'SET', 'DELETE', 'MERGE', 'COPY', 'EXPORT', 'IMPORT', 'DROP', 'ALTER', 'INSTALL', 'UNINSTALL', 'LOAD', 'STANDALONE', 'TRANSACTION', 'USE', 'ATTACH', 'DETACH', 'INSERT', 'BATCH', 'CHECKPOINT']);
const isWritingOperator = (op: string) => WRITING_WORDS.has(op.split('_')[0]);
/** Table functions a read-only query may call; file readers (LOAD FROM) and the rest are refused. */
const READ_FUNCTIONS = new Set(['READ_FTABLE', 'SHOW_TABLES', 'TABLE_INFO', 'QUERY_FTS_INDEX', 'SHOW_CONNECTION', 'DB_VERSION']);

/** What in an EXPLAIN plan a read-only query must not do (empty when it only reads). */
export function writingOperators(plan: string): string[] {
  const operators = [...plan.matchAll(/│\s*([A-Z][A-Z_]+)\[\d+\]\s*│/g)].map((m) => m[1]);
  const functions = [...plan.matchAll(/Function: (\w+)/g)].map((m) => m[1].toUpperCase());
  return [...new Set([...operators.filter(isWritingOperator), ...functions.filter((f) => !READ_FUNCTIONS.has(f))])];
}

/** A small pool: each read runs on a connection of its own, inside its own read-only transaction. */
class ConnectionPool {
  private readonly idle: Connection[] = [];
  private readonly waiting: Array<(c: Connection) => void> = [];
  constructor(connections: Connection[]) {
    this.idle.push(...connections);
  }
  acquire(): Promise<Connection> {
    const c = this.idle.pop();
    return c ? Promise.resolve(c) : new Promise((resolve) => this.waiting.push(resolve));
  }
  release(c: Connection): void {
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
  }
}

interface Handles {
  /** The file opened, to notice it being removed or replaced under the open database. */
  identity?: FileIdentity;
  db: Database;
  writer: Connection;
  readers: ConnectionPool;
  all: Connection[];
}

export class KuzuStore implements Store {
  readonly engine = 'kuzu' as const;
  private handles?: Promise<Handles>;
  /** Kùzu allows one write transaction at a time: writes queue here. */
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** Every use of the handles passes it; a swap of the database file takes it alone. */
  private readonly gate = new Gate();
  /** Counts writes through this store, so caches of the data know when they are stale. */
  private generation = 0;
  /** Set by close(): nothing opens the database again, not even a request or a cache build that began before. */
  private closed = false;
  /** The names search ranks, read once and then kept in step with this store's merges (new nodes added). */
  private readonly names = new GenerationCache((wanted) => buildSearchIndex(this.scanner(wanted)));
  /** The timeline's date index, kept in step with merges (new edges added) until too many were. */
  private readonly dates = new GenerationCache((wanted) => buildDateIndex(this.scanner(wanted), wanted));
  /** Every node's neighbours, for shortest paths; kept in step with merges like the date index. */
  private readonly adjacency = new GenerationCache((wanted) => buildAdjacency(this.scanner(wanted), wanted));

  /**
   * `bufferPoolMb` bounds Kùzu's page cache; left to itself Kùzu takes up to
   * 80% of the machine's memory and keeps it, which a shared server cannot afford.
   */
  constructor(
    readonly location: string,
    private readonly bufferPoolMb = DEFAULT_BUFFER_POOL_MB,
    /** Every built-in operation's read stops after this long (StoreTimeout). */
    private readonly operationTimeoutMs = DEFAULT_OPERATION_TIMEOUT_MS,
  ) {}

  /** The operations' own Kùzu Cypher: read-only, with the store's timeout unless the operation says otherwise. */
  private readonly native: Runner = this.reader(() => true);

  /**
   * A runner of the operations' own Cypher; a cache's build passes its `wanted`, so a step that
   * passed the gate after the cache was dropped (close() clears the caches, then the handles)
   * stops there instead of opening the database again, which would leave it open, and busy,
   * after close().
   */
  private reader(wanted: () => boolean): Runner {
    return (query, params = {}, options = {}) => this.withReader((c) => this.execute(c, query, params, { timeoutMs: this.operationTimeoutMs, ...options }), wanted);
  }

  /** A cache build's reader of rows: each row converted and handed over as it is read, none collected. */
  private scanner(wanted: () => boolean): BuildScan {
    return (query, onRow) =>
      this.withReader((c) => this.withResult(c, query, {}, BUILD_TIMEOUT_MS, (result) => eachRow(result, (row) => onRow(scalarRow(row))).finally(() => result.close())), wanted);
  }

  /** Opens the database lazily; a failed open is not cached, so the store recovers when the file returns. */
  private open(): Promise<Handles> {
    if (this.closed) return Promise.reject(storeUnavailable('the Kùzu store is closed (the server is shutting down)'));
    if (!this.handles) {
      this.handles = (async () => {
        fs.mkdirSync(path.dirname(this.location), { recursive: true });
        // No automatic checkpoint: Kùzu 0.11 would run one inside the commit that takes its WAL past 16 MiB, and
        // its checkpoint rewrites every relationship group the WAL touched in time quadratic in the group's rows
        // when they have list columns (the claims): minutes for one article's MENTIONS at 1M relationships. The
        // WAL is replayed at each open instead (~1 s per 10 MB); a reseed, a clean close and `npm run checkpoint` fold it in.
        const db = new kuzu.Database(this.location, this.bufferPoolMb * 1024 * 1024, true, false, 0, false);
        await db.init();
        const writer = new kuzu.Connection(db);
        await writer.init();
        const all = [writer];
        for (let i = 0; i < READ_CONNECTIONS; i++) {
          const c = new kuzu.Connection(db);
          await c.init();
          all.push(c);
        }
        return { db, writer, readers: new ConnectionPool(all.slice(1)), all, identity: identityOf(this.location) };
      })().catch((err) => {
        this.handles = undefined;
        const mapped = kuzuError(err);
        throw mapped.code === 'STORE_UNAVAILABLE' || mapped.code === 'INSUFFICIENT_STORAGE'
          ? mapped
          : storeUnavailable(`cannot open the Kùzu database under JEJAK_DATA_DIR: ${firstLine(err instanceof Error ? err.message : String(err))}`);
      });
    }
    return this.handles;
  }

  /** Refuses a write before it touches the database when its file or disk is not fit for it. */
  private assertWritable(h: Handles): void {
    const problem = storageProblem(this.location, h.identity);
    if (!problem) return;
    // A file replaced under us: reopen on the new one once the requests under way are done.
    if (h.identity && identityOf(this.location) && /replaced/.test(problem.message)) void this.gate.exclusive(() => this.closeHandles()).catch(() => undefined);
    throw problem;
  }

  private withWriter<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
    return this.gate.shared(async () => {
      const h = await this.open();
      const run = this.writeQueue
        .then(() => {
          this.assertWritable(h);
          return fn(h.writer);
        })
        .finally(() => this.generation++);
      this.writeQueue = run.catch(() => undefined);
      return run;
    });
  }

  /** `wanted` is asked once past the gate, before the database is opened: false stops the read there. */
  private withReader<T>(fn: (c: Connection) => Promise<T>, wanted: () => boolean = () => true): Promise<T> {
    return this.gate.shared(() =>
      wanted() ? this.onReader(fn) : Promise.reject(storeUnavailable('an index of the Kùzu store was dropped while it was being read')),
    );
  }

  private async onReader<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
    const { readers } = await this.open();
    const c = await readers.acquire();
    try {
      // A transaction left open by an earlier failure would block this connection for good: end it first.
      await exec(c, 'BEGIN TRANSACTION READ ONLY').catch(async () => {
        await exec(c, 'ROLLBACK').catch(() => undefined);
        await exec(c, 'BEGIN TRANSACTION READ ONLY');
      });
      try {
        return await fn(c);
      } finally {
        // A failed statement may already have ended the transaction; then COMMIT and ROLLBACK both fail harmlessly.
        await exec(c, 'COMMIT').catch(() => exec(c, 'ROLLBACK').catch(() => undefined));
      }
    } finally {
      readers.release(c);
    }
  }

  private execute(c: Connection, query: string, params: Record<string, unknown>, options: RunOptions): Promise<RunResult> {
    const { timeoutMs = NO_TIMEOUT_MS, maxRows = Number.MAX_SAFE_INTEGER } = options;
    return this.withResult(c, query, params, timeoutMs, (result) => this.collect(c, result, maxRows));
  }

  /** Runs one statement and hands its result to `use` (which closes it); Kùzu's errors become typed ones. */
  private async withResult<T>(c: Connection, query: string, params: Record<string, unknown>, timeoutMs: number, use: (result: QueryResult) => Promise<T>): Promise<T> {
    c.setQueryTimeout(timeoutMs);
    try {
      const prepared = await prepare(c, query);
      const result = await c.execute(prepared, params as Record<string, KuzuValue>);
      if (Array.isArray(result)) {
        closeAll(result);
        throw badQuery('send one Cypher statement at a time');
      }
      return await use(result);
    } catch (err) {
      throw kuzuError(err, timeoutMs);
    } finally {
      c.setQueryTimeout(NO_TIMEOUT_MS);
    }
  }

  private async collect(c: Connection, result: QueryResult, maxRows: number): Promise<RunResult> {
    const columns = await result.getColumnNames();
    const rows: Record<string, unknown>[] = [];
    let truncated = false;
    try {
      await eachRow(result, (row) => {
        if (rows.length < maxRows) return void rows.push(row);
        truncated = true;
        return false;
      });
    } finally {
      result.close();
    }
    const builder = new KuzuResultBuilder(rows);
    const missing = builder.missingEndpoints();
    if (missing.length > 0) {
      // A relationship returned without its nodes: look up the endpoints' ids in one query.
      const found = await c.execute(
        await prepare(c, 'MATCH (n) WHERE offset(ID(n)) IN $offsets RETURN ID(n) AS iid, n.id AS id'),
        { offsets: [...new Set(missing.map((m) => m.offset))] },
      );
      const all = (await allRows(found)) as Array<{ iid: { table: number; offset: number }; id: string }>;
      builder.addEndpointIds(all.filter((r) => missing.some((m) => m.table === r.iid.table && m.offset === r.iid.offset)));
    }
    return builder.build(columns, truncated);
  }

  async run(query: string, params: Record<string, unknown> = {}, options: RunOptions = {}): Promise<RunResult> {
    if (options.mode === 'write') return this.withWriter((c) => this.execute(c, query, params, options));
    return this.withReader((c) => this.execute(c, query, params, options));
  }

  async assertReadOnly(query: string, params: Record<string, unknown> = {}): Promise<void> {
    // Kùzu refuses to plan DML inside a read-only transaction but not DDL or
    // system statements, so the plan's operators decide the rest. The plan is
    // made with the query's own parameters, and a query that cannot be planned
    // is refused: a check that fails must never let the query through unchecked.
    await this.withReader(async (c) => {
      let plan = '';
      try {
        const prepared = await c.prepare(`EXPLAIN ${query}`);
        if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
        const r = await c.execute(prepared, params as Record<string, KuzuValue>);
        const rows = await allRows(r);
        plan = String(Object.values(rows[0] ?? {})[0] ?? '');
      } catch (err) {
        const e = kuzuError(err);
        if (e.code === 'WRITE_REFUSED' || e.code === 'STORE_UNAVAILABLE') throw e;
        throw e.message.startsWith('the engine refused the query: ') ? e : badQuery(`the engine refused the query: ${firstLine(e.message)}`);
      }
      if (!plan) throw badQuery('the engine refused the query: it returned no plan to check');
      const refused = writingOperators(plan);
      if (refused.length) throw writeRefused(`ad-hoc Cypher is read-only: this query would run ${refused.join(', ')}`);
    });
  }

  async writeTransaction(steps: ReadonlyArray<{ query: string; params?: Record<string, unknown> }>): Promise<void> {
    await this.withWriter(async (c) => {
      await exec(c, 'BEGIN TRANSACTION');
      try {
        for (const step of steps) {
          const prepared = await prepare(c, step.query);
          closeAll(await c.execute(prepared, (step.params ?? {}) as Record<string, KuzuValue>));
        }
        await exec(c, 'COMMIT');
      } catch (err) {
        await exec(c, 'ROLLBACK').catch(() => undefined); // the failed statement may have ended the transaction already
        this.reopenAfterRollback();
        throw kuzuError(err);
      }
    });
  }

  /**
   * One transaction on the single writer: the existence checks and the
   * appends cannot interleave with another writer, so concurrent articles
   * never lose a claim or duplicate an edge.
   */
  async mergeFacts(facts: FactBatch): Promise<MergeReport> {
    return this.withWriter(async (c) => {
      const query = async (statement: string, params: Record<string, unknown>) => {
        return allRows(await c.execute(await prepare(c, statement), params as Record<string, KuzuValue>));
      };
      await exec(c, 'BEGIN TRANSACTION');
      try {
        const ops = kuzuMergeOps(query);
        // The edges the merge creates, for the caches kept in step with merges.
        const created: CreatedEdge[] = [];
        const createEdge = ops.createEdge;
        ops.createEdge = async (type, from, to, id, properties) => {
          await createEdge(type, from, to, id, properties);
          created.push({ type, from, to, id, properties });
        };
        const report = await mergeFactsWith(ops, facts);
        await exec(c, 'COMMIT');
        this.afterMerge(facts, created);
        return report;
      } catch (err) {
        await exec(c, 'ROLLBACK').catch(() => undefined); // the failed statement may have ended the transaction already
        this.reopenAfterRollback();
        throw kuzuError(err);
      }
    });
  }

  /**
   * Kùzu 0.11 cannot update a row again after a rolled-back update of it
   * (write-write conflict, or a crash); reopening the database clears that.
   */
  private reopenAfterRollback(): void {
    void this.gate.exclusive(() => this.closeHandles()).catch(() => undefined);
  }

  /**
   * Builds the new graph beside the live file, then swaps it in while no
   * request is using the database: requests under way finish on the old
   * graph, new ones wait for the swap and run on the new one.
   */
  async replaceGraph(data: BulkLoad, progress: ProgressFn = () => undefined): Promise<void> {
    // Opening takes Kùzu's file lock: a second process (a seed beside a running server) is refused here.
    this.assertWritable(await this.gate.shared(() => this.open()));
    const next = await buildAside(this.location, data, (file) => new KuzuStore(file, this.bufferPoolMb), progress);
    await this.gate.exclusive(async () => {
      await this.closeHandles();
      swapIn(next, this.location);
      this.generation++;
      // Reopen at once, so the lock is ours again before anyone else can take the new file.
      await this.open();
    });
    progress('swap: the new database replaced the live one');
  }

  /** Writes everything in the WAL into the database file. */
  async checkpoint(): Promise<void> {
    await this.withWriter((c) => exec(c, 'CHECKPOINT').catch((err) => Promise.reject(kuzuError(err))));
  }

  async ensureSchema(): Promise<void> {
    await this.withWriter(async (c) => {
      for (const statement of kuzuSchemaStatements()) await exec(c, statement).catch((err) => Promise.reject(kuzuError(err)));
    });
  }

  async clear(): Promise<void> {
    await this.run('MATCH (n) DETACH DELETE n', {}, { mode: 'write' });
  }

  async bulkLoad(data: BulkLoad, progress: ProgressFn = () => undefined): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-copy-'));
    try {
      await this.withWriter(async (c) => {
        const groups = copyGroupsOf(data);
        // One line per stage; a line per group only where a group is big enough to take a while.
        const perLabel: string[] = [];
        const perType = new Map<string, number>();
        const nodesDone = () => progress(`kuzu: nodes copied (${perLabel.join(', ')})`);
        await copyGroups(
          dir,
          groups,
          (table, file, options) => exec(c, `COPY ${table} FROM '${file}'${options}`).catch((err) => Promise.reject(kuzuError(err))),
          (i) => {
            const g = groups[i];
            const count = g.rows.length.toLocaleString('en');
            if (g.rows.length >= BIG_GROUP) progress(`kuzu: ${g.what}: ${count} ${g.kind} copied`);
            if (g.kind === 'nodes') perLabel.push(`${g.what} ${count}`);
            else perType.set(g.table, (perType.get(g.table) ?? 0) + g.rows.length);
            if (g.kind === 'nodes' && groups[i + 1]?.kind !== 'nodes') nodesDone();
          },
        );
        if (!perLabel.length) nodesDone();
        const total = [...perType.values()].reduce((a, b) => a + b, 0);
        progress(`kuzu: ${total.toLocaleString('en')} relationships copied in ${perType.size} types`);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  node(id: string): Promise<NodeDetail | null> {
    return node(this.native, id);
  }

  neighbours(request: NeighboursRequest): Promise<Neighbours | null> {
    return neighbours(this.native, { nodeById, relType: (v) => `label(${v})` }, request);
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return search(this.native, () => this.names.get(this.generation), request);
  }

  /**
   * After a merge committed (on the writer, before the generation moves on):
   * caches built on the generation before it take the batch's new nodes and
   * edges and stay current; one still being read is dropped, as it may predate the merge.
   */
  private afterMerge(batch: FactBatch, created: readonly CreatedEdge[]): void {
    this.names.carry(this.generation, (index: SearchIndex) =>
      index.add(batch.nodes.map((n) => toSearchEntry({ id: n.id, label: n.label, name: n.properties.name, aliases: n.properties.aliases }))),
    );
    this.dates.carry(this.generation, (index: DateIndex) => {
      for (const e of created)
        index.add({ group: groupIndex(e.from.label, e.type, e.to.label), id: e.id, fromId: e.from.id, toId: e.to.id }, e.properties.date, e.properties.dateFrom, e.properties.dateTo);
      return index.sideSize <= MAX_SIDE_ROWS;
    });
    this.adjacency.carry(this.generation, (adjacency: Adjacency) => {
      for (const n of batch.nodes) adjacency.addNode(n.id, n.label);
      for (const e of created) adjacency.addEdge(e.from.id, e.to.id, e.type);
      return adjacency.sideSize <= MAX_SIDE_ROWS;
    });
  }

  subgraph(ids: readonly string[], maxRows: number): Promise<Capped> {
    return subgraph(this.native, ids, maxRows);
  }

  overview(request: OverviewRequest): Promise<Overview> {
    return overview(this.native, request);
  }

  private readonly aggregator = new OverviewAggregator(kuzuAggregate, this.native, () => this.health());

  aggregateOverview(): Promise<AggregateOverview> {
    return this.aggregator.overview();
  }

  groupMembers(request: GroupMembersRequest): Promise<GroupMembers> {
    return this.aggregator.members(request);
  }

  timeline(request: TimelineRequest): Promise<Timeline> {
    return timeline(this.native, () => this.dates.within(this.generation, INDEX_WAIT_MS), request);
  }

  /**
   * Starts reading the caches a big graph's first requests would wait for (the server's worker
   * calls it once open, without waiting); resolves when they are read (the bench waits for it).
   */
  async warm(): Promise<void> {
    // Together: one after another the worker's peak at 1M relationships was lower (840 against 1,034 MiB
    // with no requests) but the reads took 90 s instead of 64 s, and requests meanwhile start the others anyway.
    await Promise.allSettled([this.names.get(this.generation), this.dates.get(this.generation), this.adjacency.get(this.generation)]);
  }

  provenance(edgeId: string): Promise<EdgeProvenance | null> {
    return provenance(this.native, edgeId);
  }

  articleFacts(articleId: string): Promise<ArticleFacts | null> {
    return articleFacts(this.native, articleId);
  }

  paths(request: PathsRequest): Promise<Paths> {
    return paths(this.native, request, () => this.adjacency.within(this.generation, INDEX_WAIT_MS));
  }

  async health(): Promise<Health> {
    // A lost or unreadable database file is a fault even while the open handles still read it.
    const h = this.handles ? await this.handles.catch(() => undefined) : undefined;
    const problem = h ? storageProblem(this.location, h.identity) : undefined;
    if (problem?.code === 'STORE_UNAVAILABLE') return { ok: false, engine: 'kuzu', location: this.location, nodes: 0, relationships: 0, message: problem.message };
    return health(this.native, this.location);
  }

  runSavedQuery(query: SavedCypher, params: Record<string, unknown>, options: RunOptions = {}): Promise<RunResult> {
    return this.run(query.variants.kuzu ?? query.cypher, params, { ...options, mode: 'read' });
  }

  /**
   * Closes the database for good: a request or cache build still under way when the server
   * stops gets StoreUnavailable instead of opening the file again (which left it open, and
   * written to, after close).
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.release();
  }

  /** Closes the database file, so another store or process may open it; this store opens it again on its next use. */
  async release(): Promise<void> {
    await this.gate.exclusive(() => this.closeHandles());
  }

  private async closeHandles(): Promise<void> {
    const handles = this.handles;
    this.handles = undefined;
    this.names.clear();
    this.dates.clear();
    this.adjacency.clear();
    if (!handles) return;
    const h = await handles.catch(() => undefined);
    if (!h) return;
    await this.writeQueue;
    for (const c of h.all) await c.close();
    await h.db.close();
  }
}

export function createKuzuStore(location: string, bufferPoolMb?: number, operationTimeoutMs?: number): KuzuStore {
  return new KuzuStore(location, bufferPoolMb, operationTimeoutMs);
}
