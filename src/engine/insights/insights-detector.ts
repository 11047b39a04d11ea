// Insights detection for one (account, region): per-minute counts per API, judged against a bucketed baseline when
// each minute ends, on a timer of the injectable clock (so a ManualClock drives it deterministically).
import type { Clock, TimerHandle } from '../../clock/clock.js';
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { ResolvedInsightsOptions } from './insights-options.js';
import type { InsightSubject, InsightType } from './insights-records.js';
import { insightRecord } from './insights-records.js';
import type { Tally } from './tally.js';
import { addRecord, mergeTally, newTally } from './tally.js';

export type { InsightType } from './insights-records.js';

/** Insights types as bits, so a trail's or a region's set of enabled types is one number. */
export const CALL_RATE = 1;
export const ERROR_RATE = 2;

/** The bit of an Insights type. */
export function insightBit(type: string | undefined): number {
  return type === 'ApiCallRateInsight' ? CALL_RATE : ERROR_RATE;
}

const MINUTE = 60_000;

/** A baseline bucket: the closed minutes of `bucketMinutes` minutes starting at `index * bucketMinutes`. */
interface Bucket {
  index: number;
  tally: Tally;
}

interface Incident {
  sharedEventID: string;
  /** The unusual minutes so far. */
  tally: Tally;
  minutes: number;
  baseline: Tally;
  baselineAverage: number;
}

/** One API (one error code of it, for error rates) being watched. */
interface Series {
  subject: InsightSubject;
  /** The tally of the minute being counted, from the API's first counted call in it until the minute ends. */
  minute: Tally | undefined;
  buckets: Bucket[];
  incident: Incident | undefined;
}

export type EmitInsight = (type: InsightType, record: CloudTrailRecord) => void;

/**
 * Watches the management events of one (account, region) and emits Insights Start/End record pairs
 * (the method and its parameters: docs/insights.md).
 * @example
 * const detector = new InsightsDetector('111122223333', 'us-east-1', clock, resolveInsightsOptions(), newId, emit);
 * detector.observe(record, CALL_RATE | ERROR_RATE); // the minute is judged when it ends
 */
export class InsightsDetector {
  private readonly calls = new Map<string, Map<string, Series>>();
  private readonly errors = new Map<string, Map<string, Map<string, Series>>>();
  /** The APIs counted in the minute, in the order first counted (the order they are judged in, calls first). */
  private countedCalls: Series[] = [];
  private countedErrors: Series[] = [];
  /** APIs in an incident: judged every minute, quiet or not. */
  private readonly open = new Set<Series>();
  private lastCall: Series | undefined;
  private timer: TimerHandle | undefined;
  /** The minute being counted while the timer is armed (epoch minutes). */
  private minute = 0;
  /** The first minute watched: a baseline must lie entirely after it. */
  private readonly firstMinute: number;

  constructor(
    private readonly accountId: string,
    private readonly region: string,
    private readonly clock: Clock,
    private readonly options: ResolvedInsightsOptions,
    private readonly newId: () => string,
    private readonly emit: EmitInsight,
  ) {
    this.firstMinute = Math.floor(clock.now() / MINUTE);
  }

  /**
   * On the recording path: a write counts for the call rate of its API, a failure for the error rate of its API and
   * error code, into the tally of the minute. O(1): map lookups and counter updates; no clock read but an API's first
   * call of a minute (the minute is the timer's). Counting here costs less than keeping the record for the minute's
   * end: V8 does not inline the array push, which alone cost as much as the lookups.
   */
  observe(record: CloudTrailRecord, insights: number): void {
    if (record.readOnly === false && (insights & CALL_RATE) !== 0) this.count(this.callSeries(record), record, this.countedCalls);
    if (record.errorCode !== undefined && (insights & ERROR_RATE) !== 0) this.count(this.errorSeries(record), record, this.countedErrors);
  }

  /** Stops the timer (the detector is being dropped). */
  dispose(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of this.countedCalls) s.minute = undefined;
    for (const s of this.countedErrors) s.minute = undefined;
    this.countedCalls = [];
    this.countedErrors = [];
    this.open.clear();
  }

  /** Adds a record to the minute's tally of `s`; an API's first call of a minute starts its tally (and the timer). */
  private count(s: Series, record: CloudTrailRecord, counted: Series[]): void {
    let tally = s.minute;
    if (tally === undefined) {
      s.minute = tally = newTally();
      counted.push(s);
      if (this.timer === undefined) this.arm(this.clock.now());
    }
    addRecord(tally, record);
  }

  private callSeries(record: CloudTrailRecord): Series {
    const source = record.eventSource ?? '';
    const name = record.eventName ?? '';
    // A burst is one API over and over: the last answer first.
    const last = this.lastCall;
    if (last !== undefined && last.subject.eventName === name && last.subject.eventSource === source) return last;
    let byName = this.calls.get(source);
    if (byName === undefined) this.calls.set(source, (byName = new Map()));
    let series = byName.get(name);
    if (series === undefined) byName.set(name, (series = newSeries({ type: 'ApiCallRateInsight', eventSource: source, eventName: name })));
    this.lastCall = series;
    return series;
  }

  private errorSeries(record: CloudTrailRecord): Series {
    const code = record.errorCode!;
    const source = record.eventSource ?? '';
    const name = record.eventName ?? '';
    let byName = this.errors.get(source);
    if (byName === undefined) this.errors.set(source, (byName = new Map()));
    let byCode = byName.get(name);
    if (byCode === undefined) byName.set(name, (byCode = new Map()));
    let series = byCode.get(code);
    if (series === undefined) {
      byCode.set(code, (series = newSeries({ type: 'ApiErrorRateInsight', eventSource: source, eventName: name, errorCode: code })));
    }
    return series;
  }

  private arm(now: number): void {
    this.minute = Math.floor(now / MINUTE);
    this.timer = this.clock.setTimeout(() => this.minuteEnded(), (this.minute + 1) * MINUTE - now);
  }

  /**
   * The timer at a minute's end: judges each API counted and each in an incident, then, while an incident is open,
   * each quiet minute up to now (a late timer's), so a quiet minute ends it.
   */
  private minuteEnded(): void {
    this.timer = undefined;
    const now = this.clock.now();
    const current = Math.floor(now / MINUTE);
    const minute = this.minute;
    const judged = [...this.open];
    for (const s of this.countedCalls) if (!this.open.has(s)) judged.push(s);
    for (const s of this.countedErrors) if (!this.open.has(s)) judged.push(s);
    this.countedCalls = [];
    this.countedErrors = [];
    // Every tally is taken before anything is judged: a call counted while judging belongs to the next minute.
    const tallies = judged.map((s) => {
      const tally = s.minute ?? newTally();
      s.minute = undefined;
      return tally;
    });
    judged.forEach((s, i) => {
      this.close(s, minute, tallies[i]!);
      for (let m = minute + 1; m < current && s.incident !== undefined; m++) this.close(s, m, newTally());
      if (s.incident !== undefined) this.open.add(s);
      else this.open.delete(s);
    });
    if (this.open.size > 0 && this.timer === undefined) this.arm(now);
  }

  private close(s: Series, minute: number, tally: Tally): void {
    this.judge(s, minute, tally);
    if (tally.count > 0) this.addToBaseline(s, minute, tally);
  }

  private unusual(count: number, baselineAverage: number): boolean {
    return count >= this.options.minimumCount && count >= this.options.factor * baselineAverage;
  }

  private judge(s: Series, minute: number, tally: Tally): void {
    const { baselineMinutes } = this.options;
    const incident = s.incident;
    if (incident !== undefined) {
      if (this.unusual(tally.count, incident.baselineAverage)) {
        mergeTally(incident.tally, tally);
        incident.minutes++;
        return;
      }
      s.incident = undefined;
      this.emitRecord(s, 'End', minute, incident.sharedEventID, incident.tally, incident.minutes, incident.baseline);
      return;
    }
    // A baseline must be whole: the first window after watching began is only learnt from.
    if (tally.count < this.options.minimumCount || minute - baselineMinutes < this.firstMinute) return;
    const baseline = this.baseline(s, minute);
    const baselineAverage = baseline.count / baselineMinutes;
    if (!this.unusual(tally.count, baselineAverage)) return;
    const insight = newTally();
    mergeTally(insight, tally);
    s.incident = { sharedEventID: this.newId(), tally: insight, minutes: 1, baseline, baselineAverage };
    this.emitRecord(s, 'Start', minute, s.incident.sharedEventID, tally, 1, baseline);
  }

  /** The tally of the `baselineMinutes` before `minute` (to bucket precision). */
  private baseline(s: Series, minute: number): Tally {
    const { bucketMinutes, baselineMinutes } = this.options;
    const sum = newTally();
    for (const bucket of s.buckets) {
      const first = bucket.index * bucketMinutes;
      if (first >= minute - baselineMinutes && first < minute) mergeTally(sum, bucket.tally);
    }
    return sum;
  }

  private addToBaseline(s: Series, minute: number, tally: Tally): void {
    const { bucketMinutes, baselineMinutes } = this.options;
    const index = Math.floor(minute / bucketMinutes);
    const last = s.buckets[s.buckets.length - 1];
    if (last !== undefined && last.index === index) mergeTally(last.tally, tally);
    else s.buckets.push({ index, tally });
    const oldest = minute - baselineMinutes - bucketMinutes;
    while (s.buckets.length > 0 && s.buckets[0]!.index * bucketMinutes < oldest) s.buckets.shift();
  }

  private emitRecord(s: Series, state: 'Start' | 'End', minute: number, sharedEventID: string, insight: Tally, insightMinutes: number, baseline: Tally): void {
    const record = insightRecord({
      subject: s.subject,
      state,
      time: minute * MINUTE,
      region: this.region,
      accountId: this.accountId,
      eventID: this.newId(),
      sharedEventID,
      insight,
      insightMinutes,
      baseline,
      baselineMinutes: this.options.baselineMinutes,
    });
    this.emit(s.subject.type, record);
  }
}

function newSeries(subject: InsightSubject): Series {
  // Every field from the start: one object shape for all series, as the recording path reads and writes `minute`.
  return { subject, minute: undefined, buckets: [], incident: undefined };
}
