// CloudTrail's SNS notifications: when a trail with a topic delivers log files, one message
// `{"s3Bucket": "…", "s3ObjectKey": ["…", …]}` to the topic (files delivered together share a message).
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-cloudtrail-to-send-notifications.html
import type { DeliveryStatus } from '../../engine/delivery-port.js';
import type { DeliveredFile, DeliveryDestination, DestinationContext, DestinationShutdownReport, DestinationStats } from './destination.js';
import { newDestinationStats, shutdownReport, TrailOutcomes } from './destination.js';
import type { DestinationQueueOptions } from './retry-queue.js';
import { resolveQueueOptions, RetryQueue } from './retry-queue.js';

/** SNS takes messages up to 256 KB. */
export const MAX_SNS_MESSAGE_BYTES = 256 * 1024;

/** One Publish: the topic and CloudTrail's message. */
export interface SnsNotification {
  topicArn: string;
  /** `{"s3Bucket":"…","s3ObjectKey":["…"]}` */
  message: string;
}

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

/** CloudTrail's notification message. */
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
  private readonly queueOptions: ReturnType<typeof resolveQueueOptions>;
  private readonly counters: DestinationStats = newDestinationStats();
  private readonly queues = new Map<string, RetryQueue<Item>>();
  private readonly outcomes = new TrailOutcomes('latestNotificationTime', 'latestNotificationError');
  private context: DestinationContext | undefined;

  constructor(options: SnsDestinationOptions) {
    this.name = options.name ?? 'sns';
    if (typeof options?.publish !== 'function') throw new TypeError(`localtrail: ${this.name} needs publish(notification) (or use snsDestination({ client }))`);
    this.publish = options.publish;
    this.queueOptions = resolveQueueOptions(options, this.name);
  }

  attach(context: DestinationContext): void {
    this.context = context;
  }

  fileDelivered(file: DeliveredFile): void {
    const topic = file.trail.snsTopicArn;
    if (topic === undefined || this.context === undefined) return;
    this.queueFor(topic, this.context).add({ trailArn: file.trail.arn, bucket: file.bucket, key: file.key });
  }

  async flush(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.flush()));
  }

  async shutdown(): Promise<DestinationShutdownReport> {
    return shutdownReport(this.name, await Promise.all([...this.queues.values()].map((q) => q.shutdown())));
  }

  stats(): DestinationStats {
    return { ...this.counters };
  }

  status(trailArn: string): Partial<DeliveryStatus> {
    return this.outcomes.of(trailArn);
  }

  private queueFor(topicArn: string, context: DestinationContext): RetryQueue<Item> {
    let queue = this.queues.get(topicArn);
    if (queue !== undefined) return queue;
    queue = new RetryQueue<Item>({
      where: `${this.name}(${topicArn})`,
      context,
      options: this.queueOptions,
      stats: this.counters,
      take: messageLength,
      send: (batch) => this.publish({ topicArn, message: notificationMessage(batch[0]!.bucket, batch.map((i) => i.key)) }),
      settled: (batch, error) => {
        for (const arn of new Set(batch.map((i) => i.trailArn))) this.outcomes.settled(arn, error, context.clock.now());
      },
    });
    this.queues.set(topicArn, queue);
    return queue;
  }
}
