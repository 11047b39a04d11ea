import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { makeRecord, RecordingDelivery, thrown } from './helpers.js';

const ACCT = '111111111111';
const OTHER = '222222222222';
const east = { accountId: ACCT, region: 'us-east-1' };
const west = { accountId: ACCT, region: 'us-west-2' };

function setup() {
  const clock = new ManualClock('2026-03-01T10:00:00Z');
  const delivery = new RecordingDelivery();
  const engine = new TrailEngine({ clock, delivery, accountId: ACCT, region: 'us-east-1' });
  return { clock, delivery, engine };
}

describe('CreateTrail and the Trail shape (cloudtrail-facts §5.1)', () => {
  it('returns CreateTrail output and GetTrail shows the full Trail', () => {
    const { engine } = setup();
    const created = engine.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', S3KeyPrefix: 'ct', SnsTopicName: 'notify', KmsKeyId: 'alias/ct', EnableLogFileValidation: true });
    expect(created).toEqual({
      Name: 'audit',
      S3BucketName: 'audit-logs',
      S3KeyPrefix: 'ct',
      SnsTopicName: 'notify',
      SnsTopicARN: `arn:aws:sns:us-east-1:${ACCT}:notify`,
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: false,
      TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCT}:trail/audit`,
      LogFileValidationEnabled: true,
      KmsKeyId: `arn:aws:kms:us-east-1:${ACCT}:alias/ct`,
      IsOrganizationTrail: false,
    });
    expect(engine.getTrail({ Name: 'audit' }).Trail).toMatchObject({
      HomeRegion: 'us-east-1',
      HasCustomEventSelectors: false,
      HasInsightSelectors: false,
    });
  });

  it('a multi-region trail without global service events is an invalid combination', () => {
    const { engine } = setup();
    expect(thrown(() => engine.createTrail({ Name: 'multi', S3BucketName: 'logs-bucket', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false }))).toMatchInlineSnapshot(`
      {
        "message": "Multi-Region trail must include global service events.",
        "name": "InvalidParameterCombinationException",
      }
    `);
  });

  it('the same name twice in a region is TrailAlreadyExistsException; another region may reuse a single-region name', () => {
    const { engine } = setup();
    engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' });
    expect(thrown(() => engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' }))).toEqual({
      name: 'TrailAlreadyExistsException',
      message: `Trail audit already exists for customer: ${ACCT}`,
    });
    expect(engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' }, west).TrailARN).toBe(`arn:aws:cloudtrail:us-west-2:${ACCT}:trail/audit`);
    // A multi-region trail named like a trail elsewhere would collide in that region.
    expect(thrown(() => engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket', IsMultiRegionTrail: true }, { accountId: ACCT, region: 'eu-west-1' })).name).toBe(
      'TrailAlreadyExistsException',
    );
  });

  it.each([
    [{ S3BucketName: 'Bad_Bucket' }, 'InvalidS3BucketNameException'],
    [{ S3BucketName: 'ok-bucket', S3KeyPrefix: 'p'.repeat(201) }, 'InvalidS3PrefixException'],
    [{ S3BucketName: 'ok-bucket', SnsTopicName: 'bad topic' }, 'InvalidSnsTopicNameException'],
    [{ S3BucketName: 'ok-bucket', KmsKeyId: 'not a key!' }, 'InvalidKmsKeyIdException'],
    [{ S3BucketName: 'ok-bucket', CloudWatchLogsLogGroupArn: 'arn:nope' }, 'InvalidCloudWatchLogsLogGroupArnException'],
    [{ S3BucketName: 'ok-bucket', CloudWatchLogsRoleArn: 'arn:nope' }, 'InvalidCloudWatchLogsRoleArnException'],
    [{ S3BucketName: 'ok-bucket', TagsList: [{ Key: '' }] }, 'InvalidTagParameterException'],
    [{ S3BucketName: 'ok-bucket', TagsList: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}` })) }, 'TagsLimitExceededException'],
    [{ S3BucketName: 'ok-bucket', IsOrganizationTrail: true }, 'OrganizationsNotInUseException'],
  ])('rejects %o with %s', (settings, name) => {
    const { engine } = setup();
    expect(thrown(() => engine.createTrail({ Name: 'audit', ...settings })).name).toBe(name);
  });
});

describe('name and ARN resolution, home region, shadows (cloudtrail-facts §5.5)', () => {
  it('an unknown name is TrailNotFoundException with CloudTrail\'s message', () => {
    const { engine } = setup();
    expect(thrown(() => engine.getTrail({ Name: 'missing' }))).toEqual({
      name: 'TrailNotFoundException',
      message: `Unknown trail: missing for the user: ${ACCT}`,
    });
    expect(thrown(() => engine.deleteTrail({ Name: 'missing' })).name).toBe('TrailNotFoundException');
  });

  it('a multi-region trail is visible everywhere by ARN (shadow), by name only at home', () => {
    const { engine } = setup();
    const arn = engine.createTrail({ Name: 'org-wide', S3BucketName: 'logs-bucket', IsMultiRegionTrail: true }).TrailARN!;
    expect(engine.getTrail({ Name: arn }, west).Trail?.HomeRegion).toBe('us-east-1');
    expect(thrown(() => engine.getTrail({ Name: 'org-wide' }, west)).name).toBe('TrailNotFoundException');
    expect(engine.describeTrails({}, west).trailList?.map((t) => t.Name)).toEqual(['org-wide']);
    expect(engine.describeTrails({ includeShadowTrails: false }, west).trailList).toEqual([]);
    expect(engine.listTrails({}, west).Trails).toEqual([{ TrailARN: arn, Name: 'org-wide', HomeRegion: 'us-east-1' }]);
  });

  it('a single-region trail\'s ARN from another region is CloudTrailARNInvalidException', () => {
    const { engine } = setup();
    const arn = engine.createTrail({ Name: 'local', S3BucketName: 'logs-bucket' }).TrailARN!;
    expect(thrown(() => engine.getTrail({ Name: arn }, west))).toEqual({
      name: 'CloudTrailARNInvalidException',
      message: 'Region in ARN is wrong, you can only access resources in region us-west-2.',
    });
    expect(thrown(() => engine.getTrail({ Name: 'arn:aws:cloudtrail:us-east-1:1:trail/x' })).name).toBe('CloudTrailARNInvalidException');
  });

  it.each([
    ['updateTrail', (e: TrailEngine, arn: string) => e.updateTrail({ Name: arn, S3BucketName: 'other-bucket' }, west)],
    ['deleteTrail', (e: TrailEngine, arn: string) => e.deleteTrail({ Name: arn }, west)],
    ['startLogging', (e: TrailEngine, arn: string) => e.startLogging({ Name: arn }, west)],
    ['stopLogging', (e: TrailEngine, arn: string) => e.stopLogging({ Name: arn }, west)],
    ['putEventSelectors', (e: TrailEngine, arn: string) => e.putEventSelectors({ TrailName: arn, EventSelectors: [{ ReadWriteType: 'All' }] }, west)],
    ['putInsightSelectors', (e: TrailEngine, arn: string) => e.putInsightSelectors({ TrailName: arn, InsightSelectors: [] }, west)],
    ['addTags', (e: TrailEngine, arn: string) => e.addTags({ ResourceId: arn, TagsList: [{ Key: 'k', Value: 'v' }] }, west)],
  ])('%s on a shadow is InvalidHomeRegionException', (_op, call) => {
    const { engine } = setup();
    const arn = engine.createTrail({ Name: 'multi-r', S3BucketName: 'logs-bucket', IsMultiRegionTrail: true }).TrailARN!;
    expect(thrown(() => call(engine, arn)).name).toBe('InvalidHomeRegionException');
  });

  it('converting single→multi switches global service events on, multi→single off', () => {
    const { engine } = setup();
    engine.createTrail({ Name: 'conv', S3BucketName: 'logs-bucket', IncludeGlobalServiceEvents: false });
    expect(engine.updateTrail({ Name: 'conv', IsMultiRegionTrail: true })).toMatchObject({ IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true });
    expect(engine.updateTrail({ Name: 'conv', IsMultiRegionTrail: false })).toMatchObject({ IsMultiRegionTrail: false, IncludeGlobalServiceEvents: false });
    expect(thrown(() => engine.updateTrail({ Name: 'conv', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false })).name).toBe(
      'InvalidParameterCombinationException',
    );
  });

  it('deleting a single-region trail leaves same-named trails in other regions', () => {
    const { engine } = setup();
    engine.createTrail({ Name: 'twin', S3BucketName: 'logs-bucket' });
    engine.createTrail({ Name: 'twin', S3BucketName: 'logs-bucket' }, west);
    engine.deleteTrail({ Name: 'twin' });
    expect(engine.getTrail({ Name: 'twin' }, west).Trail?.HomeRegion).toBe('us-west-2');
    expect(engine.describeTrails({}, east).trailList).toEqual([]);
  });

  it('another account cannot see the trail', () => {
    const { engine } = setup();
    const arn = engine.createTrail({ Name: 'mine', S3BucketName: 'logs-bucket' }).TrailARN!;
    expect(thrown(() => engine.getTrail({ Name: arn }, { accountId: OTHER, region: 'us-east-1' }))).toEqual({
      name: 'TrailNotFoundException',
      message: `Unknown trail: ${arn} for the user: ${OTHER}`,
    });
  });
});

describe('logging lifecycle and GetTrailStatus (cloudtrail-facts §5.1, §5.2)', () => {
  it('a new trail logs nothing until StartLogging; times come from the clock', async () => {
    const { engine, clock, delivery } = setup();
    const arn = engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' }).TrailARN!;
    engine.accept(makeRecord());
    expect(delivery.enqueued).toEqual([]);
    expect(engine.getTrailStatus({ Name: 'audit' })).toMatchObject({ IsLogging: false, TimeLoggingStarted: '', TimeLoggingStopped: '' });

    engine.startLogging({ Name: 'audit' });
    const started = clock.now();
    engine.accept(makeRecord());
    expect(delivery.enqueued).toHaveLength(1);
    await clock.advance(60_000);
    engine.stopLogging({ Name: arn });
    engine.accept(makeRecord());
    expect(delivery.enqueued).toHaveLength(1);
    const status = engine.getTrailStatus({ Name: 'audit' });
    expect(status).toMatchObject({
      IsLogging: false,
      StartLoggingTime: new Date(started),
      StopLoggingTime: new Date(started + 60_000),
      TimeLoggingStarted: '2026-03-01T10:00:00.000Z',
      TimeLoggingStopped: '2026-03-01T10:01:00.000Z',
    });
    expect(delivery.lifecycle).toEqual([`started audit ${started}`, `stopped audit ${started + 60_000}`]);
  });

  it('reports delivery status fields from the DeliveryPort', () => {
    const { engine, delivery } = setup();
    const arn = engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' }).TrailARN!;
    delivery.statuses.set(arn, { latestDeliveryTime: 1_700_000_000_000, latestDigestDeliveryTime: 1_700_000_360_000, latestDeliveryError: 'AccessDenied' });
    expect(engine.getTrailStatus({ Name: arn })).toMatchObject({
      LatestDeliveryTime: new Date(1_700_000_000_000),
      LatestDigestDeliveryTime: new Date(1_700_000_360_000),
      LatestDeliveryError: 'AccessDenied',
      LatestDeliveryAttemptTime: '2023-11-14T22:13:20.000Z',
      LatestDeliveryAttemptSucceeded: '',
    });
  });

  it('UpdateTrail tells delivery; DeleteTrail of a logging trail stops it', () => {
    const { engine, delivery, clock } = setup();
    engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' });
    engine.startLogging({ Name: 'audit' });
    engine.updateTrail({ Name: 'audit', EnableLogFileValidation: true });
    engine.deleteTrail({ Name: 'audit' });
    const t = clock.now();
    expect(delivery.lifecycle).toEqual([`started audit ${t}`, `updated audit ${t} validation false→true`, `stopped audit ${t}`]);
  });
});

describe('tags (cloudtrail-facts §5.4)', () => {
  it('adds, replaces, removes and lists tags by ARN', () => {
    const { engine } = setup();
    const arn = engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket', TagsList: [{ Key: 'team', Value: 'sec' }] }).TrailARN!;
    engine.addTags({ ResourceId: arn, TagsList: [{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: 'ops' }] });
    engine.removeTags({ ResourceId: arn, TagsList: [{ Key: 'env' }] });
    expect(engine.listTags({ ResourceIdList: [arn] })).toEqual({ ResourceTagList: [{ ResourceId: arn, TagsList: [{ Key: 'team', Value: 'ops' }] }] });
    expect(thrown(() => engine.addTags({ ResourceId: arn, TagsList: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}` })) })).name).toBe(
      'TagsLimitExceededException',
    );
    expect(thrown(() => engine.addTags({ ResourceId: arn, TagsList: [{ Key: 'k'.repeat(129) }] })).name).toBe('InvalidTagParameterException');
    expect(thrown(() => engine.listTags({ ResourceIdList: [`arn:aws:cloudtrail:us-east-1:${ACCT}:trail/nope`] })).name).toBe('ResourceNotFoundException');
  });
});

describe('insight selectors (cloudtrail-facts §8)', () => {
  it('GetInsightSelectors without Insights is InsightNotEnabledException; put replaces; empty disables', () => {
    const { engine } = setup();
    engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' });
    expect(thrown(() => engine.getInsightSelectors({ TrailName: 'audit' })).name).toBe('InsightNotEnabledException');
    engine.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
    engine.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiErrorRateInsight', EventCategories: ['Management', 'Data'] }] });
    expect(engine.getInsightSelectors({ TrailName: 'audit' }).InsightSelectors).toEqual([
      { InsightType: 'ApiErrorRateInsight', EventCategories: ['Management', 'Data'] },
    ]);
    expect(engine.getTrail({ Name: 'audit' }).Trail?.HasInsightSelectors).toBe(true);
    engine.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [] });
    expect(thrown(() => engine.getInsightSelectors({ TrailName: 'audit' })).name).toBe('InsightNotEnabledException');
  });

  it('rejects unknown types and a call-rate Insight on a trail that logs no write management events', () => {
    const { engine } = setup();
    engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' });
    expect(thrown(() => engine.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'Nope' as never }] })).name).toBe(
      'InvalidInsightSelectorsException',
    );
    engine.putEventSelectors({ TrailName: 'audit', EventSelectors: [{ ReadWriteType: 'ReadOnly' }] });
    expect(thrown(() => engine.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] })).name).toBe(
      'InvalidInsightSelectorsException',
    );
  });
});

describe('ListPublicKeys', () => {
  it('returns delivery\'s keys for the caller region and rejects start after end', () => {
    const { engine, delivery, clock } = setup();
    const value = new Uint8Array([1, 2, 3]);
    delivery.keys = [{ value, validityStartTime: clock.now() - 1000, validityEndTime: clock.now() + 1000, fingerprint: 'abc' }];
    expect(engine.listPublicKeys()).toEqual({
      PublicKeyList: [{ Value: value, ValidityStartTime: new Date(clock.now() - 1000), ValidityEndTime: new Date(clock.now() + 1000), Fingerprint: 'abc' }],
    });
    expect(thrown(() => engine.listPublicKeys({ StartTime: new Date(2), EndTime: new Date(1) })).name).toBe('InvalidTimeRangeException');
  });
});
