// Who may manage trails: the authorize hook, IAM policy evaluation, and organization trails' owners.
import { describe, expect, it } from 'vitest';
import { AccessDeniedException } from '../../src/engine/errors.js';
import type { PolicyDocument } from '../../src/engine/iam-policy-evaluator.js';
import { compilePolicies, evaluatePolicies, policyAuthorizer } from '../../src/engine/iam-policy-evaluator.js';
import { createLocalTrail } from '../../src/localtrail.js';
import type { Authorize } from '../../src/engine/authorize.js';

const ACCT = '111122223333';
const ARN = (name: string, region = 'us-east-1', acct = ACCT) => `arn:aws:cloudtrail:${region}:${acct}:trail/${name}`;
const KEYS = [
  { accessKeyId: 'AKIAADMIN0000000EXAM', userName: 'admin' },
  { accessKeyId: 'AKIAAUDIT0000000EXAM', userName: 'auditor' },
];
const ADMIN = { accessKeyId: 'AKIAADMIN0000000EXAM' };
const AUDITOR = { accessKeyId: 'AKIAAUDIT0000000EXAM' };

const manageButNeverStop: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'cloudtrail:*', Resource: '*' },
    { Sid: 'KeepAuditOn', Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'], Resource: 'arn:aws:cloudtrail:*:*:trail/audit*' },
  ],
};
const readOnly: PolicyDocument = { Statement: { Effect: 'Allow', Action: ['cloudtrail:Get*', 'cloudtrail:Describe*', 'cloudtrail:List*', 'cloudtrail:LookupEvents'], Resource: '*' } };

describe('IAM policy evaluation (identity-based policies)', () => {
  it.each<[string, PolicyDocument | PolicyDocument[], string, string, string]>([
    ['an Allow on every action and resource', manageButNeverStop, 'cloudtrail:CreateTrail', ARN('x'), 'Allow'],
    ['an explicit Deny wins over an Allow', manageButNeverStop, 'cloudtrail:StopLogging', ARN('audit-main'), 'ExplicitDeny'],
    ['a Deny whose resource does not match leaves the Allow', manageButNeverStop, 'cloudtrail:StopLogging', ARN('scratch'), 'Allow'],
    ['nothing allows: implicit deny', readOnly, 'cloudtrail:CreateTrail', ARN('x'), 'ImplicitDeny'],
    ['action names are case-insensitive', readOnly, 'cloudtrail:gettrailstatus', ARN('x'), 'Allow'],
    ['NotAction allows everything else', { Statement: [{ Effect: 'Allow', NotAction: 'cloudtrail:Delete*', Resource: '*' }] }, 'cloudtrail:DeleteTrail', ARN('x'), 'ImplicitDeny'],
    ['NotResource applies to every other resource', { Statement: [{ Effect: 'Allow', Action: '*', NotResource: ARN('prod') }] }, 'cloudtrail:UpdateTrail', ARN('dev'), 'Allow'],
    ['? matches one character', { Statement: [{ Effect: 'Allow', Action: 'cloudtrail:*', Resource: ARN('team-?') }] }, 'cloudtrail:StartLogging', ARN('team-42'), 'ImplicitDeny'],
    ['ARNs are case-sensitive', { Statement: [{ Effect: 'Allow', Action: 'cloudtrail:*', Resource: ARN('Audit') }] }, 'cloudtrail:StartLogging', ARN('audit'), 'ImplicitDeny'],
    ['several documents: a Deny in any wins', [readOnly, { Statement: [{ Effect: 'Deny', Action: 'cloudtrail:LookupEvents', Resource: '*' }] }], 'cloudtrail:LookupEvents', '*', 'ExplicitDeny'],
  ])('%s', (_case, policies, action, resource, decision) => {
    expect(evaluatePolicies(policies, action, resource)).toBe(decision);
  });

  it('accepts JSON text and refuses what it cannot evaluate, when compiled', () => {
    expect(compilePolicies(JSON.stringify(readOnly))('cloudtrail:GetTrail', ARN('x'))).toBe('Allow');
    const bad = (statement: object) => () => compilePolicies({ Statement: [statement as never] });
    expect(bad({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })).toThrow(/Conditions are not evaluated/);
    expect(bad({ Effect: 'Allow', Action: '*', Resource: '*', Principal: '*' })).toThrow(/no Principal/);
    expect(bad({ Effect: 'Maybe', Action: '*', Resource: '*' })).toThrow(/Effect must be Allow or Deny/);
    expect(bad({ Effect: 'Allow', Action: '*', NotAction: 'x', Resource: '*' })).toThrow(/exactly one of Action and NotAction/);
    expect(bad({ Effect: 'Allow', Action: '*' })).toThrow(/exactly one of Resource and NotResource/);
  });
});

describe('the authorize hook on the control plane', () => {
  function setup(authorize: Authorize, organization?: { id: string; managementAccountId: string; memberAccountIds: string[] }) {
    return createLocalTrail({ accountId: ACCT, identities: KEYS, authorize, ...(organization ? { organization } : {}) });
  }

  it('sees the caller, cloudtrail:<Operation> and the trail ARN (a name in the caller\'s account and region, * for none)', async () => {
    const seen: string[] = [];
    const trail = setup(async (caller, action, resource) => {
      seen.push(`${caller.principalArn} ${action} ${resource}`);
      return true;
    });
    await trail.createTrail({ Name: 'audit', S3BucketName: 'logs' }, ADMIN);
    await trail.describeTrails({}, { ...ADMIN, region: 'eu-west-1' });
    await trail.listTags({ ResourceIdList: [ARN('audit'), 'other'] }, ADMIN).catch(() => undefined); // 'other' does not exist
    expect(seen).toEqual([
      `arn:aws:iam::${ACCT}:user/admin cloudtrail:CreateTrail ${ARN('audit')}`,
      `arn:aws:iam::${ACCT}:user/admin cloudtrail:DescribeTrails *`,
      `arn:aws:iam::${ACCT}:user/admin cloudtrail:ListTags ${ARN('audit')}`,
      `arn:aws:iam::${ACCT}:user/admin cloudtrail:ListTags ${ARN('other')}`,
    ]);
  });

  it('with IAM policies per principal: denials throw AccessDeniedException, change nothing, and are recorded', async () => {
    const trail = setup(policyAuthorizer((caller) => (caller.userIdentity.userName === 'admin' ? [manageButNeverStop] : [readOnly])));
    await trail.createTrail({ Name: 'audit-main', S3BucketName: 'logs' }, ADMIN);
    await trail.startLogging({ Name: 'audit-main' }, ADMIN);
    const denied = await trail.stopLogging({ Name: 'audit-main' }, ADMIN).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${ACCT}:user/admin is not authorized to perform: cloudtrail:StopLogging on resource: ${ARN('audit-main')} with an explicit deny in an identity-based policy`,
    });
    await expect(trail.createTrail({ Name: 'mine', S3BucketName: 'logs' }, AUDITOR)).rejects.toThrow(/because no identity-based policy allows the cloudtrail:CreateTrail action$/);
    expect((await trail.getTrailStatus({ Name: 'audit-main' }, AUDITOR)).IsLogging).toBe(true);
    expect((await trail.describeTrails({}, AUDITOR)).trailList?.map((t) => t.Name)).toEqual(['audit-main']);
    const events = trail.events().map((e) => [e.eventName, e.userIdentity?.userName, e.errorCode]);
    expect(events).toEqual([
      ['CreateTrail', 'admin', undefined],
      ['StartLogging', 'admin', undefined],
      ['StopLogging', 'admin', 'AccessDeniedException'],
      ['CreateTrail', 'auditor', 'AccessDeniedException'],
      ['GetTrailStatus', 'auditor', undefined],
      ['DescribeTrails', 'auditor', undefined],
    ]);
    // The denied StopLogging reached the trail that stayed on, as the detection rule watching it needs.
    const history = await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'StopLogging' }] });
    expect(JSON.parse(history.Events![0]!.CloudTrailEvent!)).toMatchObject({ errorCode: 'AccessDeniedException', userIdentity: { userName: 'admin' } });
  });

  it('member accounts never change an organization trail, whatever the hook says', async () => {
    const trail = setup(() => true, { id: 'o-a1b2c3d4e5', managementAccountId: ACCT, memberAccountIds: ['444455556666'] });
    await trail.createTrail({ Name: 'org', S3BucketName: 'logs', IsOrganizationTrail: true, IsMultiRegionTrail: true });
    await trail.startLogging({ Name: 'org' });
    const member = { accountId: '444455556666' };
    for (const change of [
      () => trail.stopLogging({ Name: ARN('org') }, member),
      () => trail.deleteTrail({ Name: ARN('org') }, member),
      () => trail.putEventSelectors({ TrailName: ARN('org'), EventSelectors: [{ ReadWriteType: 'WriteOnly' }] }, member),
    ]) {
      await expect(change()).rejects.toMatchObject({ name: 'NotOrganizationMasterAccountException' });
    }
    expect((await trail.getTrailStatus({ Name: ARN('org') }, member)).IsLogging).toBe(true);
    expect(trail.events().filter((e) => e.recipientAccountId === '444455556666').map((e) => [e.eventName, e.errorCode])).toEqual([
      ['StopLogging', 'NotOrganizationMasterAccountException'],
      ['DeleteTrail', 'NotOrganizationMasterAccountException'],
      ['PutEventSelectors', 'NotOrganizationMasterAccountException'],
      ['GetTrailStatus', undefined],
    ]);
  });

  it('a hook that throws fails the call with its error, recorded; a non-function is refused at construction', async () => {
    const trail = setup(() => {
      throw new Error('policy store down');
    });
    await expect(trail.listTrails({})).rejects.toThrow('policy store down');
    expect(trail.events().map((e) => [e.eventName, e.errorCode])).toEqual([['ListTrails', 'UnknownError']]);
    expect(() => createLocalTrail({ authorize: 'yes' as never })).toThrow('localtrail: authorize must be a function');
  });
});
