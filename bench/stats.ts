/** Small helpers for timings: percentiles and rounding. */

/** The p-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds since `start` (a performance.now() value). */
export function since(start: number): number {
  return performance.now() - start;
}

/** Times `fn` up to `n` times in a row (at least once, stopping after `budgetMs`) and returns each duration in ms. */
export async function timeRepeated(n: number, fn: () => Promise<unknown>, budgetMs = Infinity): Promise<number[]> {
  const out: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n && (i === 0 || since(start) < budgetMs); i++) {
    const t = performance.now();
    await fn();
    out.push(since(t));
  }
  return out;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
