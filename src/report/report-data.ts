// The numbers an activity report shows, summed in one pass over any stream of records (none of them kept).
import { usernameOf } from '../engine/history/lookup-attributes.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';

/** Calls of one kind and how many of them failed. */
export interface Tally {
  name: string;
  calls: number;
  errors: number;
  writes: number;
}

/** One column of the calls-over-time chart. */
export interface TimeBucket {
  /** Start of the bucket, epoch ms. */
  start: number;
  management: number;
  data: number;
  errors: number;
}

export interface ErrorTally {
  code: string;
  count: number;
  /** The calls that failed with it most, e.g. `s3.amazonaws.com GetObject`. */
  topCall: string;
}

/** A failed call, as the report lists the most recent ones. */
export interface FailedCall {
  eventTime: string;
  eventSource: string;
  eventName: string;
  identity: string;
  errorCode: string;
  errorMessage: string;
}

/** An Insights event (start or end of unusual activity). */
export interface InsightEntry {
  eventTime: string;
  state: string;
  insightType: string;
  eventSource: string;
  eventName: string;
  region: string;
  /** Calls (or errors) a minute during the insight and in the baseline, when the record says. */
  insightAverage?: number;
  baselineAverage?: number;
}

export interface ReportData {
  totals: {
    records: number;
    /** API calls (management and data events; Insights events are not calls). */
    calls: number;
    management: number;
    data: number;
    insight: number;
    /** Records of another category (e.g. NetworkActivity). */
    other: number;
    errors: number;
    reads: number;
    writes: number;
  };
  /** Epoch ms of the oldest and newest record; undefined when there are none. */
  firstTime?: number;
  lastTime?: number;
  /** Width of each timeline bucket, ms. */
  bucketMs: number;
  timeline: TimeBucket[];
  identities: Tally[];
  services: Tally[];
  regions: Tally[];
  accounts: Tally[];
  operations: Tally[];
  errorCodes: ErrorTally[];
  recentErrors: FailedCall[];
  insights: InsightEntry[];
  /** Records whose eventTime could not be read (counted, left out of the timeline). */
  undatedRecords: number;
}

const MINUTE = 60_000;
/** Bucket widths the timeline chooses from: the smallest that keeps it at most MAX_BUCKETS columns. */
const BUCKET_LADDER = [1, 5, 15, 30, 60, 180, 360, 720, 1440, 10080].map((m) => m * MINUTE);
const MAX_BUCKETS = 96;
const RECENT_ERRORS = 50;
const MAX_INSIGHTS = 500;

type Counters = Map<string, Tally>;

function count(map: Counters, name: string, failed: boolean, write: boolean): void {
  let tally = map.get(name);
  if (tally === undefined) map.set(name, (tally = { name, calls: 0, errors: 0, writes: 0 }));
  tally.calls++;
  if (failed) tally.errors++;
  if (write) tally.writes++;
}

function sorted(map: Counters): Tally[] {
  return [...map.values()].sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name));
}

/** Who made a call, as a person reads it: the user, `role/session`, `root`, or the service that acted. */
export function identityLabel(record: CloudTrailRecord): string {
  const identity = record.userIdentity;
  if (identity === undefined) return 'unknown';
  if (identity.type === 'AssumedRole' && identity.arn) {
    const m = /:assumed-role\/(.+)$/.exec(identity.arn);
    if (m) return m[1]!;
  }
  return usernameOf(record) ?? identity.invokedBy ?? identity.principalId ?? identity.type ?? 'unknown';
}

function numberAt(value: unknown, ...path: string[]): number | undefined {
  let at: unknown = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'number' ? at : undefined;
}

function insightEntry(record: CloudTrailRecord): InsightEntry {
  const details = record.insightDetails ?? {};
  const text = (key: string): string => (typeof details[key] === 'string' ? (details[key] as string) : '');
  const entry: InsightEntry = {
    eventTime: record.eventTime,
    state: text('state'),
    insightType: text('insightType'),
    eventSource: text('eventSource'),
    eventName: text('eventName'),
    region: record.awsRegion,
  };
  const insightAverage = numberAt(details, 'insightContext', 'statistics', 'insight', 'average');
  const baselineAverage = numberAt(details, 'insightContext', 'statistics', 'baseline', 'average');
  if (insightAverage !== undefined) entry.insightAverage = insightAverage;
  if (baselineAverage !== undefined) entry.baselineAverage = baselineAverage;
  return entry;
}

/**
 * Sums what a report shows over `records`, in one pass; only the last failed calls and the Insights events are kept.
 * @example
 * const data = await summarizeRecords(trail.events());
 * data.totals.errors; // failed calls
 */
export async function summarizeRecords(records: AsyncIterable<CloudTrailRecord> | Iterable<CloudTrailRecord>): Promise<ReportData> {
  const totals = { records: 0, calls: 0, management: 0, data: 0, insight: 0, other: 0, errors: 0, reads: 0, writes: 0 };
  const identities: Counters = new Map();
  const services: Counters = new Map();
  const regions: Counters = new Map();
  const accounts: Counters = new Map();
  const operations: Counters = new Map();
  const errorCodes = new Map<string, { count: number; calls: Map<string, number> }>();
  const minutes = new Map<number, TimeBucket>();
  const recentErrors: FailedCall[] = [];
  const insights: InsightEntry[] = [];
  let firstTime = Number.POSITIVE_INFINITY;
  let lastTime = Number.NEGATIVE_INFINITY;
  let undated = 0;

  for await (const record of records) {
    totals.records++;
    const time = Date.parse(record.eventTime);
    if (Number.isNaN(time)) undated++;
    else {
      if (time < firstTime) firstTime = time;
      if (time > lastTime) lastTime = time;
    }
    const category = record.eventCategory ?? (record.eventType === 'AwsCloudTrailInsight' ? 'Insight' : record.managementEvent === false ? 'Data' : 'Management');
    if (category === 'Insight') {
      totals.insight++;
      if (insights.length < MAX_INSIGHTS) insights.push(insightEntry(record));
      continue;
    }
    if (category === 'Management') totals.management++;
    else if (category === 'Data') totals.data++;
    else totals.other++;
    totals.calls++;
    const failed = typeof record.errorCode === 'string' && record.errorCode !== '';
    const write = record.readOnly === false;
    if (failed) totals.errors++;
    if (record.readOnly === true) totals.reads++;
    if (write) totals.writes++;
    const source = record.eventSource ?? 'unknown';
    count(identities, identityLabel(record), failed, write);
    count(services, source, failed, write);
    count(regions, record.awsRegion ?? 'unknown', failed, write);
    count(accounts, record.recipientAccountId ?? 'unknown', failed, write);
    count(operations, `${source} ${record.eventName ?? 'unknown'}`, failed, write);
    if (!Number.isNaN(time)) {
      const minute = Math.floor(time / MINUTE) * MINUTE;
      let bucket = minutes.get(minute);
      if (bucket === undefined) minutes.set(minute, (bucket = { start: minute, management: 0, data: 0, errors: 0 }));
      if (category === 'Data') bucket.data++;
      else bucket.management++;
      if (failed) bucket.errors++;
    }
    if (failed) {
      const code = record.errorCode!;
      let tally = errorCodes.get(code);
      if (tally === undefined) errorCodes.set(code, (tally = { count: 0, calls: new Map() }));
      tally.count++;
      const call = `${source} ${record.eventName ?? 'unknown'}`;
      tally.calls.set(call, (tally.calls.get(call) ?? 0) + 1);
      recentErrors.push({
        eventTime: record.eventTime,
        eventSource: source,
        eventName: record.eventName ?? 'unknown',
        identity: identityLabel(record),
        errorCode: code,
        errorMessage: record.errorMessage ?? '',
      });
      // Keep the newest RECENT_ERRORS; records may come in any order, so trim by time, not by arrival.
      if (recentErrors.length >= RECENT_ERRORS * 2) keepNewest(recentErrors);
    }
  }
  keepNewest(recentErrors);
  insights.sort((a, b) => a.eventTime.localeCompare(b.eventTime));
  const data: ReportData = {
    totals,
    bucketMs: MINUTE,
    timeline: [],
    identities: sorted(identities),
    services: sorted(services),
    regions: sorted(regions),
    accounts: sorted(accounts),
    operations: sorted(operations),
    errorCodes: [...errorCodes].map(([code, t]) => ({ code, count: t.count, topCall: [...t.calls].sort((a, b) => b[1] - a[1])[0]![0] })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    recentErrors,
    insights,
    undatedRecords: undated,
  };
  if (firstTime <= lastTime) {
    data.firstTime = firstTime;
    data.lastTime = lastTime;
    const timeline = rebucket(minutes, firstTime, lastTime);
    data.bucketMs = timeline.bucketMs;
    data.timeline = timeline.buckets;
  }
  return data;
}

function keepNewest(errors: FailedCall[]): void {
  errors.sort((a, b) => b.eventTime.localeCompare(a.eventTime));
  errors.length = Math.min(errors.length, RECENT_ERRORS);
}

/** Per-minute counts into at most MAX_BUCKETS equal buckets covering first..last, empty ones included. */
function rebucket(minutes: Map<number, TimeBucket>, first: number, last: number): { bucketMs: number; buckets: TimeBucket[] } {
  const span = last - first + 1;
  const bucketMs = BUCKET_LADDER.find((width) => Math.ceil(span / width) + 1 <= MAX_BUCKETS) ?? BUCKET_LADDER[BUCKET_LADDER.length - 1]!;
  const start = Math.floor(first / bucketMs) * bucketMs;
  const n = Math.floor((last - start) / bucketMs) + 1;
  const buckets: TimeBucket[] = Array.from({ length: n }, (_, i) => ({ start: start + i * bucketMs, management: 0, data: 0, errors: 0 }));
  for (const m of minutes.values()) {
    const i = Math.min(n - 1, Math.floor((m.start - start) / bucketMs));
    const bucket = buckets[i]!;
    bucket.management += m.management;
    bucket.data += m.data;
    bucket.errors += m.errors;
  }
  return { bucketMs, buckets };
}
