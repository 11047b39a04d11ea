// The batcher on its own (OpenTelemetry BatchSpanProcessorBase semantics), and one export at a time per channel.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { RecordBatcher } from '../../src/delivery/batcher.js';
import { newDeliveryStats } from '../../src/delivery/delivery-stats.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import type { DeliveryObject } from '../../src/delivery/sink.js';
import { MemorySink } from '../../src/delivery/sinks/memory-sink.js';
import { deliverySettled } from '../support/delivery-settled.js';
import { T0, makeRecord, makeTrail, route } from './fixtures.js';

function setup(options = { maxQueueSize: 10, maxExportBatchSize: 4, scheduledDelayMillis: 1_000 }) {
  const clock = new ManualClock(T0);
  const stats = newDeliveryStats();
  const events: string[] = [];
  const batcher = new RecordBatcher(options, clock, stats, { exportDue: () => events.push('due'), full: () => events.push('full') });
  return { clock, stats, events, batcher };
}

describe('RecordBatcher', () => {
  it('makes an export due once the delay has passed since the first waiting record', async () => {
    const { clock, events, batcher } = setup();
    batcher.add(makeRecord(T0));
    await clock.advance(999);
    batcher.add(makeRecord(T0));
    expect(events).toEqual([]);
    await clock.advance(1);
    expect(events).toEqual(['due']);
    expect(batcher.take()).toHaveLength(2);
  });

  it('makes an export due at once when a whole batch waits, once until the batch is taken', () => {
    const { events, batcher } = setup();
    for (let i = 0; i < 6; i++) batcher.add(makeRecord(T0));
    expect(events).toEqual(['due']);
    expect(batcher.take()).toHaveLength(4);
    expect(batcher.waiting).toBe(2);
    for (let i = 0; i < 2; i++) batcher.add(makeRecord(T0));
    expect(events).toEqual(['due', 'due']);
  });

  it('drops, counts and reports once when full; taken records hold their room until released', () => {
    const { stats, events, batcher } = setup();
    for (let i = 0; i < 8; i++) batcher.add(makeRecord(T0));
    batcher.take();
    batcher.take();
    expect(batcher.waiting).toBe(0);
    for (let i = 0; i < 2; i++) expect(batcher.add(makeRecord(T0))).toBe(true);
    for (let i = 0; i < 3; i++) expect(batcher.add(makeRecord(T0))).toBe(false);
    expect(stats).toMatchObject({ queued: 10, droppedRecords: 3 });
    expect(events.filter((e) => e === 'full')).toEqual(['full']);
    batcher.release(4);
    expect(batcher.add(makeRecord(T0))).toBe(true);
  });

  it('starts no timer once closed', async () => {
    const { clock, events, batcher } = setup();
    batcher.close();
    batcher.add(makeRecord(T0));
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(10_000);
    expect(events).toEqual([]);
  });
});

describe('a channel', () => {
  it('runs one export at a time: timer, full batches, digests and flush never overlap at the sinks', async () => {
    const clock = new ManualClock(T0);
    let running = 0;
    let most = 0;
    const store = new MemorySink();
    const slow = {
      name: 'slow',
      async put(object: DeliveryObject): Promise<void> {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        await store.put(object);
        running--;
      },
    };
    const delivery = new DeliveryService({ sinks: [slow], maxExportBatchSize: 3, digestIntervalMillis: 60_000 }, { clock, onError: () => {} });
    const trail = makeTrail();
    delivery.loggingStarted(trail, T0);
    for (let i = 0; i < 10; i++) delivery.enqueue(route(trail), makeRecord(clock.now()));
    const flushed = delivery.flush();
    await clock.advance(60_000);
    await flushed;
    await deliverySettled(delivery);
    expect(most).toBe(1);
    expect(store.keys('trail-bucket', 'CloudTrail/')).toHaveLength(4);
    expect(store.keys('trail-bucket', 'CloudTrail-Digest/')).toHaveLength(1);
    expect(delivery.stats).toMatchObject({ queued: 0, deliveredRecords: 10, pendingObjects: 0, pendingTasks: 0 });
  });
});
