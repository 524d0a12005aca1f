/**
 * The Neo4j the bench runs against: NEO4J_URI when it is set, otherwise a
 * local one started with `npm run neo4j` (tools/neo4j/) on the bench's own
 * port, with its data under a directory of the bench's own. The JVM's pid is
 * kept so the memory suite can read its RSS apart from the server's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sleep } from '../stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  /** The Neo4j version the launcher printed, when the bench started it. */
  version: string | null;
  /** The JVM's pid when it runs on this machine (started by the bench), else null. */
  jvmPid: number | null;
  /** How the bench reached it, for the report. */
  how: string;
}

export interface LocalNeo4j {
  target: Neo4jTarget;
  stop(): Promise<void>;
}

/** Children of a process, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** The java process under `npm run neo4j` (npm → sh → mvn/java). */
export function findJvm(pid: number): number | null {
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    const cmd = fs.existsSync(`/proc/${p}/cmdline`) ? fs.readFileSync(`/proc/${p}/cmdline`, 'utf8') : '';
    if (p !== pid && /(^|\/)java\0/.test(cmd) && !cmd.includes('plexus-classworlds')) return p;
    queue.push(...childrenOf(p));
  }
  return null;
}

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  password: string;
  /** Page cache and heap for the graph sizes of the run. */
  pagecache: string;
  heap: string;
  /** db.memory.transaction.max: a seed of 1M relationships in few transactions needs more than the default 512m. */
  txMemory: string;
  log: (line: string) => void;
}

/** Starts `npm run neo4j` and resolves once it prints its Bolt URI. */
export async function startLocalNeo4j(o: LocalNeo4jOptions): Promise<LocalNeo4j> {
  fs.mkdirSync(o.dataDir, { recursive: true });
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'neo4j'], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_BOLT_PORT: String(o.port), JEJAK_DATA_DIR: o.dataDir, NEO4J_PASSWORD: o.password, NEO4J_PAGECACHE: o.pagecache, NEO4J_HEAP: o.heap, NEO4J_TX_MEMORY_MAX: o.txMemory,
      // The server's backstop: waiting for the indexes after a bulk load at 1M takes longer than its default minute.
      NEO4J_TX_TIMEOUT: '900s' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run neo4j did not print its Bolt URI in 300 s: ${out.slice(-400)}`)), 300_000);
    const onData = (d: Buffer) => {
      out += d;
      // Whole lines only: output arrives in chunks, and half a URI would name another port.
      const m = /ready at (bolt:\/\/\S+)(?: \(Neo4j ([^,)]+))?[^\n]*\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run neo4j exited ${code}: ${out.slice(-400)}`));
    });
  });
  child.removeAllListeners('exit');
  if (new URL(ready[1].replace(/^bolt:/, 'http:')).port !== String(o.port)) {
    process.kill(-child.pid!, 'SIGTERM');
    throw new Error(`npm run neo4j reported ${ready[1]}, not port ${o.port}: refusing to load another database`);
  }
  const jvmPid = findJvm(child.pid!);
  o.log(`neo4j: ${ready[1]} (Neo4j ${ready[2] ?? '?'}, JVM pid ${jvmPid ?? '?'})`);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The launcher shuts Neo4j down cleanly on SIGTERM; the whole group so npm's children go too.
    process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, sleep(60_000)]);
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  };
  return { target: { uri: ready[1], user: 'neo4j', password: o.password, version: ready[2] ?? null, jvmPid, how: `npm run neo4j on ${ready[1]}` }, stop };
}

/** NEO4J_URI from the environment, when set. */
export function neo4jFromEnv(env: NodeJS.ProcessEnv): Neo4jTarget | null {
  if (!env.NEO4J_URI) return null;
  const pid = Number(env.JEJAK_BENCH_NEO4J_PID);
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    version: null,
    jvmPid: Number.isInteger(pid) && pid > 0 ? pid : null,
    how: `NEO4J_URI (${env.NEO4J_URI})`,
  };
}
