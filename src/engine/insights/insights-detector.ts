// Insights events (cloudtrail-facts §8), simplified: per-minute API call and error rates against a running baseline.
import type { Clock } from '../../clock/clock.js';
import type { CloudTrailRecord, JsonObject } from '../../vocabulary/record.js';
import { EVENT_VERSION } from '../../vocabulary/record.js';
import { cloudTrailTime } from '../../vocabulary/time.js';

export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';

/** Insights types as bits, so a trail's or a region's set of enabled types is one number. */
export const CALL_RATE = 1;
export const ERROR_RATE = 2;

/** The bit of an Insights type. */
export function insightBit(type: string | undefined): number {
  return type === 'ApiCallRateInsight' ? CALL_RATE : ERROR_RATE;
}

/**
 * localtrail's rule (CloudTrail's statistics are not published): a minute is unusual when its count is at least
 * `MIN_UNUSUAL` and at least `FACTOR` times the baseline average per minute. An incident starts with the first unusual
 * minute and ends with the first usual one (a minute without calls included).
 */
export const MIN_UNUSUAL = 10;
export const FACTOR = 3;
/** Baselines cover at most the 7 days before the minute (cloudtrail-facts §8). */
export const BASELINE_MINUTES = 7 * 24 * 60;
const MINUTE = 60_000;

interface Tally {
  count: number;
  users: Map<string, number>;
  agents: Map<string, number>;
  errors: Map<string, number>;
}

function newTally(): Tally {
  return { count: 0, users: new Map(), agents: new Map(), errors: new Map() };
}

function bump(map: Map<string, number>, key: string | undefined): void {
  const k = key ?? 'null';
  map.set(k, (map.get(k) ?? 0) + 1);
}

function merge(into: Tally, from: Tally): void {
  into.count += from.count;
  for (const [k, v] of from.users) into.users.set(k, (into.users.get(k) ?? 0) + v);
  for (const [k, v] of from.agents) into.agents.set(k, (into.agents.get(k) ?? 0) + v);
  for (const [k, v] of from.errors) into.errors.set(k, (into.errors.get(k) ?? 0) + v);
}

/** One (insight type, eventSource, eventName) series. */
interface Series {
  type: InsightType;
  eventSource: string;
  eventName: string;
  /** Minute (epoch ms / 60000) being counted. */
  minute: number;
  current: Tally;
  /** Closed minutes within the baseline window, oldest first. */
  closed: Array<{ minute: number; tally: Tally }>;
  incident?: { startMinute: number; tally: Tally; minutes: number; sharedEventID: string; baseline: number; baselineMinutes: number; baselineTally: Tally };
}

export type EmitInsight = (type: InsightType, record: CloudTrailRecord) => void;

/**
 * Watches the management events of one (account, region) and emits Insights Start/End record pairs.
 * @example
 * const detector = new InsightsDetector('111122223333', 'us-east-1', clock, newId, (type, record) => …);
 * detector.observe(record, CALL_RATE | ERROR_RATE);
 */
export class InsightsDetector {
  private readonly series = new Map<string, Series>();

  constructor(
    private readonly accountId: string,
    private readonly region: string,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private readonly emit: EmitInsight,
  ) {}

  /** Counts one management event for the enabled `types` (bits; call rate: writes only; error rate: failures). */
  observe(record: CloudTrailRecord, types: number): void {
    const minute = Math.floor(this.clock.now() / MINUTE);
    if ((types & CALL_RATE) !== 0 && record.readOnly === false) this.count('ApiCallRateInsight', record, minute);
    if ((types & ERROR_RATE) !== 0 && record.errorCode !== undefined) this.count('ApiErrorRateInsight', record, minute);
  }

  /** Closes every minute that has ended (call before reading Insights so quiet periods end incidents). */
  tick(): void {
    const minute = Math.floor(this.clock.now() / MINUTE);
    for (const s of this.series.values()) this.advance(s, minute);
  }

  private count(type: InsightType, record: CloudTrailRecord, minute: number): void {
    const source = record.eventSource ?? '';
    const name = record.eventName ?? '';
    const key = `${type}|${source}|${name}`;
    let s = this.series.get(key);
    if (s === undefined) {
      s = { type, eventSource: source, eventName: name, minute, current: newTally(), closed: [] };
      this.series.set(key, s);
    }
    this.advance(s, minute);
    const t = s.current;
    t.count++;
    bump(t.users, record.userIdentity?.arn);
    bump(t.agents, record.userAgent);
    bump(t.errors, record.errorCode);
  }

  /** Moves the series to `minute`, judging each minute that ended on the way. */
  private advance(s: Series, minute: number): void {
    while (s.minute < minute) {
      this.judge(s, s.minute, s.current);
      if (s.current.count > 0) s.closed.push({ minute: s.minute, tally: s.current });
      s.current = newTally();
      // During an incident the next minute is judged too (an empty one ends it); otherwise quiet minutes are skipped.
      s.minute = s.incident ? s.minute + 1 : minute;
      while (s.closed.length > 0 && s.closed[0]!.minute < s.minute - BASELINE_MINUTES) s.closed.shift();
    }
  }

  private baseline(s: Series, minute: number): { average: number; minutes: number; tally: Tally } {
    const tally = newTally();
    let first = minute;
    for (const c of s.closed) {
      if (c.minute < minute - BASELINE_MINUTES || c.minute >= minute) continue;
      merge(tally, c.tally);
      if (c.minute < first) first = c.minute;
    }
    // Whole days, at least one (cloudtrail-cloudtrail-facts §8: the baseline is counted in days).
    const minutes = Math.max(1440, Math.ceil((minute - first) / 1440) * 1440);
    return { average: tally.count / minutes, minutes, tally };
  }

  private judge(s: Series, minute: number, tally: Tally): void {
    if (s.incident) {
      if (tally.count >= MIN_UNUSUAL && tally.count >= FACTOR * s.incident.baseline) {
        merge(s.incident.tally, tally);
        s.incident.minutes++;
        return;
      }
      const incident = s.incident;
      delete s.incident;
      this.emit(s.type, this.record(s, 'End', minute * MINUTE, incident.sharedEventID, incident.baseline, incident.tally.count / incident.minutes, incident.baselineMinutes, incident.tally, incident.baselineTally, incident.minutes));
      return;
    }
    if (tally.count < MIN_UNUSUAL) return;
    const base = this.baseline(s, minute);
    if (tally.count < FACTOR * base.average) return;
    const incidentTally = newTally();
    merge(incidentTally, tally);
    s.incident = { startMinute: minute, tally: incidentTally, minutes: 1, sharedEventID: this.newId(), baseline: base.average, baselineMinutes: base.minutes, baselineTally: base.tally };
    this.emit(s.type, this.record(s, 'Start', minute * MINUTE, s.incident.sharedEventID, base.average, tally.count, base.minutes, tally, base.tally));
  }

  private record(
    s: Series,
    state: 'Start' | 'End',
    time: number,
    sharedEventID: string,
    baselineAverage: number,
    insightAverage: number,
    baselineMinutes: number,
    insight: Tally,
    baseline: Tally,
    insightMinutes?: number,
  ): CloudTrailRecord {
    const statistics: JsonObject = {
      baseline: { average: round(baselineAverage) },
      insight: { average: round(insightAverage) },
      baselineDuration: baselineMinutes,
    };
    if (insightMinutes !== undefined) statistics['insightDuration'] = insightMinutes;
    const attributions: JsonObject[] = [
      attribution('userIdentityArn', insight.users, baseline.users, insightMinutes ?? 1, baselineMinutes),
      attribution('userAgent', insight.agents, baseline.agents, insightMinutes ?? 1, baselineMinutes),
      attribution('errorCode', insight.errors, baseline.errors, insightMinutes ?? 1, baselineMinutes),
    ];
    const details: JsonObject = { state, eventSource: s.eventSource, eventName: s.eventName, insightType: s.type };
    if (s.type === 'ApiErrorRateInsight') details['errorCode'] = top(insight.errors)[0]?.[0] ?? 'null';
    details['insightContext'] = { statistics, attributions };
    return {
      eventVersion: EVENT_VERSION,
      eventTime: cloudTrailTime(time),
      awsRegion: this.region,
      eventID: this.newId(),
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: this.accountId,
      sharedEventID,
      insightDetails: details,
      eventCategory: 'Insight',
    };
  }
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function top(map: Map<string, number>): Array<[string, number]> {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, 5);
}

function attribution(attribute: string, insight: Map<string, number>, baseline: Map<string, number>, insightMinutes: number, baselineMinutes: number): JsonObject {
  return {
    attribute,
    insight: top(insight).map(([value, n]) => ({ value, average: round(n / insightMinutes) })),
    baseline: top(baseline).map(([value, n]) => ({ value, average: round(n / baselineMinutes) })),
  };
}
