// trail.snapshot() and the record snapshot serializer: volatile fields become placeholders, the rest stays.
import '../../src/testing/vitest.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/localtrail.js';
import { stabilizeRecords, stableUserAgent } from '../../src/testing/snapshot.js';
import { CREDENTIALS, ROLE_CREDENTIALS, runScenario, stubHandler } from './support.js';

/** A trail on the system clock and this host's address: nothing about it is stable until stabilized. */
async function liveTrail(key: string) {
  const trail = createLocalTrail({ identities: [{ accessKeyId: ROLE_CREDENTIALS.accessKeyId, roleName: 'Deployer', sessionName: 'ci' }] });
  const s3 = new S3Client({ region: 'eu-west-1', credentials: ROLE_CREDENTIALS, requestHandler: stubHandler });
  s3.middlewareStack.use(trail.plugin());
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: key, Body: 'x' }));
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: key, Body: 'x' }));
  return trail;
}

describe('trail.snapshot()', () => {
  it('replaces eventID, eventTime, requestID, source address, user-agent versions and session dates', async () => {
    const trail = await liveTrail('a.csv');
    const [record] = trail.snapshot();
    expect(record).toMatchInlineSnapshot(`
      {
        "additionalEventData": {
          "AuthenticationMethod": "AuthHeader",
          "SignatureVersion": "SigV4",
          "bytesTransferredIn": 1,
          "bytesTransferredOut": 0,
        },
        "awsRegion": "eu-west-1",
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
          "Host": "reports.s3.eu-west-1.amazonaws.com",
          "bucketName": "reports",
          "key": "a.csv",
        },
        "resources": [
          {
            "ARN": "arn:aws:s3:::reports/a.csv",
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
          "clientProvidedHostHeader": "reports.s3.eu-west-1.amazonaws.com",
        },
        "userAgent": "[aws-sdk-js/<version> ua/2.1 os/<os> lang/js md/nodejs#<version> api/s3#<version> m/<features>]",
        "userIdentity": {
          "accessKeyId": "ASIAIOSFODNN7EXAMPLE",
          "accountId": "123456789012",
          "arn": "arn:aws:sts::123456789012:assumed-role/Deployer/ci",
          "principalId": "AROAHKGTYXGIUJG4NSDCK:ci",
          "sessionContext": {
            "attributes": {
              "creationDate": "<creationDate>",
              "mfaAuthenticated": "false",
            },
            "sessionIssuer": {
              "accountId": "123456789012",
              "arn": "arn:aws:iam::123456789012:role/Deployer",
              "principalId": "AROAHKGTYXGIUJG4NSDCK",
              "type": "Role",
              "userName": "Deployer",
            },
          },
          "type": "AssumedRole",
        },
      }
    `);
  });

  it('is identical for two runs made at different times', async () => {
    const first = await liveTrail('same.csv');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await liveTrail('same.csv');
    expect(first.events()[0]!.eventID).not.toBe(second.events()[0]!.eventID);
    expect(first.events()[0]!.eventTime).not.toBe(second.events()[0]!.eventTime);
    expect(second.snapshot()).toEqual(first.snapshot());
  });

  it('numbers placeholders per distinct value, so equal ids stay visibly equal', async () => {
    const trail = await liveTrail('n.csv');
    expect(trail.snapshot().map((r) => [r.eventID, r.requestID])).toEqual([
      ['<eventID:1>', '<requestID:1>'],
      ['<eventID:2>', '<requestID:1>'],
    ]);
  });

  it('keeps fields on request', async () => {
    const trail = await runScenario();
    const [record] = trail.snapshot({ keep: ['eventTime', 'sourceIPAddress'] });
    expect(record).toMatchObject({ eventTime: '2024-01-02T03:04:05Z', sourceIPAddress: '198.51.100.7', eventID: '<eventID:1>' });
  });

  it('does not touch the recorded events', async () => {
    const trail = await liveTrail('k.csv');
    trail.snapshot();
    expect(trail.events()[0]!.eventID).toMatch(/^[0-9a-f]{8}-/);
  });
});

describe('stableUserAgent', () => {
  it('drops versions, OS and feature lists but keeps the shape', () => {
    expect(stableUserAgent('[aws-sdk-js/3.1174.0 ua/2.1 os/linux#6.18.44-fc-v782 lang/js md/nodejs#20.20.2 api/s3#3.1174.0 m/Z,b,U,E,e]')).toBe(
      '[aws-sdk-js/<version> ua/2.1 os/<os> lang/js md/nodejs#<version> api/s3#<version> m/<features>]',
    );
    expect(stableUserAgent('aws-cli/2.22.0 Python/3.12.6 Linux/6.1 exe/x86_64 exec-env/AWS_Lambda_nodejs20.x')).toBe(
      'aws-cli/<version> Python/<version> Linux/<version> exe/x86_64 exec-env/<env>',
    );
  });
});

describe('snapshot serializer (registered by localtrail/vitest)', () => {
  it('prints a trail as its stabilized records', async () => {
    const trail = createLocalTrail();
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
            "arn": "arn:aws:iam::123456789012:user/localtrail-user",
            "principalId": "AIDACIKFJ2T5623MJO4EQ",
            "type": "IAMUser",
            "userName": "localtrail-user",
          },
        },
      ]
    `);
  });

  it('prints raw records and arrays of records stabilized too', async () => {
    const trail = await liveTrail('s.csv');
    expect(stabilizeRecords(trail.events())).toEqual(trail.snapshot());
    expect(trail.events()[1]).toMatchInlineSnapshot(`
      {
        "additionalEventData": {
          "AuthenticationMethod": "AuthHeader",
          "SignatureVersion": "SigV4",
          "bytesTransferredIn": 1,
          "bytesTransferredOut": 0,
        },
        "awsRegion": "eu-west-1",
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
          "Host": "reports.s3.eu-west-1.amazonaws.com",
          "bucketName": "reports",
          "key": "s.csv",
        },
        "resources": [
          {
            "ARN": "arn:aws:s3:::reports/s.csv",
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
          "clientProvidedHostHeader": "reports.s3.eu-west-1.amazonaws.com",
        },
        "userAgent": "[aws-sdk-js/<version> ua/2.1 os/<os> lang/js md/nodejs#<version> api/s3#<version> m/<features>]",
        "userIdentity": {
          "accessKeyId": "ASIAIOSFODNN7EXAMPLE",
          "accountId": "123456789012",
          "arn": "arn:aws:sts::123456789012:assumed-role/Deployer/ci",
          "principalId": "AROAHKGTYXGIUJG4NSDCK:ci",
          "sessionContext": {
            "attributes": {
              "creationDate": "<creationDate>",
              "mfaAuthenticated": "false",
            },
            "sessionIssuer": {
              "accountId": "123456789012",
              "arn": "arn:aws:iam::123456789012:role/Deployer",
              "principalId": "AROAHKGTYXGIUJG4NSDCK",
              "type": "Role",
              "userName": "Deployer",
            },
          },
          "type": "AssumedRole",
        },
      }
    `);
  });
});
