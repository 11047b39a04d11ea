// Insights end to end: real SDK calls, a burst, Insights events in the CloudTrail-Insight folder, in events(), the
// matchers and LookupEvents, outside digest chains.
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { MemorySink } from '../../src/delivery/sinks/memory-sink.js';
import { memorySource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { createLocalTrail } from '../../src/localtrail.js';
import '../../src/testing/vitest.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

const INSIGHT_KEY =
  /^AWSLogs\/111122223333\/CloudTrail-Insight\/eu-west-1\/2026\/03\/01\/111122223333_CloudTrail-Insight_eu-west-1_20260301T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/;

describe('Insights delivered as CloudTrail delivers them', () => {
  it('a CreateTable burst becomes a Start/End pair in CloudTrail-Insight files, events(), the matchers and LookupEvents', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const sink = new MemorySink();
    const trail = createLocalTrail({
      accountId: '111122223333',
      region: 'eu-west-1',
      clock,
      insights: { baselineMinutes: 5 },
      delivery: { sinks: [sink], scheduledDelayMillis: 60_000 },
    });
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', EnableLogFileValidation: true });
    await trail.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
    await trail.startLogging({ Name: 'audit' });
    const ddb = new DynamoDBClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '{}' })) });
    ddb.middlewareStack.use(trail.plugin());
    const create = (n: number) => ddb.send(new CreateTableCommand({ TableName: `t-${n}`, KeySchema: [], AttributeDefinitions: [], BillingMode: 'PAY_PER_REQUEST' }));

    for (let m = 0; m < 5; m++) {
      await create(m);
      await clock.advance(60_000);
    }
    for (let i = 0; i < 12; i++) await create(100 + i);
    await clock.advance(2 * 60_000);
    await trail.shutdown();

    expect(trail).toHaveRecorded({ eventType: 'AwsCloudTrailInsight', insightDetails: { state: 'Start', eventName: 'CreateTable', insightType: 'ApiCallRateInsight' } });
    expect(trail).toHaveRecorded({ eventCategory: 'Insight', insightDetails: { state: 'End' } });
    const insights = trail.events().filter((e) => e.eventCategory === 'Insight');
    const lookedUp = await trail.lookupEvents({ EventCategory: 'insight', LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateTable' }] });
    expect(lookedUp.Events?.map((e) => e.EventId)).toEqual(insights.map((e) => e.eventID).reverse());

    const keys = sink.keys('audit-logs', '/CloudTrail-Insight/');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(INSIGHT_KEY);
    const delivered = keys.flatMap((k) => (JSON.parse(gunzipSync(sink.get('audit-logs', k)!.body).toString()) as { Records: unknown[] }).Records);
    expect(delivered).toHaveLength(2);
    expect(delivered).toEqual(expect.arrayContaining(insights)); // files of one minute sort by their random names
    // Ordinary log files hold no Insights events; digests list only ordinary log files, and the chain validates.
    const logRecords = sink.keys('audit-logs', '/CloudTrail/').flatMap((k) => (JSON.parse(gunzipSync(sink.get('audit-logs', k)!.body).toString()) as { Records: Array<{ eventCategory: string }> }).Records);
    expect(logRecords.filter((r) => r.eventCategory === 'Insight')).toEqual([]);
    const digested = sink
      .keys('audit-logs', '/CloudTrail-Digest/')
      .flatMap((k) => (JSON.parse(gunzipSync(sink.get('audit-logs', k)!.body).toString()) as { logFiles: Array<{ s3Object: string }> }).logFiles.map((f) => f.s3Object));
    expect(digested.some((k) => k.includes('CloudTrail-Insight'))).toBe(false);
    expect((await validateLogs({ source: memorySource(sink), expectedChainEnds: trail.delivery.chainEndsDelivered() })).ok).toBe(true);
  });
});
