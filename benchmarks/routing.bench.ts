// Routing throughput: events/s through TrailEngine.accept with 5 trails carrying advanced selectors, against a
// straightforward router that evaluates the same selectors' JSON for every event (no compilation).
import type { AdvancedEventSelector } from '@aws-sdk/client-cloudtrail';
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock, TimerHandle } from '../src/clock/clock.js';
import type { DeliveryPort } from '../src/engine/delivery-port.js';
import { noopDelivery } from '../src/engine/noop-delivery.js';
import { interpretAdvancedEventSelectors } from '../src/engine/selectors/advanced-interpret.js';
import { TrailEngine } from '../src/engine/trail-engine.js';
import type { CloudTrailRecord } from '../src/vocabulary/record.js';
import type { BenchResult } from './harness.js';
import { interleave, machine, round } from './harness.js';
import { countInstructions, hasValgrind, inBatches } from './instruction-count.js';

const ACCT = '111122223333';
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

const mgmt = { Field: 'eventCategory', Equals: ['Management'] };
const data = { Field: 'eventCategory', Equals: ['Data'] };
export const TRAILS: Array<{ name: string; home: string; multi: boolean; includeGlobal: boolean; selectors: AdvancedEventSelector[] }> = [
  { name: 'org-audit', home: 'us-east-1', multi: true, includeGlobal: true, selectors: [{ FieldSelectors: [mgmt] }] },
  {
    name: 'writes-no-kms',
    home: 'us-east-1',
    multi: true,
    includeGlobal: true,
    selectors: [{ FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['false'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }] }],
  },
  {
    name: 's3-reports',
    home: 'eu-west-1',
    multi: false,
    includeGlobal: true,
    selectors: [
      { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::reports-bucket/', 'arn:aws:s3:::finance-bucket/q'] }, { Field: 'eventName', NotEquals: ['HeadObject'] }] },
      { FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['false'] }] },
    ],
  },
  {
    name: 'tables-and-functions',
    home: 'us-west-2',
    multi: true,
    includeGlobal: true,
    selectors: [
      { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }, { Field: 'resources.ARN', EndsWith: [':table/Orders', ':table/Payments'] }] },
      { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }, { Field: 'eventName', Equals: ['Invoke'] }] },
    ],
  },
  {
    name: 'east-local',
    home: 'us-east-1',
    multi: false,
    includeGlobal: false,
    selectors: [
      { FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['true'] }] },
      { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'readOnly', Equals: ['false'] }, { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::tmp-'] }] },
    ],
  },
];

/** Builds a record the way the recorder does (src/event/build-record.ts): a literal of the leading fields, then the rest in CloudTrail's order. */
function asRecorded(r: CloudTrailRecord): CloudTrailRecord {
  const out = {
    eventVersion: r.eventVersion,
    userIdentity: r.userIdentity,
    eventTime: r.eventTime,
    eventSource: r.eventSource,
    eventName: r.eventName,
    awsRegion: r.awsRegion,
    sourceIPAddress: '198.51.100.7',
  } as CloudTrailRecord;
  out.userAgent = 'aws-sdk-js/3.0.0';
  out.requestParameters = null;
  out.responseElements = null;
  out.requestID = 'req-1';
  out.eventID = r.eventID;
  out.readOnly = r.readOnly;
  if (r.resources) out.resources = r.resources;
  out.eventType = 'AwsApiCall';
  out.managementEvent = r.managementEvent;
  out.recipientAccountId = r.recipientAccountId;
  out.eventCategory = r.eventCategory;
  return out;
}

export function makeRecords(n: number): CloudTrailRecord[] {
  return makeRecordSpecs(n).map(asRecorded);
}

function makeRecordSpecs(n: number): CloudTrailRecord[] {
  const identity = { type: 'IAMUser' as const, principalId: 'AIDA1', arn: `arn:aws:iam::${ACCT}:user/alice`, accountId: ACCT, accessKeyId: 'AKIA1', userName: 'alice' };
  const out: CloudTrailRecord[] = [];
  for (let i = 0; i < n; i++) {
    const region = REGIONS[i % REGIONS.length]!;
    const base = { eventVersion: '1.11', userIdentity: identity, eventTime: '2026-06-01T12:00:00Z', awsRegion: region, eventID: `e-${i}`, eventType: 'AwsApiCall' as const, recipientAccountId: ACCT };
    switch (i % 8) {
      case 0:
        out.push({ ...base, eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', readOnly: true, managementEvent: true, eventCategory: 'Management' });
        break;
      case 1:
        out.push({ ...base, eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true, managementEvent: true, eventCategory: 'Management' });
        break;
      case 2:
        out.push({ ...base, awsRegion: 'us-east-1', eventSource: 'iam.amazonaws.com', eventName: 'CreateRole', readOnly: false, managementEvent: true, eventCategory: 'Management' });
        break;
      case 3:
      case 4: {
        const bucket = ['reports-bucket', 'finance-bucket', 'tmp-scratch', 'photos'][i % 4]!;
        out.push({
          ...base,
          eventSource: 's3.amazonaws.com',
          eventName: i % 3 ? 'GetObject' : 'PutObject',
          readOnly: i % 3 !== 0,
          managementEvent: false,
          eventCategory: 'Data',
          resources: [
            { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/q${i % 5}/k${i % 97}` },
            { type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}`, accountId: ACCT },
          ],
        });
        break;
      }
      case 5:
        out.push({
          ...base,
          eventSource: 'dynamodb.amazonaws.com',
          eventName: 'GetItem',
          readOnly: true,
          managementEvent: false,
          eventCategory: 'Data',
          resources: [{ type: 'AWS::DynamoDB::Table', ARN: `arn:aws:dynamodb:${region}:${ACCT}:table/${i % 2 ? 'Orders' : 'Users'}`, accountId: ACCT }],
        });
        break;
      case 6:
        out.push({
          ...base,
          eventSource: 'lambda.amazonaws.com',
          eventName: 'Invoke',
          readOnly: false,
          managementEvent: false,
          eventCategory: 'Data',
          resources: [{ type: 'AWS::Lambda::Function', ARN: `arn:aws:lambda:${region}:${ACCT}:function:f${i % 3}`, accountId: ACCT }],
        });
        break;
      default:
        out.push({ ...base, eventSource: 'sqs.amazonaws.com', eventName: 'CreateQueue', readOnly: false, managementEvent: true, eventCategory: 'Management' });
    }
  }
  return out;
}

/** Counts deliveries so the work cannot be optimised away. */
export function countingDelivery(): DeliveryPort & { count: number } {
  return { ...noopDelivery, count: 0, enqueue(this: { count: number }) { this.count++; } } as DeliveryPort & { count: number };
}

const GLOBAL_SOURCES = new Set(['iam.amazonaws.com', 'cloudfront.amazonaws.com', 'signin.amazonaws.com']);

/** The uncompiled baseline: same rules, evaluated from the trail settings and selector JSON on every event. */
function naiveRouter(deliver: (trail: string, region: string) => void) {
  const history: CloudTrailRecord[] = [];
  return (record: CloudTrailRecord) => {
    if (record.eventCategory === 'Management') {
      history.push(record);
      if (history.length > 1_000_000) history.splice(0, 250_000);
    }
    const global = record.awsRegion === 'us-east-1' && GLOBAL_SOURCES.has(record.eventSource ?? '');
    for (const trail of TRAILS) {
      if (!trail.multi && trail.home !== record.awsRegion) continue;
      if (global && !trail.multi && !trail.includeGlobal) continue;
      if (interpretAdvancedEventSelectors(trail.selectors, record)) deliver(trail.name, record.awsRegion);
    }
  };
}

/**
 * A clock whose `tick` fires due timers synchronously: the minute-end work is measured alone (ManualClock's advance
 * also waits ten event-loop turns after each timer, which would be counted as Insights' cost).
 */
export class TickClock implements Clock {
  private current = Date.parse('2026-06-01T00:00:00Z');
  private timers: Array<{ id: number; due: number; run: () => void }> = [];
  private nextId = 1;
  now(): number {
    return this.current;
  }
  setTimeout(run: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, due: this.current + ms, run };
    this.timers.push(timer);
    return { id: timer.id };
  }
  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }
  tick(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = due.due;
      due.run();
    }
    this.current = target;
  }
}

/** The five trails, logging; with `insights`, the first (multi-region, management events) enables both Insights types. */
export function benchEngine(delivery: DeliveryPort, options: { insights?: boolean; clock?: Clock; maxHistoryEvents?: number } = {}): TrailEngine {
  const engine = new TrailEngine({ accountId: ACCT, delivery, maxHistoryEvents: options.maxHistoryEvents ?? 1_000_000, ...(options.clock ? { clock: options.clock } : {}) });
  for (const t of TRAILS) {
    const caller = { accountId: ACCT, region: t.home };
    engine.createTrail({ Name: t.name, S3BucketName: 'bench-logs', IsMultiRegionTrail: t.multi, IncludeGlobalServiceEvents: t.includeGlobal }, caller);
    engine.putEventSelectors({ TrailName: t.name, AdvancedEventSelectors: t.selectors }, caller);
    if (options.insights && t === TRAILS[0]) {
      engine.putInsightSelectors({ TrailName: t.name, InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }] }, caller);
    }
    engine.startLogging({ Name: t.name }, caller);
  }
  return engine;
}

/**
 * What closing a minute costs per counted event (judging each API counted against its baseline): the work Insights
 * leaves to a timer (the tallying is done as events are counted). Eight minutes of `perMinute` events timed, after thirty.
 */
function minuteCloseCost(records: CloudTrailRecord[], perMinute: number): { nsPerCounted: number; countedShare: number } {
  const clock = new TickClock();
  const engine = benchEngine(countingDelivery(), { insights: true, clock });
  let counted = 0;
  for (const r of records) if (r.eventCategory === 'Management' && (r.readOnly === false || r.errorCode !== undefined)) counted++;
  const countedShare = counted / records.length;
  const times: number[] = [];
  let cursor = 0;
  // Thirty minutes first: the minute-end code runs once a minute, and is compiled only after a few.
  for (let minute = 0; minute < 38; minute++) {
    for (let i = 0; i < perMinute; i++) engine.accept(records[cursor++ % records.length]!);
    const t0 = process.hrtime.bigint();
    clock.tick(60_000);
    if (minute >= 30) times.push(Number(process.hrtime.bigint() - t0));
  }
  const median = [...times].sort((x, y) => x - y)[times.length >> 1]!;
  return { nsPerCounted: median / (perMinute * countedShare), countedShare };
}

/** The two measured windows (events after the warm-up): the count of the first is subtracted from the second's. */
const INSTRUCTION_WINDOWS = [50_000, 250_000] as const;
/** Seed pairs (`--hash-seed`/`--random-seed`) each variant is counted under; the figure is their mean. */
const INSTRUCTION_SEEDS = [1, 2, 3];

/**
 * Instructions per event, plain routing vs routing with Insights, under callgrind (the same count however busy the
 * machine is): minutes close every 5,000 events inside the measured windows, so the timer's tallying is counted too.
 * The figure is the difference between a 250,000-event and a 50,000-event window, divided by 200,000: the first
 * window absorbs what V8 still does once after the warm-up's full collection (it re-optimizes the event loop), and
 * both runs share startup, module loading and the warm-up, so none of that is counted.
 */
async function instructionsPerEvent(): Promise<{ plain: number[]; insights: number[] } | undefined> {
  if (!hasValgrind()) return undefined;
  // The worker is compiled to JavaScript first (TypeScript's compiler, into benchmarks/.build, which is never packed): under tsx's loader, whose
  // hooks run in a second V8 isolate, repeated counts of the same code spread 4% instead of under 1%.
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = join(here, '.build');
  const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  const compilerOptions = ['--outDir', outDir, '--rootDir', join(here, '..'), '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck'];
  execFileSync(process.execPath, [tsc, join(here, 'routing-instructions.worker.ts'), ...compilerOptions], { stdio: 'inherit' });
  const worker = join(outDir, 'benchmarks', 'routing-instructions.worker.js');
  // A fixed GC schedule: V8 otherwise sizes the heap from measured mutator speed, so how busy the machine is changes
  // when collections run.
  const variants = ['plain', 'insights'] as const;
  const runs = variants.flatMap((variant) =>
    INSTRUCTION_SEEDS.flatMap((seed) =>
      INSTRUCTION_WINDOWS.map((events) => () => countInstructions(['--predictable-gc-schedule', worker], { VARIANT: variant, EVENTS: String(events) }, seed)),
    ),
  );
  const counts = await inBatches(runs, availableParallelism());
  const perEvent = (v: number): number[] =>
    INSTRUCTION_SEEDS.map((_, s) => {
      const i = (v * INSTRUCTION_SEEDS.length + s) * 2;
      return (counts[i + 1]! - counts[i]!) / (INSTRUCTION_WINDOWS[1] - INSTRUCTION_WINDOWS[0]);
    });
  return { plain: perEvent(0), insights: perEvent(1) };
}

export default async function routingBench(): Promise<BenchResult[]> {
  const records = makeRecords(8192);
  const delivery = countingDelivery();
  const engine = benchEngine(delivery);
  let naiveCount = 0;
  const naive = naiveRouter(() => naiveCount++);

  // Same decisions from both routers (sanity check before timing).
  for (const r of records) {
    engine.accept(r);
    naive(r);
  }
  if (delivery.count !== naiveCount) throw new Error(`routers disagree: compiled ${delivery.count} vs uncompiled ${naiveCount} deliveries`);

  let cursor = 0;
  const mask = records.length - 1;
  const result = await interleave(
    [
      { name: 'uncompiled', run: (n) => { for (let i = 0; i < n; i++) naive(records[cursor++ & mask]!); } },
      { name: 'compiled', run: (n) => { for (let i = 0; i < n; i++) engine.accept(records[cursor++ & mask]!); } },
    ],
    { rounds: 15, opsPerRound: 50_000, warmupOps: 200_000 },
  );
  const compiledPerSec = 1e6 / result.usPerOp['compiled']!;
  const uncompiledPerSec = 1e6 / result.usPerOp['uncompiled']!;
  const speedup = 1 / result.ratios['compiled']!.median;
  const line = `routing: ${round(compiledPerSec / 1e6, 2)}M events/s (${round(speedup, 2)}x uncompiled ${round(uncompiledPerSec / 1e6, 2)}M events/s; ratio spread ${round(1 / result.ratios['compiled']!.max, 2)}–${round(1 / result.ratios['compiled']!.min, 2)}x) [5 trails, advanced selectors, ${machine()}]`;
  // Insights enabled: the same routing plus the detector's counting (its minutes close on a clock timer, which a
  // clock that is never ticked keeps out of the timed loop; minuteCloseCost measures that part).
  const withInsights = benchEngine(countingDelivery(), { insights: true, clock: new TickClock() });
  const plain = benchEngine(countingDelivery(), { clock: new TickClock() });
  let a = 0;
  let b = 0;
  const insights = await interleave(
    [
      { name: 'compiled', run: (n) => { for (let i = 0; i < n; i++) plain.accept(records[a++ & mask]!); } },
      { name: 'insights', run: (n) => { for (let i = 0; i < n; i++) withInsights.accept(records[b++ & mask]!); } },
    ],
    { rounds: 15, opsPerRound: 50_000, warmupOps: 200_000 },
  );
  const insightsRatio = insights.ratios['insights']!;
  const close = minuteCloseCost(records, 20_000);
  const baseNs = insights.usPerOp['compiled']! * 1000;
  const amortized = (insights.usPerOp['insights']! * 1000 + close.nsPerCounted * close.countedShare) / baseNs;
  const instructions = await instructionsPerEvent();
  const mean = (xs: number[]): number => xs.reduce((x, y) => x + y, 0) / xs.length;
  const counted = instructions && { plain: mean(instructions.plain), insights: mean(instructions.insights), ratios: instructions.insights.map((x, i) => x / instructions.plain[i]!) };
  const instructionsText = counted
    ? `${round(counted.insights / counted.plain, 3)}x in instructions per event, minute closes included (${round(counted.plain, 0)} → ${round(counted.insights, 0)}; ` +
      `seeds ${INSTRUCTION_SEEDS.join(', ')}: ${counted.ratios.map((r) => `${round(r, 3)}x`).join(', ')}); `
    : '';
  const insightsLine =
    `routing with Insights: ${instructionsText}wall time ${round(insightsRatio.median, 3)}x routing without (spread ${round(insightsRatio.min, 2)}–${round(insightsRatio.max, 2)}), ` +
    `${round(1e6 / insights.usPerOp['insights']! / 1e6, 2)}M events/s; minute close ${round(close.nsPerCounted, 0)} ns per counted event ` +
    `(${round(close.countedShare * 100, 0)}% of events counted), ${round(amortized, 3)}x with it amortized [target ≤ 1.10x, ${machine()}]`;
  return [
    {
      name: 'routing-insights',
      line: insightsLine,
      json: {
        ratioMedian: round(insightsRatio.median, 3),
        ratioMin: round(insightsRatio.min, 3),
        ratioMax: round(insightsRatio.max, 3),
        eventsPerSec: Math.round(1e6 / insights.usPerOp['insights']!),
        minuteCloseNsPerCountedEvent: Math.round(close.nsPerCounted),
        countedShare: round(close.countedShare, 3),
        amortizedRatio: round(amortized, 3),
        ...(counted
          ? {
              instructionsPerEventPlain: Math.round(counted.plain),
              instructionsPerEventInsights: Math.round(counted.insights),
              instructionRatio: round(counted.insights / counted.plain, 3),
              instructionRatioMin: round(Math.min(...counted.ratios), 3),
              instructionRatioMax: round(Math.max(...counted.ratios), 3),
              instructionsPlainMin: Math.round(Math.min(...instructions!.plain)),
              instructionsPlainMax: Math.round(Math.max(...instructions!.plain)),
              instructionsInsightsMin: Math.round(Math.min(...instructions!.insights)),
              instructionsInsightsMax: Math.round(Math.max(...instructions!.insights)),
              instructionSeeds: INSTRUCTION_SEEDS.length,
            }
          : {}),
        targetRatio: 1.1,
      },
    },
    {
      name: 'routing',
      line,
      json: {
        compiledEventsPerSec: Math.round(compiledPerSec),
        uncompiledEventsPerSec: Math.round(uncompiledPerSec),
        speedupMedian: round(speedup, 3),
        speedupMin: round(1 / result.ratios['compiled']!.max, 3),
        speedupMax: round(1 / result.ratios['compiled']!.min, 3),
        trails: TRAILS.length,
        targetEventsPerSec: 1_000_000,
      },
    },
  ];
}
