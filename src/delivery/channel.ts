// The batcher of one (trail, region, account): queue → log files → sinks with retries, plus its digest chain.
// One export at a time (all work runs on one promise chain), timers on the injectable clock.
import type { Clock, TimerHandle } from '../clock/clock.js';
import type { CloudTrailRecord } from '../event/record.js';
import { DigestChain } from '../integrity/digest-chain.js';
import type { PreviousDigest } from '../integrity/digest-file.js';
import type { SigningKeyRing } from '../integrity/signing-keys.js';
import type { ResolvedDeliveryOptions } from './delivery-options.js';
import { encodeLogFiles } from './log-file-encoder.js';
import { logFileKey } from './object-keys.js';
import type { DeliveryStatus, DeliveryTrail } from './port.js';
import type { DeliveryObject, DeliverySink } from './sink.js';
import { describeError, putWithTimeout } from './sink-attempt.js';

/**
 * Counters shared by every channel of a delivery service.
 * @example
 * const { deliveredFiles, droppedRecords, failedAttempts } = trail.stats().delivery;
 */
export interface DeliveryStats {
  /** Records waiting in queues or in undelivered files. */
  queued: number;
  deliveredFiles: number;
  deliveredRecords: number;
  deliveredDigests: number;
  /** Records dropped because a queue was full. */
  droppedRecords: number;
  /** Failed attempts to store an object (each retried). */
  failedAttempts: number;
  /** Objects waiting for (re)delivery. */
  pendingObjects: number;
}

/** What a channel needs from the service that owns it. */
export interface ChannelHost {
  readonly clock: Clock;
  readonly options: ResolvedDeliveryOptions;
  readonly keys: SigningKeyRing;
  readonly stats: DeliveryStats;
  statusOf(trailArn: string): DeliveryStatus;
  reportError(error: unknown, where: string): void;
}

/** An object on its way to the sinks. */
export interface OutgoingObject {
  object: DeliveryObject;
  remaining: DeliverySink[];
  recordCount: number;
  lastError?: string;
  /** For log files: the digest entry to add once every sink has the file. */
  digestEntry?: { hashValue: string; newestEventTime: string | null; oldestEventTime: string | null };
  /** The digest chain that was open when the file was cut: its digest lists the file once delivered. */
  chain?: DigestChain;
}

export class DeliveryChannel {
  private queue: CloudTrailRecord[] = [];
  private readonly outbox: OutgoingObject[] = [];
  private outboxRecords = 0;
  private encodingRecords = 0;
  private work: Promise<void> = Promise.resolve();
  private exportTimer: TimerHandle | undefined;
  private retryTimer: TimerHandle | undefined;
  private digestTimer: TimerHandle | undefined;
  private retryDelay = 0;
  private tasks = 0;
  private waitingOnSinks = false;
  private batchKickPending = false;
  private reportedFull = false;
  /** Records waiting for the sinks' `stream` hooks, handed over on the next event-loop turn (not the file's 5 minutes). */
  private streamQueue: CloudTrailRecord[] = [];
  private readonly streams: boolean;
  private closed = false;
  chain: DigestChain | undefined;
  /** The newest digest this channel cut (over all its chains). */
  latestDigest: PreviousDigest | undefined;
  private latestDigestSecond: number | undefined;

  constructor(
    public trail: DeliveryTrail,
    readonly region: string,
    readonly accountId: string,
    private readonly host: ChannelHost,
  ) {
    this.streams = host.options.sinks.some((sink) => sink.stream !== undefined);
  }

  /** Hot path: O(1), no I/O. */
  add(record: CloudTrailRecord): void {
    const { options, stats } = this.host;
    if (this.queue.length + this.outboxRecords + this.encodingRecords >= options.maxQueueSize) {
      stats.droppedRecords++;
      if (!this.reportedFull) {
        this.reportedFull = true;
        this.host.reportError(
          new Error(`delivery queue full for ${this.trail.arn} in ${this.region}: dropping records (see stats().droppedRecords)`),
          'delivery.enqueue',
        );
      }
      return;
    }
    this.queue.push(record);
    stats.queued++;
    if (this.streams && this.streamQueue.push(record) === 1) setImmediate(() => this.flushStream());
    if (this.queue.length >= options.maxExportBatchSize) {
      if (!this.batchKickPending) {
        this.batchKickPending = true;
        void this.run(false);
      }
    } else if (this.exportTimer === undefined && !this.closed) {
      this.exportTimer = this.host.clock.setTimeout(() => {
        this.exportTimer = undefined;
        void this.run(false);
      }, options.scheduledDelayMillis);
    }
  }

  /** Cuts everything queued into files and tries every undelivered object now. */
  flush(): Promise<void> {
    return this.run(true);
  }

  /** Starts a digest chain at `at` (a starting digest: previous fields null) unless one is running. */
  startChain(at: number): void {
    if (this.chain || this.closed) return;
    this.chain = new DigestChain(at, this.latestDigestSecond);
    this.host.keys.prepare(this.region);
    this.scheduleDigest(at + this.host.options.digestIntervalMillis);
  }

  /** Delivers what is queued, then closes the chain with a final digest ending at `at` (the stop, or now). */
  closeChain(at: number = this.host.clock.now()): Promise<void> {
    this.clearDigestTimer();
    const chain = this.chain;
    this.chain = undefined;
    if (!chain) return this.run(true);
    // Records queued now belong to the closing chain: its final digest must list them. Records routed after this
    // call (a restart) belong to the next chain, so take these out of the queue right away.
    this.stopExportTimer();
    const closing = this.queue;
    this.queue = [];
    this.encodingRecords += closing.length;
    return this.enqueueWork(async () => {
      const size = this.host.options.maxExportBatchSize;
      for (let i = 0; i < closing.length; i += size) {
        const batch = closing.slice(i, i + size);
        this.encodingRecords -= batch.length;
        await this.encodeBatch(batch, chain);
      }
      await this.deliverOutbox(true);
      // Nothing new since a digest that ended this very second: that digest already closes the chain.
      const empty = chain.pendingLogFiles === 0 && chain.latest !== undefined && Math.floor(at / 1000) <= Math.floor(chain.windowStart / 1000);
      if (!empty) await this.cutDigest(chain, at);
      await this.deliverOutbox(true);
    });
  }

  /** Stops timers; delivers with up to `shutdownAttempts` tries; returns what could not be delivered. */
  async shutdown(at: number): Promise<OutgoingObject[]> {
    this.closed = true;
    if (this.exportTimer) this.host.clock.clearTimeout(this.exportTimer);
    if (this.retryTimer) this.host.clock.clearTimeout(this.retryTimer);
    this.exportTimer = this.retryTimer = undefined;
    await this.closeChain(at);
    for (let i = 1; i < this.host.options.shutdownAttempts && this.outbox.length > 0; i++) {
      await this.enqueueWork(() => this.deliverOutbox(true));
    }
    if (this.retryTimer) this.host.clock.clearTimeout(this.retryTimer);
    return [...this.outbox];
  }

  private scheduleDigest(due: number): void {
    this.clearDigestTimer();
    this.digestTimer = this.host.clock.setTimeout(() => {
      this.digestTimer = undefined;
      const chain = this.chain;
      if (!chain) return;
      this.scheduleDigest(due + this.host.options.digestIntervalMillis);
      void this.enqueueWork(async () => {
        await this.cutDigest(chain, due);
        await this.deliverOutbox(false);
      });
    }, Math.max(0, due - this.host.clock.now()));
  }

  private clearDigestTimer(): void {
    if (this.digestTimer) this.host.clock.clearTimeout(this.digestTimer);
    this.digestTimer = undefined;
  }

  private enqueueWork(task: () => Promise<void>): Promise<void> {
    this.tasks++;
    const next = this.work
      .then(task)
      .catch((error: unknown) => this.host.reportError(error, 'delivery'))
      .finally(() => this.tasks--);
    this.work = next;
    return next;
  }

  /** True when no work is queued, or (unless `waitForSinks`) the work only waits for sinks to answer. */
  quiet(waitForSinks: boolean): boolean {
    return this.tasks === 0 || (!waitForSinks && this.waitingOnSinks);
  }

  private run(all: boolean): Promise<void> {
    return this.enqueueWork(async () => {
      if (all) this.stopExportTimer();
      else this.batchKickPending = false;
      await this.cutFiles(this.chain);
      await this.deliverOutbox(all);
    });
  }

  private stopExportTimer(): void {
    this.batchKickPending = false;
    if (this.exportTimer) this.host.clock.clearTimeout(this.exportTimer);
    this.exportTimer = undefined;
  }

  private async cutFiles(chain: DigestChain | undefined): Promise<void> {
    const { options } = this.host;
    while (this.queue.length > 0) {
      const batch = this.queue.length <= options.maxExportBatchSize ? this.queue : this.queue.slice(0, options.maxExportBatchSize);
      this.queue = batch === this.queue ? [] : this.queue.slice(batch.length);
      await this.encodeBatch(batch, chain);
    }
  }

  /** Encodes one batch into log files in the outbox; their digest entries go to `chain` once delivered. */
  private async encodeBatch(batch: CloudTrailRecord[], chain: DigestChain | undefined): Promise<void> {
    const { options, clock, stats } = this.host;
    this.encodingRecords += batch.length;
    // The file is named for the moment the batch is cut, not for when encoding (which takes real time) ends.
    const deliveredAt = clock.now();
    try {
      const files = await encodeLogFiles(batch, { engine: options.gzip, maxFileBytes: options.maxFileBytes, level: options.gzipLevel });
      const trail = this.trail;
      for (const file of files) {
        const key = logFileKey(this.scope(), deliveredAt);
        this.outbox.push({
          object: {
            kind: 'log',
            bucket: trail.s3BucketName,
            key,
            body: file.body,
            metadata: {},
            ...(trail.kmsKeyId ? { kmsKeyId: trail.kmsKeyId } : {}),
            trailArn: trail.arn,
          },
          remaining: [...options.sinks],
          recordCount: file.recordCount,
          digestEntry: { hashValue: file.sha256, newestEventTime: file.newestEventTime, oldestEventTime: file.oldestEventTime },
          ...(chain ? { chain } : {}),
        });
        this.outboxRecords += file.recordCount;
        stats.pendingObjects++;
      }
    } catch (error) {
      stats.droppedRecords += batch.length;
      stats.queued -= batch.length;
      this.host.reportError(error, 'delivery.encode');
    } finally {
      this.encodingRecords -= batch.length;
    }
  }

  private flushStream(): void {
    const records = this.streamQueue;
    this.streamQueue = [];
    for (const sink of this.host.options.sinks) {
      if (!sink.stream) continue;
      try {
        Promise.resolve(sink.stream({ trailArn: this.trail.arn, region: this.region, accountId: this.accountId, records })).catch(
          (error: unknown) => this.host.reportError(error, `delivery.stream(${sink.name})`),
        );
      } catch (error) {
        this.host.reportError(error, `delivery.stream(${sink.name})`);
      }
    }
  }

  private async cutDigest(chain: DigestChain, end: number): Promise<void> {
    const { bucket, key, signed } = await chain.cut(end, this.trail, this.region, this.accountId, this.host.keys, this.latestDigestSecond);
    this.latestDigest = { bucket, key, sha256: signed.sha256, signature: signed.signature };
    this.latestDigestSecond = chain.latestEndSecond;
    this.outbox.push({
      object: {
        kind: 'digest',
        bucket,
        key,
        body: signed.gzip,
        metadata: signed.metadata,
        ...(this.trail.kmsKeyId ? { kmsKeyId: this.trail.kmsKeyId } : {}),
        trailArn: this.trail.arn,
      },
      remaining: [...this.host.options.sinks],
      recordCount: 0,
    });
    this.host.stats.pendingObjects++;
  }

  /** Delivers the outbox in order; stops at the first object some sink refused and schedules a retry. */
  private async deliverOutbox(now: boolean): Promise<void> {
    if (this.retryTimer && !now) return;
    if (this.retryTimer) {
      this.host.clock.clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    const { clock, options, stats } = this.host;
    while (this.outbox.length > 0) {
      const item = this.outbox[0]!;
      const sinks = item.remaining;
      this.waitingOnSinks = true;
      const results = await Promise.allSettled(sinks.map((s) => putWithTimeout(s, item.object, options.exportTimeoutMillis, this.closed)));
      this.waitingOnSinks = false;
      const failed: DeliverySink[] = [];
      results.forEach((r, i) => {
        const sink = sinks[i]!;
        if (r.status === 'fulfilled') this.notify(sink, item);
        else {
          failed.push(sink);
          stats.failedAttempts++;
          item.lastError = describeError(r.reason);
        }
      });
      item.remaining = failed;
      const status = this.host.statusOf(this.trail.arn);
      const at = clock.now();
      if (failed.length > 0) {
        if (item.object.kind === 'log') status.latestDeliveryError = item.lastError;
        else status.latestDigestDeliveryError = item.lastError;
        this.host.reportError(new Error(`delivery of s3://${item.object.bucket}/${item.object.key} failed: ${item.lastError}`), 'delivery.put');
        this.retryDelay = Math.min(options.retryMaxDelayMillis, this.retryDelay ? this.retryDelay * 2 : options.retryInitialDelayMillis);
        if (!this.closed) {
          this.retryTimer = clock.setTimeout(() => {
            this.retryTimer = undefined;
            void this.run(false);
          }, this.retryDelay);
        }
        return;
      }
      this.retryDelay = 0;
      this.outbox.shift();
      stats.pendingObjects--;
      if (item.object.kind === 'log') {
        this.outboxRecords -= item.recordCount;
        stats.queued -= item.recordCount;
        stats.deliveredFiles++;
        stats.deliveredRecords += item.recordCount;
        status.latestDeliveryTime = at;
        delete status.latestDeliveryError;
        if (item.digestEntry && item.chain) {
          item.chain.add({ s3Bucket: item.object.bucket, s3Object: item.object.key, hashAlgorithm: 'SHA-256', ...item.digestEntry });
        }
      } else {
        stats.deliveredDigests++;
        status.latestDigestDeliveryTime = at;
        delete status.latestDigestDeliveryError;
      }
    }
  }

  private notify(sink: DeliverySink, item: OutgoingObject): void {
    if (!sink.notify) return;
    const status = this.host.statusOf(this.trail.arn);
    const where = `delivery.notify(${sink.name})`;
    // GetTrailStatus's notification fields describe SNS: only trails with a topic have them.
    const hasTopic = this.trail.snsTopicArn !== undefined;
    const onError = (error: unknown): void => {
      if (hasTopic) status.latestNotificationError = describeError(error);
      this.host.reportError(error, where);
    };
    try {
      const done = sink.notify({
        kind: item.object.kind,
        trailArn: this.trail.arn,
        ...(this.trail.snsTopicArn ? { snsTopicArn: this.trail.snsTopicArn } : {}),
        s3Bucket: item.object.bucket,
        s3ObjectKey: [item.object.key],
        region: this.region,
        accountId: this.accountId,
        deliveredAt: this.host.clock.now(),
        recordCount: item.recordCount,
      });
      if (hasTopic) status.latestNotificationTime = this.host.clock.now();
      Promise.resolve(done).catch(onError);
    } catch (error) {
      onError(error);
    }
  }

  private scope() {
    return {
      accountId: this.accountId,
      region: this.region,
      ...(this.trail.s3KeyPrefix ? { s3KeyPrefix: this.trail.s3KeyPrefix } : {}),
      ...(this.trail.organizationId ? { organizationId: this.trail.organizationId } : {}),
    };
  }
}
