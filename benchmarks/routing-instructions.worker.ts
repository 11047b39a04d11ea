// One variant of routing (plain, or with Insights), for callgrind to count: `WARMUP` events, a full collection,
// `EVENTS` measured events with a minute closing every `PER_MINUTE` (so Insights' timer work is counted too), a full
// collection. routing.bench.ts runs it with EVENTS=0 and EVENTS=N and divides the difference by N.
import { benchEngine, countingDelivery, makeRecords, TickClock } from './routing.bench.js';

const insights = process.env['VARIANT'] === 'insights';
const warmup = Number(process.env['WARMUP'] ?? 100_000);
const events = Number(process.env['EVENTS'] ?? 0);
// Small minutes, many of them: the warm-up closes twenty, so the detector's minute-end code is compiled before the
// measured window (one or two closes measure V8 compiling it, not running it).
const perMinute = Number(process.env['PER_MINUTE'] ?? 5_000);
/** `CLOSE=0`: minutes never end (the recording path alone). */
const close = process.env['CLOSE'] !== '0';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const records = makeRecords(8192);
const mask = records.length - 1;
const clock = new TickClock();
const delivery = countingDelivery();
// A bounded history (the default 10,000): a history growing through the run makes each variant's collections land
// differently, a noise larger than what Insights adds.
const engine = benchEngine(delivery, { insights, clock, maxHistoryEvents: 10_000 });
let cursor = 0;
const run = (n: number): void => {
  for (let done = 0; done < n; ) {
    const chunk = Math.min(perMinute, n - done);
    for (let i = 0; i < chunk; i++) engine.accept(records[cursor++ & mask]!);
    done += chunk;
    if (close) clock.tick(60_000);
  }
};
run(warmup);
gc();
run(events);
gc();
process.stdout.write(JSON.stringify({ insights, routed: delivery.count }) + '\n');
