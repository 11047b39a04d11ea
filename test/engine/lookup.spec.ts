import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { makeRecord, s3DataRecord, thrown } from './helpers.js';

const ACCT = '111111111111';
const START = Date.parse('2026-05-01T00:00:00Z');

function setup() {
  const clock = new ManualClock(START);
  const engine = new TrailEngine({ clock, accountId: ACCT, region: 'us-east-1' });
  /** Accepts a record stamped with the clock's current second. */
  const record = (overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord => {
    const r = makeRecord({ eventTime: new Date(Math.floor(clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z'), ...overrides });
    engine.accept(r);
    return r;
  };
  return { clock, engine, record };
}

const ids = (events: Array<{ EventId?: string }> | undefined) => (events ?? []).map((e) => e.EventId);

describe('event history content (cloudtrail-facts §9)', () => {
  it('keeps management events only, newest first, with ReadOnly as a string and the record as JSON', async () => {
    const { engine, record, clock } = setup();
    const first = record({ eventName: 'DescribeInstances', readOnly: true });
    await clock.advance(1000);
    engine.accept(s3DataRecord('bucket-a', 'k', { eventTime: '2026-05-01T00:00:01Z' }));
    const second = record({
      eventName: 'CreateBucket',
      eventSource: 's3.amazonaws.com',
      readOnly: false,
      resources: [{ type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::bucket-a', accountId: ACCT }],
    });
    const { Events, NextToken } = engine.lookupEvents();
    expect(NextToken).toBeUndefined();
    expect(ids(Events)).toEqual([second.eventID, first.eventID]);
    expect(Events![0]).toEqual({
      EventId: second.eventID,
      EventName: 'CreateBucket',
      ReadOnly: 'false',
      AccessKeyId: 'AKIAEXAMPLE',
      EventTime: new Date('2026-05-01T00:00:01Z'),
      EventSource: 's3.amazonaws.com',
      Username: 'alice',
      Resources: [{ ResourceType: 'AWS::S3::Bucket', ResourceName: 'bucket-a' }],
      CloudTrailEvent: JSON.stringify(second),
    });
  });

  it('is per account and region; global service events are found in us-east-1', () => {
    const { engine, record } = setup();
    const west = record({ awsRegion: 'us-west-2' });
    const iam = record({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', awsRegion: 'us-east-1' });
    const other = record({ recipientAccountId: '222222222222' });
    expect(ids(engine.lookupEvents({}, { region: 'us-west-2' }).Events)).toEqual([west.eventID]);
    expect(ids(engine.lookupEvents({}).Events)).toEqual([iam.eventID]);
    expect(ids(engine.lookupEvents({}, { accountId: '222222222222' }).Events)).toEqual([other.eventID]);
  });

  it('drops events older than 90 days by the clock', async () => {
    const { engine, record, clock } = setup();
    const old = record();
    await clock.advance(10 * 24 * 3600 * 1000);
    const recent = record();
    expect(ids(engine.lookupEvents().Events)).toEqual([recent.eventID, old.eventID]);
    await clock.advance(80 * 24 * 3600 * 1000 + 1000);
    expect(ids(engine.lookupEvents().Events)).toEqual([recent.eventID]);
  });
});

describe('lookup attributes: exactly one of the eight (cloudtrail-facts §9)', () => {
  function populated() {
    const s = setup();
    const a = s.record({ eventName: 'RunInstances', eventSource: 'ec2.amazonaws.com', readOnly: false, resources: [{ type: 'AWS::EC2::Instance', ARN: 'arn:aws:ec2:us-east-1:111111111111:instance/i-0abc' }] });
    const b = s.record({
      eventName: 'AssumeRole',
      eventSource: 'sts.amazonaws.com',
      readOnly: true,
      userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111111111111:assumed-role/Deployer/deploy-session', accountId: ACCT, accessKeyId: 'ASIAEXAMPLE' },
    });
    const c = s.record({ eventName: 'GetCallerIdentity', userIdentity: { type: 'Root', arn: 'arn:aws:iam::111111111111:root', accountId: ACCT, accessKeyId: 'AKIAROOT' } });
    return { ...s, a, b, c };
  }

  it.each<[string, string, 'a' | 'b' | 'c' | 'none', ...Array<'a' | 'b' | 'c'>]>([
    ['EventName', 'RunInstances', 'a'],
    ['EventSource', 'sts.amazonaws.com', 'b'],
    ['ReadOnly', 'false', 'a'],
    ['ReadOnly', 'true', 'c', 'b'],
    ['Username', 'alice', 'a'],
    ['Username', 'deploy-session', 'b'],
    ['Username', 'root', 'c'],
    ['AccessKeyId', 'ASIAEXAMPLE', 'b'],
    ['ResourceType', 'AWS::EC2::Instance', 'a'],
    ['ResourceName', 'i-0abc', 'a'],
    ['ResourceName', 'arn:aws:ec2:us-east-1:111111111111:instance/i-0abc', 'a'],
    ['EventName', 'Nothing', 'none'],
  ])('%s = %s', (key, value, ...expected) => {
    const s = populated();
    const want = expected.filter((x) => x !== 'none').map((x) => s[x as 'a' | 'b' | 'c'].eventID);
    expect(ids(s.engine.lookupEvents({ LookupAttributes: [{ AttributeKey: key as never, AttributeValue: value }] }).Events)).toEqual(want);
  });

  it('EventId', () => {
    const s = populated();
    expect(ids(s.engine.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: s.b.eventID }] }).Events)).toEqual([s.b.eventID]);
  });

  it.each<[string, object, string]>([
    ['two attributes', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'a' }, { AttributeKey: 'EventSource', AttributeValue: 'b' }] }, 'InvalidLookupAttributesException'],
    ['an unknown key', { LookupAttributes: [{ AttributeKey: 'Region', AttributeValue: 'us-east-1' }] }, 'InvalidLookupAttributesException'],
    ['a lower-case key', { LookupAttributes: [{ AttributeKey: 'eventName', AttributeValue: 'x' }] }, 'InvalidLookupAttributesException'],
    ['an empty value', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '' }] }, 'InvalidLookupAttributesException'],
    ['a value over 2000 weighted characters', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'a_'.repeat(667) }] }, 'InvalidLookupAttributesException'],
    ['Username with insight events', { EventCategory: 'insight', LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'x' }] }, 'InvalidLookupAttributesException'],
    ['another event category', { EventCategory: 'management' }, 'InvalidEventCategoryException'],
    ['start after end', { StartTime: new Date(START + 1), EndTime: new Date(START) }, 'InvalidTimeRangeException'],
    ['an invalid time', { StartTime: new Date('nope') }, 'InvalidTimeRangeException'],
    ['MaxResults 0', { MaxResults: 0 }, 'InvalidMaxResultsException'],
    ['MaxResults 51', { MaxResults: 51 }, 'InvalidMaxResultsException'],
    ['a garbage NextToken', { NextToken: 'garbage' }, 'InvalidNextTokenException'],
  ])('rejects %s', (_case, request, name) => {
    const { engine } = setup();
    expect(thrown(() => engine.lookupEvents(request)).name).toBe(name);
  });

  it('accepts a value of exactly 2000 weighted characters', () => {
    const { engine } = setup();
    expect(engine.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'a_'.repeat(666) + 'ab' }] }).Events).toEqual([]);
  });
});

describe('time range and pages (cloudtrail-facts §9)', () => {
  it('StartTime and EndTime are both inclusive', async () => {
    const { engine, record, clock } = setup();
    const events: CloudTrailRecord[] = [];
    for (let i = 0; i < 5; i++) {
      events.push(record());
      await clock.advance(1000);
    }
    const found = engine.lookupEvents({ StartTime: new Date(START + 1000), EndTime: new Date(START + 3000) }).Events;
    expect(ids(found)).toEqual([events[3]!.eventID, events[2]!.eventID, events[1]!.eventID]);
  });

  it('pages of MaxResults (default 50) with NextToken, stable while new events arrive', async () => {
    const { engine, record, clock } = setup();
    const all: string[] = [];
    for (let i = 0; i < 120; i++) {
      all.push(record({ eventName: i % 2 ? 'Odd' : 'Even' }).eventID);
      if (i % 7 === 0) await clock.advance(1000);
    }
    const newestFirst = [...all].reverse();
    const page1 = engine.lookupEvents();
    expect(ids(page1.Events)).toEqual(newestFirst.slice(0, 50));
    record(); // arrives between pages: newer than page 1, so never shown on later pages
    record();
    const page2 = engine.lookupEvents({ NextToken: page1.NextToken });
    expect(ids(page2.Events)).toEqual(newestFirst.slice(50, 100));
    const page3 = engine.lookupEvents({ NextToken: page2.NextToken });
    expect(ids(page3.Events)).toEqual(newestFirst.slice(100));
    expect(page3.NextToken).toBeUndefined();

    const small = engine.lookupEvents({ MaxResults: 7, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Odd' }] });
    expect(small.Events).toHaveLength(7);
    const next = engine.lookupEvents({ MaxResults: 7, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Odd' }], NextToken: small.NextToken });
    expect(next.Events!.every((e) => e.EventName === 'Odd')).toBe(true);
    expect(thrown(() => engine.lookupEvents({ NextToken: small.NextToken })).name).toBe('InvalidNextTokenException');
    expect(thrown(() => engine.lookupEvents({ NextToken: page1.NextToken }, { region: 'eu-west-1' })).name).toBe('InvalidNextTokenException');
  });

  it('an event that arrives late (older eventTime) is placed by its time', async () => {
    const { engine, record, clock } = setup();
    await clock.advance(10_000);
    const now = record();
    const late = record({ eventTime: '2026-05-01T00:00:05Z' });
    const early = record({ eventTime: '2026-05-01T00:00:01Z' });
    expect(ids(engine.lookupEvents().Events)).toEqual([now.eventID, late.eventID, early.eventID]);
    record({ eventTime: '2026-05-01T00:00:03Z' });
    expect(engine.lookupEvents({ StartTime: new Date(START + 2000), EndTime: new Date(START + 6000) }).Events).toHaveLength(2);
  });
});

describe('Insights in event history', () => {
  it('are returned only with EventCategory insight', () => {
    const { engine, record } = setup();
    record();
    const insight = record({
      eventCategory: 'Insight',
      eventType: 'AwsCloudTrailInsight',
      userIdentity: undefined,
      eventSource: undefined,
      eventName: undefined,
      readOnly: undefined,
      managementEvent: undefined,
      insightDetails: { state: 'Start', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', insightType: 'ApiCallRateInsight' },
    });
    expect(engine.lookupEvents().Events!.map((e) => e.EventId)).not.toContain(insight.eventID);
    const found = engine.lookupEvents({ EventCategory: 'insight', LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'RunInstances' }] }).Events!;
    expect(found.map((e) => [e.EventId, e.EventName, e.EventSource])).toEqual([[insight.eventID, 'RunInstances', 'ec2.amazonaws.com']]);
  });
});

describe('history bound', () => {
  it('keeps at most maxHistoryEvents per (account, region) and counts the dropped ones', () => {
    const clock = new ManualClock(START);
    const engine = new TrailEngine({ clock, accountId: ACCT, maxHistoryEvents: 100 });
    const eventIds: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = makeRecord({ eventTime: '2026-05-01T00:00:00Z' });
      eventIds.push(r.eventID);
      engine.accept(r);
      if (i === 500) engine.lookupEvents(); // switch to the indexed mode halfway
    }
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = engine.lookupEvents(token ? { NextToken: token } : {});
      seen.push(...ids(page.Events).map(String));
      token = page.NextToken;
    } while (token);
    expect(seen).toEqual(eventIds.slice(-100).reverse());
    expect(engine.stats().historyDropped).toBe(900);
  });
});

describe('robustness', () => {
  it('a record with an unreadable eventTime does not break the order of the others', () => {
    const { engine, record } = setup();
    const a = record();
    const bad = record({ eventTime: 'not a time' });
    const b = record();
    expect(ids(engine.lookupEvents().Events)).toEqual([b.eventID, bad.eventID, a.eventID]);
  });
});

describe('lazily built attribute indexes agree with the time index', () => {
  it('after drops and out-of-order times, an attribute lookup returns exactly the kept events with that attribute', () => {
    const clock = new ManualClock(START + 3600_000);
    const engine = new TrailEngine({ clock, accountId: ACCT, maxHistoryEvents: 100 });
    for (let i = 0; i < 400; i++) {
      // Times jump back now and then, as records completed out of order would.
      const second = i % 10 === 9 ? i - 30 : i;
      const t = new Date(START + Math.max(0, second) * 1000).toISOString().replace('.000Z', 'Z');
      engine.accept(makeRecord({ eventTime: t, eventName: i % 3 ? 'Read' : 'Write' }));
      if (i === 150) engine.lookupEvents();
    }
    const all: Array<{ EventId?: string; EventName?: string }> = [];
    let token: string | undefined;
    do {
      const page = engine.lookupEvents(token ? { NextToken: token } : {});
      all.push(...(page.Events ?? []));
      token = page.NextToken;
    } while (token);
    const writes: Array<{ EventId?: string }> = [];
    do {
      const page = engine.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Write' }], ...(token ? { NextToken: token } : {}) });
      writes.push(...(page.Events ?? []));
      token = page.NextToken;
    } while (token);
    expect(ids(writes)).toEqual(ids(all.filter((e) => e.EventName === 'Write')));
    expect(all.length).toBeLessThanOrEqual(100 + 12);
  });
});

describe('clearHistory', () => {
  it('forgets events but keeps trails routing', () => {
    const { engine, record } = setup();
    engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' });
    engine.startLogging({ Name: 'audit' });
    record();
    engine.clearHistory();
    expect(engine.lookupEvents().Events).toEqual([]);
    const after = record();
    expect(ids(engine.lookupEvents().Events)).toEqual([after.eventID]);
    expect(engine.stats()).toMatchObject({ accepted: 1, routed: 1 });
  });
});
