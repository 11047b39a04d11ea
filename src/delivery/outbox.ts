// The objects of one channel on their way to the sinks, oldest first. An object goes to every sink that has not
// stored it yet; one some sink refused holds back those after it until a retry (exponential backoff). A delivered
// object updates the counters, the trail's GetTrailStatus fields, its digest chain and the sinks' notifications.
import type { TimerHandle } from '../clock/clock.js';
import type { DigestChain } from '../integrity/digest-chain.js';
import type { ChannelHost, ChannelPlace } from './channel-host.js';
import { notifyStored } from './notifications.js';
import type { DeliveryObject, DeliverySink } from './sink.js';
import { describeError, putWithTimeout } from './sink-attempt.js';

/** An object on its way to the sinks. */
export interface OutgoingObject {
  object: DeliveryObject;
  /** Sinks that have not stored it yet. */
  remaining: DeliverySink[];
  recordCount: number;
  lastError?: string;
  /** For log files: the digest entry to add once every sink has the file. */
  digestEntry?: { hashValue: string; newestEventTime: string | null; oldestEventTime: string | null };
  /** The digest chain that was open when the file was cut: its digest lists the file once delivered. */
  chain?: DigestChain;
}

export class Outbox {
  private readonly items: OutgoingObject[] = [];
  private retryTimer: TimerHandle | undefined;
  private retryDelay = 0;
  /** Shutting down: no retry timers, and a sink attempt keeps the process alive until it ends. */
  private closing = false;

  constructor(
    private readonly host: ChannelHost,
    private readonly place: ChannelPlace,
    private readonly events: {
      /** The backoff after a refusal ended: time to try again. */
      retryDue(): void;
      /** Every sink stored a log file of `recordCount` records. */
      logFileDelivered(recordCount: number): void;
    },
  ) {}

  get length(): number {
    return this.items.length;
  }

  add(item: OutgoingObject): void {
    this.items.push(item);
    this.host.stats.pendingObjects++;
  }

  /** Delivers in order, unless a refusal is backing off (its retry will deliver). */
  deliver(): Promise<void> {
    return this.retryTimer !== undefined ? Promise.resolve() : this.attempt();
  }

  /** Delivers in order now, cutting a backoff short (flush, a closing chain, shutdown). */
  retryNow(): Promise<void> {
    this.cancelRetry();
    return this.attempt();
  }

  /** Shutting down: cancels the pending retry and schedules none. */
  close(): void {
    this.closing = true;
    this.cancelRetry();
  }

  /** What is still waiting for some sink. */
  undelivered(): OutgoingObject[] {
    return [...this.items];
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.host.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async attempt(): Promise<void> {
    const { clock, options, stats } = this.host;
    while (this.items.length > 0) {
      const item = this.items[0]!;
      const sinks = item.remaining;
      const attempt = { timeoutMs: options.exportTimeoutMillis, keepProcessAlive: this.closing };
      const results = await Promise.allSettled(sinks.map((s) => putWithTimeout(s, item.object, attempt)));
      const refused: DeliverySink[] = [];
      results.forEach((result, i) => {
        const sink = sinks[i]!;
        if (result.status === 'fulfilled') notifyStored(sink, item, this.place, this.host);
        else {
          refused.push(sink);
          stats.failedAttempts++;
          item.lastError = describeError(result.reason);
        }
      });
      item.remaining = refused;
      const status = this.host.statusOf(this.place.trail.arn);
      const at = clock.now();
      if (refused.length > 0) {
        if (item.object.kind === 'log') status.latestDeliveryError = item.lastError;
        else status.latestDigestDeliveryError = item.lastError;
        this.host.reportError(new Error(`delivery of s3://${item.object.bucket}/${item.object.key} failed: ${item.lastError}`), 'delivery.put');
        this.backOff();
        return;
      }
      this.retryDelay = 0;
      this.items.shift();
      stats.pendingObjects--;
      if (item.object.kind === 'log') {
        stats.queued -= item.recordCount;
        stats.deliveredFiles++;
        stats.deliveredRecords += item.recordCount;
        status.latestDeliveryTime = at;
        delete status.latestDeliveryError;
        this.host.fileDelivered?.(this.place, item.object);
        if (item.digestEntry && item.chain) {
          item.chain.add({ s3Bucket: item.object.bucket, s3Object: item.object.key, hashAlgorithm: 'SHA-256', ...item.digestEntry });
        }
        this.events.logFileDelivered(item.recordCount);
      } else {
        stats.deliveredDigests++;
        status.latestDigestDeliveryTime = at;
        delete status.latestDigestDeliveryError;
      }
    }
  }

  private backOff(): void {
    const { options, clock } = this.host;
    this.retryDelay = Math.min(options.retryMaxDelayMillis, this.retryDelay ? this.retryDelay * 2 : options.retryInitialDelayMillis);
    if (this.closing) return;
    this.retryTimer = clock.setTimeout(() => {
      this.retryTimer = undefined;
      this.events.retryDue();
    }, this.retryDelay);
  }
}
