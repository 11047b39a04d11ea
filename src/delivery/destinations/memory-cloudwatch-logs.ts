// CloudWatch Logs in memory, for tests: log groups and streams of messages, and a check that every batch it is
// given keeps PutLogEvents' rules (as the service would refuse one that does not).
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { DestinationQueueOptions } from './retry-queue.js';
import type { LogEventsBatch } from './cloudwatch-logs.js';
import { CloudWatchLogsDestination } from './cloudwatch-logs.js';
import { EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_BATCH_SPAN_MS } from './log-event-batches.js';

/** Throws what PutLogEvents would answer (InvalidParameterException) for a batch outside its rules. */
export function checkPutLogEventsBatch(batch: LogEventsBatch): void {
  const events = batch.logEvents;
  const fail = (why: string): never => {
    throw Object.assign(new Error(`PutLogEvents refused the batch: ${why}`), { name: 'InvalidParameterException' });
  };
  if (events.length === 0 || events.length > MAX_BATCH_EVENTS) fail(`${events.length} events`);
  let bytes = 0;
  for (let i = 0; i < events.length; i++) {
    bytes += Buffer.byteLength(events[i]!.message) + EVENT_OVERHEAD_BYTES;
    if (i > 0 && events[i]!.timestamp < events[i - 1]!.timestamp) fail('events are not in chronological order');
  }
  if (bytes > MAX_BATCH_BYTES) fail(`${bytes} bytes`);
  if (events[events.length - 1]!.timestamp - events[0]!.timestamp > MAX_BATCH_SPAN_MS) fail('the batch spans more than 24 hours');
}

/**
 * @example
 * const logs = new MemoryCloudWatchLogs();
 * const trail = createLocalTrail({ delivery: { destinations: [logs] } });
 * await trail.createTrail({ Name: 'audit', S3BucketName: 'b', CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:*', CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CloudTrail_CloudWatchLogs_Role' });
 * // … await trail.flush();
 * logs.records('CloudTrail/logs'); // the events, parsed
 */
export class MemoryCloudWatchLogs extends CloudWatchLogsDestination {
  /** log group name → stream name → events, in the order stored. */
  readonly groups = new Map<string, Map<string, Array<{ timestamp: number; message: string }>>>();
  /** Every batch stored (how the events were cut). */
  readonly batches: LogEventsBatch[] = [];

  constructor(options: DestinationQueueOptions & { name?: string } = {}) {
    super({
      ...options,
      name: options.name ?? 'memory-cloudwatch-logs',
      putLogEvents: (batch) => {
        checkPutLogEventsBatch(batch);
        this.batches.push(batch);
        let streams = this.groups.get(batch.logGroupName);
        if (streams === undefined) this.groups.set(batch.logGroupName, (streams = new Map()));
        let stream = streams.get(batch.logStreamName);
        if (stream === undefined) streams.set(batch.logStreamName, (stream = []));
        stream.push(...batch.logEvents);
      },
    });
  }

  /** The messages of a group (all streams, or one), in the order stored. */
  events(logGroupName: string, logStreamName?: string): Array<{ timestamp: number; message: string }> {
    const streams = this.groups.get(logGroupName);
    if (streams === undefined) return [];
    return logStreamName === undefined ? [...streams.values()].flat() : [...(streams.get(logStreamName) ?? [])];
  }

  /** The events of a group (or one stream) parsed back into records. */
  records(logGroupName: string, logStreamName?: string): CloudTrailRecord[] {
    return this.events(logGroupName, logStreamName).map((e) => JSON.parse(e.message) as CloudTrailRecord);
  }
}
