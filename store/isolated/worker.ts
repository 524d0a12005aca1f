/**
 * The child process that owns the embedded store: it opens the real KuzuStore
 * and answers the host's calls by method name. It knows nothing of the
 * contract's methods, so it needs no change when the contract grows.
 */
import { JejakError } from '../../shared/errors.js';
import { createKuzuStore } from '../kuzu/store.js';
import { isCallbackMarker, type FromWorker, type SerializedError, type ToWorker, type WorkerArgs } from './protocol.js';

const args = JSON.parse(process.env.JEJAK_WORKER_ARGS ?? '{}') as WorkerArgs;
const store = createKuzuStore(args.location, args.bufferPoolMb, args.operationTimeoutMs);
const target = store as unknown as Record<string, unknown>;

const send = (m: FromWorker) => {
  if (process.connected) process.send!(m);
};

function serialize(err: unknown): SerializedError {
  if (err instanceof JejakError) return { name: err.name, message: err.message, code: err.code, details: err.details };
  return { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
}

async function call(id: number, method: string, rawArgs: unknown[]): Promise<void> {
  const fn = target[method];
  if (method.startsWith('_') || method === 'constructor' || typeof fn !== 'function') {
    send({ type: 'error', id, error: { name: 'Error', message: `the embedded store has no operation ${method}` } });
    return;
  }
  const callArgs = rawArgs.map((a) => (isCallbackMarker(a) ? (...cb: unknown[]) => send({ type: 'callback', id, index: a.__callback, args: cb }) : a));
  try {
    const value: unknown = await (fn as (...a: unknown[]) => unknown).apply(store, callArgs);
    send({ type: 'result', id, value });
  } catch (err) {
    send({ type: 'error', id, error: serialize(err) });
  }
}

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  // A query still running in the engine could hold close() up for as long as it runs: do not wait
  // for it. This timer covers only that wait; Kùzu's own close runs its checkpoint on this thread,
  // where no timer fires, and the host's kill (2.5 s after it asked) is what bounds that.
  setTimeout(() => process.exit(0), 2000);
  await store.close().catch(() => undefined);
  process.exit(0);
}

process.on('message', (m: ToWorker) => {
  if (m.type === 'call') void call(m.id, m.method, m.args);
  else if (m.type === 'close') void close();
});
// The host is gone (stopped, killed, crashed): nobody will ask anything again. Exit at once: closing
// the database could wait on a query still running in the engine (Kùzu recovers as from any crash).
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
// A big graph's caches (the timeline's date index) are read now, not in the first request's time.
store.warm();
