// Shortcuts: a write, a data event, an error code, a call as an identity, a call in a region, writes only inside ARNs.
import '../../src/testing/vitest.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalTrail } from '../../src/localtrail.js';
import { failureOf, runScenario } from './support.js';

let trail: LocalTrail;
beforeEach(async () => {
  trail = await runScenario();
});

describe('toHaveRecordedWrite', () => {
  it('passes on any write, or a write matching a partial', () => {
    expect(trail).toHaveRecordedWrite();
    expect(trail).toHaveRecordedWrite({ eventSource: 'iam.amazonaws.com' });
  });

  it('fails with the closest events', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedWrite({ eventName: 'GetObject' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedWrite(expected)

      Expected: an event matching
      Object {
        "eventName": "GetObject",
        "readOnly": false,
      }
      Received: 5 events, none matching

      Closest recorded events:
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
          -   "eventName": "GetObject",
          +   "eventName": "PutObject",
              "readOnly": false,
            }

        #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
          - Expected
          + Received

            {
              "eventName": "GetObject",
          -   "readOnly": false,
          +   "readOnly": true,
            }

        #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
          -   "eventName": "GetObject",
          +   "eventName": "PutItem",
              "readOnly": false,
            }"
    `);
  });

  it('.not passes when no such write happened', () => {
    expect(trail).not.toHaveRecordedWrite({ eventSource: 'kms.amazonaws.com' });
    expect([]).not.toHaveRecordedWrite();
  });

  it('.not fails naming the writes', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedWrite({ eventSource: 'iam.amazonaws.com' }))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedWrite(expected)

      Expected: no event matching
      Object {
        "eventSource": "iam.amazonaws.com",
        "readOnly": false,
      }
      Received: 1 matching event
        #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
    `);
  });

  it('the shortcut wins over a contradicting partial: both must hold', () => {
    expect(trail).not.toHaveRecordedWrite({ readOnly: true });
  });
});

describe('toHaveRecordedDataEvent', () => {
  it('passes on data events', () => {
    expect(trail).toHaveRecordedDataEvent({ eventName: 'PutItem' });
  });

  it('fails when the call was a management event', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedDataEvent({ eventName: 'CreateUser' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedDataEvent(expected)

      Expected: an event matching
      Object {
        "eventCategory": "Data",
        "eventName": "CreateUser",
      }
      Received: 5 events, none matching

      Closest recorded events:
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
              "eventCategory": "Data",
          -   "eventName": "CreateUser",
          +   "eventName": "PutObject",
            }

        #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
          - Expected
          + Received

            {
              "eventCategory": "Data",
          -   "eventName": "CreateUser",
          +   "eventName": "GetObject",
            }

        #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
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
      Object {
        "eventCategory": "Data",
        "eventSource": "dynamodb.amazonaws.com",
      }
      Received: 1 matching event
        #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice"
    `);
  });
});

describe('toHaveRecordedError', () => {
  it('passes on the code, a RegExp, a matcher, or any error', () => {
    expect(trail).toHaveRecordedError('NoSuchBucket');
    expect(trail).toHaveRecordedError(/^NoSuch/, { eventName: 'GetObject' });
    expect(trail).toHaveRecordedError(expect.stringContaining('Bucket'));
    expect(trail).toHaveRecordedError();
  });

  it('fails with the closest events', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedError('AccessDenied', { eventSource: 's3.amazonaws.com' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedError(errorCode, expected)

      Expected: an event matching
      Object {
        "errorCode": "AccessDenied",
        "eventSource": "s3.amazonaws.com",
      }
      Received: 5 events, none matching

      Closest recorded events:
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
          -   "errorCode": "AccessDenied",
              "eventSource": "s3.amazonaws.com",
            }

        #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
          - Expected
          + Received

            {
          -   "errorCode": "AccessDenied",
          +   "errorCode": "NoSuchBucket",
              "eventSource": "s3.amazonaws.com",
            }

        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
          - Expected
          + Received

            {
          -   "errorCode": "AccessDenied",
              "eventSource": "s3.amazonaws.com",
            }"
    `);
  });

  it('.not passes', () => {
    expect(trail).not.toHaveRecordedError('AccessDenied');
    expect(trail).not.toHaveRecordedError(undefined, { eventSource: 'iam.amazonaws.com' });
  });

  it('.not fails', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedError())).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedError()

      Expected: no event matching
      Object {
        "errorCode": AnyText,
      }
      Received: 1 matching event
        #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket"
    `);
  });
});

describe('toHaveRecordedCallAs', () => {
  it('knows a caller by user name, role name, ARN, access key id or partial userIdentity', () => {
    expect(trail).toHaveRecordedCallAs('alice');
    expect(trail).toHaveRecordedCallAs('Deployer', { eventName: 'PutObject' });
    expect(trail).toHaveRecordedCallAs('arn:aws:sts::123456789012:assumed-role/Deployer/ci');
    expect(trail).toHaveRecordedCallAs('AKIAIOSFODNN7EXAMPLE', { eventSource: 'iam.amazonaws.com' });
    expect(trail).toHaveRecordedCallAs(/assumed-role\/Deployer\//);
    expect(trail).toHaveRecordedCallAs({ type: 'AssumedRole', accountId: '123456789012' });
  });

  it('fails with the closest events', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCallAs('Deployer', { eventSource: 'iam.amazonaws.com' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedCallAs(identity, expected)

      Expected: an event matching
      Object {
        "eventSource": "iam.amazonaws.com",
        "userIdentity": IdentityMatching "Deployer",
      }
      Received: 5 events, none matching

      Closest recorded events:
        #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice
          - Expected
          + Received

            {
              "eventSource": "iam.amazonaws.com",
          -   "userIdentity": IdentityMatching "Deployer",
          +   "userIdentity": {
          +     "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
          +     "arn": "arn:aws:iam::123456789012:user/alice",
          +     "type": "IAMUser",
          +     "userName": "alice",
          +   },
            }

        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
          - Expected
          + Received

            {
          -   "eventSource": "iam.amazonaws.com",
          +   "eventSource": "s3.amazonaws.com",
              "userIdentity": IdentityMatching "Deployer",
            }

        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
          -   "eventSource": "iam.amazonaws.com",
          -   "userIdentity": IdentityMatching "Deployer",
          +   "eventSource": "s3.amazonaws.com",
          +   "userIdentity": {
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
    expect(failureOf(() => expect(trail).not.toHaveRecordedCallAs('Deployer'))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedCallAs(identity)

      Expected: no event matching
      Object {
        "userIdentity": IdentityMatching "Deployer",
      }
      Received: 1 matching event
        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
    `);
  });
});

describe('toHaveRecordedInRegion', () => {
  it('passes on the region (global services record us-east-1)', () => {
    expect(trail).toHaveRecordedInRegion('eu-west-1');
    expect(trail).toHaveRecordedInRegion('us-east-1', { eventSource: 'iam.amazonaws.com' });
    expect(trail).toHaveRecordedInRegion(/^eu-/, { eventName: 'PutObject' });
  });

  it('fails with the closest events', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedInRegion('eu-west-1', { eventSource: 'dynamodb.amazonaws.com' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedInRegion(region, expected)

      Expected: an event matching
      Object {
        "awsRegion": "eu-west-1",
        "eventSource": "dynamodb.amazonaws.com",
      }
      Received: 5 events, none matching

      Closest recorded events:
        #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
          -   "awsRegion": "eu-west-1",
          +   "awsRegion": "us-east-1",
              "eventSource": "dynamodb.amazonaws.com",
            }

        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
          - Expected
          + Received

            {
              "awsRegion": "eu-west-1",
          -   "eventSource": "dynamodb.amazonaws.com",
          +   "eventSource": "s3.amazonaws.com",
            }

        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
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
    expect(failureOf(() => expect(trail).not.toHaveRecordedInRegion(/^eu-/))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedInRegion(region)

      Expected: no event matching
      Object {
        "awsRegion": TextMatching /^eu-/,
      }
      Received: 1 matching event
        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
    `);
  });
});

describe('toHaveWrittenOnlyTo', () => {
  const allowed = ['arn:aws:s3:::reports*/*', 'arn:aws:dynamodb:*:*:table/Orders', 'arn:aws:iam::*:user/*'];

  it('passes when every write names only resources inside the patterns (a bucket counts as inside its /*)', () => {
    expect(trail).toHaveWrittenOnlyTo(...allowed);
    expect(trail).toHaveWrittenOnlyTo('arn:aws:s3:::reports/*', 'arn:aws:s3:::reports-eu/*', /^arn:aws:(dynamodb|iam):/);
  });

  it('fails naming each write outside and the ARNs that are outside', () => {
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

  it('.not passes when some write is outside', () => {
    expect(trail).not.toHaveWrittenOnlyTo('arn:aws:s3:::reports/*');
  });

  it('.not fails when every write is inside', () => {
    expect(failureOf(() => expect(trail).not.toHaveWrittenOnlyTo(...allowed))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveWrittenOnlyTo(...arnPatterns)

      Expected: a write outside
        arn:aws:s3:::reports*/*
        arn:aws:dynamodb:*:*:table/Orders
        arn:aws:iam::*:user/*
      Received: 4 writes, all inside"
    `);
  });

  it('counts a write that names no resource as outside', () => {
    const [first] = trail.events();
    const unnamed = { ...first!, resources: undefined };
    expect(failureOf(() => expect([unnamed]).toHaveWrittenOnlyTo('arn:aws:s3:::*'))).toMatchInlineSnapshot(`
      "expect(received).toHaveWrittenOnlyTo(...arnPatterns)

      Expected: every write to stay inside
        arn:aws:s3:::*
      Received: 1 write, 1 outside
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
            (no resources recorded)"
    `);
  });

  it('reads do not count', () => {
    expect(trail.events().filter((r) => r.readOnly)).toHaveWrittenOnlyTo('arn:aws:s3:::nothing');
  });

  it('needs at least one pattern', () => {
    expect(failureOf(() => expect(trail).toHaveWrittenOnlyTo())).toMatchInlineSnapshot(`"toHaveWrittenOnlyTo: give at least one ARN pattern"`);
  });
});

describe('headlines name the arguments given', () => {
  it('an error shortcut with only a partial', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedError(undefined, { eventSource: 'iam.amazonaws.com' })).split('\n')[0]).toBe(
      'expect(received).toHaveRecordedError(errorCode, expected)',
    );
    expect(failureOf(() => expect(trail).not.toHaveRecordedError()).split('\n')[0]).toBe('expect(received).not.toHaveRecordedError()');
  });
});
