// SNS notifications on log file delivery: a real SNSClient against a local query-protocol server.
import { SNSClient } from '@aws-sdk/client-sns';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock/manual-clock.js';
import { snsDestination } from '../../../src/delivery/destinations/sns-client.js';
import { notificationMessage, SnsDestination } from '../../../src/delivery/destinations/sns-notifications.js';
import { MemorySink } from '../../../src/delivery/sinks/memory-sink.js';
import { createLocalTrail } from '../../../src/localtrail.js';
import type { LocalAwsServer } from '../../support/aws-servers.js';
import { queryServer } from '../../support/aws-servers.js';
import { LONG_TERM } from '../../support/fixtures.js';
import { stubHandler } from '../../support/stub-http.js';

const ACCT = '111122223333';
const TOPIC = `arn:aws:sns:us-east-1:${ACCT}:cloudtrail-notes`;
let server: LocalAwsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** `client`: the SNSClient behind the destination, given this trail's plugin (its calls must not be recorded). */
async function setup(destination: SnsDestination, client?: SNSClient) {
  const clock = new ManualClock('2026-06-01T08:00:00Z');
  const sink = new MemorySink();
  const trail = createLocalTrail({ accountId: ACCT, clock, controlPlaneEvents: false, delivery: { sinks: [sink], destinations: [destination] } });
  client?.middlewareStack.use(trail.plugin());
  await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true, SnsTopicName: 'cloudtrail-notes' });
  await trail.startLogging({ Name: 'audit' });
  const call = async (region: string) => {
    const s3 = new S3Client({ region, credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '<ListAllMyBucketsResult/>' })) });
    s3.middlewareStack.use(trail.plugin());
    await s3.send(new ListBucketsCommand({}));
  };
  return { clock, sink, trail, call };
}

describe('SNS notifications through a real SNSClient', () => {
  it('publishes CloudTrail\'s message for every delivered log file (not digests) to the trail\'s topic, unrecorded', async () => {
    server = await queryServer(() => ({ xml: '<MessageId>m-1</MessageId>' }));
    const client = new SNSClient({ region: 'us-east-1', endpoint: server.endpoint, credentials: LONG_TERM, maxAttempts: 1 });
    const { trail, sink, call } = await setup(snsDestination({ client }), client);
    await call('us-east-1');
    await call('eu-west-1');
    await trail.flush();
    await trail.shutdown();
    const published = server.requests.map((r) => r.body);
    expect(published.every((p) => p['Action'] === 'Publish' && p['TopicArn'] === TOPIC)).toBe(true);
    const keys = published.flatMap((p) => {
      const message = JSON.parse(p['Message'] as string) as { s3Bucket: string; s3ObjectKey: string[] };
      expect(Object.keys(message)).toEqual(['s3Bucket', 's3ObjectKey']);
      expect(message.s3Bucket).toBe('audit-logs');
      return message.s3ObjectKey;
    });
    expect(keys.sort()).toEqual(sink.keys('audit-logs', '/CloudTrail/'));
    expect(sink.keys('audit-logs', '/CloudTrail-Digest/').length).toBeGreaterThan(0);
    expect(trail.events().map((e) => e.eventName)).toEqual(['ListBuckets', 'ListBuckets']);
    expect((await trail.getTrailStatus({ Name: 'audit' })).LatestNotificationTime).toEqual(new Date('2026-06-01T08:00:00Z'));
  });

  it('a failing topic is retried with backoff; GetTrailStatus shows the error until a publish succeeds', async () => {
    let failures = 1;
    server = await queryServer(() => (failures-- > 0 ? { code: 'InternalError', status: 500 } : { xml: '<MessageId>m-2</MessageId>' }));
    const client = new SNSClient({ region: 'us-east-1', endpoint: server.endpoint, credentials: LONG_TERM, maxAttempts: 1 });
    const { trail, clock, call } = await setup(snsDestination({ client, retryInitialDelayMillis: 1_000 }));
    await call('us-east-1');
    await trail.flush();
    expect((await trail.getTrailStatus({ Name: 'audit' })).LatestNotificationError).toMatch(/^InternalErrorException: /); // the SDK's class for SNS's InternalError
    await clock.advance(1_000);
    await trail.flush();
    const status = await trail.getTrailStatus({ Name: 'audit' });
    expect(status.LatestNotificationError).toBeUndefined();
    expect(trail.stats().destinations['sns']).toEqual({ queued: 0, delivered: 1, dropped: 0, skipped: 0, failedAttempts: 1 });
  });
});

describe('SNS notifications by callback', () => {
  it('files delivered together share one message; trails without a topic send none', async () => {
    const messages: Array<{ topicArn: string; message: string }> = [];
    const { trail, call, sink } = await setup(new SnsDestination({ publish: (n) => void messages.push(n) }));
    await trail.createTrail({ Name: 'quiet', S3BucketName: 'other-logs', IsMultiRegionTrail: true });
    await trail.startLogging({ Name: 'quiet' });
    for (const region of ['us-east-1', 'eu-west-1', 'ap-south-1']) await call(region);
    await trail.flush();
    const keys = sink.keys('audit-logs', '/CloudTrail/');
    expect(keys).toHaveLength(3);
    expect(messages.map((m) => m.topicArn)).toEqual(messages.map(() => TOPIC));
    expect(messages.flatMap((m) => (JSON.parse(m.message) as { s3ObjectKey: string[] }).s3ObjectKey).sort()).toEqual(keys);
    expect(messages.length).toBeLessThan(3);
    expect(notificationMessage('b', ['k1', 'k2'])).toBe('{"s3Bucket":"b","s3ObjectKey":["k1","k2"]}');
  });
});
