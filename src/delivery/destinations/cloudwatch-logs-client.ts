// CloudWatch Logs through a real CloudWatchLogsClient: the stream is created once (CloudTrail creates it), then
// PutLogEvents; recording is suppressed for these calls. Subpath export `localtrail/destinations/cloudwatch-logs`.
import { CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient, RejectedLogEventsInfo } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsDestinationOptions, LogEventsBatch } from './cloudwatch-logs.js';
import { CloudWatchLogsDestination } from './cloudwatch-logs.js';

export interface CloudWatchLogsClientDestinationOptions extends Omit<CloudWatchLogsDestinationOptions, 'putLogEvents'> {
  /** The client to write with (its region, endpoint and credentials decide where events go). */
  client: CloudWatchLogsClient;
}

/** Events refused for good: before `tooOldLogEventEndIndex`/`expiredLogEventEndIndex`, from `tooNewLogEventStartIndex` on. */
function rejectedCount(info: RejectedLogEventsInfo | undefined, total: number): number {
  if (info === undefined) return 0;
  const old = Math.max(info.tooOldLogEventEndIndex ?? 0, info.expiredLogEventEndIndex ?? 0);
  const tooNew = info.tooNewLogEventStartIndex !== undefined ? total - info.tooNewLogEventStartIndex : 0;
  return Math.min(total, old + tooNew);
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

/**
 * @example
 * import { cloudWatchLogsDestination } from 'localtrail/destinations/cloudwatch-logs';
 * createLocalTrail({ delivery: { destinations: [cloudWatchLogsDestination({ client: new CloudWatchLogsClient({}) })] } });
 */
export function cloudWatchLogsDestination(options: CloudWatchLogsClientDestinationOptions): CloudWatchLogsDestination {
  const { client, ...rest } = options;
  const streams = new Set<string>();
  const ensureStream = async (batch: LogEventsBatch): Promise<void> => {
    const id = `${batch.logGroupName}\u0000${batch.logStreamName}`;
    if (streams.has(id)) return;
    try {
      await client.send(new CreateLogStreamCommand({ logGroupName: batch.logGroupName, logStreamName: batch.logStreamName }));
    } catch (error) {
      if (errorName(error) !== 'ResourceAlreadyExistsException') throw error;
    }
    streams.add(id);
  };
  return new CloudWatchLogsDestination({
    ...rest,
    putLogEvents: async (batch) => {
      await ensureStream(batch);
      try {
        const out = await client.send(new PutLogEventsCommand({ logGroupName: batch.logGroupName, logStreamName: batch.logStreamName, logEvents: batch.logEvents }));
        return { rejected: rejectedCount(out.rejectedLogEventsInfo, batch.logEvents.length) };
      } catch (error) {
        // The stream was deleted meanwhile: create it again on the retry.
        if (errorName(error) === 'ResourceNotFoundException') streams.delete(`${batch.logGroupName}\u0000${batch.logStreamName}`);
        throw error;
      }
    },
  });
}
