// toHaveRecordedCommand (+ Times / Nth): a Command class and a partial input in SDK member names.
import '../../src/testing/vitest.js';
import { PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateUserCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalTrail } from '../../src/localtrail.js';
import { commandIdentity } from '../../src/testing/command.js';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { failureOf, runScenario, setup } from './support.js';

let trail: LocalTrail;
beforeEach(async () => {
  trail = await runScenario();
});

describe('commandIdentity', () => {
  it('reads operation, eventSource and CloudTrail eventName from the class', () => {
    expect(commandIdentity(PutObjectCommand)).toMatchObject({ commandName: 'PutObjectCommand', eventSource: 's3.amazonaws.com', eventName: 'PutObject' });
    expect(commandIdentity(PutItemCommand)).toMatchObject({ eventSource: 'dynamodb.amazonaws.com', eventName: 'PutItem' });
    expect(commandIdentity(CreateFunctionCommand)).toMatchObject({ eventSource: 'lambda.amazonaws.com', eventName: 'CreateFunction20150331' });
    expect(commandIdentity(InvokeCommand)).toMatchObject({ eventName: 'Invoke' });
    expect(commandIdentity(ListObjectsV2Command)).toMatchObject({ eventName: 'ListObjects' });
  });

  it('rejects an instance with a hint', () => {
    expect(() => commandIdentity(new PutObjectCommand({ Bucket: 'b', Key: 'k' }), 'toHaveRecordedCommand')).toThrowErrorMatchingInlineSnapshot(`[TypeError: toHaveRecordedCommand: expected an AWS SDK v3 command class (pass the class, e.g. PutObjectCommand, not an instance)]`);
  });
});

describe('toHaveRecordedCommand', () => {
  it('passes on the command alone, and with a partial input in SDK member names', () => {
    expect(trail).toHaveRecordedCommand(PutObjectCommand);
    expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'reports', Key: expect.stringMatching(/^q1/) });
    // Bodies are never recorded, only their size, and the input is converted the way the recorder converts it.
    expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'reports', Body: 'hello' });
    expect(trail).toHaveRecordedCommand(PutItemCommand, { TableName: 'Orders', Item: { id: { S: 'o-1' } } });
    expect(trail).toHaveRecordedCommand(CreateUserCommand, { UserName: 'bob' });
    // A failed call is still a call.
    expect(trail).toHaveRecordedCommand(GetObjectCommand, { Bucket: 'missing' });
  });

  it('fails with the closest calls', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'reports', Key: 'q9.csv' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedCommand(PutObjectCommand, input)

      Expected: an event matching
      Object {
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
        "input": Object {
          "Bucket": "reports",
          "Key": "q9.csv",
        },
      }
      Received: 5 events, none matching

      Closest recorded events:
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
              "eventName": "PutObject",
              "eventSource": "s3.amazonaws.com",
              "input": {
                "Bucket": "reports",
          -     "Key": "q9.csv",
          +     "Key": "q1.csv",
              },
            }

        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
          - Expected
          + Received

            {
              "eventName": "PutObject",
              "eventSource": "s3.amazonaws.com",
              "input": {
          -     "Bucket": "reports",
          -     "Key": "q9.csv",
          +     "Bucket": "reports-eu",
          +     "Key": "q2.csv",
              },
            }

        #2 s3.amazonaws.com GetObject · us-east-1 · read · data · by alice · error NoSuchBucket
          - Expected
          + Received

            {
          -   "eventName": "PutObject",
          +   "eventName": "GetObject",
              "eventSource": "s3.amazonaws.com",
              "input": {
          -     "Bucket": "reports",
          -     "Key": "q9.csv",
          +     "Bucket": "missing",
          +     "Key": "x",
              },
            }"
    `);
  });

  it('.not passes when the command was not called (or not with that input)', () => {
    expect(trail).not.toHaveRecordedCommand(DeleteObjectCommand);
    expect(trail).not.toHaveRecordedCommand(PutItemCommand, { TableName: 'Users' });
  });

  it('.not fails naming the calls', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedCommand(PutItemCommand))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedCommand(PutItemCommand)

      Expected: no event matching
      Object {
        "eventName": "PutItem",
        "eventSource": "dynamodb.amazonaws.com",
      }
      Received: 1 matching event
        #3 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice"
    `);
  });

  it('rejects a command instance', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCommand(new GetItemCommand({ TableName: 't', Key: {} }) as never))).toMatchInlineSnapshot(`"toHaveRecordedCommand: expected an AWS SDK v3 command class (pass the class, e.g. PutObjectCommand, not an instance)"`);
  });
});

describe('toHaveRecordedCommandTimes', () => {
  it('passes on the exact count, with or without input', () => {
    expect(trail).toHaveRecordedCommandTimes(PutObjectCommand, 2);
    expect(trail).toHaveRecordedCommandTimes(PutObjectCommand, 1, { Bucket: 'reports-eu' });
    expect(trail).toHaveRecordedCommandTimes(DeleteObjectCommand, 0);
  });

  it('fails with the matching calls', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCommandTimes(PutObjectCommand, 1))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedCommandTimes(PutObjectCommand, times)

      Expected: 1 event matching
      Object {
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
      }
      Received: 2 matching events (of 5 events)
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
    `);
  });

  it('.not passes on another count', () => {
    expect(trail).not.toHaveRecordedCommandTimes(PutObjectCommand, 1);
  });

  it('.not fails on the exact count', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedCommandTimes(CreateUserCommand, 1, { UserName: 'bob' }))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedCommandTimes(CreateUserCommand, times, input)

      Expected: not 1 event matching
      Object {
        "eventName": "CreateUser",
        "eventSource": "iam.amazonaws.com",
        "input": Object {
          "UserName": "bob",
        },
      }
      Received: 1 matching event (of 5 events)
        #4 iam.amazonaws.com CreateUser · us-east-1 · write · by alice"
    `);
  });
});

describe('toHaveRecordedCommandNth', () => {
  it('counts calls of that command only', () => {
    expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 1, { Bucket: 'reports' });
    expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 2, { Bucket: 'reports-eu', Key: 'q2.csv' });
  });

  it('fails with a diff of that call', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 2, { Bucket: 'reports' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedCommandNth(PutObjectCommand, n, input)

      Expected: the 2nd PutObjectCommand call to match
      Object {
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
        "input": Object {
          "Bucket": "reports",
        },
      }
      Received: #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci
          - Expected
          + Received

            {
              "eventName": "PutObject",
              "eventSource": "s3.amazonaws.com",
              "input": {
          -     "Bucket": "reports",
          +     "Bucket": "reports-eu",
              },
            }

      Matching events at other positions:
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice"
    `);
  });

  it('fails when the command was called fewer times', () => {
    expect(failureOf(() => expect(trail).toHaveRecordedCommandNth(PutObjectCommand, 3))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedCommandNth(PutObjectCommand, n)

      Expected: the 3rd PutObjectCommand call to match
      Object {
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
      }
      Received: 2 PutObjectCommand calls
        #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice
        #5 s3.amazonaws.com PutObject · eu-west-1 · write · data · by Deployer/ci"
    `);
  });

  it('.not passes when that call differs', () => {
    expect(trail).not.toHaveRecordedCommandNth(PutObjectCommand, 2, { Bucket: 'reports' });
  });

  it('.not fails when that call matches', () => {
    expect(failureOf(() => expect(trail).not.toHaveRecordedCommandNth(PutObjectCommand, 1, { Key: 'q1.csv' }))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedCommandNth(PutObjectCommand, n, input)

      Expected: the 1st PutObjectCommand call not to match
      Object {
        "eventName": "PutObject",
        "eventSource": "s3.amazonaws.com",
        "input": Object {
          "Key": "q1.csv",
        },
      }
      Received: #1 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice"
    `);
  });
});

describe('DynamoDB DocumentClient commands (@aws-sdk/lib-dynamodb)', () => {
  it('match the underlying call; the input is recorded as given, before lib-dynamodb marshals it', async () => {
    const { trail, ddb } = setup();
    const doc = DynamoDBDocumentClient.from(ddb);
    await doc.send(new PutCommand({ TableName: 'Orders', Item: { id: 'o-7', qty: 3, tags: ['a'] } }));
    expect(commandIdentity(PutCommand)).toMatchObject({ commandName: 'PutCommand', eventName: 'PutItem', eventSource: 'dynamodb.amazonaws.com' });
    expect(trail).toHaveRecordedCommand(PutCommand, { TableName: 'Orders', Item: { id: 'o-7', qty: 3, tags: ['a'] } });
    expect(trail).toHaveRecordedCommand(PutCommand, { Item: expect.objectContaining({ id: expect.stringMatching(/^o-/) }) });
    expect(trail).toHaveRecordedCommand(PutItemCommand, { TableName: 'Orders' });
    expect(trail).not.toHaveRecordedCommand(PutCommand, { Item: { id: 'o-8' } });
  });

  it('fails with a diff of the item', async () => {
    const { trail, ddb } = setup();
    await DynamoDBDocumentClient.from(ddb).send(new PutCommand({ TableName: 'Orders', Item: { id: 'o-7' } }));
    expect(failureOf(() => expect(trail).toHaveRecordedCommand(PutCommand, { Item: { id: 'o-8' } }))).toMatchInlineSnapshot(`
      "expect(received).toHaveRecordedCommand(PutCommand, input)

      Expected: an event matching
      Object {
        "eventName": "PutItem",
        "eventSource": "dynamodb.amazonaws.com",
        "input": Object {
          "Item": Object {
            "id": "o-8",
          },
        },
      }
      Received: 1 event, none matching

      Closest recorded events:
        #1 dynamodb.amazonaws.com PutItem · us-east-1 · write · data · by alice
          - Expected
          + Received

            {
              "eventName": "PutItem",
              "eventSource": "dynamodb.amazonaws.com",
              "input": {
                "Item": {
          -       "id": "o-8",
          +       "id": "o-7",
                },
              },
            }"
    `);
  });
});
