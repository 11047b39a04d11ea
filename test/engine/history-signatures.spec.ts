// EventHistory's scans test a signature per record before reading it. Every answer must equal a brute-force filter of
// the records kept, with values whose signatures collide (the scan reads and rejects those records), records arriving
// late, maxEvents trims and retention cuts moving the signatures' base, before and after the index is built.
import { describe, expect, it } from 'vitest';
import { EventHistory } from '../../src/engine/history/event-history.js';
import type { HistoryCursor } from '../../src/engine/history/event-history.js';
import { attributeValues } from '../../src/engine/history/lookup-attributes.js';
import type { CloudTrailRecord, CloudTrailResource } from '../../src/vocabulary/record.js';

const ACCT = '111122223333';
const T0 = Date.parse('2026-05-01T00:00:00Z');
const FAR = T0 + 365 * 24 * 3600 * 1000;
/** 32 shared last characters: values ending in it have the same hash (signatures hash a value's last 32). */
const TAIL = 'abcdefghijklmnopqrstuvwxyz012345';

let seed = 3;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0;
}

const isoCache = new Map<number, string>();
function iso(second: number): string {
  let text = isoCache.get(second);
  if (text === undefined) isoCache.set(second, (text = new Date(T0 + second * 1000).toISOString().replace('.000Z', 'Z')));
  return text;
}
const timeOf = (r: CloudTrailRecord): number => Date.parse(r.eventTime);

/** The rare values, each on a few records among the common ones; the pairs collide in their signatures. */
const RARE: Array<[string, string]> = [
  ['EventName', `Alpha${TAIL}`],
  ['EventName', `Beta${TAIL}`],
  ['EventSource', `one.${TAIL}`],
  ['EventSource', `two.${TAIL}`],
  ['Username', 'session-rare'],
  ['Username', `user-a${TAIL}`],
  ['Username', `user-b${TAIL}`],
  ['AccessKeyId', 'ASIARARE'],
  ['ResourceType', 'AWS::Rare::Thing'],
  ['ResourceName', 'rare-bucket'],
  ['ResourceName', 'arn:aws:s3:::rare-bucket'],
  ['ResourceName', `${TAIL}`],
  ['ResourceName', `arn:aws:iam::${ACCT}:role/a/${TAIL}`],
  ['ResourceName', `arn:aws:iam::999999999999:role/a/${TAIL}`],
  ['EventId', `00000000-0000-4000-8000-${'c'.repeat(12)}`],
  ['EventId', `11111111-0000-4000-8000-${'c'.repeat(12)}`],
  ['ReadOnly', 'false'],
  ['EventName', 'NoSuchOperation'],
];

function record(i: number, second: number): CloudTrailRecord {
  const rare = rand(400) === 0 ? RARE[rand(RARE.length)]! : undefined;
  const user = rand(20);
  const resources: CloudTrailResource[] = [];
  if (rand(3) > 0) resources.push({ type: `AWS::S${user % 3}::Thing`, ARN: `arn:aws:s${user % 3}:us-east-1:${ACCT}:thing/item${rand(300)}` });
  // Now and then a record with many resources: its resource signatures have most bits set and pass most probes.
  if (rand(50) === 0) for (let k = 0; k < 12; k++) resources.push({ type: `AWS::Many${k}::Thing`, ARN: `arn:aws:many:us-east-1:${ACCT}:thing/${rand(1e6)}` });
  const r: CloudTrailRecord = {
    eventVersion: '1.11',
    userIdentity:
      user === 0
        ? { type: 'AssumedRole', arn: `arn:aws:sts::${ACCT}:assumed-role/Deployer/session-${rand(5)}`, accessKeyId: `ASIA${rand(5)}` }
        : { type: 'IAMUser', arn: `arn:aws:iam::${ACCT}:user/user${user}`, userName: `user${user}`, accessKeyId: `AKIA${user}` },
    eventTime: iso(second),
    eventSource: `service${rand(5)}.amazonaws.com`,
    eventName: `Operation${rand(40)}`,
    awsRegion: 'us-east-1',
    eventID: `${(i >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${rand(1e9).toString(16).padStart(12, '0')}`,
    readOnly: rand(5) > 0,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCT,
    eventCategory: 'Management',
  };
  if (resources.length > 0) r.resources = resources;
  if (rare !== undefined) {
    const [key, value] = rare;
    if (key === 'EventName') r.eventName = value;
    else if (key === 'EventSource') r.eventSource = value;
    else if (key === 'Username' && value === 'session-rare') r.userIdentity = { type: 'AssumedRole', arn: `arn:aws:sts::${ACCT}:assumed-role/Deployer/session-rare` };
    else if (key === 'Username') r.userIdentity = { type: 'IAMUser', userName: value };
    else if (key === 'AccessKeyId') r.userIdentity = { ...r.userIdentity!, accessKeyId: value };
    else if (key === 'ResourceType') r.resources = [{ type: value, ARN: `arn:aws:rare:us-east-1:${ACCT}:thing/x` }];
    else if (key === 'ResourceName') r.resources = [{ type: 'AWS::S3::Bucket', ARN: value.startsWith('arn:') ? value : `arn:aws:s3:::${value}` }, ...(r.resources ?? [])];
    else if (key === 'EventId') r.eventID = value.replace('0000-4000', `${(i & 0xffff).toString(16).padStart(4, '0')}-4000`);
  }
  return r;
}

/** Records with five a second, every 97th a minute late unless `late` is false; `from` numbers them. */
function records(from: number, n: number, late = true): CloudTrailRecord[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return record(i, Math.floor(i / 5) - (late && i % 97 === 96 ? 60 : 0));
  });
}

/** Every page of a lookup, following the cursor as NextToken does: the event ids, newest first. */
function lookup(history: EventHistory, key: string, value: string): string[] {
  const ids: string[] = [];
  let cursor: HistoryCursor | undefined;
  for (;;) {
    const entries = history.query(key, value, 0, FAR, cursor, 50);
    const page = entries.slice(0, 50);
    ids.push(...page.map((e) => e.record.eventID));
    if (entries.length <= 50) return ids;
    cursor = { time: page[49]!.time, seq: page[49]!.seq };
  }
}

/** What a lookup must answer: the kept records with the value, newest first by (time, arrival). */
function expected(kept: Array<{ r: CloudTrailRecord; s: number }>, key: string, value: string): string[] {
  return byTime(kept.filter(({ r }) => attributeValues(r, key).includes(value)))
    .reverse()
    .map(({ r }) => r.eventID);
}

function byTime(list: Array<{ r: CloudTrailRecord; s: number }>): Array<{ r: CloudTrailRecord; s: number }> {
  return list.sort((a, b) => timeOf(a.r) - timeOf(b.r) || a.s - b.s);
}

/** The newest `size` of all records added, by (time, arrival): what cuts by (time, seq) prefix leave. */
function kept(all: CloudTrailRecord[], size: number): Array<{ r: CloudTrailRecord; s: number }> {
  return byTime(all.map((r, s) => ({ r, s }))).slice(all.length - size);
}

function check(history: EventHistory, all: CloudTrailRecord[], stage: string): void {
  history.query(undefined, undefined, 0, FAR, undefined, 1); // trims, if due
  const live = kept(all, history.size);
  const common: Array<[string, string]> = [
    ['EventName', 'Operation7'],
    ['Username', 'user3'],
    ['Username', 'session-2'],
    ['ResourceName', 'item17'],
    ['ReadOnly', 'true'],
  ];
  for (const [key, value] of [...RARE, ...common]) {
    const want = expected(live, key, value);
    expect([stage, key, value, lookup(history, key, value)]).toEqual([stage, key, value, want]);
  }
}

/** Lookups of values no record has: each scans everything and indexes 1,024 records, until every index is complete. */
function buildIndexes(history: EventHistory): void {
  for (const key of ['EventName', 'EventSource', 'Username', 'AccessKeyId', 'ReadOnly', 'ResourceType', 'ResourceName']) {
    for (let i = 0; i < 100; i++) expect(history.query(key, 'no-such-value', 0, FAR, undefined, 50)).toEqual([]);
  }
}

describe('history scans with signatures', () => {
  it.each([
    ['with late arrivals (an explicit order)', true],
    ['in time order', false],
  ])('answers exactly the kept records %s: colliding signatures, maxEvents trims, scans then indexes', (_, late) => {
    const all = records(0, 60_000, late);
    // No time budget: each lookup indexes 1,024 records, so the first lookups are answered by scanning.
    const history = new EventHistory(40_000, { indexBudgetMs: 0 });
    for (const r of all) history.add(r);
    expect(history.dropped).toBeGreaterThan(0);
    // First lookups: the indexes are far behind (40,000 records, more than a slice), so these scan the signatures.
    check(history, all, 'scan');
    buildIndexes(history);
    check(history, all, 'index');
    // More records, late ones among them, and trims: signatures and indexes follow the cut.
    const more = records(60_000, 30_000, late);
    for (const r of more) history.add(r);
    all.push(...more);
    check(history, all, 'after more records');
    buildIndexes(history);
    check(history, all, 'index after more records');
  }, 120_000);

  it('retention cuts keep the signatures aligned with the records', () => {
    const all = records(0, 50_000, false);
    const history = new EventHistory(1_000_000, { indexBudgetMs: 0 });
    for (const r of all) history.add(r);
    // Expire the first half hour (9,000 records and late ones that fall before it), physically.
    history.expire(T0 + 1800 * 1000);
    const live = all.map((r, s) => ({ r, s })).filter(({ r }) => timeOf(r) >= T0 + 1800 * 1000);
    expect(history.size).toBe(live.length);
    for (const [key, value] of RARE) expect([key, value, lookup(history, key, value)]).toEqual([key, value, expected(live, key, value)]);
    // And records added after the cut.
    const more = records(50_000, 20_000, false);
    for (const r of more) history.add(r);
    const now = [...live, ...more.map((r, k) => ({ r, s: 50_000 + k }))];
    for (const [key, value] of RARE) expect([key, value, lookup(history, key, value)]).toEqual([key, value, expected(now, key, value)]);
  }, 60_000);

  it('an Insights history is looked up by the insightDetails of its records', () => {
    const history = new EventHistory(100_000, { indexBudgetMs: 0 });
    const all = records(0, 30_000).map((r, i) => ({
      ...r,
      eventCategory: 'Insight' as const,
      eventName: 'ignored',
      insightDetails: { eventName: i % 1000 === 7 ? 'RareInsightName' : `Operation${i % 3}`, eventSource: i % 999 === 5 ? 'rare.amazonaws.com' : 's3.amazonaws.com' },
    }));
    for (const r of all) history.add(r);
    const live = all.map((r, s) => ({ r, s }));
    for (const [key, value] of [['EventName', 'RareInsightName'], ['EventSource', 'rare.amazonaws.com'], ['EventName', 'ignored'], ['EventName', 'Operation1']] as const) {
      expect([key, value, lookup(history, key, value)]).toEqual([key, value, expected(live, key, value)]);
    }
  });

  it('keeps nothing, and signs nothing, with maxEvents 0', () => {
    const history = new EventHistory(0);
    for (const r of records(0, 100)) history.add(r);
    expect(history.size).toBe(0);
    expect(history.dropped).toBe(100);
    expect(history.query('EventName', 'Operation1', 0, FAR, undefined, 50)).toEqual([]);
  });
});
