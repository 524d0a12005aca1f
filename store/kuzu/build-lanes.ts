/**
 * What the in-memory indexes' builds share (the search words, the date index,
 * the adjacency): the database read in parts two at a time, each row handed
 * over as it is read (`BuildScan`), and columns of numbers collected into
 * typed arrays as they come. A million relationships as JavaScript objects or
 * number arrays were most of the worker's peak memory while it started, and
 * so were a part's rows collected before they were used: they lived long
 * enough to reach the old generation, which V8 let grow to ~490 MiB of mostly
 * garbage while the three builds ran together (1M relationships, 2026-12-03).
 */
import type { PlainValue } from '../../shared/graph.js';

/** Runs a build's query (the builds' timeout, not a click's) and hands `onRow` each row as it is read, none kept. */
export type BuildScan = (query: string, onRow: (row: Record<string, PlainValue>) => void) => Promise<void>;

/** Reading a million relationships takes a while on a busy machine: beyond an operation's click-sized bound. */
export const BUILD_TIMEOUT_MS = 600_000;

/** Parts read at once while building: two of the store's readers, the others left to requests. */
export const BUILD_LANES = 2;

/** Runs `steps` `BUILD_LANES` at a time; stops (throws `dropped`) once `wanted` turns false. */
export async function inLanes(steps: ReadonlyArray<() => Promise<void>>, wanted: () => boolean, dropped: string): Promise<void> {
  const queue = [...steps];
  const lane = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      if (!wanted()) throw new Error(dropped);
      await step();
    }
  };
  await Promise.all(Array.from({ length: BUILD_LANES }, lane));
}

type TypedArray = Int32Array | Uint32Array | Uint8Array;

/** A typed array that grows as values are pushed: 4 bytes a number (1 for Uint8Array), where a JS array of a million numbers takes 8 and more while it grows. */
export class Column<A extends TypedArray> {
  private data: A;
  length = 0;

  constructor(private readonly make: (size: number) => A) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i];
  }

  /** The values pushed, in a typed array of their own length. */
  values(): A {
    return this.data.slice(0, this.length) as A;
  }
}

export const int32Column = () => new Column((n) => new Int32Array(n));
export const uint32Column = () => new Column((n) => new Uint32Array(n));
export const uint8Column = () => new Column((n) => new Uint8Array(n));
