/** Time a request spends inside a store's calls, for the bench's split of a request's time in the server (suites/api.ts). */

/**
 * The store behind a proxy that keeps the wall time spent inside its calls since `reset` (calls that
 * overlap counted once): what a request spent in the store, to take from its time in the server.
 */
export function storeClock<S extends object>(store: S, now: () => number = () => performance.now()): { store: S; reset(): void; elapsed(): number } {
  let active = 0;
  let started = 0;
  let total = 0;
  const enter = () => {
    if (active++ === 0) started = now();
  };
  const leave = () => {
    if (--active === 0) total += now() - started;
  };
  const proxy = new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        enter();
        let out: unknown;
        try {
          out = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (err) {
          leave();
          throw err;
        }
        if (out instanceof Promise) return out.finally(leave);
        leave();
        return out;
      };
    },
  });
  return {
    store: proxy,
    reset: () => {
      total = 0;
      if (active > 0) started = now();
    },
    elapsed: () => total + (active > 0 ? now() - started : 0),
  };
}
