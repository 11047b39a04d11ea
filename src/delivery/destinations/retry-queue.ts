// The no-loss machinery every destination shares, as the S3 sink's channel has it: a bounded queue, batches cut
// to the service's limits, one send at a time, retries with backoff on the injectable clock, a run-once shutdown.
import type { TimerHandle } from '../../clock/clock.js';
import { runWithoutRecording } from '../../recorder/call-context.js';
import { describeError } from '../sink-attempt.js';
import type { DestinationContext, DestinationStats } from './destination.js';

/** Queue and retry options of a destination (OpenTelemetry's names where they apply). */
export interface DestinationQueueOptions {
  /** Items waiting per queue; beyond it new ones are dropped and counted. Default 100,000. */
  maxQueueSize?: number;
  /** First retry delay after a failed send; doubles up to `retryMaxDelayMillis`. Default 1,000. */
  retryInitialDelayMillis?: number;
  /** Default 60,000. */
  retryMaxDelayMillis?: number;
  /** How long (real time) one send may take before it counts as failed. Default 30,000. */
  exportTimeoutMillis?: number;
  /** Attempts per batch during `shutdown()`. Default 3. */
  shutdownAttempts?: number;
}

type Resolved = Required<DestinationQueueOptions>;

export function resolveQueueOptions(options: DestinationQueueOptions, name: string): Resolved {
  const resolved: Resolved = {
    maxQueueSize: options.maxQueueSize ?? 100_000,
    retryInitialDelayMillis: options.retryInitialDelayMillis ?? 1_000,
    retryMaxDelayMillis: options.retryMaxDelayMillis ?? 60_000,
    exportTimeoutMillis: options.exportTimeoutMillis ?? 30_000,
    shutdownAttempts: options.shutdownAttempts ?? 3,
  };
  for (const [key, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value <= 0) throw new TypeError(`localtrail: ${name}.${key} must be a number > 0, got ${String(value)}`);
  }
  return resolved;
}

/** What a send achieved beyond success: items to send again (partial failure), items refused for good. */
export interface SendOutcome<T> {
  retry?: T[];
  skipped?: number;
}

export interface RetryQueueConfig<T> {
  /** For messages: `cloudwatch-logs(<group>/<stream>)`. */
  where: string;
  context: DestinationContext;
  options: Resolved;
  stats: DestinationStats;
  /** How many leading items make the next batch (at least 1). */
  take(items: readonly T[]): number;
  send(batch: T[]): Promise<SendOutcome<T> | void> | SendOutcome<T> | void;
  /** After each attempt: `error` undefined on success (GetTrailStatus bookkeeping). */
  settled?(batch: readonly T[], error: unknown): void;
}

class SendTimeoutError extends Error {
  override readonly name = 'DeliveryTimeoutError';
  readonly code = 'DELIVERY_TIMEOUT';
}

/**
 * One queue of one target (a log stream, an event bus, a topic).
 * @example
 * const queue = new RetryQueue({ where, context, options, stats, take: (items) => Math.min(10, items.length), send });
 * queue.add(item); await queue.flush();
 */
export class RetryQueue<T> {
  private items: T[] = [];
  private work: Promise<void> = Promise.resolve();
  private kickPending = false;
  private retryTimer: TimerHandle | undefined;
  private retryDelay = 0;
  private reportedFull = false;
  private closed = false;
  private lastError: string | undefined;

  constructor(private readonly config: RetryQueueConfig<T>) {}

  get size(): number {
    return this.items.length;
  }

  /** On the recording path: O(1); the first send is made on the next event-loop turn. */
  add(item: T): void {
    const { stats, options, context } = this.config;
    if (this.closed || this.items.length >= options.maxQueueSize) {
      stats.dropped++;
      if (!this.reportedFull) {
        this.reportedFull = true;
        context.reportError(new Error(`${this.config.where}: queue ${this.closed ? 'shut down' : 'full'}, dropping (see stats().destinations)`), this.config.where);
      }
      return;
    }
    this.items.push(item);
    stats.queued++;
    if (!this.kickPending && this.retryTimer === undefined) {
      this.kickPending = true;
      setImmediate(() => {
        this.kickPending = false;
        void this.drain();
      });
    }
  }

  /** Sends everything queued now, ignoring a pending backoff. */
  flush(): Promise<void> {
    this.clearRetry();
    return this.drain();
  }

  /** A few last attempts; what is left is reported. Later adds are dropped. */
  async shutdown(): Promise<{ undelivered: number; error?: string }> {
    this.closed = true;
    for (let i = 0; i < this.config.options.shutdownAttempts && this.items.length > 0; i++) await this.flush();
    this.clearRetry();
    return this.items.length > 0 && this.lastError !== undefined ? { undelivered: this.items.length, error: this.lastError } : { undelivered: this.items.length };
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) this.config.context.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private drain(): Promise<void> {
    const next = this.work.then(() => this.sendAll());
    this.work = next.catch(() => undefined);
    return this.work;
  }

  private async sendAll(): Promise<void> {
    const { stats, context } = this.config;
    while (this.items.length > 0 && this.retryTimer === undefined) {
      const n = Math.max(1, Math.min(this.items.length, this.config.take(this.items)));
      const batch = this.items.slice(0, n);
      let outcome: SendOutcome<T> | void;
      try {
        outcome = await this.attempt(batch);
      } catch (error) {
        stats.failedAttempts++;
        this.lastError = describeError(error);
        this.config.settled?.(batch, error);
        context.reportError(new Error(`${this.config.where}: delivery failed: ${this.lastError}`), this.config.where);
        this.backOff();
        return;
      }
      this.items.splice(0, n);
      const retry = outcome?.retry ?? [];
      const skipped = outcome?.skipped ?? 0;
      stats.queued -= n - retry.length;
      stats.delivered += n - retry.length - skipped;
      stats.skipped += skipped;
      this.config.settled?.(batch, undefined);
      if (retry.length === 0) {
        this.retryDelay = 0;
        continue;
      }
      // A partial failure (PutEvents' failed entries): those go first again, after a backoff.
      this.items.unshift(...retry);
      stats.failedAttempts++;
      this.backOff();
      return;
    }
  }

  private backOff(): void {
    const { options, context } = this.config;
    this.retryDelay = Math.min(options.retryMaxDelayMillis, this.retryDelay ? this.retryDelay * 2 : options.retryInitialDelayMillis);
    if (this.closed) return;
    this.retryTimer = context.clock.setTimeout(() => {
      this.retryTimer = undefined;
      void this.drain();
    }, this.retryDelay);
  }

  /**
   * One send, bounded by `exportTimeoutMillis` of real time (it bounds real I/O), with recording suppressed: a
   * trail never records its own delivery, whatever the client or callback calls.
   */
  private attempt(batch: T[]): Promise<SendOutcome<T> | void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new SendTimeoutError(`no answer within ${this.config.options.exportTimeoutMillis} ms`)),
        this.config.options.exportTimeoutMillis,
      );
      if (!this.closed) timer.unref();
      runWithoutRecording(() => Promise.resolve().then(() => this.config.send(batch))).then(
        (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}
