/**
 * Seeded randomness for layouts: fcose starts from random positions, so the
 * same graph drew a different picture on every reload. Runs that draw from a
 * seed taken from the graph itself give the same picture for the same graph.
 */

/** 32-bit FNV-1a hash of a string. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` with Math.random drawing from `seed`. Layout extensions call
 * Math.random directly and take no generator; their computation is
 * synchronous, so swapping it for the length of the call is contained.
 */
export function withSeed<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** A stable offset in [-0.5, 0.5)² for an element id. */
export function spreadOf(id: string): [number, number] {
  const next = seededRandom(hashOf(id));
  return [next() - 0.5, next() - 0.5];
}
