// expect(trail).toNeedOnly(policy): passes when the recorded calls need exactly the policy; otherwise says what is
// missing, what is granted in vain and what could not be mapped, and prints the policy they need.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import '../../src/testing/vitest.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { checkPolicy } from '../../src/policy/check-policy.js';
import { generatePolicy } from '../../src/policy/generate-policy.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

async function appCalls() {
  const trail = createLocalTrail({ accountId: '111122223333', controlPlaneEvents: false });
  const s3 = new S3Client({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '' })) });
  const sts = new STSClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'text/xml' }, body: '<GetCallerIdentityResponse><GetCallerIdentityResult><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>' })) });
  s3.middlewareStack.use(trail.plugin());
  sts.middlewareStack.use(trail.plugin());
  await sts.send(new GetCallerIdentityCommand({}));
  await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'in/a.csv', Body: 'x' }));
  await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'in/a.csv' }));
  return trail;
}

/** The failure message without colours. */
function failure(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    return String((error as Error).message).replace(/\u001b\[[0-9;]*m/g, '');
  }
  throw new Error('expected a failure');
}

const exact = {
  Version: '2012-10-17' as const,
  Statement: [{ Effect: 'Allow' as const, Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::uploads/in/a.csv' }],
};

describe('toNeedOnly', () => {
  it('passes for the exact policy, a wildcard one covering it, and the policy as JSON text', async () => {
    const trail = await appCalls();
    expect(trail).toNeedOnly(exact);
    expect(trail).toNeedOnly({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*Object', Resource: 'arn:aws:s3:::uploads/in/*' }] });
    expect(trail.events()).toNeedOnly(JSON.stringify(exact));
  });

  it('fails with what is missing and what is granted in vain, and the policy needed', async () => {
    const trail = await appCalls();
    const policy = {
      Version: '2012-10-17' as const,
      Statement: [
        { Effect: 'Allow' as const, Action: ['s3:GetObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::uploads/in/a.csv' },
      ],
    };
    expect(failure(() => expect(trail).toNeedOnly(policy))).toMatchInlineSnapshot(`
      "expect(received).toNeedOnly(policy)

      Needed but not granted:
        s3:PutObject on arn:aws:s3:::uploads/in/a.csv (1 call)

      Granted but not needed:
        s3:DeleteObject on arn:aws:s3:::uploads/in/a.csv

      The policy the recorded calls need:
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Action": [
              "s3:GetObject",
              "s3:PutObject"
            ],
            "Resource": "arn:aws:s3:::uploads/in/a.csv"
          }
        ]
      }"
    `);
    expect(trail).not.toNeedOnly(policy);
  });

  it('honours Deny statements and refuses NotAction', async () => {
    const trail = await appCalls();
    const denied = { Version: '2012-10-17' as const, Statement: [...exact.Statement, { Effect: 'Deny' as const, Action: 's3:PutObject', Resource: '*' }] };
    expect(checkPolicy(generatePolicy(trail), denied).missing.map((p) => p.action)).toEqual(['s3:PutObject']);
    expect(() => expect(trail).toNeedOnly({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] } as never)).toThrow(
      'statement 1: NotAction and NotResource are not supported',
    );
  });

  it('fails when a call could not be mapped, and can pin one principal', async () => {
    const trail = await appCalls();
    const events = [...trail.events(), { ...trail.events()[1]!, eventSource: 'appsync.amazonaws.com', eventName: 'ListGraphqlApis' }];
    expect(() => expect(events).toNeedOnly(exact)).toThrow(/Calls not mapped to IAM actions \(their permissions cannot be checked\):\n {2}appsync\.amazonaws\.com ListGraphqlApis \(1 call\)/);
    expect(trail).toNeedOnly({ Version: '2012-10-17', Statement: [] }, { principal: 'someone-else' });
  });
});
