// Under jest: the record snapshot serializer, trail.snapshot(), and recording aws-sdk-client-mock calls.
import '../../src/testing/jest.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { createLocalTrail } from '../../src/localtrail.js';
import { recordMockedCalls } from '../../src/testing/mocked-calls.js';
import { CREDENTIALS, failureOf, stubHandler } from '../testing/support.js';

describe('snapshots', () => {
  it('serializes a trail as stabilized records', async () => {
    const trail = createLocalTrail({ identities: [{ accessKeyId: CREDENTIALS.accessKeyId, userName: 'alice' }] });
    const s3 = new S3Client({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: stubHandler });
    s3.middlewareStack.use(trail.plugin());
    await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'k', Body: 'x' }));
    expect(trail).toMatchInlineSnapshot(`
[
  {
    "additionalEventData": {
      "AuthenticationMethod": "AuthHeader",
      "SignatureVersion": "SigV4",
      "bytesTransferredIn": 1,
      "bytesTransferredOut": 0,
    },
    "awsRegion": "us-east-1",
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
    "requestID": "<requestID:1>",
    "requestParameters": {
      "Host": "reports.s3.us-east-1.amazonaws.com",
      "bucketName": "reports",
      "key": "k",
    },
    "resources": [
      {
        "ARN": "arn:aws:s3:::reports/k",
        "type": "AWS::S3::Object",
      },
      {
        "ARN": "arn:aws:s3:::reports",
        "accountId": "123456789012",
        "type": "AWS::S3::Bucket",
      },
    ],
    "responseElements": null,
    "sourceIPAddress": "<sourceIPAddress>",
    "tlsDetails": {
      "clientProvidedHostHeader": "reports.s3.us-east-1.amazonaws.com",
    },
    "userAgent": "[aws-sdk-js/<version> ua/2.1 os/<os> lang/js md/nodejs#<version> api/s3#<version> m/<features>]",
    "userIdentity": {
      "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
      "accountId": "123456789012",
      "arn": "arn:aws:iam::123456789012:user/alice",
      "principalId": "AIDANRRS3RFRYOYAV7KND",
      "type": "IAMUser",
      "userName": "alice",
    },
  },
]
`);
    expect(trail.snapshot()).toEqual(
      expect.arrayContaining([expect.objectContaining({ eventID: '<eventID:1>', eventTime: '<eventTime>', requestID: '<requestID:1>' })]),
    );
  });
});

describe('aws-sdk-client-mock', () => {
  // Created in beforeAll, not in the describe body: the stub replaces S3Client.prototype.send for every test after it.
  let s3Mock: ReturnType<typeof mockClient>;
  beforeAll(() => {
    s3Mock = mockClient(S3Client);
  });
  afterAll(() => s3Mock.restore());

  it('records the mocked calls, then the matchers work as usual', async () => {
    s3Mock.reset();
    s3Mock.on(PutObjectCommand).resolves({});
    const trail = createLocalTrail();
    await new S3Client({ region: 'eu-west-3', credentials: CREDENTIALS }).send(new PutObjectCommand({ Bucket: 'b', Key: 'k' }));
    expect(trail).not.toHaveRecordedCommand(PutObjectCommand);
    await recordMockedCalls(trail, s3Mock);
    expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'b', Key: 'k' });
    expect(trail).toHaveRecordedInRegion('eu-west-3');
    expect(failureOf(() => expect(trail).toHaveWrittenOnlyTo('arn:aws:s3:::other/*'))).toMatchInlineSnapshot(`
"expect(received).toHaveWrittenOnlyTo(...arnPatterns)

Expected: every write to stay inside
  arn:aws:s3:::other/*
Received: 1 write, 1 outside
  #1 s3.amazonaws.com PutObject · eu-west-3 · write · data · by localtrail-user
      arn:aws:s3:::b/k
      arn:aws:s3:::b"
`);
  });
});
