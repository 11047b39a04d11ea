// generatePolicy on a scenario whose exact policy is known: an app's real SDK calls, recorded and delivered, give
// the same least-privilege policy from the LocalTrail and from the folder; options and grouping rules.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { generatePolicy } from '../../src/policy/generate-policy.js';
import { readTrail } from '../../src/reader/read-trail.js';
import { ACCOUNT, getObject, handWrittenFolder, recordedFolder, startInstances } from '../reader/support.js';

const ARN = {
  orders: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders`,
  missing: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/missing`,
  resize: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:resize`,
};

/** The policy the scenario in recordedFolder() needs, written by hand. */
const EXPECTED = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: ARN.orders },
    { Effect: 'Allow', Action: 'dynamodb:Query', Resource: `${ARN.orders}/index/byCustomer` },
    { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: ARN.resize },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::uploads/in/0.csv', 'arn:aws:s3:::uploads/in/1.csv', 'arn:aws:s3:::uploads/in/2.csv'] },
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::uploads' },
    { Effect: 'Allow', Action: 's3:PutObject', Resource: ['arn:aws:s3:::uploads/out/0.csv', 'arn:aws:s3:::uploads/out/1.csv', 'arn:aws:s3:::uploads/out/2.csv'] },
  ],
};

describe('generatePolicy', () => {
  it('gives the known least-privilege policy for a recorded app, from the trail and from its delivered folder', async () => {
    const { root, records } = await recordedFolder();
    const fromMemory = generatePolicy(records);
    expect(fromMemory.policy).toEqual(EXPECTED);
    expect(fromMemory.noPermissionNeeded).toEqual([{ eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', calls: 3 }]);
    expect(fromMemory.unmapped).toEqual([]);
    expect(fromMemory.unresolved).toEqual([]);
    const fromFolder = await generatePolicy(readTrail(root));
    expect(fromFolder.policy).toEqual(EXPECTED);
    // Failed calls count only when asked: the GetItem on a missing table needed dynamodb:GetItem there too.
    const withFailed = generatePolicy(records, { includeFailed: true });
    expect(withFailed.policy.Statement[0]).toEqual({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: [ARN.orders, ARN.missing] });
  });

  it('limits the calls to one principal and a time range', async () => {
    const root = handWrittenFolder();
    const role = await generatePolicy(readTrail(root), { principal: `arn:aws:iam::${ACCOUNT}:role/app` });
    expect(role.policy.Statement).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv', 'arn:aws:s3:::amzn-s3-demo-bucket/reports/q3.csv'] },
    ]);
    const early = await generatePolicy(readTrail(root), { principal: 'Mateo', endTime: '2026-03-01T10:05:00Z' });
    expect(early.policy.Statement).toEqual([{ Effect: 'Allow', Action: 'ec2:StartInstances', Resource: [`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-EXAMPLE56126103cb`, `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-EXAMPLEaff4840c22`] }]);
    // Insights records are not calls of anyone; the failed GetObject counts only with includeFailed.
    expect((await generatePolicy(readTrail(root))).calls).toBe(5);
    expect((await generatePolicy(readTrail(root), { includeFailed: true })).calls).toBe(6);
  });

  it('groups actions sharing resources, writes many objects as a prefix, and lists what it could not map', () => {
    const records: CloudTrailRecord[] = [
      ...Array.from({ length: 7 }, (_, i) => getObject('2026-03-01T10:00:00Z', `g${i}`, `reports/2026/q${i}.csv`)),
      getObject('2026-03-01T10:00:00Z', 'h', 'reports/2026/q1.csv', { eventName: 'HeadObject' }),
      getObject('2026-03-01T10:00:00Z', 'p', 'a.txt', { eventName: 'PutObject' }),
      getObject('2026-03-01T10:00:00Z', 'd', 'a.txt', { eventName: 'DeleteObject' }),
      getObject('2026-03-01T10:00:00Z', 'u1', 'x', { eventSource: 'appsync.amazonaws.com', eventName: 'ListGraphqlApis' }),
      getObject('2026-03-01T10:00:00Z', 'u2', 'x', { eventSource: 'appsync.amazonaws.com', eventName: 'ListGraphqlApis' }),
      startInstances('2026-03-01T10:00:00Z', 's', { eventSource: 'ssm.amazonaws.com', eventName: 'GetParameter', requestParameters: { name: '/db' } }),
    ];
    const result = generatePolicy(records);
    expect(result.policy.Statement).toEqual([
      { Effect: 'Allow', Action: ['s3:DeleteObject', 's3:PutObject'], Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/a.txt' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/reports/2026/q*' },
      { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' },
    ]);
    expect(result.unmapped).toEqual([{ eventSource: 'appsync.amazonaws.com', eventName: 'ListGraphqlApis', calls: 2 }]);
    expect(result.unresolved).toEqual([{ action: 'ssm:GetParameter', calls: 1 }]);
    // The exact permissions stay available for checks.
    expect(result.permissions.filter((p) => p.action === 's3:GetObject')).toHaveLength(7);
    expect(result.permissions.find((p) => p.resource.endsWith('/q1.csv'))?.calls).toBe(2);
  });

  it('grants * alone when any call needed it, and drops what a wildcard already covers', () => {
    const records = [
      getObject('2026-03-01T10:00:00Z', 'a', 'k', { eventName: 'DeleteObject' }),
      getObject('2026-03-01T10:00:00Z', 'b', 'k', { eventName: 'DeleteObjects', resources: [{ type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::amzn-s3-demo-bucket/' }] }),
      startInstances('2026-03-01T10:00:00Z', 'c', { eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', resources: [{ type: 'AWS::KMS::Key', ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1` }] }),
      startInstances('2026-03-01T10:00:00Z', 'd', { eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', resources: [] }),
    ];
    expect(generatePolicy(records).policy.Statement).toEqual([
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
      { Effect: 'Allow', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' },
    ]);
  });
});
