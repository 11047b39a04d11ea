// Example: asserting a service's AWS calls with localtrail's vitest matchers (run by test/testing/examples.spec.ts).
// In your project: `import 'localtrail/vitest'` (or list it in setupFiles) and `from 'localtrail'`.
import '../src/testing/vitest.js';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { HttpResponse } from '@smithy/protocol-http';
import type { HttpRequest } from '@smithy/protocol-http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../src/index.js';

/** The code under test: stores a report in S3 and indexes it in DynamoDB. Knows nothing of localtrail. */
async function publishReport(s3: S3Client, ddb: DynamoDBClient, id: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: `${id}.csv`, Body: body }));
  await ddb.send(new PutItemCommand({ TableName: 'Reports', Item: { id: { S: id }, size: { N: String(body.length) } } }));
}

/** Answers every request in-process: the SDK's real middleware stack (signing, retries, parsing) still runs. */
const requestHandler = {
  async handle(request: HttpRequest) {
    const isDynamo = request.hostname.startsWith('dynamodb.');
    return {
      response: new HttpResponse({
        statusCode: 200,
        headers: isDynamo ? { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'R1' } : { 'x-amz-request-id': 'R1' },
        body: Readable.from([Buffer.from(isDynamo ? '{}' : '')]),
      }),
    };
  },
};

/** One trail per test: records never leak between tests, concurrent tests included. */
function fixture() {
  const trail = createLocalTrail({ identities: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'report-publisher' }] });
  const config = {
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' },
    requestHandler,
  };
  const s3 = new S3Client(config);
  const ddb = new DynamoDBClient(config);
  s3.middlewareStack.use(trail.plugin());
  ddb.middlewareStack.use(trail.plugin());
  return { trail, s3, ddb };
}

describe('publishReport', () => {
  it('writes the object, then its index entry, and nothing else', async () => {
    const { trail, s3, ddb } = fixture();
    await publishReport(s3, ddb, 'q1', 'a,b\n1,2\n');

    expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 1, { Bucket: 'reports', Key: 'q1.csv' });
    expect(trail).toHaveRecordedNth(2, { eventName: 'PutItem', requestParameters: { tableName: 'Reports' } });
    expect(trail).toHaveRecordedOnly({ eventName: 'PutObject' }, { eventName: 'PutItem' });
  });

  it('stays inside its own resources, as its own identity, in its own region', async () => {
    const { trail, s3, ddb } = fixture();
    await publishReport(s3, ddb, 'q2', 'x');

    expect(trail).toHaveWrittenOnlyTo('arn:aws:s3:::reports/*', 'arn:aws:dynamodb:eu-west-1:*:table/Reports');
    expect(trail).toHaveRecordedCallAs('report-publisher');
    expect(trail).not.toHaveRecordedInRegion(expect.not.stringMatching(/^eu-west-1$/));
    expect(trail).not.toHaveRecordedError();
  });

  it('matches the item the code wrote, though the record holds only its attribute names', async () => {
    const { trail, s3, ddb } = fixture();
    await publishReport(s3, ddb, 'q4', 'abc');

    // The command matchers compare the input the SDK received (kept in memory beside the record)…
    expect(trail).toHaveRecordedCommand(PutItemCommand, { Item: { id: { S: 'q4' }, size: { N: '3' } } });
    // …while the record, like CloudTrail's, never holds an item's values.
    expect(trail).toHaveRecorded({ eventName: 'PutItem', requestParameters: { tableName: 'Reports', item: ['id', 'size'] } });
  });

  it('records stable snapshots', async () => {
    const { trail, s3, ddb } = fixture();
    await publishReport(s3, ddb, 'q3', 'x');
    expect(trail.snapshot().map((r) => `${r.eventID} ${r.eventTime} ${r.eventName} ${r.awsRegion}`)).toEqual([
      '<eventID:1> <eventTime> PutObject eu-west-1',
      '<eventID:2> <eventTime> PutItem eu-west-1',
    ]);
  });
});
