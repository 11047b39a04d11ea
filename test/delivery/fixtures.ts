// Hand-built records, trails and routes for driving the DeliveryPort directly (no recorder or engine needed).
import { randomUUID } from 'node:crypto';
import type { DeliveryRoute, DeliveryTrail } from '../../src/engine/delivery-port.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { cloudTrailTime } from '../../src/vocabulary/time.js';

export const ACCOUNT = '111122223333';
export const T0 = Date.parse('2026-03-01T10:00:00Z');

export function makeTrail(overrides: Partial<DeliveryTrail> = {}): DeliveryTrail {
  const name = overrides.name ?? 'main-trail';
  const homeRegion = overrides.homeRegion ?? 'us-east-1';
  return {
    name,
    arn: `arn:aws:cloudtrail:${homeRegion}:${ACCOUNT}:trail/${name}`,
    homeRegion,
    accountId: ACCOUNT,
    s3BucketName: 'trail-bucket',
    isMultiRegionTrail: false,
    isOrganizationTrail: false,
    logFileValidationEnabled: true,
    ...overrides,
  };
}

export function route(trail: DeliveryTrail, region = trail.homeRegion, accountId = trail.accountId): DeliveryRoute {
  return { trail, region, accountId };
}

export function makeRecord(time: number, region = 'us-east-1', extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.11',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, userName: 'alice' },
    eventTime: cloudTrailTime(time),
    eventSource: 's3.amazonaws.com',
    eventName: 'PutObject',
    awsRegion: region,
    sourceIPAddress: '10.0.0.1',
    userAgent: 'aws-sdk-js/3.0.0',
    requestParameters: { bucketName: 'data', key: `k/${randomUUID()}` },
    responseElements: null,
    requestID: randomUUID().replace(/-/g, '').toUpperCase(),
    eventID: randomUUID(),
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: false,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Data',
    ...extra,
  };
}
