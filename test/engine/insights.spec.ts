import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import type { InsightsOptions } from '../../src/engine/insights/insights-options.js';
import { resolveInsightsOptions } from '../../src/engine/insights/insights-options.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { makeRecord, RecordingDelivery } from './helpers.js';

const ACCT = '111111111111';
const T0 = Date.parse('2026-07-01T00:00:00Z');
const MINUTE = 60_000;
const ALICE = 'arn:aws:iam::111111111111:user/alice';
const BOB = 'arn:aws:iam::111111111111:user/bob';

type Insight = 'ApiCallRateInsight' | 'ApiErrorRateInsight';

function setup(insights: Insight[], options: InsightsOptions = { baselineMinutes: 10 }) {
  const clock = new ManualClock(T0);
  const delivery = new RecordingDelivery();
  const made: CloudTrailRecord[] = [];
  const engine = new TrailEngine({ clock, delivery, accountId: ACCT, insights: options, onInsight: (r) => made.push(r) });
  engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' });
  if (insights.length > 0) engine.putInsightSelectors({ TrailName: 'audit', InsightSelectors: insights.map((InsightType) => ({ InsightType })) });
  engine.startLogging({ Name: 'audit' });
  const call = (overrides: Partial<CloudTrailRecord> = {}, times = 1) => {
    for (let i = 0; i < times; i++) {
      engine.accept(makeRecord({ eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', readOnly: false, userAgent: 'aws-sdk-js/3', ...overrides }));
    }
  };
  const minutes = (n: number) => clock.advance(n * MINUTE);
  return { clock, delivery, engine, call, made, minutes };
}

type Setup = ReturnType<typeof setup>;

/** One call a minute for `minutes` minutes: the baseline. */
async function steady(s: Setup, minutes: number, overrides: Partial<CloudTrailRecord> = {}) {
  for (let m = 0; m < minutes; m++) {
    s.call(overrides);
    await s.minutes(1);
  }
}

const lookupInsights = (engine: TrailEngine) => (engine.lookupEvents({ EventCategory: 'insight' }).Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent!));

describe('Insights: localtrail\'s detection, records as CloudTrail writes them', () => {
  it('a write burst after a whole baseline gives a Start/End ApiCallRateInsight pair shaped like CloudTrail\'s', async () => {
    const s = setup(['ApiCallRateInsight']);
    await steady(s, 10); // minutes 0–9: one RunInstances a minute by alice
    s.call({}, 20);
    s.call({ userIdentity: { type: 'IAMUser', arn: BOB, accountId: ACCT, userName: 'bob' }, userAgent: 'aws-cli/2' }, 10);
    expect(s.made).toEqual([]); // the minute has not ended
    await s.minutes(1); // minute 10 ends: unusual (30 ≥ 10 and ≥ 3 × 1/min)
    await s.minutes(1); // minute 11 is quiet: the incident ends
    const [start, end] = s.made;
    expect(start).toEqual({
      eventVersion: '1.11',
      eventTime: '2026-07-01T00:10:00Z',
      awsRegion: 'us-east-1',
      eventID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: ACCT,
      sharedEventID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      insightDetails: {
        state: 'Start',
        eventSource: 'ec2.amazonaws.com',
        eventName: 'RunInstances',
        insightType: 'ApiCallRateInsight',
        sourceEventCategory: 'Management',
        insightContext: {
          statistics: { baseline: { average: 1 }, insight: { average: 30 }, insightDuration: 1, baselineDuration: 10 },
          attributions: [
            { attribute: 'userIdentityArn', insight: [{ value: ALICE, average: 20 }, { value: BOB, average: 10 }], baseline: [{ value: ALICE, average: 1 }] },
            { attribute: 'userAgent', insight: [{ value: 'aws-sdk-js/3', average: 20 }, { value: 'aws-cli/2', average: 10 }], baseline: [{ value: 'aws-sdk-js/3', average: 1 }] },
            { attribute: 'errorCode', insight: [{ value: 'null', average: 30 }], baseline: [{ value: 'null', average: 1 }] },
          ],
        },
      },
      eventCategory: 'Insight',
    });
    expect(Object.keys(start!)).toEqual(['eventVersion', 'eventTime', 'awsRegion', 'eventID', 'eventType', 'recipientAccountId', 'sharedEventID', 'insightDetails', 'eventCategory']);
    expect(end).toMatchObject({
      eventTime: '2026-07-01T00:11:00Z',
      sharedEventID: start!.sharedEventID,
      insightDetails: { state: 'End', insightContext: { statistics: { baseline: { average: 1 }, insight: { average: 30 }, insightDuration: 1, baselineDuration: 10 } } },
    });
    expect(end!.eventID).not.toBe(start!.eventID);
    // In the Insights history (newest first), not in the management history; delivered to the trail that enabled it.
    expect(lookupInsights(s.engine)).toEqual([end, start]);
    expect(s.engine.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: start!.eventID }] }).Events).toEqual([]);
    expect(s.delivery.enqueued.filter((e) => e.eventID === start!.eventID || e.eventID === end!.eventID).map((e) => e.trail)).toEqual(['audit', 'audit']);
  });

  it('an incident lasts while minutes stay unusual: End gives the duration and the average over it', async () => {
    const s = setup(['ApiCallRateInsight']);
    await steady(s, 10);
    for (const n of [30, 20, 40]) {
      s.call({}, n);
      await s.minutes(1);
    }
    s.call({}, 2); // usual again
    await s.minutes(1);
    const [start, end] = s.made.map((r) => r.insightDetails as { insightContext: { statistics: Record<string, unknown> } });
    expect(start!.insightContext.statistics).toMatchObject({ insight: { average: 30 }, insightDuration: 1 });
    expect(end!.insightContext.statistics).toMatchObject({ insight: { average: 30 }, insightDuration: 3, baselineDuration: 10 });
    expect(s.made[1]!.eventTime).toBe('2026-07-01T00:13:00Z');
  });

  it('nothing is judged before a whole baseline window was watched', async () => {
    const s = setup(['ApiCallRateInsight']);
    await steady(s, 5);
    s.call({}, 50);
    await s.minutes(3);
    expect(s.made).toEqual([]);
  });

  it('failures give an ApiErrorRateInsight per error code, attributed by user identity and user agent', async () => {
    const s = setup(['ApiErrorRateInsight']);
    const failing = { readOnly: true, eventName: 'DescribeInstances', errorCode: 'Client.UnauthorizedOperation' };
    await steady(s, 10, failing);
    s.call(failing, 12);
    s.call({ ...failing, errorCode: 'Client.RequestLimitExceeded' }, 12); // another series: no baseline → average 0
    await s.minutes(2);
    const starts = s.made.filter((r) => (r.insightDetails as { state: string }).state === 'Start');
    expect(starts.map((r) => r.insightDetails)).toEqual([
      expect.objectContaining({ insightType: 'ApiErrorRateInsight', eventName: 'DescribeInstances', errorCode: 'Client.UnauthorizedOperation' }),
      expect.objectContaining({ insightType: 'ApiErrorRateInsight', eventName: 'DescribeInstances', errorCode: 'Client.RequestLimitExceeded' }),
    ]);
    const context = (starts[1]!.insightDetails as { insightContext: { statistics: unknown; attributions: Array<{ attribute: string; baseline: unknown[] }> } }).insightContext;
    expect(context.statistics).toMatchObject({ baseline: { average: 0 }, insight: { average: 12 } });
    expect(context.attributions.map((a) => [a.attribute, a.baseline])).toEqual([['userIdentityArn', []], ['userAgent', []]]);
  });

  it.each<[string, Insight[], Partial<CloudTrailRecord>, number]>([
    ['no Insights enabled', [], {}, 30],
    ['a burst under the minimum count', ['ApiCallRateInsight'], {}, 9],
    ['reads, for the call rate', ['ApiCallRateInsight'], { readOnly: true }, 30],
  ])('nothing with %s', async (_case, insights, overrides, burst) => {
    const s = setup(insights);
    await steady(s, 10, overrides);
    s.call(overrides, burst);
    await s.minutes(2);
    expect(s.made).toEqual([]);
    expect(lookupInsights(s.engine)).toEqual([]);
  });

  it('a burst under factor × baseline is usual', async () => {
    const s = setup(['ApiCallRateInsight'], { baselineMinutes: 10, factor: 5, minimumCount: 10 });
    for (let m = 0; m < 10; m++) {
      s.call({}, 4);
      await s.minutes(1);
    }
    s.call({}, 19); // < 5 × 4/min
    await s.minutes(1);
    expect(s.made).toEqual([]);
    s.call({}, 28); // the baseline now holds the 19: (9 × 4 + 19) / 10 = 5.5/min, × 5 = 27.5
    await s.minutes(1);
    expect(s.made.map((r) => (r.insightDetails as { state: string }).state)).toEqual(['Start']);
  });

  it('is deterministic: the same calls at the same clock times give the same records (ids aside)', async () => {
    const run = async () => {
      const s = setup(['ApiCallRateInsight', 'ApiErrorRateInsight']);
      await steady(s, 10);
      s.call({}, 25);
      s.call({ errorCode: 'ThrottlingException' }, 15);
      await s.minutes(3);
      return s.made.map(({ eventID: _e, sharedEventID: _s, ...rest }) => rest);
    };
    const first = await run();
    expect(first).toHaveLength(4);
    expect(await run()).toEqual(first);
  });

  it('the default baseline is 7 days in hour buckets; bad parameters are refused at construction', () => {
    expect(resolveInsightsOptions()).toEqual({ baselineMinutes: 10080, minimumCount: 10, factor: 3, bucketMinutes: 60 });
    expect(() => new TrailEngine({ insights: { baselineMinutes: 0 } })).toThrow('localtrail: insights.baselineMinutes must be a whole number > 0, got 0');
    expect(() => new TrailEngine({ insights: { factor: Number.NaN } })).toThrow(/insights\.factor/);
  });
});
