// Insights detection for one (account, region): per-minute counts per API, judged against a bucketed baseline when
// each minute ends, on a timer of the injectable clock (so a ManualClock drives it deterministically).
import type { Clock, TimerHandle } from '../../clock/clock.js';
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { ResolvedInsightsOptions } from './insights-options.js';
import type { InsightSubject, InsightType } from './insights-records.js';
import { insightRecord } from './insights-records.js';
import type { Tally } from './tally.js';
import { addRecords, mergeTally, newTally } from './tally.js';

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
  /** The records of the minute being counted: tallied only when the minute ends, off the recording path. */
  pending: CloudTrailRecord[];
  /** In the detector's active list (counted this minute, or in an incident). */
  active: boolean;
  buckets: Bucket[];
  incident?: Incident;
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
  private active: Series[] = [];
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
   * On the recording path: a write counts for the call rate, a failure for the error rate of its error code. Costs
   * two Map lookups and an array push; no clock read (the minute is the timer's).
   */
  observe(record: CloudTrailRecord, insights: number): void {
    if ((insights & CALL_RATE) !== 0 && record.readOnly === false) this.count(this.callSeries(record), record);
    const code = record.errorCode;
    if (code !== undefined && (insights & ERROR_RATE) !== 0) this.count(this.errorSeries(record, code), record);
  }

  /** Stops the timer (the detector is being dropped). */
  dispose(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.active = [];
  }

  private callSeries(record: CloudTrailRecord): Series {
    const source = record.eventSource ?? '';
    const name = record.eventName ?? '';
    let byName = this.calls.get(source);
    if (byName === undefined) this.calls.set(source, (byName = new Map()));
    let series = byName.get(name);
    if (series === undefined) byName.set(name, (series = newSeries({ type: 'ApiCallRateInsight', eventSource: source, eventName: name })));
    return series;
  }

  private errorSeries(record: CloudTrailRecord, code: string): Series {
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

  private count(series: Series, record: CloudTrailRecord): void {
    series.pending.push(record);
    if (!series.active) {
      series.active = true;
      this.active.push(series);
    }
    if (this.timer === undefined) this.arm(this.clock.now());
  }

  private arm(now: number): void {
    this.minute = Math.floor(now / MINUTE);
    this.timer = this.clock.setTimeout(() => this.minuteEnded(), (this.minute + 1) * MINUTE - now);
  }

  /**
   * The timer at a minute's end: judges the counted minute of every active API, then, while an incident is open,
   * each quiet minute up to now (a late timer's), so a quiet minute ends the incident.
   */
  private minuteEnded(): void {
    this.timer = undefined;
    const now = this.clock.now();
    const current = Math.floor(now / MINUTE);
    const series = this.active;
    this.active = [];
    for (const s of series) {
      s.active = false;
      const tally = newTally();
      addRecords(tally, s.pending);
      s.pending = [];
      this.close(s, this.minute, tally);
      for (let m = this.minute + 1; m < current && s.incident !== undefined; m++) this.close(s, m, newTally());
      if (s.incident !== undefined) {
        s.active = true;
        this.active.push(s);
      }
    }
    if (this.active.length > 0) this.arm(now);
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
      delete s.incident;
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
  return { subject, pending: [], active: false, buckets: [] };
}
