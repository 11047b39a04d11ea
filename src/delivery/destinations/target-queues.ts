// The retry queues of a destination that sends per target (CloudWatch Logs: per log stream, SNS: per topic): made on
// first use with the destination's options and counters, flushed and shut down together.
import type { DestinationContext, DestinationShutdownReport, DestinationStats } from './destination.js';
import { newDestinationStats, shutdownReport } from './destination.js';
import type { DestinationQueueOptions, RetryQueueConfig } from './retry-queue.js';
import { resolveQueueOptions, RetryQueue } from './retry-queue.js';

/** A queue's own part of its configuration; the destination's context, options and counters are added. */
export type TargetQueueConfig<T> = Omit<RetryQueueConfig<T>, 'context' | 'options' | 'stats'>;

/**
 * One bounded retry queue per target, all counted in one `DestinationStats`.
 * @example
 * const queues = new TargetQueues<Item>('sns', options);
 * queues.of(topicArn, context, () => ({ where, take, send }))?.add(item);
 * await queues.shutdown();
 */
export class TargetQueues<T> {
  private readonly options: ReturnType<typeof resolveQueueOptions>;
  private readonly counters: DestinationStats = newDestinationStats();
  private readonly queues = new Map<string, RetryQueue<T>>();

  /** Throws a TypeError for queue options out of range, naming the destination. */
  constructor(
    private readonly name: string,
    options: DestinationQueueOptions,
  ) {
    this.options = resolveQueueOptions(options, name);
  }

  /** The queue of `key`, configured by `make` the first time. */
  of(key: string, context: DestinationContext, make: () => TargetQueueConfig<T>): RetryQueue<T> {
    let queue = this.queues.get(key);
    if (queue === undefined) {
      queue = new RetryQueue<T>({ ...make(), context, options: this.options, stats: this.counters });
      this.queues.set(key, queue);
    }
    return queue;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.flush()));
  }

  async shutdown(): Promise<DestinationShutdownReport> {
    return shutdownReport(this.name, await Promise.all([...this.queues.values()].map((q) => q.shutdown())));
  }

  stats(): DestinationStats {
    return { ...this.counters };
  }
}
