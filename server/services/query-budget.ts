/**
 * A separate budget for user-written work (ad-hoc Cypher and saved queries):
 * at most `concurrency` of them hold a reader connection at once, at most
 * `queue` more wait, and the rest are told 429 at once. The engines' reader
 * pools are larger than the budget, so a few slow legal queries can never take
 * every connection and make search, neighbours and the other built-in reads wait.
 */
import { JejakError } from '../../shared/errors.js';

export interface BudgetLimits {
  /** Ad-hoc and saved queries running at once (JEJAK_ADHOC_CONCURRENCY). */
  concurrency: number;
  /** More that may wait for a slot (JEJAK_ADHOC_QUEUE). */
  queue: number;
}

export class QueryBudget {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: BudgetLimits) {}

  /** Runs `fn` in a slot of the budget, waiting for one or refusing with 429 when the queue is full. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.queue)
        throw new JejakError(
          'RATE_LIMITED',
          `${this.running} ad-hoc or saved queries are running and ${this.waiting.length} are waiting, the most allowed; try again shortly (JEJAK_ADHOC_CONCURRENCY is ${this.limits.concurrency}, JEJAK_ADHOC_QUEUE is ${this.limits.queue})`,
          { concurrency: this.limits.concurrency, queue: this.limits.queue },
        );
      // The finishing query hands its slot over directly, so `running` stays counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
