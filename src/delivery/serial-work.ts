// One task at a time, in order: a channel's cutting, signing and delivering never overlap (one export at a time).
import type { DeliveryStats } from './delivery-stats.js';

export class SerialWork {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly stats: DeliveryStats,
    private readonly reportError: (error: unknown, where: string) => void,
  ) {}

  /** Runs `task` after every task queued before it; resolves once it is done. A failure is reported, never thrown. */
  run(task: () => Promise<void>): Promise<void> {
    this.stats.pendingTasks++;
    const next = this.tail
      .then(task)
      .catch((error: unknown) => this.reportError(error, 'delivery'))
      .finally(() => this.stats.pendingTasks--);
    this.tail = next;
    return next;
  }
}
