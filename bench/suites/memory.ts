/**
 * Memory: the real server (`server/main.ts`, as `npm start` runs it) as a
 * child process over a pre-seeded database, a short load, then its peak RSS
 * (VmHWM) from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { round, sleep } from '../stats.js';
import { cannon, endpointsFor, type Probes } from './api.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface MemoryRow {
  relationships: number;
  nodes: number;
  /** RSS once the server is listening, before any request. */
  idleRssMiB: number;
  /** Peak RSS after the load. */
  peakRssMiB: number;
  requests: number;
  non2xx: number;
}

function procStatus(pid: number): { rss: number; hwm: number } {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, JEJAK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', JEJAK_RATE_LIMIT: '0', NEO4J_URI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${out.slice(-500)}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /ready at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out.slice(-500)}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

export async function measureMemory(dbFile: string, relationships: number, nodes: number, probes: Probes, quick: boolean): Promise<MemoryRow> {
  const { child, url } = await startServer(path.dirname(dbFile));
  try {
    await sleep(500);
    const idle = procStatus(child.pid!);
    let requests = 0;
    let non2xx = 0;
    for (const e of endpointsFor(probes, { timeoutMs: 5000, maxRows: 5000 })) {
      const r = await cannon(url, e, 8, quick ? 1 : 3);
      requests += r.requests;
      non2xx += r.non2xx + r.errors;
    }
    const after = procStatus(child.pid!);
    return { relationships, nodes, idleRssMiB: round(idle.rss, 1), peakRssMiB: round(after.hwm, 1), requests, non2xx };
  } finally {
    await stopServer(child);
  }
}
