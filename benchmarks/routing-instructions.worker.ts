// One variant of routing (plain, or with Insights), for callgrind to count: `WARMUP` events, a full collection,
// `EVENTS` measured events with a minute closing every `PER_MINUTE` (so Insights' timer work is counted too), a full
// collection. routing.bench.ts runs it with EVENTS=0 and EVENTS=N and divides the difference by N.
import { ManualClock } from '../src/clock/manual-clock.js';
import { benchEngine, countingDelivery, makeRecords } from './routing.bench.js';

const insights = process.env['VARIANT'] === 'insights';
const warmup = Number(process.env['WARMUP'] ?? 100_000);
const events = Number(process.env['EVENTS'] ?? 0);
const perMinute = Number(process.env['PER_MINUTE'] ?? 50_000);
/** `CLOSE=0`: minutes never end (the recording path alone). */
const close = process.env['CLOSE'] !== '0';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const records = makeRecords(8192);
const mask = records.length - 1;
const clock = new ManualClock('2026-06-01T00:00:00Z');
const delivery = countingDelivery();
const engine = benchEngine(delivery, { insights, clock });
let cursor = 0;
const run = async (n: number): Promise<void> => {
  for (let done = 0; done < n; ) {
    const chunk = Math.min(perMinute, n - done);
    for (let i = 0; i < chunk; i++) engine.accept(records[cursor++ & mask]!);
    done += chunk;
    if (close) await clock.advance(60_000);
  }
};
await run(warmup);
gc();
await run(events);
gc();
process.stdout.write(JSON.stringify({ insights, routed: delivery.count }) + '\n');
