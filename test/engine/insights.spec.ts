import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { makeRecord, RecordingDelivery } from './helpers.js';

const ACCT = '111111111111';
const T0 = Date.parse('2026-07-01T00:00:00Z');

function setup(insights: Array<'ApiCallRateInsight' | 'ApiErrorRateInsight'>) {
  const clock = new ManualClock(T0);
  const delivery = new RecordingDelivery();
  const engine = new TrailEngine({ clock, delivery, accountId: ACCT });
  engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' });
  if (insights.length > 0) engine.putInsightSelectors({ TrailName: 'audit', InsightSelectors: insights.map((InsightType) => ({ InsightType })) });
  engine.startLogging({ Name: 'audit' });
  const call = (overrides: Partial<CloudTrailRecord> = {}) =>
    engine.accept(
      makeRecord({
        eventTime: new Date(Math.floor(clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
        eventSource: 'ec2.amazonaws.com',
        eventName: 'RunInstances',
        readOnly: false,
        userAgent: 'aws-sdk-js/3',
        ...overrides,
      }),
    );
  return { clock, delivery, engine, call };
}

async function baselineThenBurst(s: ReturnType<typeof setup>, burst: number, overrides: Partial<CloudTrailRecord> = {}) {
  for (let minute = 0; minute < 60; minute++) {
    s.call(overrides);
    await s.clock.advance(60_000);
  }
  for (let i = 0; i < burst; i++) s.call(overrides);
  await s.clock.advance(60_000); // the burst minute ends
  s.call({ eventName: 'Other' }); // a later event closes it
  await s.clock.advance(60_000); // a quiet minute ends the incident
}

const insightEvents = (engine: TrailEngine) => engine.lookupEvents({ EventCategory: 'insight' }).Events ?? [];

describe('Insights events (cloudtrail-facts §8), localtrail\'s simplified rule', () => {
  it('a write burst over the baseline gives a Start/End ApiCallRateInsight pair, delivered and in event history', async () => {
    const s = setup(['ApiCallRateInsight']);
    await baselineThenBurst(s, 30);
    const found = insightEvents(s.engine);
    expect(found.map((e) => e.EventName)).toEqual(['RunInstances', 'RunInstances']);
    const [end, start] = found.map((e) => JSON.parse(e.CloudTrailEvent!));
    expect(start).toMatchObject({
      eventType: 'AwsCloudTrailInsight',
      eventCategory: 'Insight',
      awsRegion: 'us-east-1',
      recipientAccountId: ACCT,
      eventTime: '2026-07-01T01:00:00Z',
      insightDetails: {
        state: 'Start',
        eventSource: 'ec2.amazonaws.com',
        eventName: 'RunInstances',
        insightType: 'ApiCallRateInsight',
        insightContext: { statistics: { insight: { average: 30 }, baselineDuration: 1440 } },
      },
    });
    expect(start.userIdentity).toBeUndefined();
    expect(end).toMatchObject({ eventTime: '2026-07-01T01:01:00Z', insightDetails: { state: 'End', insightContext: { statistics: { insightDuration: 1 } } } });
    expect(end.sharedEventID).toBe(start.sharedEventID);
    expect(end.eventID).not.toBe(start.eventID);
    expect(start.insightDetails.insightContext.attributions[0]).toEqual({
      attribute: 'userIdentityArn',
      insight: [{ value: 'arn:aws:iam::111111111111:user/alice', average: 30 }],
      baseline: [{ value: 'arn:aws:iam::111111111111:user/alice', average: expect.any(Number) }],
    });
    const delivered = s.delivery.enqueued.filter((e) => found.some((f) => f.EventId === e.eventID));
    expect(delivered.map((e) => e.trail)).toEqual(['audit', 'audit']);
    // Not in the management history.
    expect(s.engine.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: start.eventID }] }).Events).toEqual([]);
  });

  it('failing calls give an ApiErrorRateInsight with the error code', async () => {
    const s = setup(['ApiErrorRateInsight']);
    await baselineThenBurst(s, 12, { errorCode: 'Client.UnauthorizedOperation', readOnly: true, eventName: 'DescribeInstances' });
    const [, start] = insightEvents(s.engine).map((e) => JSON.parse(e.CloudTrailEvent!));
    expect(start.insightDetails).toMatchObject({ state: 'Start', insightType: 'ApiErrorRateInsight', eventName: 'DescribeInstances', errorCode: 'Client.UnauthorizedOperation' });
  });

  it.each<[string, Array<'ApiCallRateInsight' | 'ApiErrorRateInsight'>, number]>([
    ['no Insights enabled', [], 30],
    ['a burst under the minimum', ['ApiCallRateInsight'], 9],
  ])('nothing with %s', async (_case, insights, burst) => {
    const s = setup(insights);
    await baselineThenBurst(s, burst);
    expect(insightEvents(s.engine)).toEqual([]);
  });

  it('reads do not count towards the call-rate Insight', async () => {
    const s = setup(['ApiCallRateInsight']);
    await baselineThenBurst(s, 30, { readOnly: true, eventName: 'DescribeInstances' });
    expect(insightEvents(s.engine)).toEqual([]);
  });
});
