// The localtrail matchers under jest (its own equals, diff and printers): pass, fail, .not pass, .not fail per matcher.
import '../../src/testing/jest.js';
import { CreateUserCommand } from '@aws-sdk/client-iam';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { LocalTrail } from '../../src/localtrail.js';
import { failureOf, runScenario } from '../testing/support.js';

let trail: LocalTrail;
beforeEach(async () => {
  trail = await runScenario();
});

describe('toHaveRecorded', () => {
  it('passes with asymmetric matchers inside the partial', () => {
    expect(trail).toHaveRecorded({
      eventName: 'PutObject',
      requestParameters: { bucketName: 'reports', key: expect.stringMatching(/\.csv$/) },
      userIdentity: expect.objectContaining({ userName: 'alice' }),
      eventID: expect.any(String),
    });
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecorded({ eventName: 'PutObject', requestParameters: { bucketName: 'archive' } }))).toMatchInlineSnapshot(`
"expect(received).toHaveRecorded(expected)

Expected: an event matching
{"eventName": "PutObject", "requestParameters": {"bucketName": "archive"}}
Received: 5 events, none matching

Closest recorded events:
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
        "eventName": "PutObject",
        "requestParameters": Object {
    -     "bucketName": "archive",
    +     "bucketName": "reports",
        },
      }

  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
    - Expected
    + Received

      Object {
        "eventName": "PutObject",
        "requestParameters": Object {
    -     "bucketName": "archive",
    +     "bucketName": "reports-eu",
        },
      }

  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
    - Expected
    + Received

      Object {
    -   "eventName": "PutObject",
    +   "eventName": "GetObject",
        "requestParameters": Object {
    -     "bucketName": "archive",
    +     "bucketName": "missing",
        },
      }"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecorded({ eventName: 'DeleteObject' });
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecorded({ eventSource: 's3.amazonaws.com', readOnly: false }))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecorded(expected)

Expected: no event matching
{"eventSource": "s3.amazonaws.com", "readOnly": false}
Received: 2 matching events
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
`);
  });
});

describe('toHaveRecordedTimes', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedTimes({ eventName: 'PutObject' }, 2);
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedTimes({ eventName: 'PutObject' }, 1))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedTimes(expected, times)

Expected: 1 event matching
{"eventName": "PutObject"}
Received: 2 matching events (of 5 events)
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedTimes({ eventName: 'PutObject' }, 3);
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedTimes({ errorCode: 'NoSuchBucket' }, 1))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedTimes(expected, times)

Expected: not 1 event matching
{"errorCode": "NoSuchBucket"}
Received: 1 matching event (of 5 events)
  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket"
`);
  });
});

describe('toHaveRecordedNth', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedNth(3, { requestParameters: { tableName: 'Orders' } });
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedNth(1, { eventName: 'CreateUser' }))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedNth(n, expected)

Expected: the 1st event to match
{"eventName": "CreateUser"}
Received: #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "eventName": "CreateUser",
    +   "eventName": "PutObject",
      }

Matching events at other positions:
  #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedNth(1, { eventName: 'CreateUser' });
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedNth(4, { eventName: 'CreateUser' }))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedNth(n, expected)

Expected: the 4th event not to match
{"eventName": "CreateUser"}
Received: #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
`);
  });
});

describe('toHaveRecordedOnly', () => {
  const everything = [{ eventSource: 's3.amazonaws.com' }, { eventSource: 'dynamodb.amazonaws.com' }, { eventName: 'CreateUser' }];
  it('passes', () => {
    expect(trail).toHaveRecordedOnly(...everything);
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedOnly({ eventSource: 's3.amazonaws.com' }, { eventName: 'DeleteItem' }))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedOnly(...expected)

Expected: only events matching
  1. {"eventSource": "s3.amazonaws.com"}
  2. {"eventName": "DeleteItem"}
Received: 5 events

Unexpected events:
  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
  #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice

Expected 2 was never recorded. Closest recorded events:
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "eventName": "DeleteItem",
    +   "eventName": "PutObject",
      }

  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
    - Expected
    + Received

      Object {
    -   "eventName": "DeleteItem",
    +   "eventName": "GetObject",
      }

  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "eventName": "DeleteItem",
    +   "eventName": "PutItem",
      }"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedOnly({ eventSource: 's3.amazonaws.com' });
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedOnly(...everything))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedOnly(...expected)

Expected: other events besides
  1. {"eventSource": "s3.amazonaws.com"}
  2. {"eventSource": "dynamodb.amazonaws.com"}
  3. {"eventName": "CreateUser"}
Received: 5 events, each matching one of them
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
  #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice
  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
`);
  });
});

describe('toHaveRecordedCommand', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'reports', Key: expect.stringMatching(/^q1/) });
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'reports', Key: 'q9.csv' }))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedCommand(PutObjectCommand, input)

Expected: an event matching
{"eventName": "PutObject", "eventSource": "s3.amazonaws.com", "input": {"Bucket": "reports", "Key": "q9.csv"}}
Received: 5 events, none matching

Closest recorded events:
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
        "input": Object {
          "Bucket": "reports",
    -     "Key": "q9.csv",
    +     "Key": "q1.csv",
        },
      }

  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
    - Expected
    + Received

      Object {
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
        "input": Object {
    -     "Bucket": "reports",
    -     "Key": "q9.csv",
    +     "Bucket": "reports-eu",
    +     "Key": "q2.csv",
        },
      }

  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
    - Expected
    + Received

      Object {
    -   "eventName": "PutObject",
    +   "eventName": "GetObject",
        "eventSource": "s3.amazonaws.com",
        "input": Object {
    -     "Bucket": "reports",
    -     "Key": "q9.csv",
    +     "Bucket": "missing",
    +     "Key": "x",
        },
      }"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedCommand(DeleteObjectCommand);
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedCommand(CreateUserCommand))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedCommand(CreateUserCommand)

Expected: no event matching
{"eventName": "CreateUser", "eventSource": "iam.amazonaws.com"}
Received: 1 matching event
  #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
`);
  });
});

describe('toHaveRecordedCommandTimes', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedCommandTimes(PutObjectCommand, 1, { Bucket: 'reports-eu' });
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCommandTimes(PutObjectCommand, 1))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedCommandTimes(PutObjectCommand, times)

Expected: 1 event matching
{"eventName": "PutObject", "eventSource": "s3.amazonaws.com"}
Received: 2 matching events (of 5 events)
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedCommandTimes(PutObjectCommand, 1);
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedCommandTimes(DeleteObjectCommand, 0))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedCommandTimes(DeleteObjectCommand, times)

Expected: not no events matching
{"eventName": "DeleteObject", "eventSource": "s3.amazonaws.com"}
Received: no matching events (of 5 events)"
`);
  });
});

describe('toHaveRecordedCommandNth', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 2, { Bucket: 'reports-eu' });
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 2, { Bucket: 'reports' }))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedCommandNth(PutObjectCommand, n, input)

Expected: the 2nd PutObjectCommand call to match
{"eventName": "PutObject", "eventSource": "s3.amazonaws.com", "input": {"Bucket": "reports"}}
Received: #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
    - Expected
    + Received

      Object {
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
        "input": Object {
    -     "Bucket": "reports",
    +     "Bucket": "reports-eu",
        },
      }

Matching events at other positions:
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedCommandNth(PutObjectCommand, 2, { Bucket: 'reports' });
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedCommandNth(PutObjectCommand, 1))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedCommandNth(PutObjectCommand, n)

Expected: the 1st PutObjectCommand call not to match
{"eventName": "PutObject", "eventSource": "s3.amazonaws.com"}
Received: #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice"
`);
  });
});

describe('toHaveRecordedWrite', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedWrite({ eventSource: 'iam.amazonaws.com' });
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedWrite({ eventName: 'GetObject' }))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedWrite(expected)

Expected: an event matching
{"eventName": "GetObject", "readOnly": false}
Received: 5 events, none matching

Closest recorded events:
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "eventName": "GetObject",
    +   "eventName": "PutObject",
        "readOnly": false,
      }

  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
    - Expected
    + Received

      Object {
        "eventName": "GetObject",
    -   "readOnly": false,
    +   "readOnly": true,
      }

  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "eventName": "GetObject",
    +   "eventName": "PutItem",
        "readOnly": false,
      }"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedWrite({ eventSource: 'kms.amazonaws.com' });
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedWrite({ eventSource: 'iam.amazonaws.com' }))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedWrite(expected)

Expected: no event matching
{"eventSource": "iam.amazonaws.com", "readOnly": false}
Received: 1 matching event
  #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
`);
  });
});

describe('toHaveRecordedDataEvent', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedDataEvent({ eventName: 'PutItem' });
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedDataEvent({ eventName: 'CreateUser' }))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedDataEvent(expected)

Expected: an event matching
{"eventCategory": "Data", "eventName": "CreateUser"}
Received: 5 events, none matching

Closest recorded events:
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
        "eventCategory": "Data",
    -   "eventName": "CreateUser",
    +   "eventName": "PutObject",
      }

  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
    - Expected
    + Received

      Object {
        "eventCategory": "Data",
    -   "eventName": "CreateUser",
    +   "eventName": "GetObject",
      }

  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
        "eventCategory": "Data",
    -   "eventName": "CreateUser",
    +   "eventName": "PutItem",
      }"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedDataEvent({ eventSource: 'iam.amazonaws.com' });
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedDataEvent({ eventSource: 'dynamodb.amazonaws.com' }))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedDataEvent(expected)

Expected: no event matching
{"eventCategory": "Data", "eventSource": "dynamodb.amazonaws.com"}
Received: 1 matching event
  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice"
`);
  });
});

describe('toHaveRecordedError', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedError(/^NoSuch/, { eventName: 'GetObject' });
    expect(trail).toHaveRecordedError(expect.stringContaining('Bucket'));
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedError('AccessDenied'))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedError(errorCode)

Expected: an event matching
{"errorCode": "AccessDenied"}
Received: 5 events, none matching

Closest recorded events:
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

    - Object {
    -   "errorCode": "AccessDenied",
    - }
    + Object {}

  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
    - Expected
    + Received

      Object {
    -   "errorCode": "AccessDenied",
    +   "errorCode": "NoSuchBucket",
      }

  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
    - Expected
    + Received

    - Object {
    -   "errorCode": "AccessDenied",
    - }
    + Object {}"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedError('AccessDenied');
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedError())).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedError()

Expected: no event matching
{"errorCode": AnyText}
Received: 1 matching event
  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket"
`);
  });
});

describe('toHaveRecordedCallAs', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedCallAs('Deployer', { eventName: 'PutObject' });
    expect(trail).toHaveRecordedCallAs('AKIAIOSFODNN7EXAMPLE');
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCallAs('mallory'))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedCallAs(identity)

Expected: an event matching
{"userIdentity": IdentityMatching "mallory"}
Received: 5 events, none matching

Closest recorded events:
  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "userIdentity": IdentityMatching "mallory",
    +   "userIdentity": Object {
    +     "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
    +     "arn": "arn:aws:iam::123456789012:user/alice",
    +     "type": "IAMUser",
    +     "userName": "alice",
    +   },
      }

  #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
    - Expected
    + Received

      Object {
    -   "userIdentity": IdentityMatching "mallory",
    +   "userIdentity": Object {
    +     "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
    +     "arn": "arn:aws:iam::123456789012:user/alice",
    +     "type": "IAMUser",
    +     "userName": "alice",
    +   },
      }

  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "userIdentity": IdentityMatching "mallory",
    +   "userIdentity": Object {
    +     "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
    +     "arn": "arn:aws:iam::123456789012:user/alice",
    +     "type": "IAMUser",
    +     "userName": "alice",
    +   },
      }"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedCallAs('mallory');
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedCallAs(/assumed-role\/Deployer/))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedCallAs(identity)

Expected: no event matching
{"userIdentity": IdentityMatching /assumed-role\\/Deployer/}
Received: 1 matching event
  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
`);
  });
});

describe('toHaveRecordedInRegion', () => {
  it('passes', () => {
    expect(trail).toHaveRecordedInRegion('eu-west-1', { eventName: 'PutObject' });
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedInRegion('eu-west-1', { eventSource: 'dynamodb.amazonaws.com' }))).toMatchInlineSnapshot(`
"expect(received).toHaveRecordedInRegion(region, expected)

Expected: an event matching
{"awsRegion": "eu-west-1", "eventSource": "dynamodb.amazonaws.com"}
Received: 5 events, none matching

Closest recorded events:
  #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "awsRegion": "eu-west-1",
    +   "awsRegion": "us-east-1",
        "eventSource": "dynamodb.amazonaws.com",
      }

  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
    - Expected
    + Received

      Object {
        "awsRegion": "eu-west-1",
    -   "eventSource": "dynamodb.amazonaws.com",
    +   "eventSource": "s3.amazonaws.com",
      }

  #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
    - Expected
    + Received

      Object {
    -   "awsRegion": "eu-west-1",
    -   "eventSource": "dynamodb.amazonaws.com",
    +   "awsRegion": "us-east-1",
    +   "eventSource": "s3.amazonaws.com",
      }"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveRecordedInRegion('ap-southeast-2');
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedInRegion('eu-west-1'))).toMatchInlineSnapshot(`
"expect(received).not.toHaveRecordedInRegion(region)

Expected: no event matching
{"awsRegion": "eu-west-1"}
Received: 1 matching event
  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
`);
  });
});

describe('toHaveWrittenOnlyTo', () => {
  const allowed = ['arn:aws:s3:::reports*/*', 'arn:aws:dynamodb:*:*:table/Orders', 'arn:aws:iam::*:user/*'];
  it('passes', () => {
    expect(trail).toHaveWrittenOnlyTo(...allowed);
  });
  it('fails', () => {
    expect(failureOf(() => expect(trail).toHaveWrittenOnlyTo('arn:aws:s3:::reports/*', 'arn:aws:dynamodb:*:*:table/*'))).toMatchInlineSnapshot(`
"expect(received).toHaveWrittenOnlyTo(...arnPatterns)

Expected: every write to stay inside
  arn:aws:s3:::reports/*
  arn:aws:dynamodb:*:*:table/*
Received: 4 writes, 2 outside
  #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice
      arn:aws:iam::123456789012:user/bob
  #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
      arn:aws:s3:::reports-eu/q2.csv
      arn:aws:s3:::reports-eu"
`);
  });
  it('.not passes', () => {
    expect(trail).not.toHaveWrittenOnlyTo('arn:aws:s3:::reports/*');
  });
  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveWrittenOnlyTo(...allowed))).toMatchInlineSnapshot(`
"expect(received).not.toHaveWrittenOnlyTo(...arnPatterns)

Expected: a write outside
  arn:aws:s3:::reports*/*
  arn:aws:dynamodb:*:*:table/Orders
  arn:aws:iam::*:user/*
Received: 4 writes, all inside"
`);
  });
});
