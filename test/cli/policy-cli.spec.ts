// `localtrail policy`: the least-privilege policy on stdout for the calls in a folder; unmapped calls and "*" grants
// on stderr; --principal, time range and --include-failed; exit 1 when the policy cannot cover every call.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ACCOUNT, getObject, handWrittenFolder, logKey, recordedFolder, startInstances, tempDir, writeLogFile } from '../reader/support.js';
import { capture } from './support.js';

describe('localtrail policy', () => {
  it('prints the exact policy a recorded app needs', async () => {
    const { root } = await recordedFolder();
    const c = capture();
    expect(await runCli(['policy', root], c.io)).toBe(0);
    expect(c.err).toEqual([]);
    expect(JSON.parse(c.out.join(''))).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders` },
        { Effect: 'Allow', Action: 'dynamodb:Query', Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders/index/byCustomer` },
        { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:resize` },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::uploads/in/0.csv', 'arn:aws:s3:::uploads/in/1.csv', 'arn:aws:s3:::uploads/in/2.csv'] },
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::uploads' },
        { Effect: 'Allow', Action: 's3:PutObject', Resource: ['arn:aws:s3:::uploads/out/0.csv', 'arn:aws:s3:::uploads/out/1.csv', 'arn:aws:s3:::uploads/out/2.csv'] },
      ],
    });
    const failed = capture();
    expect(await runCli(['policy', root, '--include-failed', '--start-time', '2026-03-01T10:20:00Z'], failed.io)).toBe(0);
    expect(JSON.parse(failed.out.join('')).Statement[0]).toEqual({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: [`arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders`, `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/missing`] });
  });

  it('narrows to one principal on hand-written CloudTrail files', async () => {
    const root = handWrittenFolder();
    const c = capture();
    expect(await runCli(['policy', root, '--principal', `arn:aws:iam::${ACCOUNT}:role/app`, '--include-failed'], c.io)).toBe(0);
    expect(JSON.parse(c.out.join(''))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['q1', 'q2', 'q3'].map((q) => `arn:aws:s3:::amzn-s3-demo-bucket/reports/${q}.csv`) }],
    });
  });

  it('lists unmapped calls and "*" grants on stderr and exits 1', async () => {
    const root = tempDir();
    writeLogFile(root, logKey('20260301T1010Z'), [
      getObject('2026-03-01T10:01:00Z', 'a', 'k'),
      getObject('2026-03-01T10:02:00Z', 'b', 'k', { eventSource: 'appsync.amazonaws.com', eventName: 'ListGraphqlApis' }),
      startInstances('2026-03-01T10:03:00Z', 'c', { eventSource: 'ssm.amazonaws.com', eventName: 'GetParameter', requestParameters: { name: '/db' } }),
    ]);
    const c = capture();
    expect(await runCli(['policy', root], c.io)).toBe(1);
    expect(JSON.parse(c.out.join('')).Statement).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/k' },
      { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' },
    ]);
    expect(c.err).toEqual([
      'localtrail policy: not mapped to IAM actions, left out of the policy: appsync.amazonaws.com ListGraphqlApis (1 call)',
      'localtrail policy: granted on "*": ssm:GetParameter supports resource-level permissions but the records name no resource (1 call)',
    ]);
  });

  it('exits 1 when no call matched, and 2 on bad input', async () => {
    const root = handWrittenFolder();
    const c = capture();
    expect(await runCli(['policy', root, '--principal', 'nobody'], c.io)).toBe(1);
    expect(JSON.parse(c.out.join(''))).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(c.err).toEqual(['localtrail policy: no calls matched: the policy is empty']);
    const bad = capture();
    expect(await runCli(['policy', join(root, 'missing')], bad.io)).toBe(2);
    expect(bad.err).toEqual([`localtrail policy: no such folder: ${join(root, 'missing')} (run "localtrail policy --help" for usage)`]);
  });
});
