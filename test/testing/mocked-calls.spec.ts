// Projects on aws-sdk-client-mock: send is stubbed, no middleware runs; recordMockedCalls records the stub's calls.
import '../../src/testing/vitest.js';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { createLocalTrail } from '../../src/localtrail.js';
import type { LocalTrail } from '../../src/localtrail.js';
import { recordMockedCalls } from '../../src/testing/mocked-calls.js';
import { CREDENTIALS, ROLE_CREDENTIALS } from './support.js';

const s3Mock = mockClient(S3Client);
const ddbMock = mockClient(DynamoDBClient);
afterAll(() => {
  s3Mock.restore();
  ddbMock.restore();
});

/** The code under test: knows nothing of localtrail. */
async function archiveReport(s3: S3Client, ddb: DynamoDBClient): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: 'r.csv', Body: 'data' }));
  await ddb.send(new PutItemCommand({ TableName: 'Reports', Item: { id: { S: 'r' } } }));
  await s3.send(new GetObjectCommand({ Bucket: 'archive', Key: 'missing.csv' })).catch(() => undefined);
}

let trail: LocalTrail;
beforeEach(() => {
  s3Mock.reset();
  ddbMock.reset();
  trail = createLocalTrail({ clock: new ManualClock(Date.UTC(2024, 5, 1)), identities: [{ accessKeyId: CREDENTIALS.accessKeyId, userName: 'alice' }] });
  s3Mock.on(PutObjectCommand).resolves({ ETag: '"e1"' });
  s3Mock
    .on(GetObjectCommand)
    .rejects(new S3ServiceException({ name: 'NoSuchKey', $fault: 'client', $metadata: {}, message: 'The specified key does not exist.' }));
  ddbMock.on(PutItemCommand).resolves({});
});

describe('recordMockedCalls', () => {
  it('without it nothing is recorded: the mocked send skips the middleware stack', async () => {
    const s3 = new S3Client({ region: 'eu-central-1', credentials: CREDENTIALS });
    s3.middlewareStack.use(trail.plugin());
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: 'r.csv' }));
    expect(trail.events()).toEqual([]);
  });

  it('records every call through the real recorder: names, classification, resources, identity, region, errors', async () => {
    const s3 = new S3Client({ region: 'eu-central-1', credentials: CREDENTIALS });
    const ddb = new DynamoDBClient({ region: 'eu-central-1', credentials: CREDENTIALS });
    await archiveReport(s3, ddb);

    expect(await recordMockedCalls(trail, [s3Mock, ddbMock])).toBe(3);

    expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 1, { Bucket: 'archive', Key: 'r.csv' });
    expect(trail).toHaveRecordedNth(2, { eventName: 'PutItem', requestParameters: { tableName: 'Reports' } });
    expect(trail).toHaveRecordedError('NoSuchKey', { eventName: 'GetObject', readOnly: true });
    expect(trail).toHaveRecordedCallAs('alice', { awsRegion: 'eu-central-1' });
    expect(trail).toHaveWrittenOnlyTo('arn:aws:s3:::archive/*', 'arn:aws:dynamodb:eu-central-1:*:table/Reports');
    expect(trail.snapshot()[0]).toMatchInlineSnapshot(`
      {
        "additionalEventData": {
          "AuthenticationMethod": "AuthHeader",
          "SignatureVersion": "SigV4",
          "bytesTransferredIn": 0,
          "bytesTransferredOut": 0,
        },
        "awsRegion": "eu-central-1",
        "eventCategory": "Data",
        "eventID": "<eventID:1>",
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
        "eventTime": "<eventTime>",
        "eventType": "AwsApiCall",
        "eventVersion": "1.11",
        "managementEvent": false,
        "readOnly": false,
        "recipientAccountId": "123456789012",
        "requestParameters": {
          "bucketName": "archive",
          "key": "r.csv",
        },
        "resources": [
          {
            "ARN": "arn:aws:s3:::archive/r.csv",
            "type": "AWS::S3::Object",
          },
          {
            "ARN": "arn:aws:s3:::archive",
            "accountId": "123456789012",
            "type": "AWS::S3::Bucket",
          },
        ],
        "responseElements": null,
        "sourceIPAddress": "<sourceIPAddress>",
        "userIdentity": {
          "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
          "accountId": "123456789012",
          "arn": "arn:aws:iam::123456789012:user/alice",
          "principalId": "AIDANRRS3RFRYOYAV7KND",
          "type": "IAMUser",
          "userName": "alice",
        },
      }
    `);
  });

  it('records each call once, however often it is called', async () => {
    const s3 = new S3Client({ region: 'eu-central-1', credentials: CREDENTIALS });
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: 'a' }));
    await recordMockedCalls(trail, s3Mock);
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: 'b' }));
    expect(await recordMockedCalls(trail, s3Mock)).toBe(1);
    expect(trail).toHaveRecordedCommandTimes(PutObjectCommand, 2);
    expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 2, { Key: 'b' });
  });

  it('takes the identity from options when the client runs on the default credential chain', async () => {
    const s3 = new S3Client({ region: 'eu-central-1' });
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: 'a' }));
    await recordMockedCalls(trail, s3Mock, { credentials: { accessKeyId: ROLE_CREDENTIALS.accessKeyId, sessionToken: ROLE_CREDENTIALS.sessionToken } });
    expect(trail).toHaveRecordedCallAs({ type: 'AssumedRole', accessKeyId: ROLE_CREDENTIALS.accessKeyId });
    expect(JSON.stringify(trail.events())).not.toContain(ROLE_CREDENTIALS.sessionToken);
  });

  it('never runs the default credential chain itself: the identity is then Unknown', async () => {
    const s3 = new S3Client({ region: 'eu-central-1' });
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: 'a' }));
    await recordMockedCalls(trail, s3Mock);
    expect(trail).toHaveRecorded({ userIdentity: { type: 'Unknown' }, awsRegion: 'eu-central-1' });
  });

  it('a failing assertion on mocked calls reads like any other', async () => {
    const s3 = new S3Client({ region: 'eu-central-1', credentials: CREDENTIALS });
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: 'a' }));
    await recordMockedCalls(trail, s3Mock);
    expect(() => expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'other' })).toThrow(/#1 s3\.amazonaws\.com PutObject · eu-central-1/);
  });

  it('knows the service through a subclass of the SDK client', async () => {
    class ReportStore extends S3Client {}
    const s3 = new ReportStore({ region: 'eu-central-1', credentials: CREDENTIALS });
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: 'sub.csv' }));
    await recordMockedCalls(trail, s3Mock);
    expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'archive', Key: 'sub.csv' });
    expect(trail).toHaveRecorded({ eventSource: 's3.amazonaws.com', requestParameters: { bucketName: 'archive' } });
  });
});
