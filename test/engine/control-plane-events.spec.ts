// CloudTrail's own API calls are events: method calls on the LocalTrail and calls over its wire handler, recorded
// as cloudtrail.amazonaws.com management events attributed to the caller, routed and delivered like any other.
import {
  AccessDeniedException as SdkAccessDenied,
  CloudTrailClient,
  CreateTrailCommand,
  GetTrailCommand,
  StopLoggingCommand,
  TrailNotFoundException,
} from '@aws-sdk/client-cloudtrail';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { MemorySink } from '../../src/delivery/sinks/memory-sink.js';
import { cloudTrailRequestHandler } from '../../src/engine/cloudtrail-handler.js';
import type { DigestBody } from '../../src/integrity/digest-file.js';
import { createLocalTrail } from '../../src/localtrail.js';
import type { LocalTrailOptions } from '../../src/localtrail-options.js';
import { runWithoutRecording } from '../../src/recorder/call-context.js';
import { LONG_TERM, TEMPORARY } from '../support/fixtures.js';

const ACCT = '111122223333';
const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCT}:trail/audit`;

function setup(options: LocalTrailOptions = {}) {
  const clock = new ManualClock('2026-05-01T12:00:00Z');
  const sink = new MemorySink();
  const trail = createLocalTrail({
    accountId: ACCT,
    clock,
    sourceIpAddress: '198.51.100.1',
    identities: [{ accessKeyId: LONG_TERM.accessKeyId, userName: 'alice' }, { accessKeyId: TEMPORARY.accessKeyId, roleName: 'Deployer', sessionName: 'ci' }],
    delivery: { sinks: [sink] },
    ...options,
  });
  return { clock, sink, trail };
}

const cloudTrailEvents = (trail: ReturnType<typeof createLocalTrail>) => trail.events().filter((e) => e.eventSource === 'cloudtrail.amazonaws.com');

afterEach(() => vi.restoreAllMocks());

describe('control-plane calls on the LocalTrail are CloudTrail events', () => {
  it('records each call in CloudTrail\'s vocabulary: request, response for writes, errors, resources', async () => {
    const { trail } = setup();
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true });
    await trail.getTrail({ Name: 'audit' });
    await trail.stopLogging({ Name: 'missing' }).catch(() => undefined);
    const [create, get, stop] = cloudTrailEvents(trail);
    expect(create).toEqual({
      eventVersion: '1.11',
      userIdentity: { type: 'IAMUser', principalId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/), arn: `arn:aws:iam::${ACCT}:user/localtrail-user`, accountId: ACCT, userName: 'localtrail-user' },
      eventTime: '2026-05-01T12:00:00Z',
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'CreateTrail',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.1',
      requestParameters: { name: 'audit', s3BucketName: 'audit-logs', isMultiRegionTrail: true },
      responseElements: {
        name: 'audit',
        s3BucketName: 'audit-logs',
        includeGlobalServiceEvents: true,
        isMultiRegionTrail: true,
        trailARN: TRAIL_ARN,
        logFileValidationEnabled: false,
        isOrganizationTrail: false,
      },
      requestID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      readOnly: false,
      resources: [{ accountId: ACCT, type: 'AWS::CloudTrail::Trail', ARN: TRAIL_ARN }],
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCT,
      eventCategory: 'Management',
    });
    expect(get).toMatchObject({ eventName: 'GetTrail', readOnly: true, requestParameters: { name: 'audit' }, responseElements: null });
    expect(stop).toMatchObject({
      eventName: 'StopLogging',
      errorCode: 'TrailNotFoundException',
      errorMessage: `Unknown trail: missing for the user: ${ACCT}`,
      requestParameters: { name: 'missing' },
      responseElements: null,
    });
  });

  it('attributes calls to the caller: an access key through `identities`, the account and region, runAs', async () => {
    const { trail } = setup();
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' }, { accessKeyId: LONG_TERM.accessKeyId });
    await trail.runAs({ userId: 'ops-7', sourceIpAddress: '203.0.113.9' }, () =>
      trail.createTrail({ Name: 'west', S3BucketName: 'audit-logs' }, { accessKeyId: TEMPORARY.accessKeyId, temporaryCredentials: true, region: 'eu-west-1' }),
    );
    const [byAlice, byRole] = cloudTrailEvents(trail);
    expect(byAlice!.userIdentity).toMatchObject({ type: 'IAMUser', userName: 'alice', accessKeyId: LONG_TERM.accessKeyId });
    expect(byRole).toMatchObject({
      awsRegion: 'eu-west-1',
      sourceIPAddress: '203.0.113.9',
      userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::${ACCT}:assumed-role/Deployer/ci` },
      additionalEventData: { actor: { userId: 'ops-7', sourceIpAddress: '203.0.113.9' } },
    });
  });

  it('routes them to trails like any management event; StopLogging is in the stopped trail\'s last file and final digest', async () => {
    const { trail, sink, clock } = setup();
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', EnableLogFileValidation: true });
    await trail.startLogging({ Name: 'audit' });
    await trail.createTrail({ Name: 'second', S3BucketName: 'audit-logs' });
    await clock.advance(60_000);
    await trail.stopLogging({ Name: 'audit' }, { accessKeyId: LONG_TERM.accessKeyId });
    await trail.shutdown();
    const logKeys = sink.keys('audit-logs', '/CloudTrail/');
    const delivered = logKeys.flatMap((k) => (JSON.parse(gunzipSync(sink.get('audit-logs', k)!.body).toString()) as { Records: Array<Record<string, unknown>> }).Records);
    expect(delivered.map((r) => r['eventName'])).toEqual(['StartLogging', 'CreateTrail', 'StopLogging']);
    expect(delivered[2]).toMatchObject({ userIdentity: { userName: 'alice' }, requestParameters: { name: 'audit' } });
    const digests = sink.keys('audit-logs', '/CloudTrail-Digest/').map((k) => JSON.parse(gunzipSync(sink.get('audit-logs', k)!.body).toString()) as DigestBody);
    expect(digests.flatMap((d) => d.logFiles.map((f) => f.s3Object)).sort()).toEqual(logKeys);
    // And they are management events in event history, with CloudTrail's lookup semantics.
    const history = await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'StopLogging' }] });
    expect(history.Events?.map((e) => [e.Username, e.Resources?.[0]?.ResourceType])).toEqual([['alice', 'AWS::CloudTrail::Trail']]);
  });

  it('records nothing with controlPlaneEvents: false, or inside runWithoutRecording', async () => {
    const off = setup({ controlPlaneEvents: false }).trail;
    await off.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
    expect(off.events()).toEqual([]);
    const { trail } = setup();
    await runWithoutRecording(() => trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' }));
    expect(trail.events()).toEqual([]);
    expect(trail.stats().suppressed).toBe(1);
  });

  it('secrets and redact paths never reach the record', async () => {
    const { trail } = setup({ redact: ['requestParameters.s3BucketName'] });
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
    expect(cloudTrailEvents(trail)[0]!.requestParameters).toEqual({ name: 'audit', s3BucketName: 'HIDDEN_DUE_TO_SECURITY_REASONS' });
  });
});

describe('cloudTrailRequestHandler(trail): the public way, over the wire', () => {
  function client(trail: ReturnType<typeof createLocalTrail>, credentials: typeof LONG_TERM | typeof TEMPORARY = LONG_TERM) {
    return new CloudTrailClient({ region: 'us-east-1', credentials, requestHandler: cloudTrailRequestHandler(trail), maxAttempts: 1 });
  }

  it('answers from the LocalTrail (errors as the SDK\'s classes) and records each call once, attributed to the signer', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { trail } = setup();
    const ct = client(trail);
    ct.middlewareStack.use(trail.plugin()); // the plugin too: still one record per call
    const created = await ct.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'audit-logs' }));
    expect(created.TrailARN).toBe(TRAIL_ARN);
    expect((await ct.send(new GetTrailCommand({ Name: 'audit' }))).Trail?.Name).toBe('audit');
    const error = await ct.send(new StopLoggingCommand({ Name: 'missing' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrailNotFoundException);
    const events = cloudTrailEvents(trail);
    expect(events.map((e) => [e.eventName, e.errorCode])).toEqual([['CreateTrail', undefined], ['GetTrail', undefined], ['StopLogging', 'TrailNotFoundException']]);
    expect(events[0]).toMatchObject({
      userIdentity: { userName: 'alice', accessKeyId: LONG_TERM.accessKeyId },
      userAgent: expect.stringContaining('aws-sdk-js/'),
      requestParameters: { name: 'audit', s3BucketName: 'audit-logs' },
      requestID: created.$metadata.requestId,
      tlsDetails: { clientProvidedHostHeader: 'cloudtrail.us-east-1.amazonaws.com' },
    });
    expect(warn.mock.calls.flat().join('\n')).not.toContain('JsonCodec2');
  });

  it('a temporary key is the mapped role; no unhandled rejection when an operation fails', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const { trail } = setup();
      const ct = client(trail, TEMPORARY);
      await expect(ct.send(new GetTrailCommand({ Name: 'nope' }))).rejects.toBeInstanceOf(TrailNotFoundException);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
      expect(cloudTrailEvents(trail)[0]!.userIdentity).toMatchObject({ type: 'AssumedRole', arn: `arn:aws:sts::${ACCT}:assumed-role/Deployer/ci` });
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('a denial arrives as the SDK\'s AccessDeniedException and is recorded with that errorCode', async () => {
    const { trail } = setup({ authorize: (caller, action) => !(action === 'cloudtrail:StopLogging' && caller.userIdentity.userName === 'alice') });
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
    await trail.startLogging({ Name: 'audit' });
    const error = await client(trail).send(new StopLoggingCommand({ Name: 'audit' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkAccessDenied);
    expect((await trail.getTrailStatus({ Name: 'audit' })).IsLogging).toBe(true);
    expect(cloudTrailEvents(trail).at(-2)).toMatchObject({
      eventName: 'StopLogging',
      errorCode: 'AccessDeniedException',
      errorMessage: `User: arn:aws:iam::${ACCT}:user/alice is not authorized to perform: cloudtrail:StopLogging on resource: ${TRAIL_ARN} because no identity-based policy allows the cloudtrail:StopLogging action`,
      userIdentity: { userName: 'alice' },
    });
  });
});

describe('defects seen by a new user', () => {
  it('putEventSelectors with [null] selectors is InvalidEventSelectorsException, not a TypeError', async () => {
    const { trail } = setup();
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
    for (const input of [
      { EventSelectors: [null] },
      { AdvancedEventSelectors: [null] },
      { AdvancedEventSelectors: [{ FieldSelectors: [null] }] },
      { EventSelectors: [{ DataResources: [null] }] },
      { EventSelectors: [{ DataResources: 'x' }] },
    ]) {
      await expect(trail.putEventSelectors({ TrailName: 'audit', ...(input as object) })).rejects.toMatchObject({ name: 'InvalidEventSelectorsException' });
    }
  });

  it('listPublicKeys has a current key in a region where nothing was signed yet', async () => {
    const { trail, clock, sink } = setup();
    const { PublicKeyList } = await trail.listPublicKeys({}, { region: 'ap-southeast-2' });
    expect(PublicKeyList).toHaveLength(1);
    expect(PublicKeyList![0]).toMatchObject({ Fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), ValidityStartTime: new Date(clock.now()) });
    expect((await trail.listPublicKeys({}, { region: 'ap-southeast-2' })).PublicKeyList).toEqual(PublicKeyList);
    await trail.flush();
    expect(sink.publicKeys.map((k) => k.region)).toEqual(['ap-southeast-2']);
  });
});
