// `npx tsx examples/server.ts`: a LocalTrail served over CloudTrail's own HTTP API, its event-history page in the
// browser, and an HTML report of what was recorded. Real SDK clients, no network, no AWS account.
// Pass --exit to stop after printing (as CI does); otherwise it serves until Ctrl-C.
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createLocalTrail, createReport } from '../src/index.js';
import { offlineAws } from './support/offline-aws.js';

const trail = createLocalTrail({ accountId: '111122223333', identities: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice' }] });
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const iam = new IAMClient({ region: 'us-east-1', credentials, requestHandler: offlineAws });
const s3 = new S3Client({ region: 'us-east-1', credentials, requestHandler: offlineAws });
for (const client of [iam, s3]) client.middlewareStack.use(trail.plugin());

// Some activity to look at.
await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
await trail.startLogging({ Name: 'audit' });
for (const name of ['bob', 'carol', 'dave']) await iam.send(new CreateUserCommand({ UserName: name }));
await s3.send(new ListBucketsCommand({}));
await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'a.txt', Body: 'hello' }));
await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'a.txt' })).then((out) => out.Body?.transformToString());

// 1. The trail over HTTP: any AWS SDK or the AWS CLI reaches it with an endpoint URL.
const server = await trail.listen({ port: 0 });
console.log(`Event history page: ${server.url}/`);
console.log(`AWS CLI:            aws cloudtrail lookup-events --endpoint-url ${server.url} \\`);
console.log(`                      --lookup-attributes AttributeKey=EventName,AttributeValue=CreateUser`);

// 2. An unchanged CloudTrailClient pointed at it (any credentials are accepted).
const cloudtrail = new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials });
const { Events } = await cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }));
console.log(`LookupEvents over HTTP: ${Events?.map((e) => `${e.EventName} by ${e.Username}`).join(', ')}`);

// 3. One self-contained HTML report of what the trail recorded.
const { html, data } = await createReport({ description: 'examples/server.ts', records: () => trail.events() }, { title: 'Example activity' });
mkdirSync('.localtrail', { recursive: true });
writeFileSync('.localtrail/report.html', html);
console.log(`Report: .localtrail/report.html (${data.totals.calls} calls, ${data.totals.errors} failed)`);

if (process.argv.includes('--exit')) await server.close();
else {
  console.log('Serving until Ctrl-C.');
  process.once('SIGINT', () => void server.close());
}
