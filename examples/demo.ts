// `npm run demo`: real AWS SDK v3 clients, no network and no AWS account. Every call is recorded as a CloudTrail
// event; a multi-region trail with log file validation delivers gzip log files and signed hourly digests into
// ./.localtrail/ in the S3 key layout; the demo then looks events up and validates the folder.
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { rmSync } from 'node:fs';
import { createLocalTrail } from '../src/index.js';
import { FilesystemSink } from '../src/delivery/sinks/filesystem-sink.js';
import { folderSource } from '../src/validation/object-source.js';
import { formatValidationReport } from '../src/validation/format-report.js';
import { validateLogs } from '../src/validation/validate-logs.js';
import { offlineAws } from './support/offline-aws.js';

const folder = '.localtrail';
rmSync(folder, { recursive: true, force: true });

// 1. One LocalTrail for the process: records every call, and delivers trails' log files into the folder.
const trail = createLocalTrail({
  accountId: '111122223333',
  identities: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice' }],
  delivery: { sinks: [new FilesystemSink({ root: folder })] },
});

// 2. A trail like a real account's: multi-region, log file validation on, S3 object-level data events too.
await trail.createTrail({ Name: 'org-audit', S3BucketName: 'demo-audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
await trail.putEventSelectors({
  TrailName: 'org-audit',
  EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
});
await trail.startLogging({ Name: 'org-audit' });

// 3. Ordinary application code with real SDK clients; the plugin is the only addition.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const common = { credentials, requestHandler: offlineAws };
const s3 = new S3Client({ region: 'eu-west-1', ...common });
const ddb = new DynamoDBClient({ region: 'us-east-1', ...common });
const iam = new IAMClient({ region: 'eu-west-1', ...common });
const sts = new STSClient({ region: 'eu-west-1', ...common });
const secrets = new SecretsManagerClient({ region: 'eu-west-1', ...common });
for (const client of [s3, ddb, iam, sts, secrets]) client.middlewareStack.use(trail.plugin());

await sts.send(new GetCallerIdentityCommand({}));
await s3.send(new ListBucketsCommand({}));
// A request handled for the app's own end user: attributed with runAs.
await trail.runAs({ userId: 'customer-42', sourceIpAddress: '203.0.113.42' }, async () => {
  await s3.send(new PutObjectCommand({ Bucket: 'demo-uploads', Key: 'invoices/42.pdf', Body: 'pdf bytes' }));
  await s3.send(new GetObjectCommand({ Bucket: 'demo-uploads', Key: 'invoices/42.pdf' })).then((out) => out.Body?.transformToString());
  await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { pk: { S: 'order#42' } } }));
});
await ddb.send(new GetItemCommand({ TableName: 'missing-table', Key: { pk: { S: 'x' } } })).catch(() => undefined);
await iam.send(new CreateUserCommand({ UserName: 'bob' }));
await secrets.send(new CreateSecretCommand({ Name: 'db-password', SecretString: 'never-in-a-record' }));

// 4. What was recorded.
console.log('Recorded CloudTrail events:\n');
console.log(`${'time'.padEnd(20)} ${'region'.padEnd(10)} ${'event'.padEnd(38)} ${'who'.padEnd(12)} ${'category'.padEnd(10)} outcome`);
for (const e of trail.events()) {
  const who = (e.additionalEventData?.['actor'] as { userId?: string } | undefined)?.userId ?? e.userIdentity?.userName ?? e.userIdentity?.type ?? '';
  const outcome = e.errorCode ? `error ${e.errorCode}` : e.readOnly ? 'read' : 'write';
  console.log(`${e.eventTime.padEnd(20)} ${e.awsRegion.padEnd(10)} ${`${e.eventSource?.split('.')[0]}:${e.eventName}`.padEnd(38)} ${who.padEnd(12)} ${e.eventCategory.padEnd(10)} ${outcome}`);
}
const secret = trail.events().find((e) => e.eventName === 'CreateSecret');
console.log(`\nCreateSecret requestParameters: ${JSON.stringify(secret?.requestParameters)}`);
// DynamoDB's record holds the item's attribute names, never its values, as CloudTrail's does.
const put = trail.events().find((e) => e.eventName === 'PutItem');
console.log(`PutItem requestParameters: ${JSON.stringify(put?.requestParameters)}`);

// 5. Event history, as CloudTrail's LookupEvents answers it (management events, newest first, per region).
const writes = await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }] }, { region: 'us-east-1' });
console.log(`\nLookupEvents(ReadOnly=false) in us-east-1: ${writes.Events?.map((e) => e.EventName).join(', ')}`);

// 6. Deliver: log files and a closing digest per region, then validate the folder as `localtrail validate` does.
const delivered = await trail.shutdown();
const { delivery } = trail.stats();
const report = await validateLogs({ source: folderSource(folder) });
console.log(`\nDelivered ${delivery.deliveredFiles} log files (${delivery.deliveredRecords} records) and ${delivery.deliveredDigests} signed digests into ${folder}/ (S3 key layout):`);
console.log(formatValidationReport(report, { verbose: true }));
console.log(`\nValidate it again any time: npx localtrail validate ${folder}`);
if (!report.ok || !delivered.complete) process.exitCode = 1;
