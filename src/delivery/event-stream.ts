// The sinks' `stream` hooks (the CloudWatch Logs / EventBridge analogue): a channel's records are handed over on the
// event-loop turn after they were routed, not when their log file is cut minutes later.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { unpackRecords } from '../vocabulary/packed-json.js';
import type { ChannelPlace } from './channel-host.js';
import type { DeliverySink } from './sink.js';

export class EventStream {
  private pending: CloudTrailRecord[] = [];

  constructor(
    /** The sinks with a `stream` hook. */
    private readonly sinks: readonly DeliverySink[],
    private readonly place: ChannelPlace,
    private readonly reportError: (error: unknown, where: string) => void,
  ) {}

  push(record: CloudTrailRecord): void {
    if (this.pending.push(record) === 1) setImmediate(() => this.handOver());
  }

  private handOver(): void {
    // The sinks' callbacks are the application's code: they get plain records.
    const records = unpackRecords(this.pending);
    this.pending = [];
    const { trail, region, accountId } = this.place;
    for (const sink of this.sinks) {
      const where = `delivery.stream(${sink.name})`;
      try {
        Promise.resolve(sink.stream!({ trailArn: trail.arn, region, accountId, records })).catch((error: unknown) => this.reportError(error, where));
      } catch (error) {
        this.reportError(error, where);
      }
    }
  }
}
