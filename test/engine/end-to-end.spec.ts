// Real SDK clients (HTTP stubbed) in several regions and accounts → the right events in the right trails, none twice.
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';
import { RecordingDelivery } from './helpers.js';

const MGMT = '111122223333';
const MEMBER = '444455556666';
const ORG = { id: 'o-exampleorg1', managementAccountId: MGMT, memberAccountIds: [MEMBER] };

const xml = (body: string) => () => ({ headers: { 'content-type': 'text/xml' }, body });
const json = (body: object) => () => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(body) });
const userXml =
  '<CreateUserResponse><CreateUserResult><User><UserName>bob</UserName><UserId>AIDA1</UserId><Arn>arn:aws:iam::111122223333:user/bob</Arn><Path>/</Path><CreateDate>2020-01-01T00:00:00Z</CreateDate></User></CreateUserResult></CreateUserResponse>';
const callerXml =
  '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/x</Arn><UserId>AIDA</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>';

async function scenario() {
  const clock = new ManualClock('2026-06-01T12:00:00Z');
  const trail = createLocalTrail({ accountId: MGMT, region: 'us-east-1', clock, organization: ORG, controlPlaneEvents: false });
  // Routing is what this scenario checks: every record the engine hands to delivery goes to the recording double.
  const delivery = new RecordingDelivery();
  vi.spyOn(trail.delivery, 'enqueue').mockImplementation((route, record) => delivery.enqueue(route, record));

  const mgmtEast = { accountId: MGMT, region: 'us-east-1' };
  await trail.createTrail({ Name: 'everything', S3BucketName: 'audit-logs', IsMultiRegionTrail: true }, mgmtEast);
  await trail.putEventSelectors(
    {
      TrailName: 'everything',
      AdvancedEventSelectors: [
        { Name: 'management', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        {
          Name: 'data bucket objects',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::data-bucket/'] },
          ],
        },
      ],
    },
    mgmtEast,
  );
  await trail.createTrail({ Name: 'east-no-global', S3BucketName: 'audit-logs', IncludeGlobalServiceEvents: false }, mgmtEast);
  await trail.createTrail({ Name: 'west', S3BucketName: 'audit-logs' }, { accountId: MGMT, region: 'eu-west-1' });
  await trail.createTrail({ Name: 'organization', S3BucketName: 'org-logs', IsMultiRegionTrail: true, IsOrganizationTrail: true }, mgmtEast);
  await trail.createTrail({ Name: 'member-own', S3BucketName: 'member-logs' }, { accountId: MEMBER, region: 'us-east-1' });
  await trail.createTrail({ Name: 'not-started', S3BucketName: 'audit-logs', IsMultiRegionTrail: true }, mgmtEast);
  for (const [name, caller] of [
    ['everything', mgmtEast],
    ['east-no-global', mgmtEast],
    ['west', { accountId: MGMT, region: 'eu-west-1' }],
    ['organization', mgmtEast],
    ['member-own', { accountId: MEMBER, region: 'us-east-1' }],
  ] as const) {
    await trail.startLogging({ Name: name }, caller);
  }

  const mgmtCreds = { ...LONG_TERM, accountId: MGMT };
  const memberCreds = { ...LONG_TERM, accountId: MEMBER };
  const s3West = new S3Client({ region: 'eu-west-1', credentials: mgmtCreds, requestHandler: stubHandler(xml('<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>')) });
  const iam = new IAMClient({ region: 'eu-west-1', credentials: mgmtCreds, requestHandler: stubHandler(xml(userXml)) });
  const stsGlobal = new STSClient({ region: 'aws-global', credentials: mgmtCreds, requestHandler: stubHandler(xml(callerXml)) });
  const stsMemberWest = new STSClient({ region: 'eu-west-1', credentials: memberCreds, requestHandler: stubHandler(xml(callerXml)) });
  const ddbMember = new DynamoDBClient({ region: 'us-east-1', credentials: memberCreds, requestHandler: stubHandler(json({})) });
  for (const c of [s3West, iam, stsGlobal, stsMemberWest, ddbMember]) c.middlewareStack.use(trail.plugin());

  await s3West.send(new PutObjectCommand({ Bucket: 'data-bucket', Key: 'a.txt', Body: 'x' }));
  await s3West.send(new PutObjectCommand({ Bucket: 'other-bucket', Key: 'b.txt', Body: 'y' }));
  await s3West.send(new ListBucketsCommand({}));
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await stsGlobal.send(new GetCallerIdentityCommand({}));
  await stsMemberWest.send(new GetCallerIdentityCommand({}));
  await ddbMember.send(new CreateTableCommand({ TableName: 'Orders', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
  await ddbMember.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: '1' } } }));
  return { trail, delivery };
}

describe('end to end: SDK calls in several regions and accounts', () => {
  it('delivers each event to exactly the trails CloudTrail would, once each', async () => {
    const { trail, delivery } = await scenario();
    const events = trail.events();
    expect(events).toHaveLength(8);
    const routed = events.map((e) => ({
      call: `${e.recipientAccountId} ${e.awsRegion} ${e.eventName}${e.eventSource === 'sts.amazonaws.com' ? ` (${(e.additionalEventData?.['RequestDetails'] as { endpointType: string }).endpointType})` : ''}${e.eventName === 'PutObject' ? ` ${String(e.requestParameters?.['bucketName'])}` : ''}`,
      trails: delivery.trailsFor(e.eventID),
    }));
    expect(routed).toEqual([
      { call: `${MGMT} eu-west-1 PutObject data-bucket`, trails: ['everything'] },
      { call: `${MGMT} eu-west-1 PutObject other-bucket`, trails: [] },
      { call: `${MGMT} eu-west-1 ListBuckets`, trails: ['everything', 'organization', 'west'] },
      { call: `${MGMT} us-east-1 CreateUser`, trails: ['everything', 'organization'] },
      { call: `${MGMT} us-east-1 GetCallerIdentity (global)`, trails: ['everything', 'organization'] },
      { call: `${MEMBER} eu-west-1 GetCallerIdentity (regional)`, trails: ['organization'] },
      { call: `${MEMBER} us-east-1 CreateTable`, trails: ['member-own', 'organization'] },
      { call: `${MEMBER} us-east-1 GetItem`, trails: [] },
    ]);
    // None twice within a trail.
    const pairs = delivery.enqueued.map((e) => `${e.trail}|${e.eventID}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // Member events go under the organization layout with the member's account folder.
    const memberRoutes = delivery.enqueued.filter((e) => e.trail === 'organization' && e.accountId === MEMBER);
    expect(memberRoutes.map((e) => e.organizationId)).toEqual(['o-exampleorg1', 'o-exampleorg1']);
  });

  it('event history answers per account and region through LookupEvents', async () => {
    const { trail } = await scenario();
    const created = await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] });
    expect(created.Events?.map((e) => [e.EventName, e.EventSource, e.ReadOnly])).toEqual([['CreateUser', 'iam.amazonaws.com', 'false']]);
    expect(JSON.parse(created.Events![0]!.CloudTrailEvent!)).toMatchObject({ eventName: 'CreateUser', awsRegion: 'us-east-1' });
    expect((await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }, { region: 'eu-west-1' })).Events).toEqual([]);
    // Data events (PutObject, GetItem) are not in event history.
    const west = await trail.lookupEvents({}, { region: 'eu-west-1' });
    expect(west.Events?.map((e) => e.EventName)).toEqual(['ListBuckets']);
    const member = await trail.lookupEvents({}, { accountId: MEMBER });
    expect(member.Events?.map((e) => e.EventName)).toEqual(['CreateTable']);
    await expect(trail.lookupEvents({ MaxResults: 51 })).rejects.toMatchObject({ name: 'InvalidMaxResultsException' });
  });
});

describe('the organization option', () => {
  it.each([
    [{ id: 'org-1', managementAccountId: MGMT, memberAccountIds: [] }, 'localtrail: organization.id must look like o-a1b2c3d4e5, got "org-1"'],
    [{ id: 'o-exampleorg1', managementAccountId: '123', memberAccountIds: [] }, 'localtrail: organization.managementAccountId must be 12 digits, got "123"'],
    [{ id: 'o-exampleorg1', managementAccountId: MGMT, memberAccountIds: ['x'] }, 'localtrail: organization.memberAccountIds must be 12-digit ids, got "x"'],
  ])('rejects %o at construction', (organization, message) => {
    expect(() => createLocalTrail({ organization })).toThrow(expect.objectContaining({ name: 'LocalTrailConfigError', code: 'LOCALTRAIL_INVALID_OPTION', message }));
  });
});
