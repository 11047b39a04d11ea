// CloudTrail's SNS notifications: when a trail with a topic delivers log files, one message
// `{"s3Bucket": "…", "s3ObjectKey": ["…", …]}` to the topic (files delivered together share a message).
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-cloudtrail-to-send-notifications.html
import type { DeliveryStatus } from '../../engine/delivery-port.js';
import type { DeliveredFile, DeliveryDestination, DestinationContext, DestinationShutdownReport, DestinationStats } from './destination.js';
import { TrailOutcomes } from './destination.js';
import type { DestinationQueueOptions } from './retry-queue.js';
import { TargetQueues } from './target-queues.js';
import { LocalTrailConfigError } from '../../vocabulary/config-error.js';

/** SNS takes messages up to 256 KB. */
export const MAX_SNS_MESSAGE_BYTES = 256 * 1024;

/**
 * One Publish: the topic and CloudTrail's message.
 * @example
 * new SnsDestination({ publish: (n: SnsNotification) => sns.send(new PublishCommand({ TopicArn: n.topicArn, Message: n.message })).then(() => undefined) });
 */
export interface SnsNotification {
  topicArn: string;
  /** `{"s3Bucket":"…","s3ObjectKey":["…"]}` */
  message: string;
}

/**
 * Options of {@link SnsDestination}: the callback that publishes one notification, the destination's name in `stats()`
 * (default `sns`) and the queue options.
 * @example
 * const published: SnsNotification[] = [];
 * createLocalTrail({ delivery: { sinks: [sink], destinations: [new SnsDestination({ publish: (n) => void published.push(n) })] } });
 */
export interface SnsDestinationOptions extends DestinationQueueOptions {
  name?: string;
  /** Callback form: publish one message (`snsDestination({ client })` from `localtrail/destinations/sns` fills it). */
  publish: (notification: SnsNotification) => void | Promise<void>;
}

interface Item {
  trailArn: string;
  bucket: string;
  key: string;
}

/**
 * CloudTrail's notification message for log files delivered to a bucket: `{"s3Bucket":"…","s3ObjectKey":["…"]}`.
 * @example
 * notificationMessage('audit-logs', [key]); // '{"s3Bucket":"audit-logs","s3ObjectKey":["AWSLogs/…json.gz"]}'
 */
export function notificationMessage(bucket: string, keys: readonly string[]): string {
  return JSON.stringify({ s3Bucket: bucket, s3ObjectKey: keys });
}

/** Leading files of one bucket whose message stays within SNS's size. */
function messageLength(items: readonly Item[]): number {
  const bucket = items[0]!.bucket;
  let bytes = Buffer.byteLength(notificationMessage(bucket, []));
  let n = 0;
  for (const item of items) {
    if (item.bucket !== bucket) break;
    const add = Buffer.byteLength(JSON.stringify(item.key)) + (n > 0 ? 1 : 0);
    if (n > 0 && bytes + add > MAX_SNS_MESSAGE_BYTES) break;
    bytes += add;
    n++;
  }
  return n;
}

/**
 * Publishes a notification for every log file a trail with `SnsTopicName` delivers, from a bounded queue per topic
 * with retries. GetTrailStatus reports `LatestNotificationTime` / `LatestNotificationError`.
 * @example
 * new SnsDestination({ publish: ({ topicArn, message }) => { notes.push(JSON.parse(message)); } });
 */
export class SnsDestination implements DeliveryDestination {
  readonly name: string;
  private readonly publish: SnsDestinationOptions['publish'];
  private readonly targets: TargetQueues<Item>;
  private readonly outcomes = new TrailOutcomes('latestNotificationTime', 'latestNotificationError');
  private context: DestinationContext | undefined;

  constructor(options: SnsDestinationOptions) {
    this.name = options.name ?? 'sns';
    if (typeof options?.publish !== 'function') throw new LocalTrailConfigError(`${this.name}.publish`, `localtrail: ${this.name} needs publish(notification) (or use snsDestination({ client }))`);
    this.publish = options.publish;
    this.targets = new TargetQueues(this.name, options);
  }

  attach(context: DestinationContext): void {
    this.context = context;
  }

  fileDelivered(file: DeliveredFile): void {
    const topicArn = file.trail.snsTopicArn;
    const context = this.context;
    if (topicArn === undefined || context === undefined) return;
    const queue = this.targets.of(topicArn, context, () => ({
      where: `${this.name}(${topicArn})`,
      take: messageLength,
      send: (batch) => this.publish({ topicArn, message: notificationMessage(batch[0]!.bucket, batch.map((i) => i.key)) }),
      settled: (batch, error) => {
        for (const arn of new Set(batch.map((i) => i.trailArn))) this.outcomes.settled(arn, error, context.clock.now());
      },
    }));
    queue.add({ trailArn: file.trail.arn, bucket: file.bucket, key: file.key });
  }

  flush(): Promise<void> {
    return this.targets.flush();
  }

  shutdown(): Promise<DestinationShutdownReport> {
    return this.targets.shutdown();
  }

  stats(): DestinationStats {
    return this.targets.stats();
  }

  status(trailArn: string): Partial<DeliveryStatus> {
    return this.outcomes.of(trailArn);
  }

}
