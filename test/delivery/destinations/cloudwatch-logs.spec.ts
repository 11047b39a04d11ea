// CloudWatch Logs delivery: a real CloudWatchLogsClient against a local awsJson server, the in-memory form and its
// PutLogEvents rules, retries, bounded queues, shutdown, GetTrailStatus.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock/manual-clock.js';
import { CloudWatchLogsDestination } from '../../../src/delivery/destinations/cloudwatch-logs.js';
import { cloudWatchLogsDestination } from '../../../src/delivery/destinations/cloudwatch-logs-client.js';
import type { DeliveryDestination } from '../../../src/delivery/destinations/destination.js';
import { MemoryCloudWatchLogs } from '../../../src/delivery/destinations/memory-cloudwatch-logs.js';
import { makeRecord } from '../../engine/helpers.js';
import { TrailEngine } from '../../../src/engine/trail-engine.js';
import { DeliveryService } from '../../../src/delivery/delivery-service.js';
import { createLocalTrail } from '../../../src/localtrail.js';
import { LONG_TERM } from '../../support/fixtures.js';
import { stubHandler } from '../../support/stub-http.js';
import type { LocalAwsServer } from '../../support/aws-servers.js';
import { awsJsonServer, jsonFault } from '../../support/aws-servers.js';

const ACCT = '111122223333';
const GROUP_ARN = `arn:aws:logs:us-east-1:${ACCT}:log-group:CloudTrail/audit:*`;
const ROLE_ARN = `arn:aws:iam::${ACCT}:role/CloudTrail_CloudWatchLogs_Role`;

let server: LocalAwsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(destination: DeliveryDestination, extra: { maxQueueSize?: number } = {}) {
  const clock = new ManualClock('2026-06-01T08:00:00Z');
  const errors: string[] = [];
  const trail = createLocalTrail({ accountId: ACCT, clock, controlPlaneEvents: false, onError: (e) => errors.push(String(e)), delivery: { destinations: [destination], ...extra } });
  await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: GROUP_ARN, CloudWatchLogsRoleArn: ROLE_ARN });
  await trail.startLogging({ Name: 'audit' });
  const clients = new Map<string, DynamoDBClient>();
  const create = async (name: string, region = 'us-east-1') => {
    let ddb = clients.get(region);
    if (!ddb) {
      ddb = new DynamoDBClient({ region, credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '{}' })) });
      ddb.middlewareStack.use(trail.plugin());
      clients.set(region, ddb);
    }
    await ddb.send(new CreateTableCommand({ TableName: name, KeySchema: [], AttributeDefinitions: [], BillingMode: 'PAY_PER_REQUEST' }));
  };
  return { clock, trail, create, errors };
}

function logsClient(endpoint: string) {
  return new CloudWatchLogsClient({ region: 'us-east-1', endpoint, credentials: LONG_TERM, maxAttempts: 1 });
}

describe('CloudWatch Logs through a real CloudWatchLogsClient', () => {
  it('creates each stream once, then sends one event a message to <acct>_CloudTrail_<region>; never records its own calls', async () => {
    server = await awsJsonServer();
    const client = logsClient(server.endpoint);
    const { trail, create } = await setup(cloudWatchLogsDestination({ client }));
    client.middlewareStack.use(trail.plugin()); // its own calls must still not be recorded
    await create('a');
    await create('b', 'eu-west-1');
    await create('c');
    await trail.flush();
    const ops = server.requests.map((r) => `${r.operation} ${String(r.body['logStreamName'])}`);
    expect(ops.filter((o) => o.startsWith('CreateLogStream')).sort()).toEqual([`CreateLogStream ${ACCT}_CloudTrail_eu-west-1`, `CreateLogStream ${ACCT}_CloudTrail_us-east-1`]);
    const puts = server.requests.filter((r) => r.operation === 'PutLogEvents');
    expect(puts.every((p) => p.body['logGroupName'] === 'CloudTrail/audit')).toBe(true);
    const messages = puts.flatMap((p) => (p.body['logEvents'] as Array<{ timestamp: number; message: string }>).map((e) => [p.body['logStreamName'], e.timestamp, JSON.parse(e.message)]));
    const events = trail.events();
    expect(messages).toEqual(expect.arrayContaining(events.map((e) => [`${ACCT}_CloudTrail_${e.awsRegion}`, Date.parse(e.eventTime), e])));
    expect(messages).toHaveLength(3);
    expect(events.map((e) => e.eventName)).toEqual(['CreateTable', 'CreateTable', 'CreateTable']);
    expect(trail.stats().suppressed).toBeGreaterThan(0);
    const status = await trail.getTrailStatus({ Name: 'audit' });
    expect(status.LatestCloudWatchLogsDeliveryTime).toEqual(new Date('2026-06-01T08:00:00Z'));
    expect(status.LatestCloudWatchLogsDeliveryError).toBeUndefined();
  });

  it('retries with backoff while the service fails, loses nothing, and reports the error until it recovers', async () => {
    let failing = 3;
    server = await awsJsonServer((r) => (r.operation === 'PutLogEvents' && failing-- > 0 ? jsonFault('ServiceUnavailableException', 'try later', 503) : { body: {} }));
    const { trail, create, clock } = await setup(cloudWatchLogsDestination({ client: logsClient(server.endpoint), retryInitialDelayMillis: 1_000 }));
    for (let i = 0; i < 5; i++) await create(`t${i}`);
    await trail.flush(); // first attempt fails
    expect((await trail.getTrailStatus({ Name: 'audit' })).LatestCloudWatchLogsDeliveryError).toMatch(/^ServiceUnavailableException: /);
    for (const wait of [1_000, 2_000, 4_000]) {
      await clock.advance(wait);
      await new Promise((r) => setTimeout(r, 30));
    }
    await trail.flush();
    const sent = server.requests.filter((r) => r.operation === 'PutLogEvents').flatMap((r) => r.body['logEvents'] as unknown[]);
    expect(sent).toHaveLength(5 + 5 * 3); // each failed attempt carried all five
    expect(trail.stats().destinations['cloudwatch-logs']).toEqual({ queued: 0, delivered: 5, dropped: 0, skipped: 0, failedAttempts: 3 });
    const status = await trail.getTrailStatus({ Name: 'audit' });
    expect(status.LatestCloudWatchLogsDeliveryError).toBeUndefined();
    expect(status.LatestCloudWatchLogsDeliveryTime).toBeInstanceOf(Date);
  });

  it('a deleted stream is created again; shutdown() delivers what is queued, and reports what it cannot', async () => {
    let missing = true;
    server = await awsJsonServer((r) => {
      if (r.operation === 'PutLogEvents' && missing) {
        missing = false;
        return jsonFault('ResourceNotFoundException', 'The specified log stream does not exist.');
      }
      return { body: {} };
    });
    const { trail, create } = await setup(cloudWatchLogsDestination({ client: logsClient(server.endpoint) }));
    await create('a');
    const result = await trail.shutdown();
    expect(result).toMatchObject({ complete: true, destinations: [{ name: 'cloudwatch-logs', undelivered: 0 }] });
    expect(server.requests.map((r) => r.operation)).toEqual(['CreateLogStream', 'PutLogEvents', 'CreateLogStream', 'PutLogEvents']);

    const down = await awsJsonServer(() => jsonFault('ServiceUnavailableException', 'down', 503));
    try {
      const second = await setup(cloudWatchLogsDestination({ client: logsClient(down.endpoint) }));
      await second.create('x');
      expect(await second.trail.shutdown()).toMatchObject({
        complete: false,
        destinations: [{ name: 'cloudwatch-logs', undelivered: 1, error: expect.stringMatching(/^ServiceUnavailableException: /) }],
      });
      expect(second.errors.some((e) => e.includes('shutdown could not deliver 1 item(s) to cloudwatch-logs'))).toBe(true);
    } finally {
      await down.close();
    }
  });
});

describe('CloudWatch Logs in memory and by callback', () => {
  it('cuts batches within PutLogEvents\' limits: 10,000 events, 1,048,576 bytes with 26 per event, 24 hours, in time order', async () => {
    const logs = new MemoryCloudWatchLogs();
    const clock = new ManualClock('2026-06-01T00:00:00Z');
    const delivery = new DeliveryService({ destinations: [logs] }, { clock, onError: () => {} });
    const engine = new TrailEngine({ clock, delivery, accountId: '111111111111' });
    engine.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111111111111:log-group:big:*', CloudWatchLogsRoleArn: 'arn:aws:iam::111111111111:role/r' });
    engine.startLogging({ Name: 'audit' });
    for (let i = 0; i < 12_000; i++) engine.accept(makeRecord({ eventTime: '2026-06-01T00:00:00Z' }));
    const bulky = 'x'.repeat(200_000);
    for (let i = 0; i < 8; i++) engine.accept(makeRecord({ eventTime: '2026-06-01T01:00:00Z', errorMessage: bulky }));
    engine.accept(makeRecord({ eventTime: '2026-06-01T00:30:00Z' })); // out of order: sorted into its batch
    engine.accept(makeRecord({ eventTime: '2026-06-02T02:00:00Z' })); // 25 h later than the first: another batch
    engine.accept(makeRecord({ eventTime: '2026-06-02T02:00:00Z', errorMessage: 'y'.repeat(300_000) })); // > 256 KB: skipped
    await delivery.flush();
    const sizes = logs.batches.map((b) => [b.logEvents.length, b.logEvents.reduce((n, e) => n + Buffer.byteLength(e.message) + 26, 0)]);
    for (const [count, bytes] of sizes) {
      expect(count).toBeLessThanOrEqual(10_000);
      expect(bytes).toBeLessThanOrEqual(1_048_576);
    }
    expect(logs.events('big')).toHaveLength(12_010);
    expect(logs.batches.at(-1)!.logEvents).toHaveLength(1); // the 25-hours-later event
    expect(logs.batches.at(-2)!.logEvents.map((e) => e.timestamp)).toEqual([...logs.batches.at(-2)!.logEvents.map((e) => e.timestamp)].sort((a, b) => a - b));
    expect(delivery.destinationStats()['memory-cloudwatch-logs']).toMatchObject({ delivered: 12_010, skipped: 1, queued: 0 });
    expect(logs.records('big', '111111111111_CloudTrail_us-east-1')[0]!.eventName).toBe('DescribeInstances');
  });

  it('only trails with a log group send; full queues drop and count; the callback form gets the same batches', async () => {
    const batches: string[] = [];
    const logs = new CloudWatchLogsDestination({ maxQueueSize: 3, putLogEvents: (b) => void batches.push(`${b.logGroupName} ${b.logStreamName} ${b.logEvents.length}`) });
    const { trail, create } = await setup(logs);
    await trail.createTrail({ Name: 'plain', S3BucketName: 'audit-logs', IsMultiRegionTrail: true });
    await trail.startLogging({ Name: 'plain' });
    for (let i = 0; i < 5; i++) await create(`t${i}`);
    await trail.flush();
    expect(batches).toEqual([`CloudTrail/audit ${ACCT}_CloudTrail_us-east-1 3`]);
    expect(trail.stats().destinations['cloudwatch-logs']).toMatchObject({ delivered: 3, dropped: 2 });
  });

  it('refuses bad options at construction', () => {
    expect(() => new CloudWatchLogsDestination({} as never)).toThrow(/needs putLogEvents/);
    expect(() => new CloudWatchLogsDestination({ putLogEvents: () => {}, maxQueueSize: 0 })).toThrow('localtrail: cloudwatch-logs.maxQueueSize must be a number > 0, got 0');
    expect(() => createLocalTrail({ delivery: { destinations: [new MemoryCloudWatchLogs(), new MemoryCloudWatchLogs()] } })).toThrow(/two delivery destinations are named "memory-cloudwatch-logs"/);
  });
});
