// A sink that throws, rejects, hangs or is down for a while: retries with backoff, nothing lost, drops counted.
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import type { DeliveryOptions } from '../../src/delivery/delivery-options.js';
import { MemorySink } from '../../src/delivery/sinks/memory-sink.js';
import type { DeliveryObject, DeliverySink } from '../../src/delivery/sink.js';
import { memorySource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { T0, makeRecord, makeTrail, route } from './fixtures.js';
import { deliverySettled } from '../support/delivery-settled.js';

type Mode = 'ok' | 'throw' | 'reject' | 'hang';

/** A memory sink whose behaviour the test switches. */
class FlakySink implements DeliverySink {
  readonly name = 'flaky';
  mode: Mode = 'ok';
  attempts = 0;
  readonly store = new MemorySink('store');
  put(object: DeliveryObject): Promise<void> {
    this.attempts++;
    if (this.mode === 'throw') throw new Error('disk on fire');
    if (this.mode === 'reject') return Promise.reject(new Error('503 Slow Down'));
    if (this.mode === 'hang') return new Promise(() => {});
    return this.store.put(object);
  }
}

function setup(options: DeliveryOptions = {}, mode: Mode = 'ok') {
  const clock = new ManualClock(T0);
  const sink = new FlakySink();
  sink.mode = mode;
  const errors: string[] = [];
  const delivery = new DeliveryService({ sinks: [sink], ...options }, { clock, onError: (e, where) => errors.push(`${where}: ${e instanceof Error ? e.message : String(e)}`) });
  const trail = makeTrail({ logFileValidationEnabled: false });
  return { clock, sink, delivery, trail, errors };
}

/** Moves the clock and waits until delivery has done what became due. */
async function tick(clock: ManualClock, delivery: DeliveryService, ms: number, step = ms): Promise<void> {
  for (let done = 0; done < ms; done += step) {
    await clock.advance(Math.min(step, ms - done));
    await deliverySettled(delivery);
  }
}

function recordsIn(sink: MemorySink): string[] {
  return [...sink.objects.values()]
    .filter((o) => o.kind === 'log')
    .flatMap((o) => (JSON.parse(gunzipSync(o.body).toString()) as { Records: Array<{ eventID: string }> }).Records.map((r) => r.eventID))
    .sort();
}

describe('delivery failures', () => {
  for (const mode of ['throw', 'reject', 'hang'] as const) {
    it(`retries with backoff when the sink ${mode}s, and loses nothing once it recovers`, async () => {
      // The export timeout is real time: 50 ms keeps the hanging case quick.
      const { clock, sink, delivery, trail, errors } = setup({ exportTimeoutMillis: 50, retryInitialDelayMillis: 1_000, retryMaxDelayMillis: 8_000 }, mode);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = makeRecord(clock.now());
        ids.push(r.eventID);
        delivery.enqueue(route(trail), r);
      }
      await tick(clock, delivery, 5 * 60_000); // the scheduled export: first attempt fails (a hang after 50 ms)
      expect(delivery.status(trail.arn).latestDeliveryError).toMatch(mode === 'hang' ? /^DeliveryTimeoutError: sink "flaky" did not store s3:\/\/trail-bucket\/.* within 50 ms$/ : /^Error: (disk on fire|503 Slow Down)$/);
      expect(delivery.stats).toMatchObject({ queued: 5, deliveredFiles: 0, pendingObjects: 1 });
      // Down for a while: the attempts back off 1 s, 2 s, 4 s, 8 s, 8 s …
      const before = sink.attempts;
      await tick(clock, delivery, 1_000 + 2_000 + 4_000, 500);
      expect(sink.attempts - before).toBe(3);
      sink.mode = 'ok';
      await tick(clock, delivery, 60_000, 500);
      expect(recordsIn(sink.store)).toEqual(ids.sort());
      expect(delivery.stats).toMatchObject({ queued: 0, deliveredFiles: 1, deliveredRecords: 5, pendingObjects: 0, droppedRecords: 0 });
      expect(delivery.status(trail.arn).latestDeliveryError).toBeUndefined();
      // Delivered by the first retry after recovery (8 s backoff), not at the next 5-minute tick.
      expect(delivery.status(trail.arn).latestDeliveryTime).toBeLessThanOrEqual(clock.now() - 60_000 + 8_000);
      expect(errors.length).toBeGreaterThanOrEqual(4);
      expect(errors[0]).toMatch(/^delivery\.put: delivery of s3:\/\/trail-bucket\/AWSLogs\/111122223333\/CloudTrail\/us-east-1\/.* failed: /);
    });
  }

  it('keeps a bounded queue while the sink is down: drops are counted and reported once', async () => {
    const { clock, sink, delivery, trail, errors } = setup({ maxQueueSize: 10, maxExportBatchSize: 4 }, 'reject');
    for (let i = 0; i < 30; i++) delivery.enqueue(route(trail), makeRecord(clock.now()));
    await tick(clock, delivery, 1);
    expect(delivery.stats.droppedRecords).toBe(20);
    expect(errors.filter((e) => e.startsWith('delivery.enqueue'))).toEqual([
      'delivery.enqueue: delivery queue full for arn:aws:cloudtrail:us-east-1:111122223333:trail/main-trail in us-east-1: dropping records (see stats().droppedRecords)',
    ]);
    sink.mode = 'ok';
    await delivery.flush();
    expect(recordsIn(sink.store)).toHaveLength(10);
    expect(delivery.stats).toMatchObject({ queued: 0, deliveredRecords: 10, droppedRecords: 20 });
  });

  it('shutdown() says what it could not deliver when the sink stays down', async () => {
    const { clock, delivery, trail, sink } = setup({ shutdownAttempts: 3 }, 'reject');
    for (let i = 0; i < 7; i++) delivery.enqueue(route(trail), makeRecord(clock.now()));
    const first = delivery.shutdown();
    expect(delivery.shutdown()).toBe(first); // run-once
    const result = await first;
    expect(result.complete).toBe(false);
    expect(result.undelivered).toEqual([
      {
        kind: 'log',
        bucket: 'trail-bucket',
        key: expect.stringMatching(/^AWSLogs\/111122223333\/CloudTrail\/us-east-1\/2026\/03\/01\/111122223333_CloudTrail_us-east-1_20260301T1000Z_[A-Za-z0-9]{16}\.json\.gz$/),
        trailArn: trail.arn,
        recordCount: 7,
        error: 'Error: 503 Slow Down',
      },
    ]);
    expect(sink.attempts).toBe(3);
    // After shutdown nothing is accepted any more, and that is counted too.
    delivery.enqueue(route(trail), makeRecord(clock.now()));
    expect(delivery.stats.droppedRecords).toBe(1);
  });

  it('shutdown() with a hanging sink ends in a report after the export timeout, not a hang', async () => {
    const { clock, delivery, trail } = setup({ shutdownAttempts: 2, exportTimeoutMillis: 50 }, 'hang');
    delivery.enqueue(route(trail), makeRecord(clock.now()));
    const result = await delivery.shutdown();
    expect(result.undelivered).toEqual([expect.objectContaining({ kind: 'log', recordCount: 1, error: expect.stringMatching(/^DeliveryTimeoutError: .* within 50 ms$/) })]);
  });

  it('a digest waits behind undelivered log files and the chain stays valid after recovery', async () => {
    const { clock, sink, delivery } = setup({}, 'ok');
    const trail = makeTrail();
    await delivery.keys.keyFor('us-east-1', clock.now());
    delivery.loggingStarted(trail, clock.now());
    delivery.enqueue(route(trail), makeRecord(clock.now()));
    await tick(clock, delivery, 5 * 60_000);
    sink.mode = 'reject';
    delivery.enqueue(route(trail), makeRecord(clock.now()));
    await tick(clock, delivery, 60 * 60_000); // the hourly digest is cut but cannot be stored
    await delivery.flush();
    expect(sink.store.keys('trail-bucket', 'Digest')).toEqual([]);
    sink.mode = 'ok';
    await tick(clock, delivery, 2 * 60_000);
    await delivery.shutdown();
    const report = await validateLogs({ source: memorySource(sink.store), publicKeys: delivery.listPublicKeys('us-east-1', 0, Date.now() * 2).map((k) => ({ value: k.value })), expectedChainEnds: delivery.chainEndsDelivered() });
    expect(report.summary).toEqual({ digestsValid: 2, digestsTotal: 2, logFilesValid: 2, logFilesTotal: 2, chainsValid: 1, chainsTotal: 1 });
    expect(report.ok).toBe(true);
  });
});
