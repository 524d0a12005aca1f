/** Messages between the process host (parent) and the worker that owns the embedded store (child). */

/** What the worker needs to open the store. */
export interface WorkerArgs {
  location: string;
  bufferPoolMb?: number;
  operationTimeoutMs?: number;
}

/** A function argument (a progress callback) travels as this marker; the worker calls back with its index. */
export interface CallbackMarker {
  __callback: number;
}

export type ToWorker = { type: 'call'; id: number; method: string; args: unknown[] } | { type: 'close' };

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  details?: Record<string, unknown>;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerializedError }
  | { type: 'callback'; id: number; index: number; args: unknown[] };

export function isCallbackMarker(v: unknown): v is CallbackMarker {
  return typeof v === 'object' && v !== null && typeof (v as CallbackMarker).__callback === 'number';
}
