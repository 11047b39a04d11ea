// PutLogEvents' limits and how CloudTrail's events are cut into batches within them.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html

/** At most 10,000 events a batch. */
export const MAX_BATCH_EVENTS = 10_000;
/** At most 1,048,576 bytes a batch: the UTF-8 bytes of every message plus 26 bytes per event. */
export const MAX_BATCH_BYTES = 1_048_576;
export const EVENT_OVERHEAD_BYTES = 26;
/** A batch spans at most 24 hours. */
export const MAX_BATCH_SPAN_MS = 24 * 3600_000;
/** CloudTrail does not send events larger than 256 KB to CloudWatch Logs. */
export const MAX_EVENT_BYTES = 256 * 1024;

/** A log event on its way, with what batching needs computed once. */
export interface PendingLogEvent {
  timestamp: number;
  message: string;
  /** UTF-8 bytes of the message plus the 26-byte overhead. */
  bytes: number;
}

/** Whether CloudTrail skips the event (too large for CloudWatch Logs). */
export function oversized(event: PendingLogEvent): boolean {
  return event.bytes > MAX_EVENT_BYTES;
}

/**
 * How many leading events make the next batch: ≤ 10,000 events, ≤ 1,048,576 bytes, ≤ 24 h between the earliest and
 * the latest. Oversized events ride along (they are skipped, not sent) so they never block the queue.
 */
export function logBatchLength<T>(items: readonly T[], eventOf: (item: T) => PendingLogEvent): number {
  let n = 0;
  let sent = 0;
  let bytes = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const item of items) {
    const event = eventOf(item);
    if (!oversized(event)) {
      const lo = Math.min(min, event.timestamp);
      const hi = Math.max(max, event.timestamp);
      if (sent > 0 && (sent === MAX_BATCH_EVENTS || bytes + event.bytes > MAX_BATCH_BYTES || hi - lo > MAX_BATCH_SPAN_MS)) break;
      sent++;
      bytes += event.bytes;
      min = lo;
      max = hi;
    }
    n++;
  }
  return n;
}

/** The events to send, in chronological order as PutLogEvents requires (stable for equal times). */
export function chronological(events: readonly PendingLogEvent[]): PendingLogEvent[] {
  return events.filter((e) => !oversized(e)).sort((a, b) => a.timestamp - b.timestamp);
}
