// Measures one SDK call (`OPERATION`: GetItem, RunInstances or PutObject) plain, with localtrail recording, and with
// OpenTelemetry's aws-sdk instrumentation, interleaved in this one process. Run by record-overhead.bench.ts in a child
// process because OpenTelemetry must patch the SDK's modules before they are first loaded.
import { trace } from '@opentelemetry/api';
import { AwsInstrumentation } from '@opentelemetry/instrumentation-aws-sdk';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Variant } from './harness.js';
import { interleave, median, round } from './harness.js';
import { replayThroughHook } from './replay-call.js';
import { BENCH_CALLS, benchCredentials, benchOperation } from './stub-calls.js';

const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
const otel = new AwsInstrumentation();
registerInstrumentations({ instrumentations: [otel] });
otel.disable();

// Loaded only now, through require, so the instrumentation's hooks see the SDK's modules.
const require = createRequire(import.meta.url);
const call = BENCH_CALLS[benchOperation()];
type Client = { middlewareStack: { use(plugin: unknown): void; add(...args: unknown[]): void }; send(command: unknown): Promise<unknown> };
const sdk = require(call.pkg) as Record<string, unknown>;
const SdkClient = sdk[call.client] as new (config: object) => Client;
const Command = sdk[call.command] as new (input: object) => unknown;
// Measure what users run: the built package when present (tsx's transform adds helpers of its own).
const built = new URL('../dist/esm/index.js', import.meta.url).href;
const lib = (existsSync(new URL(built)) ? await import(built) : await import('../src/index.js')) as typeof import('../src/index.js');
const { createLocalTrail } = lib;

const makeClient = () => new SdkClient({ region: 'us-east-1', credentials: benchCredentials, ...call.config });
const input = call.input;

const plain = makeClient();
const recorded = makeClient();
const trail = createLocalTrail();
recorded.middlewareStack.use(trail.plugin());
// The same recording with nothing kept in memory (no events() ring, no LookupEvents history): separates the cost of
// building records from the garbage collector's cost of retaining them.
const unretained = makeClient();
unretained.middlewareStack.use(createLocalTrail({ maxEvents: 0, maxHistoryEvents: 0 }).plugin());

async function calls(client: Client, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await client.send(new Command(input));
}

let otelSpans = 0;
const variants: Variant[] = [
  { name: 'plain', run: (n) => calls(plain, n) },
  { name: 'localtrail', run: (n) => calls(recorded, n) },
  { name: 'localtrail-unretained', run: (n) => calls(unretained, n) },
  {
    name: 'otel',
    async run(n) {
      otel.enable();
      // A client created while the instrumentation is on gets its middleware; the patch covers every send.
      const client = makeClient();
      await calls(client, n);
      otel.disable();
      otelSpans += exporter.getFinishedSpans().length;
      exporter.reset();
    },
  },
];

const result = await interleave(variants, { rounds: Number(process.env.BENCH_ROUNDS ?? 15), opsPerRound: Number(process.env.BENCH_OPS ?? 1500), warmupOps: 3000, clock: (process.env.BENCH_CLOCK as 'cpu' | 'wall' | undefined) ?? 'wall' });

// The recording alone: replay one captured call's context through the plugin's hook, timing only localtrail's work.
const micro = await middlewareAlone();

process.stdout.write(
  JSON.stringify({
    usPerOp: result.usPerOp,
    vsPlain: result.ratios['localtrail']!,
    unretainedVsPlain: result.ratios['localtrail-unretained']!,
    otelVsPlain: result.ratios['otel']!,
    localtrailVsOtel: round(result.usPerOp['localtrail']! / result.usPerOp['otel']!),
    middlewareUs: micro,
    otelSpans,
  }) + '\n',
);

async function middlewareAlone(): Promise<number> {
  const replay = await replayThroughHook(makeClient(), () => new Command(input), input, createLocalTrail({ maxEvents: 100 }));
  const samples: number[] = [];
  for (let r = 0; r < 15; r++) {
    const n = 5000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await replay();
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / n);
  }
  return round(median(samples), 2);
}
