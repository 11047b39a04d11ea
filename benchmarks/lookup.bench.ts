// LookupEvents over 1,000,000 history events: one page by each lookup attribute, against a linear newest-first scan.
import { ManualClock } from '../src/clock/manual-clock.js';
import { attributeValues } from '../src/engine/history/lookup-attributes.js';
import { TrailEngine } from '../src/engine/trail-engine.js';
import type { CloudTrailRecord, UserIdentity } from '../src/vocabulary/record.js';
import type { BenchResult } from './harness.js';
import { machine, median, round } from './harness.js';

const ACCT = '111122223333';
const EVENTS = 1_000_000;
const DAY = 24 * 3600 * 1000;
const END = Date.parse('2026-06-01T00:00:00Z');

// mulberry32: a small PRNG whose low bits are as good as its high ones (a plain LCG's alternate).
let seed = 7;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
}

function buildHistory(): { records: CloudTrailRecord[]; values: Record<string, string[]> } {
  const users: UserIdentity[] = Array.from({ length: 1000 }, (_, i) => ({
    type: 'IAMUser',
    principalId: `AIDA${i}`,
    arn: `arn:aws:iam::${ACCT}:user/user${i}`,
    accountId: ACCT,
    accessKeyId: `AKIA${String(i).padStart(16, '0')}`,
    userName: `user${i}`,
  }));
  const sources = Array.from({ length: 20 }, (_, i) => `service${i}.amazonaws.com`);
  const names = Array.from({ length: 200 }, (_, i) => `Operation${i}`);
  const resources = Array.from({ length: 5000 }, (_, i) => [{ type: `AWS::Service${i % 20}::Thing`, ARN: `arn:aws:service${i % 20}:us-east-1:${ACCT}:thing/item${i}`, accountId: ACCT }]);
  const records: CloudTrailRecord[] = [];
  const start = END - 89 * DAY;
  const step = (89 * DAY) / EVENTS;
  let lastSecond = -1;
  let eventTime = '';
  for (let i = 0; i < EVENTS; i++) {
    const t = start + Math.floor(i * step);
    const second = Math.floor(t / 1000);
    if (second !== lastSecond) {
      lastSecond = second;
      eventTime = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    }
    const r = {
      eventVersion: '1.11',
      userIdentity: users[rand(users.length)],
      eventTime,
      eventSource: sources[rand(sources.length)],
      eventName: names[rand(names.length)],
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.7',
    } as CloudTrailRecord;
    r.requestParameters = null;
    r.responseElements = null;
    r.eventID = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    r.readOnly = rand(2) === 0;
    if (rand(2) === 0) r.resources = resources[rand(resources.length)]!;
    r.eventType = 'AwsApiCall';
    r.managementEvent = true;
    r.recipientAccountId = ACCT;
    r.eventCategory = 'Management';
    records.push(r);
  }
  return {
    records,
    values: {
      EventName: names,
      EventSource: sources,
      Username: users.map((u) => u.userName!),
      AccessKeyId: users.map((u) => u.accessKeyId!),
      ReadOnly: ['true', 'false'],
      ResourceType: Array.from({ length: 20 }, (_, i) => `AWS::Service${i}::Thing`),
      ResourceName: resources.map((r) => r[0]!.ARN),
      EventId: Array.from({ length: 1000 }, (_, i) => records[rand(EVENTS)]!.eventID ?? String(i)),
    },
  };
}

/** The baseline: scan the records newest first, testing the attribute on each, until a page is full. */
function scanLookup(records: CloudTrailRecord[], key: string, value: string, max: number): number {
  let found = 0;
  for (let i = records.length - 1; i >= 0 && found < max; i--) {
    if (attributeValues(records[i]!, key).includes(value)) {
      JSON.stringify(records[i]);
      found++;
    }
  }
  return found;
}

export default async function lookupBench(): Promise<BenchResult[]> {
  const { records, values } = buildHistory();
  const clock = new ManualClock(END);
  const engine = new TrailEngine({ clock, accountId: ACCT, region: 'us-east-1', maxHistoryEvents: EVENTS });
  const tAccept = process.hrtime.bigint();
  for (const r of records) engine.accept(r);
  const acceptMs = Number(process.hrtime.bigint() - tAccept) / 1e6;
  const tIndex = process.hrtime.bigint();
  engine.lookupEvents({ MaxResults: 1 });
  const indexMs = Number(process.hrtime.bigint() - tIndex) / 1e6;

  const keys = Object.keys(values);
  // Each attribute's index is built on the first lookup by that attribute.
  const firstMs: Record<string, number> = {};
  for (const key of keys) {
    const t0 = process.hrtime.bigint();
    engine.lookupEvents({ LookupAttributes: [{ AttributeKey: key as never, AttributeValue: values[key]![0]! }] });
    firstMs[key] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const pageMs: number[] = [];
  const perKey: Record<string, number[]> = {};
  let token: string | undefined;
  let previous: { key: string; value: string } | undefined;
  for (let i = 0; i < 4000; i++) {
    // Every third lookup continues the previous one with its NextToken.
    const continuing = token !== undefined && previous !== undefined && i % 3 === 2;
    const key = continuing ? previous!.key : keys[i % keys.length]!;
    const list = values[key]!;
    const value = continuing ? previous!.value : list[rand(list.length)]!;
    const t0 = process.hrtime.bigint();
    const page = engine.lookupEvents({ LookupAttributes: [{ AttributeKey: key as never, AttributeValue: value }], ...(continuing ? { NextToken: token } : {}) });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i >= 200) {
      pageMs.push(ms);
      (perKey[key] ??= []).push(ms);
    }
    token = page.NextToken;
    previous = { key, value };
  }
  const scanMs: number[] = [];
  const indexedForScan: number[] = [];
  for (let i = 0; i < 24; i++) {
    const key = keys[i % keys.length]!;
    const list = values[key]!;
    const value = list[rand(list.length)]!;
    const t0 = process.hrtime.bigint();
    scanLookup(records, key, value, 50);
    scanMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const t1 = process.hrtime.bigint();
    engine.lookupEvents({ LookupAttributes: [{ AttributeKey: key as never, AttributeValue: value }] });
    indexedForScan.push(Number(process.hrtime.bigint() - t1) / 1e6);
  }
  const sorted = [...pageMs].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
  const med = median(pageMs);
  const speedup = median(scanMs) / median(indexedForScan);
  const json: Record<string, number | string> = {
    events: EVENTS,
    pageMedianMs: round(med, 4),
    pageP95Ms: round(p95, 4),
    scanMedianMs: round(median(scanMs), 3),
    speedupVsScan: round(speedup, 1),
    acceptMs: round(acceptMs, 1),
    indexBuildMs: round(indexMs, 1),
    targetPageMedianMs: 1,
  };
  for (const [key, list] of Object.entries(perKey)) json[`pageMedianMs.${key}`] = round(median(list), 4);
  for (const [key, ms] of Object.entries(firstMs)) json[`firstLookupMs.${key}`] = round(ms, 1);
  const firsts = Object.values(firstMs);
  return [
    {
      name: 'lookup',
      line: `lookup: ${round(med, 3)} ms/page median, p95 ${round(p95, 3)} ms over ${EVENTS / 1e6}M events (${round(speedup, 1)}x a linear scan at ${round(median(scanMs), 1)} ms; time index built in ${round(indexMs, 0)} ms on the first lookup, each attribute index in ${round(Math.min(...firsts), 0)}–${round(Math.max(...firsts), 0)} ms on its first) [${machine()}]`,
      json,
    },
  ];
}
