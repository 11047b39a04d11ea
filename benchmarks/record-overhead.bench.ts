// record-overhead: what recording adds to a plain SDK call, against OpenTelemetry's aws-sdk instrumentation.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './harness.js';
import { round } from './harness.js';

interface WorkerResult {
  usPerOp: Record<string, number>;
  vsPlain: { median: number; min: number; max: number };
  unretainedVsPlain: { median: number; min: number; max: number };
  otelVsPlain: { median: number; min: number; max: number };
  localtrailVsOtel: number;
  middlewareUs: number;
  otelSpans: number;
}

export default async function recordOverhead(): Promise<BenchResult[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const tsx = join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, join(here, 'record-overhead.worker.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult;
  if (r.otelSpans === 0 && r.otelVsPlain.median < 1.05) throw new Error('the OpenTelemetry peer recorded no spans: its patch did not apply');
  const vsPlain = round(r.vsPlain.median);
  const vsOtel = round(r.localtrailVsOtel);
  return [
    {
      name: 'record-overhead',
      line:
        `record-overhead: ${vsPlain}x plain (rounds ${round(r.vsPlain.min)}–${round(r.vsPlain.max)}), ${vsOtel}x otel ` +
        `(plain ${round(r.usPerOp['plain']!, 1)} µs/call, localtrail ${round(r.usPerOp['localtrail']!, 1)} µs, ` +
        `otel ${round(r.usPerOp['otel']!, 1)} µs = ${round(r.otelVsPlain.median)}x plain; ` +
        `nothing kept in memory ${round(r.unretainedVsPlain.median)}x plain; middleware alone ${r.middlewareUs} µs/call)`,
      json: {
        vsPlain,
        vsOtel,
        vsPlainMin: round(r.vsPlain.min),
        vsPlainMax: round(r.vsPlain.max),
        unretainedVsPlain: round(r.unretainedVsPlain.median),
        otelVsPlain: round(r.otelVsPlain.median),
        plainUsPerCall: round(r.usPerOp['plain']!, 1),
        localtrailUsPerCall: round(r.usPerOp['localtrail']!, 1),
        otelUsPerCall: round(r.usPerOp['otel']!, 1),
        middlewareUsPerCall: r.middlewareUs,
      },
    },
  ];
}
