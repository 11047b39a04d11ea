// One variant of routing (plain, or with Insights), for callgrind to count: `WARMUP` events, a full collection,
// `EVENTS` measured events with a minute closing every `PER_MINUTE` (so Insights' timer work is counted too), a full
// collection. routing.bench.ts runs it with two window sizes and divides the difference of the counts by theirs.
import { benchEngine, countingDelivery, makeRecords, TickClock } from './routing.bench.js';

const insights = process.env['VARIANT'] === 'insights';
// Forty minutes first. Under --trace-opt the last function to be optimized is compiled in minute 29 (code that runs
// once a minute, like the minute-end tally, gets hot only after many minutes); nothing is compiled after that.
const warmup = Number(process.env['WARMUP'] ?? 200_000);
const events = Number(process.env['EVENTS'] ?? 0);
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

/**
 * One minute's events, in a function called once a minute: one long loop would be compiled on the stack (OSR) in
 * the warm-up, and again in the measured call, so the count would include TurboFan compiling it.
 */
function minuteOfEvents(n: number): void {
  for (let i = 0; i < n; i++) engine.accept(records[cursor++ & mask]!);
}

function run(n: number): void {
  for (let done = 0; done < n; done += perMinute) {
    minuteOfEvents(Math.min(perMinute, n - done));
    if (close) clock.tick(60_000);
  }
}

run(warmup);
gc();
run(events);
gc();
process.stdout.write(JSON.stringify({ insights, routed: delivery.count }) + '\n');
