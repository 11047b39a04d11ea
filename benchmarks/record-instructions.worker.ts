// One variant of a record-overhead call (plain, localtrail, unretained or otel; `OPERATION` GetItem, RunInstances or PutObject;
// `alone`: the recording alone, the call's captured context replayed through the plugin's hook),
// for callgrind to count: `WARMUP` calls, a full collection, then the measured window: `CALLS` calls and a full
// collection (so each variant pays for what its calls left alive), between markWindowStart() and markWindowEnd().
// record-overhead.bench.ts counts the window alone (countWindow) and divides by `CALLS`.
import { trace } from '@opentelemetry/api';
import { AwsInstrumentation } from '@opentelemetry/instrumentation-aws-sdk';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createRequire } from 'node:module';
import { markWindowEnd, markWindowStart } from './instruction-count.js';
import { replayThroughHook } from './replay-call.js';
import { BENCH_CALLS, benchCredentials, benchOperation } from './stub-calls.js';

const variant = process.env['VARIANT'] ?? 'plain';
const warmup = Number(process.env['WARMUP'] ?? 3000);
const calls = Number(process.env['CALLS'] ?? 0);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const exporter = new InMemorySpanExporter();
if (variant === 'otel') {
  // Registered before the SDK is loaded, as OpenTelemetry requires; the exporter keeps every span, as the ring does.
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  registerInstrumentations({ instrumentations: [new AwsInstrumentation()] });
}
const call = BENCH_CALLS[benchOperation()];
const require = createRequire(import.meta.url);
type Client = { middlewareStack: { use(plugin: unknown): void; add(...args: unknown[]): void }; send(command: unknown): Promise<unknown> };
const sdk = require(call.pkg) as Record<string, unknown>;
const Client = sdk[call.client] as new (config: object) => Client;
const Command = sdk[call.command] as new (input: object) => unknown;
const { createLocalTrail } = (await import(new URL('../dist/esm/index.js', import.meta.url).href)) as typeof import('../src/index.js');

const client = new Client({ region: 'us-east-1', credentials: benchCredentials, ...call.config });
// `unretained`: the same recording with nothing kept in memory (no events() ring, no LookupEvents history), which
// separates building records from the collector's cost of keeping 10,000 of them.
const trail = createLocalTrail(variant === 'unretained' ? { maxEvents: 0, maxHistoryEvents: 0 } : {});
if (variant === 'localtrail' || variant === 'unretained') client.middlewareStack.use(trail.plugin());
const input = call.input;

const send = variant === 'alone' ? await replayThroughHook(client, () => new Command(input), input, trail) : () => client.send(new Command(input));
for (let i = 0; i < warmup; i++) await send();
gc();
markWindowStart();
for (let i = 0; i < calls; i++) await send();
gc();
markWindowEnd();
const recorded = variant === 'localtrail' || variant === 'alone' || variant === 'unretained' ? trail.stats().recorded : exporter.getFinishedSpans().length;
process.stdout.write(JSON.stringify({ variant, recorded }) + '\n');
