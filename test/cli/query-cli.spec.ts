// `localtrail query`: Lake's SQL over what a trail delivered, from a FilesystemSink folder and from S3 (s3rver).
import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { runCli } from '../../src/cli/main.js';
import { FilesystemSink } from '../../src/delivery/sinks/filesystem-sink.js';
import { S3Sink } from '../../src/delivery/sinks/s3-sink.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

let root: string;
let s3dir: string;
let server: S3rver;
let endpoint: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}

/** 30 management reads in eu-west-1 and 12 data events (PutItem), delivered in several files over two hours. */
async function deliver(sink: FilesystemSink | S3Sink): Promise<void> {
  const clock = new ManualClock('2026-03-01T10:00:00Z');
  const trail = createLocalTrail({ accountId: '111122223333', clock, controlPlaneEvents: false, delivery: { sinks: [sink] } });
  await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', S3KeyPrefix: 'team', IsMultiRegionTrail: true, EnableLogFileValidation: true });
  await trail.putEventSelectors({
    TrailName: 'audit',
    AdvancedEventSelectors: [
      { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] },
    ],
  });
  await trail.startLogging({ Name: 'audit' });
  const ddb = new DynamoDBClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '{}' })) });
  ddb.middlewareStack.use(trail.plugin());
  for (let step = 0; step < 6; step++) {
    for (let i = 0; i < 5; i++) await ddb.send(new DescribeTableCommand({ TableName: `table-${step}` }));
    for (let i = 0; i < 2; i++) await ddb.send(new PutItemCommand({ TableName: 'items', Item: { id: { S: `${step}-${i}` } } }));
    await clock.advance(20 * 60_000);
    await trail.flush();
  }
  expect((await trail.shutdown()).complete).toBe(true);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'localtrail-query-'));
  await deliver(new FilesystemSink({ root }));
  s3dir = mkdtempSync(join(tmpdir(), 'localtrail-query-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: 'audit-logs', configs: [] }] });
  endpoint = `http://127.0.0.1:${(await server.run()).port}`;
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  await deliver(new S3Sink({ client }));
  process.env['AWS_ACCESS_KEY_ID'] = 'S3RVER';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'S3RVER';
}, 60_000);

afterAll(async () => {
  await server?.close();
  for (const d of [root, s3dir]) if (d) rmSync(d, { recursive: true, force: true });
  delete process.env['AWS_ACCESS_KEY_ID'];
  delete process.env['AWS_SECRET_ACCESS_KEY'];
});

const SQL = "SELECT eventName, count(*) AS n FROM events WHERE eventTime >= '2026-03-01 10:00:00' GROUP BY 1 ORDER BY 1";

describe('localtrail query', () => {
  it('runs Lake SQL over a FilesystemSink folder, digests left out', async () => {
    const { io, out } = capture();
    expect(await runCli(['query', SQL, root], io)).toBe(0);
    expect(out.join('\n')).toBe(
      ['eventName      n', '-------------  --', 'DescribeTable  30', 'PutItem        12', '(2 rows; 42 records in 6 log files)'].join('\n'),
    );
  });

  it('reads nested fields and prints JSON lines', async () => {
    const { io, out } = capture();
    const sql = "SELECT requestParameters['tableName'] AS tbl, userIdentity.accountId, count(*) AS n FROM events WHERE eventCategory = 'Data' GROUP BY ALL";
    expect(await runCli(['query', sql, join(root, 'audit-logs'), '--json'], io)).toBe(0);
    expect(out.join('\n')).toBe('{"tbl":"items","accountId":"111122223333","n":"12"}');
  });

  it('gives the same answer from an S3 location (s3rver on 127.0.0.1) as from the folder', async () => {
    const { io, out } = capture();
    expect(await runCli(['query', SQL, 's3://audit-logs/team/AWSLogs/', '--endpoint-url', endpoint], io)).toBe(0);
    expect(out.join('\n')).toContain('DescribeTable  30\nPutItem        12\n(2 rows; 42 records in 6 log files)');
  });

  it('refuses other tables and other statements', async () => {
    const { io, err } = capture();
    expect(await runCli(['query', 'SELECT * FROM other', root], io)).toBe(2);
    expect(await runCli(['query', 'DROP TABLE events', root], io)).toBe(2);
    expect(err).toEqual([
      'localtrail query: Unknown table other: the records of the delivered log files are the table events.',
      'localtrail query: Only SELECT statements are allowed. No query strings can change or mutate data.',
    ]);
  });
});
