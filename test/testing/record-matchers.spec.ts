// toHaveRecorded / Times / Nth / Only on real SDK calls: pass, fail, .not pass, .not fail, messages pinned.
import '../../src/testing/vitest.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalTrail } from '../../src/localtrail.js';
import { failureOf, runScenario } from './support.js';

let trail: LocalTrail;
beforeEach(async () => {
  trail = await runScenario();
});

describe('toHaveRecorded', () => {
  it('passes when one event contains the partial record, asymmetric matchers included', () => {
    expect(trail).toHaveRecorded({
      eventName: 'PutObject',
      requestParameters: { bucketName: 'reports', key: expect.stringMatching(/\.csv$/) },
      userIdentity: expect.objectContaining({ userName: 'alice' }),
      eventID: expect.any(String),
    });
    expect(trail.events()).toHaveRecorded({ eventSource: 'iam.amazonaws.com' });
  });

  it('fails listing the closest events with a diff', () => {
    expect(failureOf(() => expect(trail).toHaveRecorded({ eventName: 'PutObject', requestParameters: { bucketName: 'archive' } })))
      .toMatchInlineSnapshot(`
        "expect(received).toHaveRecorded(expected)

        Expected: an event matching
        Object {
          "eventName": "PutObject",
          "requestParameters": Object {
            "bucketName": "archive",
          },
        }
        Received: 5 events, none matching

        Closest recorded events:
          #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
            - Expected
            + Received

              {
                "eventName": "PutObject",
                "requestParameters": {
            -     "bucketName": "archive",
            +     "bucketName": "reports",
                },
              }

          #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
            - Expected
            + Received

              {
                "eventName": "PutObject",
                "requestParameters": {
            -     "bucketName": "archive",
            +     "bucketName": "reports-eu",
                },
              }

          #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
            - Expected
            + Received

              {
            -   "eventName": "PutObject",
            +   "eventName": "GetObject",
                "requestParameters": {
            -     "bucketName": "archive",
            +     "bucketName": "missing",
                },
              }"
      `);
  });

  it('.not passes when nothing matches', () => {
    expect(trail).not.toHaveRecorded({ eventName: 'DeleteObject' });
  });

  it('.not fails naming the matching events', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecorded({ eventSource: 's3.amazonaws.com', readOnly: false })))
      .toMatchInlineSnapshot(`
        "expect(received).not.toHaveRecorded(expected)

        Expected: no event matching
        Object {
          "eventSource": "s3.amazonaws.com",
          "readOnly": false,
        }
        Received: 2 matching events
          #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
      `);
  });

  it('says so when nothing was recorded at all', () => {
    expect(failureOf(() => expect([]).toHaveRecorded({ eventName: 'PutObject' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecorded(expected)

      Expected: an event matching
      Object {
        "eventName": "PutObject",
      }
      Received: no events"
    `);
  });

  it('rejects something that holds no records', () => {
    expect(failureOf(() => expect({ records: [] }).toHaveRecorded({}))).toMatchInlineSnapshot(`"toHaveRecorded: expect(received) must be a LocalTrail (or anything with events()) or an array of CloudTrail records, got object"`);
  });
});

describe('toHaveRecordedTimes', () => {
  it('passes on the exact count', () => {
    expect(trail).toHaveRecordedTimes({ eventName: 'PutObject' }, 2);
    expect(trail).toHaveRecordedTimes({ eventName: 'DeleteBucket' }, 0);
  });

  it('fails with the matching events', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedTimes({ eventName: 'PutObject' }, 1))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedTimes(expected, times)

      Expected: 1 event matching
      Object {
        "eventName": "PutObject",
      }
      Received: 2 matching events (of 5 events)
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
    `);
  });

  it('.not passes on another count', () => {
    expect(trail).not.toHaveRecordedTimes({ eventName: 'PutObject' }, 3);
  });

  it('.not fails on the exact count', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedTimes({ errorCode: 'NoSuchBucket' }, 1))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedTimes(expected, times)

      Expected: not 1 event matching
      Object {
        "errorCode": "NoSuchBucket",
      }
      Received: 1 matching event (of 5 events)
        #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket"
    `);
  });

  it('shows the closest events when none matched', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedTimes({ eventName: 'PutItem', requestParameters: { tableName: 'Users' } }, 1)))
      .toMatchInlineSnapshot(`
        "expect(received).toHaveRecordedTimes(expected, times)

        Expected: 1 event matching
        Object {
          "eventName": "PutItem",
          "requestParameters": Object {
            "tableName": "Users",
          },
        }
        Received: no matching events (of 5 events)

        Closest recorded events:
          #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
            - Expected
            + Received

              {
                "eventName": "PutItem",
                "requestParameters": {
            -     "tableName": "Users",
            +     "tableName": "Orders",
                },
              }

          #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
            - Expected
            + Received

              {
            -   "eventName": "PutItem",
            -   "requestParameters": {
            -     "tableName": "Users",
            -   },
            +   "eventName": "PutObject",
            +   "requestParameters": {},
              }

          #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
            - Expected
            + Received

              {
            -   "eventName": "PutItem",
            -   "requestParameters": {
            -     "tableName": "Users",
            -   },
            +   "eventName": "GetObject",
            +   "requestParameters": {},
              }"
      `);
  });

  it('rejects a count that is not a whole number', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedTimes({}, -1))).toMatchInlineSnapshot(`"toHaveRecordedTimes: times must be a whole number >= 0, got -1"`);
  });
});

describe('toHaveRecordedNth', () => {
  it('passes when the nth event matches', () => {
    expect(trail).toHaveRecordedNth(3, { eventSource: 'dynamodb.amazonaws.com', requestParameters: { tableName: 'Orders' } });
  });

  it('fails with a diff of the nth event and where matching events are', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedNth(1, { eventName: 'CreateUser' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedNth(n, expected)

      Expected: the 1st event to match
      Object {
        "eventName": "CreateUser",
      }
      Received: #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
          -   "eventName": "CreateUser",
          +   "eventName": "PutObject",
            }

      Matching events at other positions:
        #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
    `);
  });

  it('fails when there is no nth event', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedNth(9, { eventName: 'CreateUser' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedNth(n, expected)

      Expected: the 9th event to match
      Object {
        "eventName": "CreateUser",
      }
      Received: 5 events
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
        #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
        #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
        #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice
        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
    `);
  });

  it('.not passes when the nth event differs', () => {
    expect(trail).not.toHaveRecordedNth(1, { eventName: 'CreateUser' });
  });

  it('.not fails when the nth event matches', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedNth(4, { eventName: 'CreateUser' }))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedNth(n, expected)

      Expected: the 4th event not to match
      Object {
        "eventName": "CreateUser",
      }
      Received: #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
    `);
  });
});

describe('toHaveRecordedOnly', () => {
  const everything = [
    { eventSource: 's3.amazonaws.com' },
    { eventSource: 'dynamodb.amazonaws.com' },
    { eventSource: 'iam.amazonaws.com', eventName: 'CreateUser' },
  ];

  it('passes when every event matches one partial and every partial was recorded', () => {
    expect(trail).toHaveRecordedOnly(...everything);
  });

  it('fails naming unexpected events and partials never recorded', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedOnly({ eventSource: 's3.amazonaws.com' }, { eventName: 'DeleteItem' })))
      .toMatchInlineSnapshot(`
        "expect(received).toHaveRecordedOnly(...expected)

        Expected: only events matching
          1. Object {
               "eventSource": "s3.amazonaws.com",
             }
          2. Object {
               "eventName": "DeleteItem",
             }
        Received: 5 events

        Unexpected events:
          #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
          #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice

        Expected 2 was never recorded. Closest recorded events:
          #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
            - Expected
            + Received

              {
            -   "eventName": "DeleteItem",
            +   "eventName": "PutObject",
              }

          #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
            - Expected
            + Received

              {
            -   "eventName": "DeleteItem",
            +   "eventName": "GetObject",
              }

          #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
            - Expected
            + Received

              {
            -   "eventName": "DeleteItem",
            +   "eventName": "PutItem",
              }"
      `);
  });

  it('.not passes when something else was called', () => {
    expect(trail).not.toHaveRecordedOnly({ eventSource: 's3.amazonaws.com' });
  });

  it('.not fails when exactly these calls happened', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedOnly(...everything))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedOnly(...expected)

      Expected: other events besides
        1. Object {
             "eventSource": "s3.amazonaws.com",
           }
        2. Object {
             "eventSource": "dynamodb.amazonaws.com",
           }
        3. Object {
             "eventName": "CreateUser",
             "eventSource": "iam.amazonaws.com",
           }
      Received: 5 events, each matching one of them
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
        #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
        #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
        #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice
        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
    `);
  });

  it('with no partials, passes only on an empty trail', () => {
    expect([]).toHaveRecordedOnly();
    expect(trail).not.toHaveRecordedOnly();
  });
});

describe('a runner matcher for the whole record', () => {
  it('works at the top level and in shortcuts', () => {
    expect(trail).toHaveRecorded(expect.objectContaining({ eventName: 'CreateUser' }));
    expect(trail).toHaveRecordedWrite(expect.objectContaining({ eventSource: 'iam.amazonaws.com' }));
    expect(trail).not.toHaveRecordedWrite(expect.objectContaining({ eventName: 'GetObject' }));
  });

  it('fails with a diff of the fields it names', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedNth(1, expect.objectContaining({ eventName: 'CreateUser' })))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedNth(n, expected)

      Expected: the 1st event to match
      ObjectContaining {
        "eventName": "CreateUser",
      }
      Received: #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          - Expected
          + Received

          - ObjectContaining {
          -   "eventName": "CreateUser",
          + {
          +   "eventName": "PutObject",
            }

      Matching events at other positions:
        #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
    `);
    expect(failureOf(() => expect(trail).toHaveRecordedNth(2, { eventName: 'GetObject', requestParameters: expect.anything(), errorCode: 'AccessDenied' })))
      .toMatchInlineSnapshot(`
        "expect(received).toHaveRecordedNth(n, expected)

        Expected: the 2nd event to match
        Object {
          "errorCode": "AccessDenied",
          "eventName": "GetObject",
          "requestParameters": Anything,
        }
        Received: #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
            - Expected
            + Received

              {
            -   "errorCode": "AccessDenied",
            +   "errorCode": "NoSuchBucket",
                "eventName": "GetObject",
                "requestParameters": Anything,
              }"
      `);
  });
});
