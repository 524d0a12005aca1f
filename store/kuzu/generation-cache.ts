/**
 * A value derived from the whole database (the search names, the date index,
 * degree counts), built once per generation of the data. A merge keeps it
 * current in place (`carry`); any other write starts a new generation, and
 * the value is built again when next asked for.
 */
export class GenerationCache<T> {
  private current?: { generation: number; value: Promise<T>; ready?: T };

  /** `build` may stop early (throw) once `wanted()` turns false: the value was dropped meanwhile. */
  constructor(private readonly build: (wanted: () => boolean) => Promise<T>) {}

  get(generation: number): Promise<T> {
    if (!this.current || this.current.generation !== generation) {
      const entry = { generation } as NonNullable<GenerationCache<T>['current']>;
      this.current = entry;
      entry.value = this.build(() => this.current === entry);
      entry.value.then(
        (value) => (entry.ready = value),
        () => {
          if (this.current === entry) this.current = undefined; // a failed build is not kept
        },
      );
    }
    return this.current.value;
  }

  /**
   * After a merge committed at `generation` (before the generation moves on):
   * a value built on it takes the merge (`update`) and stays current for the
   * next generation; one still being built is dropped, as it may predate the
   * merge; `update` returning false drops it too (e.g. grown past a bound).
   */
  carry(generation: number, update: (value: T) => boolean | void): void {
    const entry = this.current;
    if (entry?.generation !== generation) return;
    if (!entry.ready || update(entry.ready) === false) {
      this.current = undefined;
      return;
    }
    entry.generation = generation + 1;
  }

  /** The value if built within `waitMs`, else null (its build goes on, for the next caller). */
  async within(generation: number, waitMs: number): Promise<T | null> {
    const value = this.get(generation);
    if (this.current?.ready !== undefined) return this.current.ready;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
    try {
      return await Promise.race([value, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  clear(): void {
    this.current = undefined;
  }
}
