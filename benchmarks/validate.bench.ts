// validate: validateLogs over a delivered trail (digests + log files) against a bare gunzip + SHA-256 of the same files.
import { createHash } from 'node:crypto';
import { gunzip, gunzipSync } from 'node:zlib';
import { ManualClock } from '../src/clock/manual-clock.js';
import { DeliveryService } from '../src/delivery/delivery-service.js';
import { MemorySink } from '../src/delivery/sinks/memory-sink.js';
import { memorySource } from '../src/validation/object-source.js';
import { validateLogs } from '../src/validation/validate-logs.js';
import { makeRecord, makeTrail, route } from '../test/delivery/fixtures.js';
import type { BenchResult } from './harness.js';
import { interleave, round } from './harness.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');

/** Three hours of a trail: a 2,000-record log file every 10 minutes (~18 files), hourly digests. */
async function deliveredTrail(): Promise<MemorySink> {
  const clock = new ManualClock(T0);
  const sink = new MemorySink();
  const delivery = new DeliveryService({ sinks: [sink] }, { clock, onError: (e) => { throw e; } });
  const trail = makeTrail();
  await delivery.keys.keyFor('us-east-1', T0);
  delivery.loggingStarted(trail, T0);
  for (let step = 0; step < 18; step++) {
    for (let i = 0; i < 2_000; i++) delivery.enqueue(route(trail), makeRecord(clock.now()));
    await clock.advance(10 * 60_000);
    await delivery.flush();
  }
  await delivery.shutdown();
  return sink;
}

export default async function validateBench(): Promise<BenchResult[]> {
  const sink = await deliveredTrail();
  const logs = [...sink.objects.entries()].filter(([k]) => k.includes('/CloudTrail/')).map(([, o]) => o.body);
  const compressed = logs.reduce((n, b) => n + b.length, 0);
  const uncompressed = logs.reduce((n, b) => n + gunzipSync(b).length, 0);
  const hashAll = async (concurrency: number): Promise<void> => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < logs.length) {
          const body = logs[next++]!;
          const bytes = await new Promise<Buffer>((resolve, reject) => gunzip(body, (e, r) => (e ? reject(e) : resolve(r))));
          createHash('sha256').update(bytes).digest('hex');
        }
      }),
    );
  };
  let ok = true;
  const result = await interleave(
    [
      { name: 'gunzip+sha256', run: async (n) => { for (let i = 0; i < n; i++) await hashAll(4); } },
      { name: 'validateLogs', run: async (n) => { for (let i = 0; i < n; i++) ok = (await validateLogs({ source: memorySource(sink) })).ok && ok; } },
      {
        name: 'gunzipSync+sha256',
        run: (n) => {
          for (let i = 0; i < n; i++) for (const b of logs) createHash('sha256').update(gunzipSync(b)).digest('hex');
        },
      },
    ],
    { rounds: 9, opsPerRound: 2, warmupOps: 2 },
  );
  if (!ok) throw new Error('validate benchmark: the intact trail did not validate');
  const us = result.usPerOp['validateLogs']!;
  const mbPerSec = round(uncompressed / 1e6 / (us / 1e6), 1);
  // Compare with the faster of the two bare loops, whichever it is on this machine.
  const ratio = result.ratios['validateLogs']!;
  const syncRatio = us / result.usPerOp['gunzipSync+sha256']!;
  const vsFastest = Math.max(ratio.median, syncRatio);
  return [
    {
      name: 'validate',
      line:
        `validate: ${mbPerSec} MB/s of log JSON (${round(vsFastest, 2)}x the faster bare gunzip+SHA-256 loop: ${round(ratio.median, 2)}x async ` +
        `[rounds ${round(ratio.min, 2)}–${round(ratio.max, 2)}], ${round(syncRatio, 2)}x sequential gunzipSync) over ${logs.length} log files, ${round(compressed / 1e6, 1)} MB gzip, + digests`,
      json: {
        mbPerSec,
        vsFastestBare: round(vsFastest),
        vsBare: round(ratio.median),
        vsBareMin: round(ratio.min),
        vsBareMax: round(ratio.max),
        vsSequentialSync: round(syncRatio),
        logFiles: logs.length,
        compressedMB: round(compressed / 1e6, 2),
        target: '<= 1.3x',
      },
    },
  ];
}
