// toNeedOnly under jest: the permissions the shared scenario's calls need, per principal, pinned as policies.
import '../../src/testing/jest.js';
import { describe, expect, it } from '@jest/globals';
import { failureOf, runScenario } from '../testing/support.js';

const ACCOUNT = '123456789012';

describe('toNeedOnly (jest)', () => {
  it('passes for the policy alice needs, and for the role session', async () => {
    const trail = await runScenario();
    expect(trail).toNeedOnly(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Orders` },
          { Effect: 'Allow', Action: 'iam:CreateUser', Resource: `arn:aws:iam::${ACCOUNT}:user/bob` },
          { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports/q1.csv' },
        ],
      },
      { principal: 'alice' },
    );
    expect(trail).toNeedOnly({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports-eu/*' }] }, { principal: 'Deployer' });
  });

  it('fails naming the missing permission; a failed call counts with includeFailed', async () => {
    const trail = await runScenario();
    const policy = { Version: '2012-10-17' as const, Statement: [{ Effect: 'Allow' as const, Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports*' }] };
    expect(trail).not.toNeedOnly(policy, { principal: 'alice' });
    expect(failureOf(() => expect(trail).toNeedOnly(policy, { principal: 'alice', includeFailed: true }))).toContain(
      'Needed but not granted:\n  dynamodb:PutItem on arn:aws:dynamodb:us-east-1:123456789012:table/Orders (1 call)\n  iam:CreateUser on arn:aws:iam::123456789012:user/bob (1 call)\n  s3:GetObject on arn:aws:s3:::missing/x (1 call)',
    );
  });
});
