// record-overhead: what recording adds to a plain SDK call, against OpenTelemetry's aws-sdk instrumentation.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { BenchResult } from './harness.js';
import { round } from './harness.js';
import { countInstructions, hasValgrind, inBatches } from './instruction-count.js';

interface WorkerResult {
  usPerOp: Record<string, number>;
  vsPlain: { median: number; min: number; max: number };
  unretainedVsPlain: { median: number; min: number; max: number };
  otelVsPlain: { median: number; min: number; max: number };
  localtrailVsOtel: number;
  middlewareUs: number;
  otelSpans: number;
}

/**
 * Measured calls per callgrind run (after the warm-up); BENCH_CALLGRIND_CALLS=0 skips the instruction count. Shorter
 * windows still hold V8's tier-up of the SDK's own code and too few collections to average over: a plain call
 * counted 1.87M instructions over 5,000 calls and 1.64M over 15,000, and configurations that differ by nothing
 * moved ±1% at 5,000.
 */
const CALLGRIND_CALLS = Number(process.env['BENCH_CALLGRIND_CALLS'] ?? 15_000);
const VARIANTS = ['plain', 'localtrail', 'otel'] as const;

/**
 * Instructions per call for each variant: (count with CALLS=N − count with CALLS=0) / N. Time on this shared
 * two-core machine moves by ±10% between rounds, more than the 3% target; instruction counts repeat to 0.01%.
 */
async function instructionsPerCall(here: string): Promise<Record<(typeof VARIANTS)[number], number> | undefined> {
  if (CALLGRIND_CALLS <= 0 || !hasValgrind()) return undefined;
  const worker = ['--import', 'tsx', join(here, 'record-instructions.worker.ts')];
  const runs = VARIANTS.flatMap((variant) =>
    [0, CALLGRIND_CALLS].map((calls) => () => countInstructions(worker, { VARIANT: variant, CALLS: String(calls), WARMUP: '3000' })),
  );
  const counts = await inBatches(runs, Math.max(1, availableParallelism()));
  const perCall = (i: number) => (counts[2 * i + 1]! - counts[2 * i]!) / CALLGRIND_CALLS;
  return { plain: perCall(0), localtrail: perCall(1), otel: perCall(2) };
}

export default async function recordOverhead(): Promise<BenchResult[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const tsx = join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, join(here, 'record-overhead.worker.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult;
  if (r.otelSpans === 0 && r.otelVsPlain.median < 1.05) throw new Error('the OpenTelemetry peer recorded no spans: its patch did not apply');
  const timeVsPlain = round(r.vsPlain.median);
  const timeVsOtel = round(r.localtrailVsOtel);
  const timing =
    `wall time ${timeVsPlain}x plain (rounds ${round(r.vsPlain.min)}–${round(r.vsPlain.max)}), ${timeVsOtel}x otel ` +
    `(plain ${round(r.usPerOp['plain']!, 1)} µs/call, localtrail ${round(r.usPerOp['localtrail']!, 1)} µs, ` +
    `otel ${round(r.usPerOp['otel']!, 1)} µs = ${round(r.otelVsPlain.median)}x plain; ` +
    `nothing kept in memory ${round(r.unretainedVsPlain.median)}x plain; middleware alone ${r.middlewareUs} µs/call)`;
  const instructions = await instructionsPerCall(here);
  // The instruction ratio holds the target when valgrind is there; the wall-time ratio otherwise.
  const vsPlain = instructions ? round(instructions.localtrail / instructions.plain) : timeVsPlain;
  const vsOtel = instructions ? round(instructions.localtrail / instructions.otel) : timeVsOtel;
  const counted = instructions
    ? `(instructions per call under callgrind: plain ${round(instructions.plain / 1e6, 3)}M, ` +
      `localtrail ${round(instructions.localtrail / 1e6, 3)}M, otel ${round(instructions.otel / 1e6, 3)}M = ` +
      `${round(instructions.otel / instructions.plain)}x plain); `
    : '(valgrind not found: wall time only); ';
  return [
    {
      name: 'record-overhead',
      line: `record-overhead: ${vsPlain}x plain, ${vsOtel}x otel ${counted}${timing}`,
      json: {
        vsPlain,
        vsOtel,
        method: instructions ? 'instructions' : 'time',
        ...(instructions
          ? {
              plainInstructionsPerCall: Math.round(instructions.plain),
              localtrailInstructionsPerCall: Math.round(instructions.localtrail),
              otelInstructionsPerCall: Math.round(instructions.otel),
              otelVsPlain: round(instructions.otel / instructions.plain),
            }
          : {}),
        timeVsPlain,
        timeVsOtel,
        timeVsPlainMin: round(r.vsPlain.min),
        timeVsPlainMax: round(r.vsPlain.max),
        timeUnretainedVsPlain: round(r.unretainedVsPlain.median),
        timeOtelVsPlain: round(r.otelVsPlain.median),
        plainUsPerCall: round(r.usPerOp['plain']!, 1),
        localtrailUsPerCall: round(r.usPerOp['localtrail']!, 1),
        otelUsPerCall: round(r.usPerOp['otel']!, 1),
        middlewareUsPerCall: r.middlewareUs,
      },
    },
  ];
}
