// record-overhead: what recording adds to a plain SDK call (DynamoDB GetItem, EC2 RunInstances, S3 PutObject with a
// body), against OpenTelemetry's aws-sdk instrumentation.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { BenchResult } from './harness.js';
import { round } from './harness.js';
import { countWindow, hasValgrind, inBatches } from './instruction-count.js';
import type { BenchOperation } from './stub-calls.js';
import { BENCH_OPERATIONS } from './stub-calls.js';

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
 * moved ±1% at 5,000. BENCH_CALLGRIND_CALLS_EXTRA sets the window of RunInstances and PutObject (default: the same).
 */
const CALLGRIND_CALLS = Number(process.env['BENCH_CALLGRIND_CALLS'] ?? 15_000);
const CALLGRIND_CALLS_EXTRA = Number(process.env['BENCH_CALLGRIND_CALLS_EXTRA'] ?? CALLGRIND_CALLS);
/** BENCH_CALLGRIND_OTEL=0 leaves OpenTelemetry out of the instruction count (it is a comparison, not the target). */
const CALLGRIND_OTEL = process.env['BENCH_CALLGRIND_OTEL'] !== '0';
/**
 * BENCH_CALLGRIND_VARIANTS=alone counts only those variants (plain, localtrail, unretained, otel, alone). `alone` is the
 * recording by itself (the call's captured context replayed through the plugin's hook, records kept in the default
 * ring): a few seconds under callgrind where a full plain or localtrail window takes many minutes.
 */
const CALLGRIND_VARIANTS = process.env['BENCH_CALLGRIND_VARIANTS']?.split(',');
/** BENCH_OPERATIONS=GetItem,PutObject runs only those. */
const OPERATIONS = (process.env['BENCH_OPERATIONS']?.split(',') ?? BENCH_OPERATIONS) as BenchOperation[];
type Variant = 'plain' | 'localtrail' | 'unretained' | 'otel' | 'alone';

/**
 * BENCH_CALLGRIND_REPEATS: how many times each variant's window is counted (default 2). Counts of the same build
 * still differ a little between runs (V8 sizes its heap from speeds it measures in wall time): two windows of the
 * same plain RunInstances counted 2.670M and 2.689M a call. The figure is the mean; the line shows the ratio of each
 * repeat's pair too.
 */
const CALLGRIND_REPEATS = Math.max(1, Math.floor(Number(process.env['BENCH_CALLGRIND_REPEATS'] ?? 2)) || 1);

interface Counted {
  calls: number;
  /** Mean instructions per call of each variant counted. */
  perCall: Partial<Record<Variant, number>>;
  /** localtrail / plain of each repeat (counted in the same minutes). */
  pairRatios: number[];
}

/**
 * Instructions per call for each variant: the measured window's count (countWindow: start-up and warm-up are not in
 * it) divided by its calls, the mean of CALLGRIND_REPEATS runs. OpenTelemetry is counted on GetItem only.
 */
async function instructionsPerCall(here: string, operation: BenchOperation): Promise<Counted | undefined> {
  const calls = operation === 'GetItem' ? CALLGRIND_CALLS : CALLGRIND_CALLS_EXTRA;
  if (calls <= 0 || !hasValgrind()) return undefined;
  const all: Variant[] = operation === 'GetItem' && CALLGRIND_OTEL ? ['plain', 'localtrail', 'otel', 'alone'] : ['plain', 'localtrail', 'alone'];
  // `unretained` (the recording with nothing kept in memory) is counted only when asked for by name: it splits the
  // overhead into building records and the collector's cost of keeping 10,000 of them.
  const variants = CALLGRIND_VARIANTS === undefined ? all : [...all, 'unretained' as const].filter((v) => CALLGRIND_VARIANTS.includes(v));
  const worker = ['--import', 'tsx', join(here, 'record-instructions.worker.ts')];
  const env = (variant: Variant) => ({ VARIANT: variant, OPERATION: operation, CALLS: String(calls), WARMUP: '3000' });
  // Repeat by repeat, so the variants of one repeat run in the same minutes.
  const runs = Array.from({ length: CALLGRIND_REPEATS }, () => variants.map((variant) => () => countWindow(worker, env(variant)))).flat();
  const counts = await inBatches(runs, Math.max(1, availableParallelism()));
  const of = (variant: Variant, repeat: number) => counts[repeat * variants.length + variants.indexOf(variant)]! / calls;
  const repeats = Array.from({ length: CALLGRIND_REPEATS }, (_, r) => r);
  const perCall: Partial<Record<Variant, number>> = {};
  for (const variant of variants) perCall[variant] = repeats.reduce((sum, r) => sum + of(variant, r), 0) / CALLGRIND_REPEATS;
  const pairRatios = variants.includes('plain') && variants.includes('localtrail') ? repeats.map((r) => of('localtrail', r) / of('plain', r)) : [];
  return { calls, perCall, pairRatios };
}

function timed(here: string, operation: BenchOperation): WorkerResult {
  const tsx = join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, join(here, 'record-overhead.worker.ts')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, OPERATION: operation },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult;
}

async function measure(here: string, operation: BenchOperation): Promise<BenchResult> {
  const r = timed(here, operation);
  if (r.otelSpans === 0 && r.otelVsPlain.median < 1.05) throw new Error('the OpenTelemetry peer recorded no spans: its patch did not apply');
  const timeVsPlain = round(r.vsPlain.median);
  const timeVsOtel = round(r.localtrailVsOtel);
  const timing =
    `wall time ${timeVsPlain}x plain (rounds ${round(r.vsPlain.min)}–${round(r.vsPlain.max)}), ${timeVsOtel}x otel ` +
    `(plain ${round(r.usPerOp['plain']!, 1)} µs/call, localtrail ${round(r.usPerOp['localtrail']!, 1)} µs, ` +
    `otel ${round(r.usPerOp['otel']!, 1)} µs = ${round(r.otelVsPlain.median)}x plain; ` +
    `nothing kept in memory ${round(r.unretainedVsPlain.median)}x plain; recording alone ${r.middlewareUs} µs/call)`;
  const counted = await instructionsPerCall(here, operation);
  const c = counted?.perCall;
  // The instruction ratio holds the target when valgrind counted both; the wall-time ratio otherwise.
  const full = c?.plain !== undefined && c.localtrail !== undefined;
  const vsPlain = full ? round(c.localtrail! / c.plain!) : timeVsPlain;
  const vsOtel = full && c.otel !== undefined ? round(c.localtrail! / c.otel) : timeVsOtel;
  const million = (n: number) => `${round(n / 1e6, 3)}M`;
  const parts = c
    ? [
        c.plain !== undefined ? `plain ${million(c.plain)}` : undefined,
        c.localtrail !== undefined ? `localtrail ${million(c.localtrail)}` : undefined,
        c.otel !== undefined ? `otel ${million(c.otel)}${c.plain !== undefined ? ` = ${round(c.otel / c.plain)}x plain` : ''}` : undefined,
        c.unretained !== undefined ? `nothing kept in memory ${million(c.unretained)}${c.plain !== undefined ? ` = ${round(c.unretained / c.plain)}x plain` : ''}` : undefined,
        c.alone !== undefined ? `recording alone ${round(c.alone / 1e3, 1)}k` : undefined,
      ].filter((x) => x !== undefined)
    : [];
  const repeats = counted !== undefined && counted.pairRatios.length > 1 ? `, mean of ${counted.pairRatios.length} windows each (pairs ${counted.pairRatios.map((x) => `${round(x)}x`).join(', ')})` : '';
  const counts = c ? `(instructions per call under callgrind, ${counted!.calls}-call window${repeats}: ${parts.join(', ')}); ` : `(${CALLGRIND_CALLS <= 0 ? 'instruction count off: BENCH_CALLGRIND_CALLS=0' : 'valgrind not found'}: wall time only); `;
  const name = operation === 'GetItem' ? 'record-overhead' : `record-overhead-${operation.toLowerCase()}`;
  const perCall = (key: string, n: number | undefined) => (n === undefined ? {} : { [`${key}InstructionsPerCall`]: Math.round(n) });
  return {
    name,
    line: `${name} (${operation}): ${vsPlain}x plain${full && c.otel === undefined ? '' : `, ${vsOtel}x otel`} ${counts}${timing}`,
    json: {
      operation,
      vsPlain,
      vsOtel,
      method: full ? 'instructions' : 'time',
      ...(c
        ? {
            callgrindCalls: counted!.calls,
            callgrindRepeats: CALLGRIND_REPEATS,
            ...(counted!.pairRatios.length > 0 ? { pairRatios: counted!.pairRatios.map((x) => round(x)).join(' ') } : {}),
            ...perCall('plain', c.plain),
            ...perCall('localtrail', c.localtrail),
            ...perCall('otel', c.otel),
            ...(c.otel !== undefined && c.plain !== undefined ? { otelVsPlain: round(c.otel / c.plain) } : {}),
            ...perCall('unretained', c.unretained),
            ...perCall('alone', c.alone),
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
  };
}

export default async function recordOverhead(): Promise<BenchResult[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const results: BenchResult[] = [];
  for (const operation of OPERATIONS) results.push(await measure(here, operation));
  return results;
}
