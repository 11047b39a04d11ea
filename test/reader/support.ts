// Trail folders for the reader, policy and CLI tests: one written by localtrail from real SDK calls, and log files
// written by hand in CloudTrail's documented form (key layout, record fields, an organization prefix, Insights).
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { FilesystemSink } from '../../src/delivery/sinks/filesystem-sink.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { LONG_TERM } from '../support/fixtures.js';
import { jsonError, stubHandler } from '../support/stub-http.js';

export const ACCOUNT = '111122223333';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder removed after the test. */
export function tempDir(prefix = 'localtrail-reader-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Writes `{"Records":[…]}` gzip at `key` under `root` (compact as CloudTrail writes it, or pretty as the docs show). */
export function writeLogFile(root: string, key: string, records: readonly unknown[], pretty = false): string {
  const path = join(root, ...key.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gzipSync(JSON.stringify({ Records: records }, null, pretty ? 2 : undefined)));
  return path;
}

/** The key CloudTrail gives a log file delivered at `stamp` (`YYYYMMDDTHHmmZ`). */
export function logKey(stamp: string, { account = ACCOUNT, region = 'us-east-1', org, kind = 'CloudTrail', unique = 'Mu0KsOhtH1ar15ZZ' }: { account?: string; region?: string; org?: string; kind?: 'CloudTrail' | 'CloudTrail-Insight'; unique?: string } = {}): string {
  const date = `${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)}`;
  return `AWSLogs/${org ? `${org}/` : ''}${account}/${kind}/${region}/${date}/${account}_${kind}_${region}_${stamp}_${unique}.json.gz`;
}

/** A management event as the CloudTrail User Guide's examples show one (an IAM user starting EC2 instances). */
export function startInstances(eventTime: string, eventID: string, extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'EXAMPLE6E4XEGITWATV6R', arn: `arn:aws:iam::${ACCOUNT}:user/Mateo`, accountId: ACCOUNT, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'Mateo' },
    eventTime,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'StartInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.0',
    userAgent: 'aws-cli/2.13.5 Python/3.11.4',
    requestParameters: { instancesSet: { items: [{ instanceId: 'i-EXAMPLE56126103cb' }, { instanceId: 'i-EXAMPLEaff4840c22' }] } } as never,
    responseElements: { requestId: 'e4336db0-149f-4a6b-844d-EXAMPLEb9d16' },
    requestID: 'e4336db0-149f-4a6b-844d-EXAMPLEb9d16',
    eventID,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...extra,
  };
}

/** An S3 GetObject data event by an assumed role, with the resources CloudTrail lists for it. */
export function getObject(eventTime: string, eventID: string, key: string, extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLEID:app-session',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/app-session`,
      accountId: ACCOUNT,
      accessKeyId: 'ASIAEXAMPLEKEYID0001',
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLEID', arn: `arn:aws:iam::${ACCOUNT}:role/app`, accountId: ACCOUNT, userName: 'app' },
        attributes: { creationDate: '2026-03-01T09:00:00Z', mfaAuthenticated: 'false' },
      },
    },
    eventTime,
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: '[aws-sdk-js/3.700.0]',
    requestParameters: { bucketName: 'amzn-s3-demo-bucket', Host: 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com', key },
    responseElements: null,
    requestID: 'EXAMPLE123456789',
    eventID,
    readOnly: true,
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::amzn-s3-demo-bucket/${key}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::amzn-s3-demo-bucket' },
    ],
    eventType: 'AwsApiCall',
    managementEvent: false,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Data',
    ...extra,
  };
}

/** An Insights record (Start), as CloudTrail delivers them under CloudTrail-Insight/. */
export function insight(eventTime: string, eventID: string): CloudTrailRecord {
  return {
    eventVersion: '1.07',
    eventTime,
    awsRegion: 'us-east-1',
    eventID,
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: ACCOUNT,
    sharedEventID: '12345678-1234-1234-1234-123456789012',
    insightDetails: { state: 'Start', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', insightType: 'ApiCallRateInsight', insightContext: { statistics: {} } },
    eventCategory: 'Insight',
  };
}

/**
 * A folder of hand-written files: two compact files in us-east-1 (one under an organization prefix in another
 * account), a pretty-printed one in eu-west-1, an Insights file, a digest (ignored), and AWS Config's file (ignored).
 */
export function handWrittenFolder(): string {
  const root = tempDir();
  const bucket = join(root, 'amzn-s3-demo-bucket');
  writeLogFile(bucket, logKey('20260301T1005Z'), [
    startInstances('2026-03-01T10:01:00Z', 'e-0001'),
    getObject('2026-03-01T10:03:00Z', 'e-0002', 'reports/q1.csv'),
    getObject('2026-03-01T10:02:00Z', 'e-0003', 'reports/q2.csv', { errorCode: 'AccessDenied', errorMessage: 'Access Denied' }),
  ]);
  writeLogFile(bucket, logKey('20260301T1010Z', { unique: 'Zz9KsOhtH1ar15ZZ' }), [getObject('2026-03-01T10:07:00Z', 'e-0004', 'reports/q3.csv')]);
  writeLogFile(bucket, logKey('20260301T1010Z', { org: 'o-aa111bb222', account: '444455556666', unique: 'Org0KsOhtH1ar15Z' }), [
    startInstances('2026-03-01T10:06:00Z', 'e-0005', { recipientAccountId: '444455556666' }),
  ]);
  writeLogFile(bucket, logKey('20260301T1015Z', { region: 'eu-west-1', unique: 'Eu0KsOhtH1ar15ZZ' }), [startInstances('2026-03-01T10:11:00Z', 'e-0006', { awsRegion: 'eu-west-1' })], true);
  writeLogFile(bucket, logKey('20260301T1030Z', { kind: 'CloudTrail-Insight', unique: 'In0KsOhtH1ar15ZZ' }), [insight('2026-03-01T10:20:00Z', 'e-0007')]);
  writeLogFile(bucket, `AWSLogs/${ACCOUNT}/CloudTrail-Digest/us-east-1/2026/03/01/${ACCOUNT}_CloudTrail-Digest_us-east-1_audit_us-east-1_20260301T110000Z.json.gz`, []);
  writeLogFile(bucket, `AWSLogs/${ACCOUNT}/Config/us-east-1/2026/3/1/ConfigHistory/${ACCOUNT}_Config_us-east-1_ConfigHistory_x.json.gz`, []);
  return root;
}

const sts = '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/alice</Arn><UserId>AIDA</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>';

/**
 * Records an app's calls with real SDK clients through the plugin and delivers them with a FilesystemSink: over 30
 * minutes, three rounds of S3 (ListObjectsV2, GetObject, PutObject), DynamoDB (GetItem, Query on an index), Lambda
 * Invoke and STS GetCallerIdentity, plus a GetItem that fails, each round flushed into its own log files.
 */
export async function recordedFolder(): Promise<{ root: string; records: CloudTrailRecord[] }> {
  const root = tempDir();
  const clock = new ManualClock('2026-03-01T10:00:00Z');
  const trail = createLocalTrail({
    accountId: ACCOUNT,
    clock,
    controlPlaneEvents: false, // the scenario is the app's SDK traffic, not the trail set-up
    identities: [{ accessKeyId: LONG_TERM.accessKeyId, userName: 'alice' }],
    delivery: { sinks: [new FilesystemSink({ root })] },
  });
  await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
  await trail.putEventSelectors({
    TrailName: 'audit',
    AdvancedEventSelectors: [
      { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] },
      { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] },
      { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }] },
    ],
  });
  await trail.startLogging({ Name: 'audit' });
  const common = { credentials: LONG_TERM };
  const s3 = new S3Client({ region: 'eu-west-1', ...common, requestHandler: stubHandler(() => ({ body: '<ListBucketResult/>' })) });
  const ddb = new DynamoDBClient({
    region: 'eu-west-1',
    ...common,
    requestHandler: stubHandler((req) =>
      new TextDecoder().decode(req.body as Uint8Array).includes('"missing"') ? jsonError('com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', 'Requested resource not found') : { headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' },
    ),
  });
  const lambda = new LambdaClient({ region: 'eu-west-1', ...common, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'application/json' }, body: '{}' })) });
  const stsClient = new STSClient({ region: 'eu-west-1', ...common, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'text/xml' }, body: sts })) });
  for (const c of [s3, ddb, lambda, stsClient]) c.middlewareStack.use(trail.plugin());
  for (let round = 0; round < 3; round++) {
    await s3.send(new ListObjectsV2Command({ Bucket: 'uploads', Prefix: 'in/' }));
    await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: `in/${round}.csv` }));
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: `out/${round}.csv`, Body: 'x' }));
    await ddb.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: `o#${round}` } } }));
    await ddb.send(new QueryCommand({ TableName: 'Orders', IndexName: 'byCustomer', KeyConditionExpression: 'c = :c', ExpressionAttributeValues: { ':c': { S: 'x' } } }));
    await lambda.send(new InvokeCommand({ FunctionName: 'resize' }));
    await stsClient.send(new GetCallerIdentityCommand({}));
    await ddb.send(new GetItemCommand({ TableName: 'missing', Key: { pk: { S: '1' } } })).catch(() => undefined);
    await clock.advance(10 * 60_000);
    await trail.flush();
  }
  await trail.shutdown();
  return { root, records: trail.events() };
}
