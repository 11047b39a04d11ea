// The record queue of one channel, after OpenTelemetry's BatchSpanProcessorBase: bounded (a full queue drops, counts
// and reports once), an export due `scheduledDelayMillis` after the first waiting record or as soon as
// `maxExportBatchSize` records wait, its timer on the injectable clock (which unrefs it).
import type { Clock, TimerHandle } from '../clock/clock.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { DeliveryStats } from './delivery-stats.js';

export interface BatcherOptions {
  /** Records held at once: waiting, and taken but not yet delivered. */
  maxQueueSize: number;
  maxExportBatchSize: number;
  scheduledDelayMillis: number;
}

export interface BatcherEvents {
  /** Time to cut what waits into files: the delay passed, or a whole batch waits. */
  exportDue(): void;
  /** The first record the full queue dropped (later drops are only counted). */
  full(): void;
}

export class RecordBatcher {
  private queue: CloudTrailRecord[] = [];
  /** Records taken for export and not delivered yet (being encoded, or in undelivered files): they hold room too. */
  private taken = 0;
  private timer: TimerHandle | undefined;
  /** An export is due for a whole batch and has not taken it yet: more records add nothing to it. */
  private batchDue = false;
  private reportedFull = false;
  private closed = false;

  constructor(
    private readonly options: BatcherOptions,
    private readonly clock: Clock,
    private readonly stats: DeliveryStats,
    private readonly events: BatcherEvents,
  ) {}

  /** Hot path: O(1), no I/O. False when the queue was full and the record was dropped. */
  add(record: CloudTrailRecord): boolean {
    if (this.queue.length + this.taken >= this.options.maxQueueSize) {
      this.stats.droppedRecords++;
      if (!this.reportedFull) {
        this.reportedFull = true;
        this.events.full();
      }
      return false;
    }
    this.queue.push(record);
    this.stats.queued++;
    if (this.queue.length >= this.options.maxExportBatchSize) {
      if (!this.batchDue) {
        this.batchDue = true;
        this.events.exportDue();
      }
    } else if (this.timer === undefined && !this.closed) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        this.events.exportDue();
      }, this.options.scheduledDelayMillis);
    }
    return true;
  }

  /** Records waiting to be taken. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Takes up to `maxExportBatchSize` waiting records, one file's worth; they hold their room until released. */
  take(): CloudTrailRecord[] {
    this.batchDue = false;
    const max = this.options.maxExportBatchSize;
    const batch = this.queue.length <= max ? this.queue : this.queue.slice(0, max);
    this.queue = batch === this.queue ? [] : this.queue.slice(batch.length);
    this.taken += batch.length;
    return batch;
  }

  /** Takes every waiting record (a closing digest chain's) and stops the timer. */
  takeAll(): CloudTrailRecord[] {
    this.stopTimer();
    const all = this.queue;
    this.queue = [];
    this.taken += all.length;
    return all;
  }

  /** Taken records that were delivered, or dropped: their room is free again. */
  release(count: number): void {
    this.taken -= count;
  }

  /** Stops the export timer (everything waiting is about to be taken). */
  stopTimer(): void {
    this.batchDue = false;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** No timer starts any more: the channel is shutting down. */
  close(): void {
    this.closed = true;
    this.stopTimer();
  }
}
