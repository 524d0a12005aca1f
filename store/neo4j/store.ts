/**
 * The Neo4j adapter: managed transactions (executeRead / executeWrite, so
 * routing works on clusters and Aura), a server-side timeout per
 * transaction, streamed rows with a cap, and plain JSON out (neo4j-convert).
 */
import neo4j, {
  int,
  isInt,
  Neo4jError,
  type Config as DriverConfig,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import type { PlainValue } from '../../shared/graph.js';
import {
  isNodeLabel,
  isRelType,
  LABELS,
  NODE_LABELS,
  REL_PROPS,
  type NodeLabel,
  type PropType,
  type RelType,
} from '../../shared/schema.js';
import { badQuery, badRequest, JejakError, queryTimeout, storeUnavailable, writeRefused } from '../../shared/errors.js';
import { recordsToResult } from './convert.js';
import { neo4jSchemaStatements } from './schema.js';
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
import { neo4jMergeOps } from './merge-facts.js';
import { mergeFactsWith } from '../merge-facts.js';
import { assertAllowedPlan } from './procedures.js';
import { neighbours } from './neighbours.js';
import { nodeById } from './match.js';
import { node } from './node.js';
import { overview } from '../common/overview.js';
import { neo4jAggregate } from './overview-aggregate.js';
import { OverviewAggregator } from '../overview-aggregate.js';
import type { AggregateOverview, GroupMembers, GroupMembersRequest } from '../../shared/aggregate.js';
import { paths } from './paths.js';
import { articleFacts, provenance } from '../common/provenance.js';
import {
  BATCH_SIZE,
  CLEAR_BATCH_ROWS,
  CLEAR_RELOAD_QUERY,
  clearInBatches,
  describeLoad,
  ONE_TRANSACTION_MAX_ROWS,
  READ_RELOAD_QUERY,
  replaceInTransaction,
  rowCount,
  SET_RELOAD_QUERY,
} from './replace-graph.js';
import { createAll, DEFAULT_SIZING, prepareRows, type BatchSizing } from './bulk-create.js';
import { search } from './search.js';
import { subgraph } from './subgraph.js';
import { timeline } from './timeline.js';
import { timelineKeysSet } from './timeline-keys.js';
import { writeMissingTimelineKeys } from './upgrade.js';

export interface Neo4jStoreConfig {
  uri: string;
  user: string;
  password: string;
  /** Database name; empty or omitted uses the server's default (home) database. */
  database?: string;
  /** Extra driver settings (e.g. a shorter maxTransactionRetryTime in tests). */
  driver?: Partial<DriverConfig>;
  /** Connect once before returning, and throw StoreUnavailable when that fails. Default false. */
  verify?: boolean;
  /** Every built-in operation's transaction times out after this long (server-side). */
  operationTimeoutMs?: number;
  /** How replaceGraph and clear cut their work (tests force small batches). */
  bulk?: Partial<BulkSettings>;
  /** How long a read trusts the last look at the reload marker (ms); 0 looks every time. */
  reloadCheckMs?: number;
}

export interface BulkSettings extends BatchSizing {
  /** Rows (new graph, or old one to delete, whichever is more) up to which replaceGraph runs in one transaction. */
  oneTransactionMaxRows: number;
  /** Deletions per transaction in clear(). */
  clearBatchRows: number;
}

/** One look at the reload marker serves the reads of the next second: a reseed is minutes, a read is milliseconds. */
const RELOAD_CHECK_MS = 1000;

function reloading(since: string): JejakError {
  return storeUnavailable(`the graph is being reloaded (a reseed started at ${since}); reads answer again when it ends — try again in a minute`);
}

/** Built-in operations answer an explorer's click: 30 s bounds a big graph. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 30_000;

export { BATCH_SIZE };

const ANY_LABEL = NODE_LABELS.join('|');

// ---------------------------------------------------------------- queries

/** `UNWIND $rows AS row MERGE (n:Label {id: row.id}) SET n += row`; the label comes only from the schema. */
export function nodeMergeQuery(label: NodeLabel): string {
  if (!isNodeLabel(label)) throw badQuery(`unknown node label ${JSON.stringify(label)}`);
  return `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n += row RETURN count(n) AS written`;
}

/** Relationship MERGE between two existing nodes; labels and type come only from the schema. */
export function relMergeQuery(type: RelType, fromLabel: NodeLabel, toLabel: NodeLabel): string {
  if (!isRelType(type)) throw badQuery(`unknown relationship type ${JSON.stringify(type)}`);
  if (!isNodeLabel(fromLabel)) throw badQuery(`unknown node label ${JSON.stringify(fromLabel)}`);
  if (!isNodeLabel(toLabel)) throw badQuery(`unknown node label ${JSON.stringify(toLabel)}`);
  return (
    `UNWIND $rows AS row ` +
    `MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) ` +
    `MERGE (a)-[r:${type} {id: row.id}]->(b) SET r += row.props SET ${timelineKeysSet('r')} RETURN count(r) AS written`
  );
}



// ---------------------------------------------------------------- values in

/**
 * Query parameters for the driver: integral JS numbers become neo4j Integers
 * (so `LIMIT $n` and `[*..$n]`-style uses get an INTEGER), floats stay floats,
 * bigints become Integers; lists and maps are converted recursively; strings
 * are left alone (callers write `date($d)` in Cypher).
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? int(value) : value;
  if (typeof value === 'bigint') return int(value.toString());
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value; // driver types, Date …
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toNeo4jParams(v);
    return out;
  }
  return value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function toNeo4jDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = ISO_DATE.exec(value);
  if (!m) throw badRequest(`expected an ISO date (YYYY-MM-DD), got ${JSON.stringify(value)}`);
  return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
}

function toNeo4jInt(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw badRequest(`expected an integer, got ${value}`);
    return int(value);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return int(value);
  if (typeof value === 'bigint') return int(value.toString());
  return value;
}

/** Converts one property value to what Neo4j should store for its schema type. */
export function toNeo4jProperty(value: PlainValue | undefined, type: PropType | undefined): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'DATE':
      return toNeo4jDate(value);
    case 'INT64':
      return toNeo4jInt(value);
    case 'INT64[]':
      return Array.isArray(value) ? value.map(toNeo4jInt) : toNeo4jInt(value);
    default:
      // STRING, STRING[], DOUBLE (stays a float), BOOLEAN, and properties outside the schema.
      return value;
  }
}

function propTypes(defs: readonly { name: string; type: PropType }[]): Map<string, PropType> {
  return new Map(defs.map((d) => [d.name, d.type]));
}

const NODE_PROP_TYPES = new Map(NODE_LABELS.map((l) => [l, propTypes(LABELS[l].props)]));
const REL_PROP_TYPES = propTypes(REL_PROPS);

/** A node row with properties typed for Neo4j (dates as Date, INT64 as Integer). */
export function toNeo4jNodeRow(label: NodeLabel, row: Record<string, PlainValue>): Record<string, unknown> {
  const types = NODE_PROP_TYPES.get(label);
  if (typeof row.id !== 'string' || row.id === '') throw badRequest(`a ${label} row has no string id`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = toNeo4jProperty(v, types?.get(k));
  return out;
}

/** A relationship row: `{ from, to, id, props }` with props typed for Neo4j. */
export function toNeo4jRelRow(type: RelType, row: Record<string, PlainValue>): Record<string, unknown> {
  const { from, to, ...rest } = row;
  if (typeof from !== 'string' || typeof to !== 'string') throw badRequest(`a ${type} row needs string from and to ids`, { id: typeof rest.id === 'string' ? rest.id : null });
  if (typeof rest.id !== 'string' || rest.id === '') throw badRequest(`a ${type} row has no string id`, { from, to });
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) props[k] = toNeo4jProperty(v, REL_PROP_TYPES.get(k));
  return { from, to, id: rest.id, props };
}

// ---------------------------------------------------------------- errors

function isNeo4jError(err: unknown): err is Neo4jError {
  return err instanceof Neo4jError || (err instanceof Error && typeof (err as { code?: unknown }).code === 'string');
}

/**
 * Maps a driver error to Jejak's typed errors. `location` names the server in
 * messages; `timeoutMs` is the timeout the query ran with, if any.
 */
export function mapNeo4jError(err: unknown, context: { location: string; user?: string; timeoutMs?: number }): Error {
  if (err instanceof JejakError) return err;
  if (!isNeo4jError(err)) return err instanceof Error ? err : new Error(String(err));
  const code = err.code ?? '';
  const message = err.message ?? '';

  if (/TransactionTimedOut/.test(code) || (code.startsWith('Neo.ClientError.Transaction.') && /timed? ?out|timeout/i.test(message))) {
    return context.timeoutMs !== undefined
      ? queryTimeout(context.timeoutMs)
      : new JejakError('QUERY_TIMEOUT', `query ran past the server's transaction timeout: ${message}`);
  }
  if (
    code === 'Neo.ClientError.Statement.AccessMode' ||
    code === 'Neo.ClientError.Fabric.AccessMode' ||
    code === 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase' ||
    /writing in read access mode not allowed/i.test(message)
  ) {
    return writeRefused(`the query tried to write in a read-only transaction: ${message}`);
  }
  if (/OutOfMemoryError|TransactionMemoryLimit|MemoryLimit/i.test(code) || /db\.memory\.transaction\.max|memory pool|would use more than the limit/i.test(message)) {
    // The query asked for more memory than one transaction may use: the query's to narrow, not a server fault.
    return badQuery(
      `the query needed more memory than Neo4j allows one transaction (db.memory.transaction.max) and was stopped; narrow it (add a LIMIT or a WHERE, aggregate less)`,
    );
  }
  if (code === 'Neo.ClientError.Security.Forbidden' || code.startsWith('Neo.ClientError.Security.AuthorizationFailed')) {
    // Jejak's own database user lacks a privilege: the operator's to fix, nothing the client can change.
    return storeUnavailable(
      `Neo4j at ${context.location} refused an operation for lack of privileges${context.user ? ` of user ${context.user}` : ''}: grant that user read and write access to the database (or set NEO4J_USER to one that has it) (${message})`,
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit' || code === 'Neo.ClientError.Security.CredentialsExpired' || code === 'Neo.ClientError.Security.TokenExpired' || code === 'Neo.ClientError.Security.AuthorizationExpired') {
    return storeUnavailable(`Neo4j at ${context.location} refused the credentials${context.user ? ` of user ${context.user}` : ''}: check NEO4J_USER and NEO4J_PASSWORD (${message})`);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound' || code === 'Neo.TransientError.Database.DatabaseUnavailable') {
    return storeUnavailable(`Neo4j database at ${context.location} is not available: ${message}`);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.ClientError.Routing.')) {
    return storeUnavailable(`Neo4j at ${context.location} is unreachable: check that it is running and that NEO4J_URI names it (${message})`);
  }
  if (code === 'Neo.ClientError.Cluster.NotALeader' || code.startsWith('Neo.TransientError.')) {
    return storeUnavailable(`Neo4j at ${context.location} is busy (retries exhausted): ${message}`);
  }
  if (code.startsWith('Neo.ClientError.')) {
    // Statement.SyntaxError / SemanticError / ParameterMissing / TypeError / ArgumentError,
    // Procedure.*, Schema.* , Security.Forbidden …: the query is at fault, say what the server said.
    return badQuery(message);
  }
  return err;
}

// ---------------------------------------------------------------- statements

/**
 * Finds the first `;` outside strings, backtick names and comments. Returns
 * the query without a trailing `;`, or throws BadQuery for several statements.
 */
export function singleStatement(query: string): string {
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i];
    if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < n && query[i] !== c) i += query[i] === '\\' && c !== '`' ? 2 : 1;
      i++;
    } else if (c === '/' && query[i + 1] === '/') {
      while (i < n && query[i] !== '\n') i++;
    } else if (c === '/' && query[i + 1] === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === ';') {
      const rest = query.slice(i + 1).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
      if (rest.replace(/[;\s]/g, '') !== '') {
        throw badQuery('ad-hoc Cypher takes one statement at a time; remove the `;` and what follows it');
      }
      return query.slice(0, i);
    } else {
      i++;
    }
  }
  return query;
}

/** Drops leading whitespace and comments. */
function stripLeading(query: string): string {
  let q = query;
  for (;;) {
    const next = q.replace(/^\s+/, '').replace(/^\/\/[^\n]*/, '').replace(/^\/\*[\s\S]*?\*\//, '');
    if (next === q) return q;
    q = next;
  }
}

/** How long ensureSchema waits for new indexes to be populated. */
const INDEX_WAIT_SECONDS = 300;
export const INDEX_STATES_QUERY = 'SHOW INDEXES YIELD name, state, failureMessage';

export interface IndexState {
  name: string;
  state: string;
  failureMessage?: string | null;
}

/** One line per index that is not ONLINE, with the server's reason and what to do. */
export function indexProblems(states: readonly IndexState[]): string[] {
  return states
    .filter((s) => s.state !== 'ONLINE')
    .map((s) => `index ${s.name} is ${s.state}${s.failureMessage ? ` (${s.failureMessage})` : ''}: drop it (DROP INDEX ${s.name}) and restart to recreate it`);
}

/** A query's records in a transaction, at most `maxRows` (the rest of the stream is cancelled). */
async function rowsOf(tx: ManagedTransaction, query: string, params: Record<string, unknown>, maxRows: number): Promise<{ records: Neo4jRecord[]; keys: string[]; truncated: boolean }> {
  const result = tx.run(query, params);
  const records: Neo4jRecord[] = [];
  let truncated = false;
  for await (const record of result) {
    if (records.length >= maxRows) {
      truncated = true;
      break; // cancels the stream: the server discards the rest
    }
    records.push(record);
  }
  const keys = records[0]?.keys ?? (await result.keys());
  return { records, keys: keys.map(String), truncated };
}

const QUERY_TYPE_NAMES: Record<string, string> = { r: 'read', rw: 'read-write', w: 'write', s: 'schema write' };

// ---------------------------------------------------------------- store

function safeUri(uri: string): string {
  try {
    const u = new URL(uri);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return uri.replace(/\/\/[^@/]*@/, '//');
  }
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function countOf(records: Neo4jRecord[], key: string): number {
  const v = records[0]?.get(key);
  return isInt(v) ? v.toNumber() : typeof v === 'number' ? v : 0;
}

type TxWork<T> = (tx: ManagedTransaction) => Promise<T>;

export class Neo4jStore implements Store {
  readonly engine = 'neo4j' as const;
  readonly location: string;
  private readonly database: string | undefined;

  private readonly operationTimeoutMs: number;
  private readonly bulk: BulkSettings;
  /** Set while this store reloads in batches: its own reads know without asking the database. */
  private reloadingSince?: string;
  private reloadSeen?: { at: number; since: Promise<string | null> };

  constructor(
    private readonly driver: Driver,
    private readonly cfg: Neo4jStoreConfig,
  ) {
    this.operationTimeoutMs = cfg.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    this.bulk = { ...DEFAULT_SIZING, oneTransactionMaxRows: ONE_TRANSACTION_MAX_ROWS, clearBatchRows: CLEAR_BATCH_ROWS, ...cfg.bulk };
    this.database = cfg.database ? cfg.database : undefined;
    this.location = `${safeUri(cfg.uri)} (database ${this.database ?? 'default'})`;
  }

  /**
   * Every session of this store shares one bookmark manager: a read after a
   * write waits until the server it lands on has that write (read-your-writes
   * on clusters and Aura, where reads go to other members).
   */
  readonly bookmarks = neo4j.bookmarkManager();

  private session(mode: 'read' | 'write', fetchSize?: number): Session {
    return this.driver.session({
      database: this.database,
      bookmarkManager: this.bookmarks,
      defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(fetchSize !== undefined ? { fetchSize } : {}),
    });
  }

  private mapError(err: unknown, timeoutMs?: number): Error {
    return mapNeo4jError(err, { location: this.location, user: this.cfg.user, timeoutMs });
  }

  /** Runs `work` in a managed transaction of the given mode, mapping errors and closing the session. */
  private async tx<T>(mode: 'read' | 'write', work: TxWork<T>, timeoutMs?: number, fetchSize?: number): Promise<T> {
    const session = this.session(mode, fetchSize);
    const config = timeoutMs !== undefined ? { timeout: Math.max(1, Math.ceil(timeoutMs)) } : undefined;
    try {
      return mode === 'read' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (err) {
      throw this.mapError(err, timeoutMs);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** The reload marker's start time when a reseed in batches is under way (this process's or another's), else null. */
  private async reloadMarker(): Promise<string | null> {
    const session = this.session('read');
    try {
      const since = (await session.run(READ_RELOAD_QUERY, {}, { timeout: 10_000 })).records[0]?.get('since');
      return since === undefined || since === null ? null : String(since);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** Reads during a reload in batches would see part of a graph: they answer 503 instead. */
  private async assertNotReloading(): Promise<void> {
    if (this.reloadingSince) throw reloading(this.reloadingSince);
    const now = Date.now();
    if (!this.reloadSeen || now - this.reloadSeen.at >= (this.cfg.reloadCheckMs ?? RELOAD_CHECK_MS)) {
      // A failed look is no reason to refuse: the read itself reports an unreachable server.
      this.reloadSeen = { at: now, since: this.reloadMarker().catch(() => null) };
    }
    const since = await this.reloadSeen.since;
    if (since) throw reloading(since);
  }

  async run(query: string, params: Record<string, unknown> = {}, options: RunOptions = {}): Promise<RunResult> {
    const mode = options.mode ?? 'read';
    if (mode === 'read') await this.assertNotReloading();
    const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
    if (!(maxRows >= 0)) throw badRequest('maxRows must be 0 or more');
    const fetchSize = Number.isFinite(maxRows) ? Math.min(Math.max(Math.floor(maxRows) + 1, 1), 1000) : undefined;
    const driverParams = toNeo4jParams(params) as Record<string, unknown>;
    const out = await this.tx(mode, (tx) => rowsOf(tx, query, driverParams, maxRows), options.timeoutMs, fetchSize);
    return recordsToResult(out.records, out.keys, out.truncated);
  }

  /**
   * Several reads of one operation in one read transaction (one session, one
   * BEGIN and COMMIT), run side by side or in turn through the runner `work`
   * is given: a timeline asks one query per relationship type, and thirty
   * transactions of their own cost more than the queries (40–60 ms against
   * 20–40 at 1M on this machine under load). The store's timeout is the
   * transaction's; a driver retry runs `work` again.
   */
  readonly inOneRead = async <T>(work: (run: Runner) => Promise<T>): Promise<T> => {
    await this.assertNotReloading();
    return this.tx(
      'read',
      (tx) =>
        work(async (query, params = {}, options = {}) => {
          const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
          const out = await rowsOf(tx, query, toNeo4jParams(params) as Record<string, unknown>, maxRows);
          return recordsToResult(out.records, out.keys, out.truncated);
        }),
      this.operationTimeoutMs,
    );
  };

  async writeTransaction(steps: ReadonlyArray<{ query: string; params?: Record<string, unknown> }>): Promise<void> {
    await this.tx('write', async (tx) => {
      for (const step of steps) await tx.run(step.query, toNeo4jParams(step.params ?? {}) as Record<string, unknown>);
    });
  }

  async assertReadOnly(query: string, params: Record<string, unknown> = {}): Promise<void> {
    let statement = stripLeading(singleStatement(query));
    if (statement.trim() === '') throw badQuery('the query is empty');
    // PROFILE would execute the query: plan it with EXPLAIN instead.
    if (/^PROFILE\b/i.test(statement)) statement = statement.replace(/^PROFILE\b/i, 'EXPLAIN');
    if (!/^EXPLAIN\b/i.test(statement)) statement = `EXPLAIN ${statement}`;
    const { queryType, plan } = await this.tx('read', async (tx) => {
      const summary = await tx.run(statement, toNeo4jParams(params) as Record<string, unknown>).summary();
      return { queryType: summary.queryType, plan: summary.plan };
    });
    if (queryType !== 'r') {
      const name = QUERY_TYPE_NAMES[queryType] ?? (queryType || 'unknown');
      throw writeRefused(`ad-hoc Cypher is read-only: this query would write (query type ${name})`);
    }
    assertAllowedPlan(plan);
  }

  async ensureSchema(): Promise<void> {
    for (const statement of neo4jSchemaStatements()) {
      // Schema commands cannot share a transaction with other work: one each.
      await this.tx('write', async (tx) => {
        await tx.run(statement);
      });
    }
    // New indexes must be online before search uses them: a failed or stuck index is an error to see, not to skip.
    const states = await this.tx('write', async (tx) => {
      await tx.run(`CALL db.awaitIndexes(${INDEX_WAIT_SECONDS})`);
      return (await tx.run(INDEX_STATES_QUERY)).records.map((r) => r.toObject() as IndexState);
    }).catch((err: unknown) => {
      throw storeUnavailable(`Neo4j at ${this.location}: waiting for the indexes to come online failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    const problems = indexProblems(states);
    if (problems.length) throw storeUnavailable(`Neo4j at ${this.location}: ${problems.join('; ')}`);
  }

  /** A database written by an earlier Jejak brought up to this one (upgrade.ts): indexes, then the timeline's keys. */
  async upgrade(progress: ProgressFn = () => undefined): Promise<void> {
    await this.ensureSchema();
    await writeMissingTimelineKeys(this.countIn, progress);
  }

  /** One query in a write transaction of its own, returning the number in its first column. */
  private readonly countIn = (query: string, params: Record<string, unknown> = {}) =>
    this.tx('write', async (tx) => {
      const r = (await tx.run(query, toNeo4jParams(params) as Record<string, unknown>)).records[0];
      const v = r?.get(0);
      return isInt(v) ? v.toNumber() : typeof v === 'number' ? v : 0;
    });

  /** Deletes Jejak's nodes only (labels from the schema): relationships first, in batches, with progress. */
  async clear(progress: ProgressFn = () => undefined): Promise<void> {
    await clearInBatches(this.countIn, progress, this.bulk.clearBatchRows);
  }

  /** One managed write transaction; a driver retry reruns it whole, and the guarded appends make that harmless. */
  async mergeFacts(facts: FactBatch): Promise<MergeReport> {
    return this.tx('write', (tx) => mergeFactsWith(neo4jMergeOps(tx), facts));
  }

  async replaceGraph(data: BulkLoad, progress: ProgressFn = () => undefined): Promise<void> {
    // Every row is converted, and so checked, before anything is deleted.
    const rows = prepareRows(data);
    await this.ensureSchema();
    const live = await this.health();
    const size = Math.max(rowCount(data), live.ok ? live.nodes + live.relationships : 0);
    if (size <= this.bulk.oneTransactionMaxRows) {
      const report = await this.tx('write', (tx) => replaceInTransaction(tx, rows, this.bulk));
      describeLoad(report, 'in one transaction', progress);
      return;
    }
    // Too big for one transaction's memory: batches, with the graph marked as being reloaded until they end.
    progress(`neo4j: ${formatCount(size)} rows, more than one transaction holds (${formatCount(this.bulk.oneTransactionMaxRows)}): loading in batches; reads answer 503 "the graph is being reloaded" until it ends`);
    const since = new Date().toISOString();
    this.reloadingSince = since;
    try {
      await this.tx('write', async (tx) => {
        await tx.run(SET_RELOAD_QUERY, { rows: int(size) });
      });
      await this.clear(progress);
      const report = await createAll(
        rows,
        (query, params) => this.tx('write', async (tx) => (await tx.run(query, params)).records.map((r) => r.toObject())),
        progress,
        this.bulk,
      );
      describeLoad(report, 'in batches', progress);
    } finally {
      // Success or failure, the marker goes: a failed reload is the caller's to report, not a graph closed for good.
      await this.tx('write', async (tx) => {
        await tx.run(CLEAR_RELOAD_QUERY);
      }).finally(() => {
        this.reloadingSince = undefined;
        this.reloadSeen = undefined;
      });
    }
  }

  async bulkLoad(data: BulkLoad, progress?: ProgressFn): Promise<void> {
    for (const group of data.nodes) {
      const query = nodeMergeQuery(group.label);
      const rows = group.rows.map((r) => toNeo4jNodeRow(group.label, r));
      for (let i = 0; i < rows.length; i += BATCH_SIZE) {
        const batch = rows.slice(i, i + BATCH_SIZE);
        await this.tx('write', async (tx) => {
          await tx.run(query, { rows: batch });
        });
        progress?.(`neo4j: ${group.label} ${formatCount(i + batch.length)}/${formatCount(rows.length)} nodes`);
      }
    }
    for (const group of data.rels) {
      const query = relMergeQuery(group.type, group.fromLabel, group.toLabel);
      const rows = group.rows.map((r) => toNeo4jRelRow(group.type, r));
      let missing = 0;
      for (let i = 0; i < rows.length; i += BATCH_SIZE) {
        const batch = rows.slice(i, i + BATCH_SIZE);
        const written = await this.tx('write', async (tx) => countOf((await tx.run(query, { rows: batch })).records, 'written'));
        missing += batch.length - written;
        const note = missing > 0 ? ` (${formatCount(missing)} skipped: endpoint node missing)` : '';
        progress?.(
          `neo4j: ${group.type} (${group.fromLabel}→${group.toLabel}) ${formatCount(i + batch.length)}/${formatCount(rows.length)} relationships${note}`,
        );
      }
    }
  }

  /** The operations' own Neo4j Cypher: a read transaction with the store's timeout unless the operation says otherwise. */
  private readonly native: Runner = (query, params = {}, options = {}) =>
    this.run(query, params, { mode: 'read', timeoutMs: this.operationTimeoutMs, ...options });

  node(id: string): Promise<NodeDetail | null> {
    return node(this.native, id);
  }

  /** The degrees and the page's slices in one read transaction: one session, one BEGIN and COMMIT. */
  neighbours(request: NeighboursRequest): Promise<Neighbours | null> {
    return this.inOneRead((run) => neighbours(run, request));
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return search(this.native, request);
  }

  subgraph(ids: readonly string[], maxRows: number): Promise<Capped> {
    return subgraph(this.native, ids, maxRows);
  }

  overview(request: OverviewRequest): Promise<Overview> {
    return overview(this.native, request);
  }

  private readonly aggregator = new OverviewAggregator(neo4jAggregate, this.native, () => this.health());

  aggregateOverview(): Promise<AggregateOverview> {
    return this.aggregator.overview();
  }

  groupMembers(request: GroupMembersRequest): Promise<GroupMembers> {
    return this.aggregator.members(request);
  }

  timeline(request: TimelineRequest): Promise<Timeline> {
    return timeline(this.native, request, this.inOneRead);
  }

  provenance(edgeId: string): Promise<EdgeProvenance | null> {
    return provenance(this.native, edgeId);
  }

  articleFacts(articleId: string): Promise<ArticleFacts | null> {
    return articleFacts(this.native, articleId);
  }

  paths(request: PathsRequest): Promise<Paths> {
    return paths(this.native, request);
  }

  runSavedQuery(query: SavedCypher, params: Record<string, unknown>, options: RunOptions = {}): Promise<RunResult> {
    return this.run(query.variants.neo4j ?? query.cypher, params, { ...options, mode: 'read' });
  }

  async health(): Promise<Health> {
    const h = await health(async (query) => {
      // Auto-commit reads: no retry loop, so an unreachable server is reported quickly.
      const session = this.session('read');
      try {
        return countOf((await session.run(query, {}, { timeout: 10_000 })).records, 'count');
      } catch (err) {
        throw this.mapError(err, 10_000);
      } finally {
        await session.close().catch(() => undefined);
      }
    }, this.location);
    if (!h.ok) return h;
    const since = this.reloadingSince ?? (await this.reloadMarker().catch(() => null));
    return since ? { ...h, ok: false, message: `the graph is being reloaded (a reseed started at ${since}); reads answer 503 until it ends` } : h;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * Opens a driver for the configured server. It connects lazily unless
 * `verify` is set, so a server that is down at start-up shows in health()
 * instead of stopping the app.
 */
export async function createNeo4jStore(cfg: Neo4jStoreConfig): Promise<Store> {
  let driver: Driver;
  try {
    driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
      userAgent: 'jejak',
      // Managed transactions retry transient failures (leader switch, unreachable server) this long;
      // kept short so an API request fails in seconds rather than half a minute.
      maxTransactionRetryTime: 5_000,
      connectionTimeout: 10_000,
      connectionAcquisitionTimeout: 20_000,
      ...cfg.driver,
    });
  } catch (err) {
    throw storeUnavailable(`cannot use NEO4J_URI ${safeUri(cfg.uri)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const store = new Neo4jStore(driver, cfg);
  if (cfg.verify) {
    try {
      await driver.verifyConnectivity({ database: cfg.database || undefined });
    } catch (err) {
      await driver.close().catch(() => undefined);
      const mapped = mapNeo4jError(err, { location: store.location, user: cfg.user });
      throw mapped instanceof JejakError ? mapped : storeUnavailable(`Neo4j at ${store.location}: ${mapped.message}`);
    }
  }
  return store;
}
