// EventBridge delivery: a real EventBridgeClient against a local awsJson server (PutEvents batches within the
// limits, failed entries resent), and the callback form with rules ("this rule would have fired").
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock/manual-clock.js';
import { DeliveryService } from '../../../src/delivery/delivery-service.js';
import type { EventBridgeEvent } from '../../../src/delivery/destinations/eventbridge-event.js';
import { EventBridgeDestination } from '../../../src/delivery/destinations/eventbridge.js';
import { eventBridgeDestination } from '../../../src/delivery/destinations/eventbridge-client.js';
import { TrailEngine } from '../../../src/engine/trail-engine.js';
import { createLocalTrail } from '../../../src/localtrail.js';
import type { LocalAwsServer } from '../../support/aws-servers.js';
import { awsJsonServer } from '../../support/aws-servers.js';
import { LONG_TERM } from '../../support/fixtures.js';
import { stubHandler } from '../../support/stub-http.js';
import { makeRecord } from '../../engine/helpers.js';

const ACCT = '111122223333';
let server: LocalAwsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function eventsClient(endpoint: string) {
  return new EventBridgeClient({ region: 'us-east-1', endpoint, credentials: LONG_TERM, maxAttempts: 1 });
}

describe('EventBridge through a real EventBridgeClient', () => {
  it('puts each event once (however many trails got it) as CloudTrail sends it, ≤ 10 entries a request; resends failed entries', async () => {
    let first = true;
    server = await awsJsonServer((r) => {
      const entries = r.body['Entries'] as unknown[];
      if (first) {
        first = false;
        return { body: { FailedEntryCount: 1, Entries: entries.map((_e, i) => (i === 1 ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' } : { EventId: `id-${i}` })) } };
      }
      return { body: { FailedEntryCount: 0, Entries: entries.map((_e, i) => ({ EventId: `id-${i}` })) } };
    });
    const clock = new ManualClock('2026-06-01T08:00:00Z');
    const client = eventsClient(server.endpoint);
    const trail = createLocalTrail({ accountId: ACCT, clock, controlPlaneEvents: false, delivery: { destinations: [eventBridgeDestination({ client, retryInitialDelayMillis: 500 })] } });
    client.middlewareStack.use(trail.plugin());
    for (const name of ['one', 'two']) {
      await trail.createTrail({ Name: name, S3BucketName: 'audit-logs', IsMultiRegionTrail: true });
      await trail.startLogging({ Name: name });
    }
    const ddb = new DynamoDBClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '{}' })) });
    ddb.middlewareStack.use(trail.plugin());
    for (let i = 0; i < 12; i++) await ddb.send(new CreateTableCommand({ TableName: `t${i}`, KeySchema: [], AttributeDefinitions: [], BillingMode: 'PAY_PER_REQUEST' }));
    await trail.flush();
    await clock.advance(500);
    await trail.flush();

    const requests = server.requests.map((r) => r.body['Entries'] as Array<Record<string, unknown>>);
    expect(server.requests.every((r) => r.operation === 'PutEvents')).toBe(true);
    expect(requests.map((entries) => entries.length)).toEqual([10, 3]); // 10; after the backoff the failed one first, then the last 2
    expect(requests[1]![0]).toEqual(requests[0]![1]);
    const delivered = [...requests[0]!.filter((_e, i) => i !== 1), ...requests[1]!];
    const records = trail.events();
    expect(delivered.map((e) => JSON.parse(e['Detail'] as string).eventID).sort()).toEqual(records.map((r) => r.eventID).sort());
    expect(delivered[0]).toEqual({
      Source: 'aws.dynamodb',
      DetailType: 'AWS API Call via CloudTrail',
      Detail: JSON.stringify(records[0]),
      Resources: [],
      Time: Date.parse(records[0]!.eventTime) / 1000,
    });
    expect(trail.stats().destinations['eventbridge']).toEqual({ queued: 0, delivered: 12, dropped: 0, skipped: 0, failedAttempts: 1 });
    expect(records.map((r) => r.eventName)).not.toContain('PutEvents');
  });

  it('keeps each request within 256 KB and skips events over 256 KB, as CloudTrail does', async () => {
    server = await awsJsonServer((r) => ({ body: { FailedEntryCount: 0, Entries: (r.body['Entries'] as unknown[]).map(() => ({ EventId: 'x' })) } }));
    const clock = new ManualClock('2026-06-01T08:00:00Z');
    const delivery = new DeliveryService({ destinations: [eventBridgeDestination({ client: eventsClient(server.endpoint), eventBusName: 'audit-bus' })] }, { clock, onError: () => {} });
    const engine = new TrailEngine({ clock, delivery, accountId: '111111111111' });
    engine.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
    engine.startLogging({ Name: 'audit' });
    for (let i = 0; i < 5; i++) engine.accept(makeRecord({ errorMessage: 'm'.repeat(100_000) }));
    engine.accept(makeRecord({ errorMessage: 'm'.repeat(300_000) }));
    await delivery.flush();
    const sizes = server.requests.map((r) =>
      (r.body['Entries'] as Array<{ Source: string; DetailType: string; Detail: string; EventBusName: string }>).reduce((n, e) => n + 14 + e.Source.length + e.DetailType.length + Buffer.byteLength(e.Detail), 0),
    );
    expect(server.requests.map((r) => (r.body['Entries'] as unknown[]).length)).toEqual([2, 2, 1]);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(256 * 1024);
    expect((server.requests[0]!.body['Entries'] as Array<{ EventBusName: string }>)[0]!.EventBusName).toBe('audit-bus');
    expect(delivery.destinationStats()['eventbridge']).toMatchObject({ delivered: 5, skipped: 1 });
  });
});

describe('EventBridge rules on the callback form', () => {
  it('says which rules would have fired: trail tampering, read-only events only with ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS', async () => {
    const seen: EventBridgeEvent[] = [];
    const alerts: string[] = [];
    const bridge = new EventBridgeDestination({
      onEvents: (events) => void seen.push(...events),
      rules: [
        {
          name: 'trail-tampering',
          pattern: { source: ['aws.cloudtrail'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['StopLogging', 'DeleteTrail'] } },
          onMatch: (e) => void alerts.push(`${e.detail.userIdentity?.userName} ${e.detail.eventName}`),
        },
        { name: 'cloudtrail-calls', pattern: { source: ['aws.cloudtrail'] } },
        { name: 'cloudtrail-calls-all', pattern: { source: ['aws.cloudtrail'] }, state: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' },
      ],
    });
    const trail = createLocalTrail({ accountId: ACCT, identities: [{ accessKeyId: LONG_TERM.accessKeyId, userName: 'mallory' }], delivery: { destinations: [bridge] } });
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
    await trail.startLogging({ Name: 'audit' });
    await trail.getTrail({ Name: 'audit' });
    await trail.stopLogging({ Name: 'audit' }, { accessKeyId: LONG_TERM.accessKeyId });
    await trail.flush();
    await new Promise((r) => setImmediate(r));
    expect(bridge.matched('trail-tampering').map((e) => e.detail.eventName)).toEqual(['StopLogging']);
    expect(alerts).toEqual(['mallory StopLogging']);
    expect(bridge.matched('cloudtrail-calls').map((e) => e.detail.eventName)).toEqual(['StartLogging', 'StopLogging']);
    expect(bridge.matched('cloudtrail-calls-all').map((e) => e.detail.eventName)).toEqual(['StartLogging', 'GetTrail', 'StopLogging']);
    expect(seen[0]).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'AWS API Call via CloudTrail',
      source: 'aws.cloudtrail',
      account: ACCT,
      time: seen[0]!.detail.eventTime,
      region: 'us-east-1',
      resources: [],
      detail: trail.events().find((e) => e.eventName === 'StartLogging'),
    });
    expect(() => bridge.matched('nope')).toThrow('localtrail: eventbridge has no rule named "nope"');
  });

  it('Insights events go as "AWS Insight via CloudTrail" from aws.cloudtrail; a source map for real buses', async () => {
    const clock = new ManualClock('2026-06-01T00:00:00Z');
    const bridge = new EventBridgeDestination({
      source: (service) => `localtrail.${service}`,
      rules: [{ name: 'insights', pattern: { 'detail-type': ['AWS Insight via CloudTrail'], detail: { insightDetails: { state: ['Start'] } } } }],
    });
    const delivery = new DeliveryService({ destinations: [bridge] }, { clock, onError: () => {} });
    const engine = new TrailEngine({ clock, delivery, accountId: '111111111111', insights: { baselineMinutes: 2 } });
    engine.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
    engine.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
    engine.startLogging({ Name: 'audit' });
    for (let m = 0; m < 2; m++) {
      engine.accept(makeRecord({ readOnly: false, eventName: 'RunInstances' }));
      await clock.advance(60_000);
    }
    for (let i = 0; i < 15; i++) engine.accept(makeRecord({ readOnly: false, eventName: 'RunInstances' }));
    await clock.advance(60_000);
    await delivery.flush();
    const [start] = bridge.matched('insights');
    expect(start).toMatchObject({ source: 'localtrail.cloudtrail', 'detail-type': 'AWS Insight via CloudTrail', detail: { eventType: 'AwsCloudTrailInsight' } });
  });

  it('refuses a rule with a bad pattern or a duplicate name at construction', () => {
    expect(() => new EventBridgeDestination({ rules: [{ name: 'r', pattern: { source: 'aws.s3' } }] })).toThrow(/Event pattern is not valid/);
    expect(() => new EventBridgeDestination({ rules: [{ name: 'r', pattern: { a: ['x'] } }, { name: 'r', pattern: { a: ['y'] } }] })).toThrow(/unique name/);
  });
});
