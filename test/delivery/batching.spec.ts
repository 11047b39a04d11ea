// Batching (OpenTelemetry semantics), log file encoding and naming, and the sink hooks.
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import type { DeliveryOptions } from '../../src/delivery/delivery-options.js';
import { encodeLogFiles } from '../../src/delivery/log-file-encoder.js';
import { digestFileKey, logFileKey, parseDigestKey, parseLogFileKey } from '../../src/vocabulary/object-keys.js';
import { MemorySink } from '../../src/delivery/sinks/memory-sink.js';
import { callbackSink } from '../../src/delivery/sinks/callback-sink.js';
import type { DeliveryNotification, StreamedEvents } from '../../src/delivery/sink.js';
import { ACCOUNT, T0, makeRecord, makeTrail, route } from './fixtures.js';
import { deliverySettled } from '../support/delivery-settled.js';

function setup(options: DeliveryOptions = {}) {
  const clock = new ManualClock(T0);
  const sink = new MemorySink();
  const errors: unknown[] = [];
  const delivery = new DeliveryService({ sinks: [sink], ...options }, { clock, onError: (e) => errors.push(e) });
  return { clock, sink, delivery, errors, trail: makeTrail({ logFileValidationEnabled: false }) };
}

function records(sink: MemorySink, key: string): Array<{ eventID: string }> {
  return (JSON.parse(gunzipSync(sink.get('trail-bucket', key)!.body).toString()) as { Records: Array<{ eventID: string }> }).Records;
}

describe('batching', () => {
  it('delivers after scheduledDelayMillis (5 minutes by default), not before', async () => {
    const { clock, sink, delivery, trail } = setup();
    delivery.enqueue(route(trail), makeRecord(clock.now()));
    await clock.advance(5 * 60_000 - 1);
    await deliverySettled(delivery);
    expect(sink.keys('trail-bucket')).toEqual([]);
    await clock.advance(1);
    await deliverySettled(delivery);
    expect(sink.keys('trail-bucket')).toHaveLength(1);
  });

  it('cuts a file as soon as maxExportBatchSize records wait, without the timer', async () => {
    const { clock, sink, delivery, trail } = setup({ maxExportBatchSize: 50 });
    for (let i = 0; i < 120; i++) delivery.enqueue(route(trail), makeRecord(clock.now()));
    await deliverySettled(delivery);
    const keys = sink.keys('trail-bucket');
    expect(keys.map((k) => records(sink, k).length).sort()).toEqual([20, 50, 50]);
  });

  it('flush() delivers what is queued now; shutdown() is run-once and stops the timers', async () => {
    const { clock, sink, delivery, trail } = setup();
    delivery.enqueue(route(trail), makeRecord(clock.now()));
    await delivery.flush();
    expect(sink.keys('trail-bucket')).toHaveLength(1);
    delivery.enqueue(route(trail), makeRecord(clock.now()));
    await Promise.all([delivery.shutdown(), delivery.shutdown()]);
    expect(sink.keys('trail-bucket')).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
  });

  it('never writes a file larger than maxFileBytes compressed, and every record lands exactly once', async () => {
    const limit = 4_000;
    for (const gzip of ['zlib', 'fflate'] as const) {
      const { clock, sink, delivery, trail } = setup({ maxFileBytes: limit, gzip });
      const ids: string[] = [];
      for (let i = 0; i < 200; i++) {
        const r = makeRecord(clock.now() + i * 1000);
        ids.push(r.eventID);
        delivery.enqueue(route(trail), r);
      }
      await delivery.flush();
      const keys = sink.keys('trail-bucket');
      expect(keys.length).toBeGreaterThan(5);
      for (const k of keys) expect(sink.get('trail-bucket', k)!.body.length).toBeLessThanOrEqual(limit);
      expect(keys.flatMap((k) => records(sink, k).map((r) => r.eventID)).sort()).toEqual(ids.sort());
    }
  });
});

describe('log files', () => {
  it('are compact {"Records":[...]} JSON whose SHA-256 the digest lists, with zlib and fflate alike', async () => {
    const recs = [makeRecord(T0 + 2000), makeRecord(T0), makeRecord(T0 + 1000)];
    for (const engine of ['zlib', 'fflate'] as const) {
      const [file] = await encodeLogFiles(recs, { engine, maxFileBytes: 50e6 });
      const json = gunzipSync(file!.body);
      expect(json.toString()).toBe(JSON.stringify({ Records: recs }));
      expect(file!.sha256).toBe(createHash('sha256').update(json).digest('hex'));
      expect(file).toMatchObject({ recordCount: 3, oldestEventTime: '2026-03-01T10:00:00Z', newestEventTime: '2026-03-01T10:00:02Z', uncompressedBytes: json.length });
    }
    expect(await encodeLogFiles([], { engine: 'zlib', maxFileBytes: 1000 })).toEqual([]);
  });

  it('are named as CloudTrail names them (prefix, organization, delivery time, 16 alphanumerics)', () => {
    const at = Date.parse('2015-08-01T02:10:31Z');
    expect(logFileKey({ accountId: ACCOUNT, region: 'us-east-2' }, at, 'Mu0KsOhtH1ar15ZZ')).toBe(
      'AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz',
    );
    const key = logFileKey({ accountId: ACCOUNT, region: 'eu-west-1', s3KeyPrefix: 'audit/', organizationId: 'o-exampleorgid' }, at);
    expect(key).toMatch(/^audit\/AWSLogs\/o-exampleorgid\/111122223333\/CloudTrail\/eu-west-1\/2015\/08\/01\/111122223333_CloudTrail_eu-west-1_20150801T0210Z_[A-Za-z0-9]{16}\.json\.gz$/);
    expect(parseLogFileKey(key)).toMatchObject({ s3KeyPrefix: 'audit', organizationId: 'o-exampleorgid', accountId: ACCOUNT, region: 'eu-west-1', minuteStamp: '20150801T0210Z' });
    const digest = digestFileKey({ accountId: ACCOUNT, region: 'us-east-2' }, 'my_trail-1', 'us-east-1', Date.parse('2015-08-17T15:01:31Z'));
    expect(digest).toBe('AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_my_trail-1_us-east-1_20150817T150131Z.json.gz');
    // aws-cli reads the timestamp as characters [-24:-8] of the key.
    expect(digest.slice(-24, -8)).toBe('20150817T150131Z');
    expect(parseDigestKey(digest)).toMatchObject({ trailName: 'my_trail-1', homeRegion: 'us-east-1', region: 'us-east-2', endTime: Date.parse('2015-08-17T15:01:31Z') });
  });

  it('go into one folder per (region, account) of a multi-region organization trail', async () => {
    const { sink, delivery } = setup();
    const trail = makeTrail({ isMultiRegionTrail: true, isOrganizationTrail: true, organizationId: 'o-aa11bb22cc', s3KeyPrefix: 'org', logFileValidationEnabled: false });
    delivery.enqueue(route(trail, 'us-east-1'), makeRecord(T0, 'us-east-1'));
    delivery.enqueue(route(trail, 'ap-south-1', '444455556666'), makeRecord(T0, 'ap-south-1', { recipientAccountId: '444455556666' }));
    await delivery.flush();
    expect(sink.keys('trail-bucket').map((k) => k.split('/').slice(0, 6).join('/'))).toEqual([
      'org/AWSLogs/o-aa11bb22cc/111122223333/CloudTrail/us-east-1',
      'org/AWSLogs/o-aa11bb22cc/444455556666/CloudTrail/ap-south-1',
    ]);
  });
});

describe('sink hooks', () => {
  it('notify once per delivered object (SNS analogue) and stream events at once (CloudWatch Logs / EventBridge analogue)', async () => {
    const notes: DeliveryNotification[] = [];
    const streamed: StreamedEvents[] = [];
    const clock = new ManualClock(T0);
    const trail = makeTrail({ snsTopicArn: 'arn:aws:sns:us-east-1:111122223333:ct', logFileValidationEnabled: false });
    const delivery = new DeliveryService(
      { sinks: [callbackSink({ onDelivered: (n) => void notes.push(n), onEvents: (e) => void streamed.push(e) })] },
      { clock, onError: () => {} },
    );
    for (let i = 0; i < 3; i++) delivery.enqueue(route(trail), makeRecord(T0));
    // The stream sees the events on the next turn, long before their log file is cut (5 minutes later).
    await new Promise((resolve) => setImmediate(resolve));
    expect(streamed).toHaveLength(1);
    expect(notes).toEqual([]);
    await delivery.flush();
    expect(streamed).toHaveLength(1);
    expect(streamed[0]!.records).toHaveLength(3);
    expect(notes).toEqual([
      {
        kind: 'log',
        trailArn: trail.arn,
        snsTopicArn: 'arn:aws:sns:us-east-1:111122223333:ct',
        s3Bucket: 'trail-bucket',
        s3ObjectKey: [expect.stringMatching(/^AWSLogs\/111122223333\/CloudTrail\/us-east-1\//)],
        region: 'us-east-1',
        accountId: ACCOUNT,
        deliveredAt: T0,
        recordCount: 3,
      },
    ]);
    expect(delivery.status(trail.arn).latestNotificationTime).toBe(T0);
  });

  it('a throwing hook is reported, never breaks delivery', async () => {
    const errors: string[] = [];
    const clock = new ManualClock(T0);
    const store = new MemorySink();
    const bad = callbackSink({ name: 'bad', onEvents: () => { throw new Error('stream down'); }, onDelivered: async () => { throw new Error('sns down'); } });
    const delivery = new DeliveryService({ sinks: [store, bad] }, { clock, onError: (e, w) => errors.push(`${w}: ${(e as Error).message}`) });
    const trail = makeTrail({ logFileValidationEnabled: false, snsTopicArn: 'arn:aws:sns:us-east-1:111122223333:ct' });
    delivery.enqueue(route(trail), makeRecord(T0));
    await delivery.flush();
    await deliverySettled(delivery);
    expect(store.keys('trail-bucket')).toHaveLength(1);
    expect(errors.sort()).toEqual(['delivery.notify(bad): sns down', 'delivery.stream(bad): stream down']);
    expect(delivery.status(trail.arn).latestNotificationError).toBe('Error: sns down');
  });

  it('rejects bad options with clear messages', () => {
    const ctx = { clock: new ManualClock(T0), onError: () => {} };
    expect(() => new DeliveryService({ maxQueueSize: 0 }, ctx)).toThrowErrorMatchingInlineSnapshot(`[LocalTrailConfigError: localtrail: delivery.maxQueueSize must be a number > 0, got 0]`);
    expect(() => new DeliveryService({ maxQueueSize: 10, maxExportBatchSize: 20 }, ctx)).toThrowErrorMatchingInlineSnapshot(`[LocalTrailConfigError: localtrail: delivery.maxExportBatchSize must not be greater than delivery.maxQueueSize]`);
    expect(() => new DeliveryService({ sinks: [{} as never] }, ctx)).toThrowErrorMatchingInlineSnapshot(`[LocalTrailConfigError: localtrail: every delivery sink needs a put(object) method]`);
  });
});
