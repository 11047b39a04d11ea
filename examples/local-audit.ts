// `npx tsx examples/local-audit.ts`: local dev auditing end to end. An app's real SDK calls (no network) are recorded
// and delivered into a folder in CloudTrail's S3 layout; the folder is then asked questions with the library
// (readTrail, generatePolicy) and with the `localtrail` command (lookup, policy), as a developer would.
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.js';
import { FilesystemSink, createLocalTrail, generatePolicy, readTrail } from '../src/index.js';
import { offlineAws } from './support/offline-aws.js';

const folder = mkdtempSync(join(tmpdir(), 'localtrail-audit-'));
try {
  // 1. The app, with the plugin on its clients and a trail delivering into the folder (data events included).
  const trail = createLocalTrail({
    accountId: '111122223333',
    identities: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'report-service' }],
    delivery: { sinks: [new FilesystemSink({ root: folder })] },
  });
  await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
  await trail.putEventSelectors({
    TrailName: 'audit',
    EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }, { Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb'] }] }],
  });
  await trail.startLogging({ Name: 'audit' });
  const common = { region: 'eu-west-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' }, requestHandler: offlineAws };
  const s3 = new S3Client(common);
  const ddb = new DynamoDBClient(common);
  const sts = new STSClient(common);
  for (const client of [s3, ddb, sts]) client.middlewareStack.use(trail.plugin());

  await sts.send(new GetCallerIdentityCommand({}));
  await s3.send(new ListObjectsV2Command({ Bucket: 'reports', Prefix: 'daily/' }));
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'daily/2026-03-01.csv', Body: 'a,b\n1,2\n' }));
  await s3.send(new GetObjectCommand({ Bucket: 'reports', Key: 'daily/2026-03-01.csv' })).then((out) => out.Body?.transformToString());
  await ddb.send(new PutItemCommand({ TableName: 'Reports', Item: { id: { S: '2026-03-01' } } }));
  await ddb.send(new GetItemCommand({ TableName: 'missing-table', Key: { id: { S: 'x' } } })).catch(() => undefined);
  await trail.shutdown();

  // 2. The library: every failed call, newest first, read from the delivered files.
  console.log('Failed calls in the delivered log files:');
  const reader = readTrail(folder, { filter: { errors: true } });
  for await (const record of reader) console.log(`  ${record.eventTime} ${record.eventSource} ${record.eventName}: ${record.errorCode}`);
  if (reader.skipped.length > 0) console.log('  unreadable:', reader.skipped);

  // 3. The command line: the same folder as a table, newest first (here through runCli; in a shell `npx localtrail`).
  console.log(`\n$ localtrail lookup ${folder} --event-source s3.amazonaws.com`);
  await runCli(['lookup', folder, '--event-source', 's3.amazonaws.com']);

  // 4. The IAM policy the app needs, from the library and from `localtrail policy` (they agree).
  const { policy, noPermissionNeeded } = await generatePolicy(readTrail(folder));
  console.log(`\nLeft out, needing no permission: ${noPermissionNeeded.map((c) => c.eventName).join(', ')}`);
  console.log(`$ localtrail policy ${folder}`);
  const status = await runCli(['policy', folder]);
  console.log(`(exit status ${status}; ${policy.Statement.length} statements)`);
  if (status !== 0) process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
