// Routing throughput: events/s through TrailEngine.accept with 5 trails carrying advanced selectors, against a
// straightforward router that evaluates the same selectors' JSON for every event (no compilation).
import type { AdvancedEventSelector } from '@aws-sdk/client-cloudtrail';
import type { DeliveryPort } from '../src/engine/delivery-port.js';
import { noopDelivery } from '../src/engine/noop-delivery.js';
import { interpretAdvancedEventSelectors } from '../src/engine/selectors/advanced-interpret.js';
import { TrailEngine } from '../src/engine/trail-engine.js';
import type { CloudTrailRecord } from '../src/vocabulary/record.js';
import type { BenchResult } from './harness.js';
import { interleave, machine, round } from './harness.js';

const ACCT = '111122223333';
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

const mgmt = { Field: 'eventCategory', Equals: ['Management'] };
const data = { Field: 'eventCategory', Equals: ['Data'] };
export const TRAILS: Array<{ name: string; home: string; multi: boolean; includeGlobal: boolean; selectors: AdvancedEventSelector[] }> = [
  { name: 'org-audit', home: 'us-east-1', multi: true, includeGlobal: true, selectors: [{ FieldSelectors: [mgmt] }] },
  {
    name: 'writes-no-kms',
    home: 'us-east-1',
    multi: true,
    includeGlobal: true,
    selectors: [{ FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['false'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }] }],
  },
  {
    name: 's3-reports',
    home: 'eu-west-1',
    multi: false,
    includeGlobal: true,
    selectors: [
      { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::reports-bucket/', 'arn:aws:s3:::finance-bucket/q'] }, { Field: 'eventName', NotEquals: ['HeadObject'] }] },
      { FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['false'] }] },
    ],
  },
  {
    name: 'tables-and-functions',
    home: 'us-west-2',
    multi: true,
    includeGlobal: true,
    selectors: [
      { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }, { Field: 'resources.ARN', EndsWith: [':table/Orders', ':table/Payments'] }] },
      { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }, { Field: 'eventName', Equals: ['Invoke'] }] },
    ],
  },
  {
    name: 'east-local',
    home: 'us-east-1',
    multi: false,
    includeGlobal: false,
    selectors: [
      { FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['true'] }] },
      { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'readOnly', Equals: ['false'] }, { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::tmp-'] }] },
    ],
  },
];

/** Builds a record the way the recorder does (src/event/build-record.ts): a literal of the leading fields, then the rest in CloudTrail's order. */
function asRecorded(r: CloudTrailRecord): CloudTrailRecord {
  const out = {
    eventVersion: r.eventVersion,
    userIdentity: r.userIdentity,
    eventTime: r.eventTime,
    eventSource: r.eventSource,
    eventName: r.eventName,
    awsRegion: r.awsRegion,
    sourceIPAddress: '198.51.100.7',
  } as CloudTrailRecord;
  out.userAgent = 'aws-sdk-js/3.0.0';
  out.requestParameters = null;
  out.responseElements = null;
  out.requestID = 'req-1';
  out.eventID = r.eventID;
  out.readOnly = r.readOnly;
  if (r.resources) out.resources = r.resources;
  out.eventType = 'AwsApiCall';
  out.managementEvent = r.managementEvent;
  out.recipientAccountId = r.recipientAccountId;
  out.eventCategory = r.eventCategory;
  return out;
}

export function makeRecords(n: number): CloudTrailRecord[] {
  return makeRecordSpecs(n).map(asRecorded);
}

function makeRecordSpecs(n: number): CloudTrailRecord[] {
  const identity = { type: 'IAMUser' as const, principalId: 'AIDA1', arn: `arn:aws:iam::${ACCT}:user/alice`, accountId: ACCT, accessKeyId: 'AKIA1', userName: 'alice' };
  const out: CloudTrailRecord[] = [];
  for (let i = 0; i < n; i++) {
    const region = REGIONS[i % REGIONS.length]!;
    const base = { eventVersion: '1.11', userIdentity: identity, eventTime: '2026-06-01T12:00:00Z', awsRegion: region, eventID: `e-${i}`, eventType: 'AwsApiCall' as const, recipientAccountId: ACCT };
    switch (i % 8) {
      case 0:
        out.push({ ...base, eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', readOnly: true, managementEvent: true, eventCategory: 'Management' });
        break;
      case 1:
        out.push({ ...base, eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true, managementEvent: true, eventCategory: 'Management' });
        break;
      case 2:
        out.push({ ...base, awsRegion: 'us-east-1', eventSource: 'iam.amazonaws.com', eventName: 'CreateRole', readOnly: false, managementEvent: true, eventCategory: 'Management' });
        break;
      case 3:
      case 4: {
        const bucket = ['reports-bucket', 'finance-bucket', 'tmp-scratch', 'photos'][i % 4]!;
        out.push({
          ...base,
          eventSource: 's3.amazonaws.com',
          eventName: i % 3 ? 'GetObject' : 'PutObject',
          readOnly: i % 3 !== 0,
          managementEvent: false,
          eventCategory: 'Data',
          resources: [
            { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/q${i % 5}/k${i % 97}` },
            { type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}`, accountId: ACCT },
          ],
        });
        break;
      }
      case 5:
        out.push({
          ...base,
          eventSource: 'dynamodb.amazonaws.com',
          eventName: 'GetItem',
          readOnly: true,
          managementEvent: false,
          eventCategory: 'Data',
          resources: [{ type: 'AWS::DynamoDB::Table', ARN: `arn:aws:dynamodb:${region}:${ACCT}:table/${i % 2 ? 'Orders' : 'Users'}`, accountId: ACCT }],
        });
        break;
      case 6:
        out.push({
          ...base,
          eventSource: 'lambda.amazonaws.com',
          eventName: 'Invoke',
          readOnly: false,
          managementEvent: false,
          eventCategory: 'Data',
          resources: [{ type: 'AWS::Lambda::Function', ARN: `arn:aws:lambda:${region}:${ACCT}:function:f${i % 3}`, accountId: ACCT }],
        });
        break;
      default:
        out.push({ ...base, eventSource: 'sqs.amazonaws.com', eventName: 'CreateQueue', readOnly: false, managementEvent: true, eventCategory: 'Management' });
    }
  }
  return out;
}

/** Counts deliveries so the work cannot be optimised away. */
function countingDelivery(): DeliveryPort & { count: number } {
  return { ...noopDelivery, count: 0, enqueue(this: { count: number }) { this.count++; } } as DeliveryPort & { count: number };
}

const GLOBAL_SOURCES = new Set(['iam.amazonaws.com', 'cloudfront.amazonaws.com', 'signin.amazonaws.com']);

/** The uncompiled baseline: same rules, evaluated from the trail settings and selector JSON on every event. */
function naiveRouter(deliver: (trail: string, region: string) => void) {
  const history: CloudTrailRecord[] = [];
  return (record: CloudTrailRecord) => {
    if (record.eventCategory === 'Management') {
      history.push(record);
      if (history.length > 1_000_000) history.splice(0, 250_000);
    }
    const global = record.awsRegion === 'us-east-1' && GLOBAL_SOURCES.has(record.eventSource ?? '');
    for (const trail of TRAILS) {
      if (!trail.multi && trail.home !== record.awsRegion) continue;
      if (global && !trail.multi && !trail.includeGlobal) continue;
      if (interpretAdvancedEventSelectors(trail.selectors, record)) deliver(trail.name, record.awsRegion);
    }
  };
}

export default async function routingBench(): Promise<BenchResult[]> {
  const records = makeRecords(8192);
  const delivery = countingDelivery();
  const engine = new TrailEngine({ accountId: ACCT, delivery, maxHistoryEvents: 1_000_000 });
  for (const t of TRAILS) {
    const caller = { accountId: ACCT, region: t.home };
    engine.createTrail({ Name: t.name, S3BucketName: 'bench-logs', IsMultiRegionTrail: t.multi, IncludeGlobalServiceEvents: t.includeGlobal }, caller);
    engine.putEventSelectors({ TrailName: t.name, AdvancedEventSelectors: t.selectors }, caller);
    engine.startLogging({ Name: t.name }, caller);
  }
  let naiveCount = 0;
  const naive = naiveRouter(() => naiveCount++);

  // Same decisions from both routers (sanity check before timing).
  for (const r of records) {
    engine.accept(r);
    naive(r);
  }
  if (delivery.count !== naiveCount) throw new Error(`routers disagree: compiled ${delivery.count} vs uncompiled ${naiveCount} deliveries`);

  let cursor = 0;
  const mask = records.length - 1;
  const result = await interleave(
    [
      { name: 'uncompiled', run: (n) => { for (let i = 0; i < n; i++) naive(records[cursor++ & mask]!); } },
      { name: 'compiled', run: (n) => { for (let i = 0; i < n; i++) engine.accept(records[cursor++ & mask]!); } },
    ],
    { rounds: 15, opsPerRound: 50_000, warmupOps: 200_000 },
  );
  const compiledPerSec = 1e6 / result.usPerOp['compiled']!;
  const uncompiledPerSec = 1e6 / result.usPerOp['uncompiled']!;
  const speedup = 1 / result.ratios['compiled']!.median;
  const line = `routing: ${round(compiledPerSec / 1e6, 2)}M events/s (${round(speedup, 2)}x uncompiled ${round(uncompiledPerSec / 1e6, 2)}M events/s; ratio spread ${round(1 / result.ratios['compiled']!.max, 2)}–${round(1 / result.ratios['compiled']!.min, 2)}x) [5 trails, advanced selectors, ${machine()}]`;
  return [
    {
      name: 'routing',
      line,
      json: {
        compiledEventsPerSec: Math.round(compiledPerSec),
        uncompiledEventsPerSec: Math.round(uncompiledPerSec),
        speedupMedian: round(speedup, 3),
        speedupMin: round(1 / result.ratios['compiled']!.max, 3),
        speedupMax: round(1 / result.ratios['compiled']!.min, 3),
        trails: TRAILS.length,
        targetEventsPerSec: 1_000_000,
      },
    },
  ];
}
