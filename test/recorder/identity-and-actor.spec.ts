// Who called and from where: credentials → userIdentity, actor context → attribution, under heavy concurrency.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { LONG_TERM, TEMPORARY } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

const ok = () => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; accountId?: string };

function dynamo(trail: ReturnType<typeof createLocalTrail>, credentials: Credentials = LONG_TERM) {
  const ddb = new DynamoDBClient({ region: 'eu-west-3', credentials, requestHandler: stubHandler(ok) });
  ddb.middlewareStack.use(trail.plugin());
  return ddb;
}

describe('identity from the resolved credentials', () => {
  it('long-term keys → IAMUser; temporary keys with a session token → AssumedRole with sessionContext', async () => {
    const trail = createLocalTrail({ accountId: '111122223333' });
    await dynamo(trail, LONG_TERM).send(new PutItemCommand({ TableName: 't', Item: {} }));
    await dynamo(trail, TEMPORARY).send(new PutItemCommand({ TableName: 't', Item: {} }));
    const [user, role] = trail.events();
    expect(user!.userIdentity).toMatchObject({ type: 'IAMUser', accessKeyId: LONG_TERM.accessKeyId, accountId: '111122223333' });
    expect(role!.userIdentity).toEqual({
      type: 'AssumedRole',
      principalId: expect.stringMatching(/^AROA[A-Z2-7]{17}:localtrail-session$/),
      arn: 'arn:aws:sts::111122223333:assumed-role/localtrail-role/localtrail-session',
      accountId: '111122223333',
      accessKeyId: TEMPORARY.accessKeyId,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: expect.stringMatching(/^AROA/),
          arn: 'arn:aws:iam::111122223333:role/localtrail-role',
          accountId: '111122223333',
          userName: 'localtrail-role',
        },
        attributes: { creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), mfaAuthenticated: 'false' },
      },
    });
  });

  it('takes the account from credentials that carry accountId, and names principals from the identity mapping', async () => {
    const trail = createLocalTrail({
      identities: [
        { accessKeyId: LONG_TERM.accessKeyId, userName: 'alice' },
        { accessKeyId: /^ASIA/, roleName: 'Deployer', sessionName: 'ci-42' },
      ],
    });
    await dynamo(trail, { ...LONG_TERM, accountId: '444455556666' }).send(new PutItemCommand({ TableName: 't', Item: {} }));
    await dynamo(trail, TEMPORARY).send(new PutItemCommand({ TableName: 't', Item: {} }));
    const [alice, deployer] = trail.events();
    expect(alice).toMatchObject({
      recipientAccountId: '444455556666',
      userIdentity: { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::444455556666:user/alice', accountId: '444455556666' },
      resources: [{ ARN: 'arn:aws:dynamodb:eu-west-3:444455556666:table/t' }],
    });
    expect(deployer!.userIdentity).toMatchObject({
      type: 'AssumedRole',
      arn: 'arn:aws:sts::123456789012:assumed-role/Deployer/ci-42',
      sessionContext: { sessionIssuer: { userName: 'Deployer' } },
    });
  });
});

describe('actor context (runAs)', () => {
  it('attributes calls to the application user, across awaits, and only inside runAs', async () => {
    const trail = createLocalTrail({ sourceIpAddress: '10.0.0.5' });
    const ddb = dynamo(trail);
    await trail.runAs({ userId: 'user-7', sourceIpAddress: '203.0.113.7', attributes: { tenant: 'acme' } }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      await ddb.send(new PutItemCommand({ TableName: 'a', Item: {} }));
    });
    await ddb.send(new PutItemCommand({ TableName: 'b', Item: {} }));
    const [inside, outside] = trail.events();
    expect(inside).toMatchObject({ sourceIPAddress: '203.0.113.7', additionalEventData: { actor: { userId: 'user-7', sourceIpAddress: '203.0.113.7', attributes: { tenant: 'acme' } } } });
    expect(outside!.sourceIPAddress).toBe('10.0.0.5');
    expect(outside!.additionalEventData).toBeUndefined();
  });

  it('records thousands of parallel calls exactly once each, none mixed up', async () => {
    const trail = createLocalTrail({ maxEvents: 10_000 });
    const clients = [LONG_TERM, TEMPORARY].map((c) => dynamo(trail, c));
    const n = 3000;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        trail.runAs({ userId: `u${i}` }, async () => {
          await new Promise((r) => setImmediate(r));
          return clients[i % 2]!.send(new PutItemCommand({ TableName: `table-${i}`, Item: {} }));
        }),
      ),
    );
    const events = trail.events();
    expect(events).toHaveLength(n);
    const seen = new Set<number>();
    for (const e of events) {
      const i = Number((e.requestParameters as { tableName: string }).tableName.slice(6));
      seen.add(i);
      expect((e.additionalEventData as { actor: { userId: string } }).actor.userId).toBe(`u${i}`);
      expect(e.userIdentity!.accessKeyId).toBe((i % 2 ? TEMPORARY : LONG_TERM).accessKeyId);
    }
    expect(seen.size).toBe(n);
    expect(new Set(events.map((e) => e.eventID)).size).toBe(n);
  }, 60_000); // thousands of calls: on a loaded 2-core machine this alone takes 13–24 s
});
