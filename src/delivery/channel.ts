// The delivery of one (trail, region, account): its records batched into log files, its digest chain, and the objects
// of both on their way to the sinks. Each job is a piece of its own (batcher, event-stream, digest-schedule, outbox,
// serial-work); the channel decides when each runs, one task at a time.
import type { PreviousDigest } from '../integrity/digest-file.js';
import type { DigestChain } from '../integrity/digest-chain.js';
import type { DeliveryTrail } from '../engine/delivery-port.js';
import { insightFileKey, logFileKey } from '../vocabulary/object-keys.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { RecordBatcher } from './batcher.js';
import type { ChannelHost, ChannelPlace } from './channel-host.js';
import { DigestSchedule } from './digest-schedule.js';
import { EventStream } from './event-stream.js';
import { encodeLogFiles } from './log-file-encoder.js';
import type { OutgoingObject } from './outbox.js';
import { Outbox } from './outbox.js';
import { SerialWork } from './serial-work.js';

export class DeliveryChannel implements ChannelPlace {
  private readonly batcher: RecordBatcher;
  private readonly stream: EventStream | undefined;
  private readonly digests: DigestSchedule;
  private readonly outbox: Outbox;
  private readonly work: SerialWork;
  private closed = false;

  constructor(
    /** The trail as the engine last described it (replaced on every update). */
    public trail: DeliveryTrail,
    readonly region: string,
    readonly accountId: string,
    private readonly host: ChannelHost,
    /** `insight`: Insights events, in the CloudTrail-Insight folder and outside digest chains. */
    readonly fileKind: 'log' | 'insight' = 'log',
  ) {
    const { options, clock, stats } = host;
    const report = (error: unknown, where: string): void => host.reportError(error, where);
    this.work = new SerialWork(stats, report);
    this.batcher = new RecordBatcher(options, clock, stats, {
      exportDue: () => this.exportDue(),
      full: () =>
        report(new Error(`delivery queue full for ${this.trail.arn} in ${region}: dropping records (see stats().droppedRecords)`), 'delivery.enqueue'),
    });
    const streamSinks = options.sinks.filter((sink) => sink.stream !== undefined);
    this.stream = streamSinks.length > 0 ? new EventStream(streamSinks, this, report) : undefined;
    this.digests = new DigestSchedule(clock, options.digestIntervalMillis, (chain, end) => this.digestDue(chain, end));
    this.outbox = new Outbox(host, this, {
      retryDue: () => this.exportDue(),
      logFileDelivered: (records) => this.batcher.release(records),
    });
  }

  /** Whether a digest chain is open. */
  get chainOpen(): boolean {
    return this.digests.chain !== undefined;
  }

  /** The newest digest this channel cut, over all its chains. */
  get latestDigest(): PreviousDigest | undefined {
    return this.digests.latest;
  }

  /** Hot path: O(1), no I/O. */
  add(record: CloudTrailRecord): void {
    if (this.batcher.add(record)) this.stream?.push(record);
  }

  /** Cuts everything waiting into files and tries every undelivered object now. */
  flush(): Promise<void> {
    return this.work.run(async () => {
      this.batcher.stopTimer();
      await this.cutFiles(this.digests.chain);
      await this.outbox.retryNow();
    });
  }

  /** Starts a digest chain at `at` (a starting digest: previous fields null) unless one is running. */
  startChain(at: number): void {
    if (this.digests.chain || this.closed || this.fileKind === 'insight') return;
    this.digests.start(at);
    this.host.keys.prepare(this.region);
  }

  /** Delivers what waits, then closes the chain with a final digest ending at `at` (the stop, or now). */
  closeChain(at: number = this.host.clock.now()): Promise<void> {
    const chain = this.digests.detach();
    if (!chain) return this.flush();
    // Records waiting now belong to the closing chain: its final digest must list them. Records routed after this
    // call (a restart) belong to the next chain, so take these out of the queue right away.
    const closing = this.batcher.takeAll();
    return this.work.run(async () => {
      const size = this.host.options.maxExportBatchSize;
      for (let i = 0; i < closing.length; i += size) await this.cutLogFiles(closing.slice(i, i + size), chain);
      await this.outbox.retryNow();
      // Nothing new since a digest that ended this very second: that digest already closes the chain.
      const closed = chain.pendingLogFiles === 0 && chain.latest !== undefined && Math.floor(at / 1000) <= Math.floor(chain.windowStart / 1000);
      if (!closed) this.outbox.add({ object: await this.digests.cut(chain, at, this, this.host.keys), remaining: [...this.host.options.sinks], recordCount: 0 });
      await this.outbox.retryNow();
    });
  }

  /** Stops timers; delivers with up to `shutdownAttempts` tries; returns what could not be delivered. */
  async shutdown(at: number): Promise<OutgoingObject[]> {
    this.closed = true;
    this.batcher.close();
    this.outbox.close();
    await this.closeChain(at);
    for (let i = 1; i < this.host.options.shutdownAttempts && this.outbox.length > 0; i++) {
      await this.work.run(() => this.outbox.retryNow());
    }
    return this.outbox.undelivered();
  }

  /** The batcher's delay passed or a batch is full, or a retry is due: cut what waits, deliver unless backing off. */
  private exportDue(): void {
    void this.work.run(async () => {
      await this.cutFiles(this.digests.chain);
      await this.outbox.deliver();
    });
  }

  private digestDue(chain: DigestChain, end: number): void {
    void this.work.run(async () => {
      this.outbox.add({ object: await this.digests.cut(chain, end, this, this.host.keys), remaining: [...this.host.options.sinks], recordCount: 0 });
      await this.outbox.deliver();
    });
  }

  private async cutFiles(chain: DigestChain | undefined): Promise<void> {
    while (this.batcher.waiting > 0) await this.cutLogFiles(this.batcher.take(), chain);
  }

  /** Encodes one batch of taken records into log files in the outbox; delivered, `chain`'s digest lists them. */
  private async cutLogFiles(batch: CloudTrailRecord[], chain: DigestChain | undefined): Promise<void> {
    const { options, clock, stats } = this.host;
    // The file is named for the moment the batch is cut, not for when encoding (which takes real time) ends.
    const cutAt = clock.now();
    try {
      const files = await encodeLogFiles(batch, { engine: options.gzip, maxFileBytes: options.maxFileBytes, level: options.gzipLevel });
      const trail = this.trail;
      const scope = {
        accountId: this.accountId,
        region: this.region,
        ...(trail.s3KeyPrefix ? { s3KeyPrefix: trail.s3KeyPrefix } : {}),
        ...(trail.organizationId ? { organizationId: trail.organizationId } : {}),
      };
      for (const file of files) {
        this.outbox.add({
          object: {
            kind: 'log',
            bucket: trail.s3BucketName,
            key: this.fileKind === 'insight' ? insightFileKey(scope, cutAt) : logFileKey(scope, cutAt),
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
      }
    } catch (error) {
      stats.droppedRecords += batch.length;
      stats.queued -= batch.length;
      this.batcher.release(batch.length);
      this.host.reportError(error, 'delivery.encode');
    }
  }
}
