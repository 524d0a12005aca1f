/**
 * A shared/exclusive gate around the database handles: reads and writes
 * pass together; swapping the database file waits for them to finish and
 * holds new ones back until the new file is open, so no request ever runs
 * on a closed or deleted database.
 */
export class Gate {
  private active = 0;
  private drained?: () => void;
  /** Set while an exclusive section waits or runs; new shared sections wait for it. */
  private closed?: Promise<void>;

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      if (this.active === 0) this.drained?.();
    }
  }

  /** Runs `fn` alone: after every shared section under way has ended, before any new one starts. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    let open!: () => void;
    this.closed = new Promise((resolve) => (open = resolve));
    try {
      if (this.active > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = undefined;
      return await fn();
    } finally {
      this.closed = undefined;
      open();
    }
  }
}
