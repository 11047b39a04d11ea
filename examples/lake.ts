// `npx tsx examples/lake.ts`: CloudTrail Lake in process. Real SDK clients (no network) are recorded into an event
// data store, queried with Lake's SQL on DuckDB; then the same SQL runs over the log files delivered to a folder.
// Needs the optional peer dependency @duckdb/node-api.
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalTrail, queryDeliveredFiles } from '../src/index.js';
import { FilesystemSink } from '../src/delivery/sinks/filesystem-sink.js';
import { offlineAws } from './support/offline-aws.js';

const folder = mkdtempSync(join(tmpdir(), 'localtrail-lake-example-'));
const trail = createLocalTrail({
  accountId: '111122223333',
  // The app's SDK calls only: CloudTrail's own CreateTrail/StartLogging would be kept by the store but not yet logged.
  controlPlaneEvents: false,
  identities: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice' }],
  delivery: { sinks: [new FilesystemSink({ root: folder })] },
});

// A store for management events and DynamoDB item-level events; a trail delivering the same to the folder.
const selectors = [
  { Name: 'management', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
  { Name: 'items', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] },
];
const { EventDataStoreArn } = await trail.createEventDataStore({ Name: 'api-activity', AdvancedEventSelectors: selectors, RetentionPeriod: 30 });
await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true });
await trail.putEventSelectors({ TrailName: 'audit', AdvancedEventSelectors: selectors });
await trail.startLogging({ Name: 'audit' });

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const s3 = new S3Client({ region: 'eu-west-1', credentials, requestHandler: offlineAws });
const ddb = new DynamoDBClient({ region: 'us-east-1', credentials, requestHandler: offlineAws });
s3.middlewareStack.use(trail.plugin());
ddb.middlewareStack.use(trail.plugin());
for (let i = 0; i < 3; i++) {
  await s3.send(new ListBucketsCommand({}));
  await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: `order-${i}` } } }));
  await ddb.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: `order-${i}` } } }));
}

// Lake: the table is the store's ID.
const id = EventDataStoreArn!.split('/').pop()!;
const sql = (table: string): string =>
  `SELECT eventSource, eventName, userIdentity.userName AS who, count(*) AS calls FROM ${table} GROUP BY ALL ORDER BY eventSource, eventName`;
const { QueryId } = await trail.startQuery({ QueryStatement: sql(id) });
while (['QUEUED', 'RUNNING'].includes((await trail.describeQuery({ QueryId })).QueryStatus!)) await new Promise((r) => setTimeout(r, 5));
const { QueryResultRows, QueryStatistics } = await trail.getQueryResults({ QueryId });
console.log(`Lake query over store ${id} (${QueryStatistics?.TotalResultsCount} rows):`);
for (const row of QueryResultRows ?? []) console.log('  ' + row.map((cell) => Object.values(cell)[0]).join('  '));

// The same SQL over what the trail delivered, as `localtrail query "<sql>" <folder>` runs it.
await trail.shutdown();
const files = await queryDeliveredFiles(sql('events'), { folder });
console.log(`\nThe same SQL over ${files.files} delivered log files (${files.records} records):`);
for (const row of files.rows) console.log('  ' + row.join('  '));
rmSync(folder, { recursive: true, force: true });
