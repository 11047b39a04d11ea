// Test helpers for the engine: hand-built records and a DeliveryPort double that records every call.
import type { DeliveryPort, DeliveryRoute, DeliveryStatus, DeliveryTrail, DeliveryPublicKey } from '../../src/engine/delivery-port.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';

let nextId = 0;

/** A management event of account 111111111111 in us-east-1 unless overridden. */
export function makeRecord(overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  nextId++;
  return {
    eventVersion: '1.11',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111111111111:user/alice', accountId: '111111111111', accessKeyId: 'AKIAEXAMPLE', userName: 'alice' },
    eventTime: '2026-01-01T00:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    eventID: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111111111111',
    eventCategory: 'Management',
    ...overrides,
  };
}

/** An S3 object data event on `bucket/key`. */
export function s3DataRecord(bucket: string, key: string, overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return makeRecord({
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    managementEvent: false,
    eventCategory: 'Data',
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
      { type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}`, accountId: '111111111111' },
    ],
    ...overrides,
  });
}

export interface Enqueued {
  trail: string;
  region: string;
  accountId: string;
  organizationId?: string;
  eventID: string;
}

/** A DeliveryPort that remembers every call. */
export class RecordingDelivery implements DeliveryPort {
  readonly enqueued: Enqueued[] = [];
  readonly routes: DeliveryRoute[] = [];
  readonly lifecycle: string[] = [];
  statuses = new Map<string, DeliveryStatus>();
  keys: DeliveryPublicKey[] = [];

  enqueue(route: DeliveryRoute, record: CloudTrailRecord): void {
    this.routes.push(route);
    const entry: Enqueued = { trail: route.trail.name, region: route.region, accountId: route.accountId, eventID: record.eventID };
    if (route.trail.organizationId) entry.organizationId = route.trail.organizationId;
    this.enqueued.push(entry);
  }
  loggingStarted(trail: DeliveryTrail, at: number): void {
    this.lifecycle.push(`started ${trail.name} ${at}`);
  }
  loggingStopped(trail: DeliveryTrail, at: number): void {
    this.lifecycle.push(`stopped ${trail.name} ${at}`);
  }
  trailUpdated(before: DeliveryTrail, after: DeliveryTrail, at: number): void {
    this.lifecycle.push(`updated ${before.name} ${at} validation ${before.logFileValidationEnabled}→${after.logFileValidationEnabled}`);
  }
  status(trailArn: string): DeliveryStatus {
    return this.statuses.get(trailArn) ?? {};
  }
  listPublicKeys(_region: string, start: number, end: number): DeliveryPublicKey[] {
    return this.keys.filter((k) => k.validityStartTime <= end && k.validityEndTime >= start);
  }

  /** Trail names that got the event, sorted. */
  trailsFor(eventID: string): string[] {
    return this.enqueued.filter((e) => e.eventID === eventID).map((e) => e.trail).sort();
  }
}

/** Runs `fn` and returns the thrown error's name and message (fails if nothing is thrown). */
export function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected an error');
}
