// A CloudTrail record as EventBridge receives it from CloudTrail, and as a PutEvents entry with its size.
// Events: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event.html#eb-service-event-cloudtrail
// Entry size: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevents.html#eb-putevent-size
import { randomUUID } from 'node:crypto';
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import { unpackRecord } from '../../vocabulary/packed-json.js';

/**
 * An event on the default event bus, as CloudTrail puts it there; `detail` is the record.
 * @example
 * new EventBridgeDestination({ onEvents: (events: EventBridgeEvent[]) => console.log(events.map((e) => `${e['detail-type']}: ${e.detail.eventName}`)) });
 */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: CloudTrailRecord;
}

/**
 * A PutEvents request entry (the SDK's `PutEventsRequestEntry`, without the SDK).
 * @example
 * new EventBridgeDestination({ putEvents: (entries: PutEventsEntry[]) => events.send(new PutEventsCommand({ Entries: entries })).then(() => undefined) });
 */
export interface PutEventsEntry {
  Source: string;
  DetailType: string;
  Detail: string;
  Resources: string[];
  Time: Date;
  EventBusName?: string;
}

/**
 * `source` of an API-call event for a service: `aws.<service>` as CloudTrail sends it (EventBridge reserves `aws.*`).
 * @example
 * const source: SourceFor = (service) => `local.${service}`; // a real bus refuses aws.* from PutEvents
 * new EventBridgeDestination({ putEvents, source });
 */
export type SourceFor = (service: string, record: CloudTrailRecord) => string;

const DETAIL_TYPES: Record<string, string> = {
  AwsApiCall: 'AWS API Call via CloudTrail',
  AwsServiceEvent: 'AWS Service Event via CloudTrail',
  AwsConsoleAction: 'AWS Console Action via CloudTrail',
  AwsConsoleSignIn: 'AWS Console Sign In via CloudTrail',
  AwsCloudTrailInsight: 'AWS Insight via CloudTrail',
};

/** `s3.amazonaws.com` → `s3`; Insights events are CloudTrail's own. */
export function serviceOf(record: CloudTrailRecord): string {
  if (record.eventType === 'AwsCloudTrailInsight') return 'cloudtrail';
  const source = record.eventSource ?? 'unknown';
  return source.endsWith('.amazonaws.com') ? source.slice(0, -'.amazonaws.com'.length) : source;
}

export const defaultSource: SourceFor = (service) => `aws.${service}`;

/**
 * The event EventBridge gets for a record.
 * @example
 * toEventBridgeEvent(record)['detail-type'] // 'AWS API Call via CloudTrail'
 */
export function toEventBridgeEvent(record: CloudTrailRecord, sourceFor: SourceFor = defaultSource): EventBridgeEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': DETAIL_TYPES[record.eventType] ?? 'AWS API Call via CloudTrail',
    source: sourceFor(serviceOf(record), record),
    account: record.recipientAccountId,
    time: record.eventTime,
    region: record.awsRegion,
    resources: [],
    detail: unpackRecord(record),
  };
}

export function toPutEventsEntry(event: EventBridgeEvent, eventBusName?: string): PutEventsEntry {
  const entry: PutEventsEntry = {
    Source: event.source,
    DetailType: event['detail-type'],
    Detail: JSON.stringify(event.detail),
    Resources: event.resources,
    Time: new Date(event.time),
  };
  if (eventBusName !== undefined) entry.EventBusName = eventBusName;
  return entry;
}

/** EventBridge's count: 14 bytes for Time, the UTF-8 bytes of Source, DetailType, Detail and each resource. */
export function putEventsEntrySize(entry: PutEventsEntry): number {
  let size = 14 + Buffer.byteLength(entry.Source) + Buffer.byteLength(entry.DetailType) + Buffer.byteLength(entry.Detail);
  for (const resource of entry.Resources) size += Buffer.byteLength(resource);
  return size;
}
