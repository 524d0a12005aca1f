/**
 * A process host for the embedded store. Kùzu runs inside the server's process
 * and a runaway or crashing query (a segfault, a 16 GiB result, a timeout the
 * engine does not honour) would take the whole server with it; so the real
 * KuzuStore lives in a child process (./worker.ts) and this proxy forwards
 * every method call to it over IPC. The proxy is generic over method names:
 * it needs no change when the store contract grows.
 *
 * The child has a JS heap cap (--max-old-space-size), Kùzu's buffer pool bound,
 * and an RSS watchdog here that polls /proc and kills it past a limit. A call
 * that passes its timeout (plus a grace second) kills the child too. After a
 * kill or crash the child is restarted on the next call; the calls that were
 * in flight are answered thus: the user query that ran (run, runSavedQuery)
 * gets 408 (timeout), 400 (memory) or 503 (crash); built-in reads are retried
 * once on the new child; writes are reported 503 (Kùzu's transaction rolls back
 * with the process, nothing half-written remains).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JejakError, queryTimeout, storeUnavailable } from '../../shared/errors.js';
import type { Store } from '../store.js';
import type { FromWorker, SerializedError, ToWorker, WorkerArgs } from './protocol.js';

export interface IsolationLimits {
  /** The child's RSS in MiB past which it is killed (JEJAK_WORKER_MAX_RSS_MB). */
  maxRssMb: number;
  /** The child's JS heap in MiB (JEJAK_WORKER_HEAP_MB). */
  heapMb: number;
  /** Timeout of built-in operations, when a call names none. */
  operationTimeoutMs: number;
  /** Timeout of one article's merge and other small writes (mergeFacts, writeTransaction): JEJAK_WRITE_TIMEOUT_MS. */
  writeTimeoutMs?: number;
  /** Timeout of bulk writes (replaceGraph, bulkLoad, clear, schema, checkpoint): a reseed at 1M takes minutes. JEJAK_BULK_TIMEOUT_MS. */
  bulkTimeoutMs?: number;
  /** Deadline for planning user Cypher (assertReadOnly), which names none: the server's query timeout. */
  planTimeoutMs?: number;
  /** Added to a call's timeout before the child is killed: the engine's own timeout should answer first. */
  graceMs?: number;
  /** How often the watchdog reads the child's RSS. */
  pollMs?: number;
  /**
   * Reads (built-in and user Cypher) sent to the child at once; the rest wait
   * here, in order. The child runs each on a pooled connection, so more in
   * flight would only wait there, where the kill timer would count the wait.
   */
  readSlots?: number;
  /** Reads allowed to wait for a slot; past it a read gets 503 at once (the engine is saturated). */
  maxQueuedReads?: number;
}

/** Two slots: an operation may run two queries at once (the timeline does), and the child has four read connections. */
export const DEFAULT_READ_SLOTS = 2;
export const DEFAULT_MAX_QUEUED_READS = 256;

/**
 * Ad-hoc and saved Cypher: user-written, so a runaway is theirs to answer for,
 * and never retried. Planning counts: Kùzu folds `range(1, 100000000)` while it
 * plans, so EXPLAIN alone can exhaust memory.
 */
const USER_QUERIES = new Set(['run', 'runSavedQuery', 'assertReadOnly']);
/** Built-in reads: safe to retry once on a fresh child. Anything not listed is treated as a write. */
const READS = new Set(['node', 'neighbours', 'search', 'subgraph', 'overview', 'timeline', 'provenance', 'articleFacts', 'paths', 'health', 'shortestPath']);
/** Writes that load or empty the whole graph: they get the bulk limit, not a click's. */
const BULK_WRITES = new Set(['replaceGraph', 'bulkLoad', 'clear', 'ensureSchema', 'checkpoint']);
/** The setting that bounds a call of this method, named in the message when it is stopped. */
function limitSetting(method: string): string {
  if (BULK_WRITES.has(method)) return 'JEJAK_BULK_TIMEOUT_MS';
  return READS.has(method) ? 'the built-in operation timeout' : 'JEJAK_WRITE_TIMEOUT_MS';
}

type Ending = 'timeout' | 'memory' | 'crash';

/** Defaults of the write limits when the host is given none (shared/config.ts has the same). */
export const DEFAULT_WRITE_TIMEOUT_MS = 120_000;
export const DEFAULT_BULK_TIMEOUT_MS = 3_600_000;

interface Pending {
  method: string;
  args: unknown[];
  callbacks: Array<(...a: unknown[]) => void>;
  timeoutMs: number;
  retried: boolean;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  timer?: NodeJS.Timeout;
  worker?: Worker;
}

/** One child process: its readiness, how it is ending (when the host killed it) and its exit. */
interface Worker {
  child: ChildProcess;
  ready: Promise<ChildProcess>;
  exited: Promise<void>;
  ending?: Ending;
  watchdog: NodeJS.Timeout;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');

/** The worker's entry: compiled JavaScript when shipped so, else TypeScript through tsx. */
function workerEntry(): { file: string; execArgv: string[] } {
  const js = path.join(HERE, 'worker.js');
  if (fs.existsSync(js)) return { file: js, execArgv: [] };
  return { file: path.join(HERE, 'worker.ts'), execArgv: ['--import', 'tsx'] };
}

function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function revive(e: SerializedError): Error {
  if (e.code) return new JejakError(e.code as JejakError['code'], e.message, e.details);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

/** A read waiting for a slot; it gives up (503) when its own timeout passes first. */
interface Queued {
  start(): void;
  timer: NodeJS.Timeout;
}

export class ProcessHost {
  private current?: Worker;
  private readonly pending = new Map<number, Pending>();
  /** Reads sent to the child and not yet answered (retries on a new child keep their slot). */
  private readsInFlight = 0;
  private readonly readQueue: Queued[] = [];
  private nextId = 1;
  /** Set while close() stops the child: calls in flight then are told the store closed, and no child is restarted. */
  private closing = false;
  /** Children started so far (the first included): for tests and the bench. */
  starts = 0;

  constructor(
    private readonly args: WorkerArgs,
    private readonly limits: IsolationLimits,
  ) {
    // The server exits (SIGTERM's forced exit, a fatal error): the worker must not outlive it, even
    // when a native query keeps the worker's own thread from seeing the IPC channel close.
    process.once('exit', () => this.current?.child?.kill('SIGKILL'));
  }

  /** The running child's pid, if any. */
  get pid(): number | undefined {
    return this.current && !this.current.ending ? this.current.child?.pid : undefined;
  }

  /** The live worker, started when there is none; a new one waits for the old one's exit (Kùzu: one process per file). */
  private worker(): Worker {
    if (this.current && !this.current.ending) return this.current;
    const previous = this.current?.exited ?? Promise.resolve();
    const { file, execArgv } = workerEntry();
    this.starts++;
    let child!: ChildProcess;
    const spawned = previous.then(() => {
      child = fork(file, [], {
        cwd: REPO,
        execArgv: [...execArgv, `--max-old-space-size=${this.limits.heapMb}`],
        // Every Kùzu query step is a job on libuv's pool (4 threads by default): room for the four readers, the writer and the index reads.
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core), and memory the engine frees stays
        // in them: two arenas kept the worker's peak about 100 MiB lower at 1M relationships, as fast (bench/findings.ts).
        env: { UV_THREADPOOL_SIZE: '16', MALLOC_ARENA_MAX: '2', ...process.env, JEJAK_WORKER_ARGS: JSON.stringify(this.args) },
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      return child;
    });
    const worker: Worker = {
      get child() {
        return child;
      },
      ready: undefined as unknown as Promise<ChildProcess>,
      exited: undefined as unknown as Promise<void>,
      watchdog: setInterval(() => {
        const rss = child?.pid ? rssMb(child.pid) : undefined;
        if (rss !== undefined && rss > this.limits.maxRssMb) this.kill(worker, 'memory');
      }, this.limits.pollMs ?? 100),
    };
    worker.watchdog.unref();
    worker.exited = spawned.then((c) => new Promise<void>((resolve) => c.once('exit', (code, signal) => {
      this.onExit(worker, code, signal);
      resolve();
    })));
    worker.ready = spawned.then(
      (c) =>
        new Promise<ChildProcess>((resolve, reject) => {
          const early = (code: number | null, signal: NodeJS.Signals | null) =>
            reject(storeUnavailable(`the embedded engine's worker stopped before it was ready (exit ${signal ?? code}); try again`));
          c.once('exit', early);
          c.on('message', (m: FromWorker) => {
            if (m.type === 'ready') {
              c.off('exit', early);
              resolve(c);
            } else this.onMessage(m);
          });
        }),
    );
    worker.ready.catch(() => undefined);
    this.current = worker;
    return worker;
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'ready') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'callback') {
      p.callbacks[m.index]?.(...m.args);
      return;
    }
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.type === 'result') p.resolve(m.value);
    else p.reject(revive(m.error));
  }

  private onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    clearInterval(worker.watchdog);
    const ending: Ending = worker.ending ?? 'crash';
    worker.ending = ending;
    for (const [id, p] of [...this.pending.entries()]) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      clearTimeout(p.timer);
      if (this.closing) p.reject(storeUnavailable('the store was closed while this call ran; try again'));
      else if (USER_QUERIES.has(p.method)) p.reject(this.userError(ending, p, signal ?? code));
      else if (READS.has(p.method) && !p.retried) {
        p.retried = true;
        this.dispatch(p);
      } else p.reject(storeUnavailable(`the embedded engine's worker stopped (${ending}) during this ${READS.has(p.method) ? 'read' : 'write'}; nothing was written — try again`));
    }
    // Start the next worker now, so its start-up is not in the next request's path.
    if (!this.closing && this.current === worker) this.worker();
  }

  private userError(ending: Ending, p: Pending, how: string | number | null): JejakError {
    if (ending === 'timeout') return queryTimeout(p.timeoutMs);
    if (ending === 'memory')
      return new JejakError('BAD_QUERY', `the query used more memory than the embedded engine's limit of ${this.limits.maxRssMb} MiB and was stopped; narrow it (add a LIMIT or a WHERE) (JEJAK_WORKER_MAX_RSS_MB)`, {
        maxRssMb: this.limits.maxRssMb,
      });
    return storeUnavailable(`the embedded engine stopped (${how}) while running this query and was restarted; the query was not run to the end`);
  }

  /** Kills a worker (the next call gets a new one); its calls in flight are answered as `why` says. */
  private kill(worker: Worker, why: Ending): void {
    if (worker.ending) return;
    worker.ending = why;
    worker.child?.kill('SIGKILL');
  }

  /** Kills the current worker, as a crash would (tests). */
  killCurrent(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.current?.child?.kill(signal);
  }

  private dispatch(p: Pending): void {
    const id = this.nextId++;
    const worker = this.worker();
    p.worker = worker;
    this.pending.set(id, p);
    worker.ready.then(
      (child) => {
        if (this.pending.get(id) !== p) return;
        // The engine's own timeout should answer first; past it and a grace period, the worker goes.
        p.timer = setTimeout(() => {
          if (this.pending.get(id) !== p) return;
          // Only this call is the runaway: answer it now; the others on this worker follow its exit.
          this.pending.delete(id);
          p.reject(
            USER_QUERIES.has(p.method)
              ? queryTimeout(p.timeoutMs)
              : READS.has(p.method)
                ? storeUnavailable(`the embedded engine did not answer within ${p.timeoutMs} ms and was restarted; try again`)
                : storeUnavailable(`the ${p.method} write ran past its limit of ${p.timeoutMs} ms (${limitSetting(p.method)}) and the embedded engine was restarted; its unfinished transaction was rolled back with it`),
          );
          this.kill(worker, 'timeout');
        }, p.timeoutMs + (this.limits.graceMs ?? 1000));
        const args = p.args.map((a) => {
          if (typeof a !== 'function') return a;
          p.callbacks.push(a as (...x: unknown[]) => void);
          return { __callback: p.callbacks.length - 1 };
        });
        const message: ToWorker = { type: 'call', id, method: p.method, args };
        child.send(message);
      },
      (err) => {
        if (this.pending.get(id) !== p) return;
        this.pending.delete(id);
        p.reject(err);
      },
    );
  }

  /** A call's limit when it names none: writes get their own, so a reseed is not held to a click's 30 s. */
  private defaultTimeout(method: string): number {
    const l = this.limits;
    if (method === 'assertReadOnly') return l.planTimeoutMs ?? l.operationTimeoutMs;
    if (BULK_WRITES.has(method)) return l.bulkTimeoutMs ?? DEFAULT_BULK_TIMEOUT_MS;
    if (READS.has(method) || USER_QUERIES.has(method)) return l.operationTimeoutMs;
    return l.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  }

  call(method: string, args: unknown[]): Promise<unknown> {
    const options = method === 'run' || method === 'runSavedQuery' ? (args[2] as { timeoutMs?: number } | undefined) : undefined;
    const timeoutMs = options?.timeoutMs ?? this.defaultTimeout(method);
    if (!READS.has(method) && !USER_QUERIES.has(method))
      return new Promise((resolve, reject) => this.dispatch({ method, args, callbacks: [], timeoutMs, retried: false, resolve, reject }));
    return new Promise((resolve, reject) => this.admitRead({ method, args, callbacks: [], timeoutMs, retried: false, resolve, reject }));
  }

  /** Reads (and reads queued) right now: for tests and the health report. */
  get readLoad(): { inFlight: number; queued: number } {
    return { inFlight: this.readsInFlight, queued: this.readQueue.length };
  }

  /**
   * Sends a read when a slot is free, else queues it. A queued read's timeout
   * runs while it waits (its caller's deadline does not stop for the queue),
   * and ends in a 503 that says the engine is busy: the child is not killed
   * for calls it never started.
   */
  private admitRead(p: Pending): void {
    const slots = this.limits.readSlots ?? DEFAULT_READ_SLOTS;
    const release = <T>(settle: (v: T) => void) => (v: T) => {
      this.readsInFlight--;
      const next = this.readQueue.shift();
      if (next) {
        clearTimeout(next.timer);
        next.start();
      }
      settle(v);
    };
    const start = () => {
      this.readsInFlight++;
      this.dispatch({ ...p, resolve: release(p.resolve), reject: release(p.reject) });
    };
    if (this.readsInFlight < slots) return start();
    const maxQueued = this.limits.maxQueuedReads ?? DEFAULT_MAX_QUEUED_READS;
    if (this.readQueue.length >= maxQueued) {
      p.reject(storeUnavailable(`the embedded engine is saturated: ${this.readsInFlight} reads running and ${this.readQueue.length} waiting; try again shortly`));
      return;
    }
    const queued: Queued = {
      start,
      timer: setTimeout(() => {
        const at = this.readQueue.indexOf(queued);
        if (at >= 0) this.readQueue.splice(at, 1);
        p.reject(storeUnavailable(`the embedded engine was busy for ${p.timeoutMs} ms (${this.readQueue.length} reads waiting) and did not start this ${USER_QUERIES.has(p.method) ? 'query' : 'read'}; try again shortly`));
      }, p.timeoutMs),
    };
    queued.timer.unref();
    this.readQueue.push(queued);
  }

  /**
   * Stops the child (its store closes its database file for good). The host is
   * not dead after close(), as KuzuStore's release() is not: the next call
   * starts a new child on the file, so a reseed can close it, swap the file
   * and go on.
   */
  async close(): Promise<void> {
    const worker = this.current;
    if (!worker) return;
    this.closing = true;
    try {
      const child = await worker.ready.catch(() => undefined);
      if (child && !worker.ending) {
        worker.ending = 'crash';
        try {
          child.send({ type: 'close' } satisfies ToWorker);
        } catch {
          child.kill('SIGKILL');
        }
        const force = setTimeout(() => child.kill('SIGKILL'), 2500);
        await worker.exited;
        clearTimeout(force);
      } else await worker.exited;
    } finally {
      if (this.current === worker) this.current = undefined;
      this.closing = false;
    }
  }
}

export interface IsolatedStore extends Store {
  /** The host, for tests and the bench (pid, starts, kill). */
  readonly host: ProcessHost;
}

/** A Store whose every method runs in the worker: built generically, by name. */
export function createIsolatedKuzuStore(args: WorkerArgs, limits: IsolationLimits): IsolatedStore {
  const host = new ProcessHost(args, limits);
  const fixed: Record<string, unknown> = {
    engine: 'kuzu',
    location: args.location,
    host,
    close: () => host.close(),
    // Not a thenable: `await store` must give the store.
    then: undefined,
    // Kùzu keeps its derived data in memory: nothing to bring up to date (the server asks only stores that have it).
    upgrade: undefined,
  };
  return new Proxy({} as IsolatedStore, {
    get(_t, prop) {
      if (typeof prop === 'symbol') return undefined;
      if (prop in fixed) return fixed[prop];
      return (...a: unknown[]) => host.call(prop, a);
    },
    has: (_t, prop) => typeof prop === 'string',
  });
}
