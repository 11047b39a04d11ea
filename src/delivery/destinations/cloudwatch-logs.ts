// CloudTrail's CloudWatch Logs delivery: a trail with CloudWatchLogsLogGroupArn sends each event it records, one
// event a message, to the stream `<acct>_CloudTrail_<region>` of that group, in PutLogEvents batches.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { DeliveryRoute, DeliveryStatus } from '../../engine/delivery-port.js';
import type { DeliveryDestination, DestinationContext, DestinationShutdownReport, DestinationStats } from './destination.js';
import { TrailOutcomes } from './destination.js';
import type { PendingLogEvent } from './log-event-batches.js';
import { chronological, EVENT_OVERHEAD_BYTES, logBatchLength } from './log-event-batches.js';
import type { DestinationQueueOptions, RetryQueue } from './retry-queue.js';
import { TargetQueues } from './target-queues.js';
import { LocalTrailConfigError } from '../../vocabulary/config-error.js';
import { recordJson } from '../../vocabulary/packed-json.js';

/**
 * One PutLogEvents call's worth: within the service's limits, chronological.
 * @example
 * const destination = new CloudWatchLogsDestination({
 *   putLogEvents: (batch: LogEventsBatch) => console.log(batch.logGroupName, batch.logStreamName, batch.logEvents.length),
 * });
 */
export interface LogEventsBatch {
  logGroupName: string;
  logStreamName: string;
  logEvents: Array<{ timestamp: number; message: string }>;
  /** The trail's `CloudWatchLogsLogGroupArn` (its region is the log group's). */
  logGroupArn: string;
  trailArn: string;
}

/**
 * What PutLogEvents reports: events refused for good (too old, too new, expired) are counted, not sent again.
 * @example
 * const putLogEvents: PutLogEvents = async (batch): Promise<PutLogEventsResult> => {
 *   const out = await logs.send(new PutLogEventsCommand(batch));
 *   return { rejected: out.rejectedLogEventsInfo ? 1 : 0 };
 * };
 */
export interface PutLogEventsResult {
  rejected?: number;
}

/**
 * Stores one batch of a trail's events in a log group, as PutLogEvents does; resolves to the events it refused for good,
 * or throws to have the batch sent again later.
 * @example
 * const putLogEvents: PutLogEvents = (batch) => { stored.push(...batch.logEvents); };
 * createLocalTrail({ delivery: { destinations: [new CloudWatchLogsDestination({ putLogEvents })] } });
 */
export type PutLogEvents = (batch: LogEventsBatch) => void | PutLogEventsResult | Promise<void | PutLogEventsResult>;

/**
 * Options of {@link CloudWatchLogsDestination}: the callback that stores a batch, the destination's name in `stats()`
 * (default `cloudwatch-logs`) and the queue options.
 * @example
 * new CloudWatchLogsDestination({ name: 'logs', putLogEvents: (batch) => sendSomewhere(batch), maxQueueSize: 10_000 });
 */
export interface CloudWatchLogsDestinationOptions extends DestinationQueueOptions {
  name?: string;
  /** Callback form: store one batch (`cloudWatchLogsDestination({ client })` from `localtrail/destinations/cloudwatch-logs` fills it). */
  putLogEvents: PutLogEvents;
}

/**
 * The log group name of a trail's `CloudWatchLogsLogGroupArn`:
 * `arn:aws:logs:us-east-1:111122223333:log-group:CloudTrail/logs:*` → `CloudTrail/logs`.
 * @example
 * logGroupName('arn:aws:logs:us-east-1:111122223333:log-group:CloudTrail/logs:*'); // 'CloudTrail/logs'
 */
export function logGroupName(arn: string): string {
  const match = /:log-group:(.+?)(?::\*)?$/.exec(arn);
  return match ? match[1]! : arn;
}

/**
 * CloudTrail's stream: `<acct>_CloudTrail_<region>` for the event's account and region; organization trails put the
 * organization id in front (`o-…_<acct>_CloudTrail_<region>`, the prefix CloudTrail's role policy grants).
 * @example
 * logStreamName({ trail, region: 'eu-west-1', accountId: '111122223333' }); // '111122223333_CloudTrail_eu-west-1'
 */
export function logStreamName(route: DeliveryRoute): string {
  const org = route.trail.organizationId ? `${route.trail.organizationId}_` : '';
  return `${org}${route.accountId}_CloudTrail_${route.region}`;
}

interface Item {
  record: CloudTrailRecord;
  event?: PendingLogEvent;
}

function eventOf(item: Item): PendingLogEvent {
  if (item.event === undefined) {
    const message = recordJson(item.record);
    item.event = { timestamp: Date.parse(item.record.eventTime), message, bytes: Buffer.byteLength(message) + EVENT_OVERHEAD_BYTES };
  }
  return item.event;
}

/**
 * Sends every trail's events to its log group through `putLogEvents`. Events wait in a bounded queue per stream and
 * go in batches on the next event-loop turn; failures are retried with backoff; events over 256 KB are skipped.
 * @example
 * new CloudWatchLogsDestination({ putLogEvents: async (batch) => { await myStore.append(batch); } });
 */
export class CloudWatchLogsDestination implements DeliveryDestination {
  readonly name: string;
  private readonly putLogEvents: PutLogEvents;
  private readonly targets: TargetQueues<Item>;
  private readonly byRoute = new WeakMap<DeliveryRoute, RetryQueue<Item>>();
  private readonly outcomes = new TrailOutcomes('latestCloudWatchLogsDeliveryTime', 'latestCloudWatchLogsDeliveryError');
  private context: DestinationContext | undefined;

  constructor(options: CloudWatchLogsDestinationOptions) {
    this.name = options.name ?? 'cloudwatch-logs';
    if (typeof options?.putLogEvents !== 'function') throw new LocalTrailConfigError(`${this.name}.putLogEvents`, `localtrail: ${this.name} needs putLogEvents(batch) (or use cloudWatchLogsDestination({ client }))`);
    this.putLogEvents = options.putLogEvents;
    this.targets = new TargetQueues(this.name, options);
  }

  attach(context: DestinationContext): void {
    this.context = context;
  }

  /** On the recording path: a WeakMap lookup and a push, only for trails with a log group. */
  routed(route: DeliveryRoute, record: CloudTrailRecord): void {
    if (route.trail.cloudWatchLogsLogGroupArn === undefined || this.context === undefined) return;
    let queue = this.byRoute.get(route);
    if (queue === undefined) this.byRoute.set(route, (queue = this.queueFor(route, this.context)));
    queue.add({ record });
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

  private queueFor(route: DeliveryRoute, context: DestinationContext): RetryQueue<Item> {
    const trail = route.trail;
    const logGroupArn = trail.cloudWatchLogsLogGroupArn!;
    const stream = logStreamName(route);
    const group = logGroupName(logGroupArn);
    return this.targets.of(`${trail.arn}\u0000${logGroupArn}\u0000${stream}`, context, () => ({
      where: `${this.name}(${group}/${stream})`,
      take: (items) => logBatchLength(items, eventOf),
      send: async (batch) => {
        const events = chronological(batch.map(eventOf));
        const skipped = batch.length - events.length;
        if (events.length === 0) return { skipped };
        const logEvents = events.map(({ timestamp, message }) => ({ timestamp, message }));
        const result = await this.putLogEvents({ logGroupName: group, logStreamName: stream, logEvents, logGroupArn, trailArn: trail.arn });
        return { skipped: skipped + (result?.rejected ?? 0) };
      },
      settled: (_batch, error) => this.outcomes.settled(trail.arn, error, context.clock.now()),
    }));
  }
}
