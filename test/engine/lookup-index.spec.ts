// Lookups over a history larger than one index slice: answered by scanning while an attribute's index is built a
// slice per lookup, then from the index; every answer equals a brute-force filter of the records, across the switch,
// with records arriving late, being dropped by maxHistoryEvents, and arriving between pages.
import type { LookupAttributeKey, LookupEventsResponse } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { attributeValues } from '../../src/engine/history/lookup-attributes.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { newEventId } from '../../src/event/event-id.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';

const ACCT = '111122223333';
const T0 = Date.parse('2026-05-01T00:00:00Z');
const N = 150_000; // more than two index slices (65,536)

let seed = 11;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0;
}

// One string per second (as the recorder makes them), and its time read back once.
const isoCache = new Map<number, string>();
const timeCache = new Map<string, number>();
function iso(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = isoCache.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    isoCache.set(second, text);
    timeCache.set(text, second * 1000);
  }
  return text;
}
const timeOf = (r: CloudTrailRecord) => timeCache.get(r.eventTime)!;

function makeRecords(n: number, lateEvery = 0): CloudTrailRecord[] {
  const out: CloudTrailRecord[] = [];
  for (let i = 0; i < n; i++) {
    // Five records a second; now and then one completes "late" with a time a minute back.
    const second = Math.floor(i / 5) - (lateEvery > 0 && i % lateEvery === lateEvery - 1 ? 60 : 0);
    const user = rand(40);
    const role = user >= 35;
    const resource = rand(3) === 0 ? undefined : [{ type: `AWS::S${user % 4}::Thing`, ARN: `arn:aws:s${user % 4}:us-east-1:${ACCT}:thing/item${rand(500)}` }];
    out.push({
      eventVersion: '1.11',
      userIdentity: role
        ? { type: 'AssumedRole', arn: `arn:aws:sts::${ACCT}:assumed-role/Deployer/session-${user}`, accountId: ACCT, accessKeyId: `ASIA${user}` }
        : { type: 'IAMUser', arn: `arn:aws:iam::${ACCT}:user/user${user}`, accountId: ACCT, accessKeyId: `AKIA${user}`, userName: `user${user}` },
      eventTime: iso(T0 + Math.max(0, second) * 1000),
      eventSource: `service${rand(6)}.amazonaws.com`,
      eventName: `Operation${rand(120)}`,
      awsRegion: 'us-east-1',
      eventID: `0000${i.toString(16).padStart(8, '0')}-0000-4000-8000-${rand(1e9).toString(16).padStart(12, '0')}`,
      readOnly: rand(2) === 0,
      ...(resource ? { resources: resource } : {}),
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCT,
      eventCategory: 'Management',
    });
  }
  return out;
}

/** The pages of a lookup (all, or the first `maxPages`), following NextToken. */
function lookupAll(engine: TrailEngine, key: LookupAttributeKey, value: string, range: { StartTime?: Date; EndTime?: Date } = {}, between?: () => void, maxPages = Infinity): string[] {
  const ids: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    if (pages++ === maxPages) break;
    const page: LookupEventsResponse = engine.lookupEvents({ LookupAttributes: [{ AttributeKey: key, AttributeValue: value }], ...range, ...(token ? { NextToken: token } : {}) });
    ids.push(...(page.Events ?? []).map((e) => e.EventId!));
    token = page.NextToken;
    between?.();
  } while (token);
  return ids;
}

/** What LookupEvents must answer: the kept records with the value, in the time range, newest first by (time, arrival). */
function expected(kept: CloudTrailRecord[], key: string, value: string, from = -Infinity, to = Infinity): string[] {
  return kept
    .map((r, s) => ({ r, s, t: timeOf(r) }))
    .filter(({ r, t }) => t >= from && t <= to && attributeValues(r, key).includes(value))
    .sort((a, b) => b.t - a.t || b.s - a.s)
    .map(({ r }) => r.eventID);
}

function probes(records: CloudTrailRecord[]): Array<[LookupAttributeKey, string]> {
  const pick = () => records[rand(records.length)]!;
  return [
    ['EventName', pick().eventName!],
    ['EventSource', pick().eventSource!],
    ['Username', 'user7'],
    ['Username', 'session-37'],
    ['AccessKeyId', pick().userIdentity!.accessKeyId!],
    ['ReadOnly', 'false'],
    ['ResourceType', 'AWS::S2::Thing'],
    ['ResourceName', 'item42'],
    ['ResourceName', `arn:aws:s1:us-east-1:${ACCT}:thing/item7`],
    ['EventId', pick().eventID],
    ['EventName', 'NoSuchOperation'],
  ];
}

describe('lookups while indexes are built a slice at a time', () => {
  it('every attribute: the same answer from the scan, across the switch, and from the finished index', () => {
    const records = makeRecords(N);
    const engine = new TrailEngine({ clock: new ManualClock(T0 + N * 1000), accountId: ACCT, maxHistoryEvents: N });
    for (const r of records) engine.accept(r);
    for (const [key, value] of probes(records)) {
      const want = expected(records, key, value).slice(0, 150);
      // First lookups scan; each builds a slice; after a few the index answers. All must agree with the filter.
      for (let round = 0; round < 4; round++) expect([key, value, round, lookupAll(engine, key, value, {}, undefined, 3)]).toEqual([key, value, round, want]);
    }
    const from = T0 + 7_000 * 1000;
    const to = T0 + 9_000 * 1000;
    expect(lookupAll(engine, 'EventSource', 'service3.amazonaws.com', { StartTime: new Date(from), EndTime: new Date(to) })).toEqual(expected(records, 'EventSource', 'service3.amazonaws.com', from, to));
  }, 120_000);

  it('pages stay consistent while the index switches from scan to index and events keep arriving', () => {
    const records = makeRecords(N);
    const later = makeRecords(30_000).map((r, i) => ({ ...r, eventTime: iso(T0 + (N / 5 + 100 + Math.floor(i / 5)) * 1000), eventID: `late-${i}` }));
    const engine = new TrailEngine({ clock: new ManualClock(T0 + 2 * N * 1000), accountId: ACCT, maxHistoryEvents: 2 * N });
    for (const r of records) engine.accept(r);
    let next = 0;
    // Between pages, 1,500 newer events arrive: pages after the first must not show them, nor skip or repeat any.
    const seen = lookupAll(engine, 'ReadOnly', 'true', {}, () => {
      for (let i = 0; i < 1500 && next < later.length; i++) engine.accept(later[next++]!);
    });
    expect(seen).toEqual(expected(records, 'ReadOnly', 'true'));
    expect(next).toBeGreaterThan(0);
  }, 120_000);

  it('late arrivals and maxHistoryEvents drops: the answer is exactly the kept records', () => {
    const records = makeRecords(N, 97);
    const max = 100_000;
    const engine = new TrailEngine({ clock: new ManualClock(T0 + N * 1000), accountId: ACCT, maxHistoryEvents: max });
    for (let i = 0; i < records.length; i++) {
      engine.accept(records[i]!);
      if (i === 70_000) engine.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'service1.amazonaws.com' }] });
    }
    // The kept records: the newest `max` by (time, arrival).
    const kept = records
      .map((r, s) => ({ r, s, t: timeOf(r) }))
      .sort((a, b) => a.t - b.t || a.s - b.s)
      .slice(-max)
      .sort((a, b) => a.s - b.s)
      .map(({ r }) => r);
    for (const [key, value] of probes(kept)) {
      const want = expected(kept, key, value);
      for (let round = 0; round < 3; round++) expect([key, value, round, lookupAll(engine, key, value, {}, undefined, 3)]).toEqual([key, value, round, want.slice(0, 150)]);
    }
    // Every page of one lookup: nothing dropped shows, nothing kept is missing.
    expect(lookupAll(engine, 'EventSource', 'service1.amazonaws.com')).toEqual(expected(kept, 'EventSource', 'service1.amazonaws.com'));
    expect(engine.stats().historyDropped).toBe(N - max);
  }, 120_000);

  it("EventId: localtrail's own ids are found near their time, any other id by scanning", () => {
    const records = makeRecords(N).map((r, i) => ({ ...r, eventID: newEventId(T0 + Math.floor(i / 5) * 1000 + (i % 5)) }));
    // An Insights event is written minutes after the minute it describes: its id's time is far from its eventTime.
    const insightLike = { ...records[100]!, eventID: newEventId(T0 + 20_000 * 1000), eventName: 'Insight-like' };
    records.splice(101, 0, insightLike);
    const uuid = { ...records[200]!, eventID: '6f1c4a52-93be-4f0e-8a7d-2b1e1c9f0a11' };
    records.splice(201, 0, uuid);
    const engine = new TrailEngine({ clock: new ManualClock(T0 + N * 1000), accountId: ACCT, maxHistoryEvents: N + 10 });
    for (const r of records) engine.accept(r);
    for (const r of [records[N - 1]!, records[77_777]!, records[3]!, insightLike, uuid]) {
      expect(lookupAll(engine, 'EventId', r.eventID)).toEqual([r.eventID]);
    }
    expect(lookupAll(engine, 'EventId', newEventId(T0 + 5_000))).toEqual([]);
  }, 120_000);
});
