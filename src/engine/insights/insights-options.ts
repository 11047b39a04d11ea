// The parameters of localtrail's Insights detection (docs/insights.md), their defaults and their validation.

/**
 * How Insights judge a minute. CloudTrail does not publish its statistics; these are localtrail's, documented in
 * docs/insights.md, and every one of them can be set so a test can reach an Insights event in minutes.
 * @example
 * createLocalTrail({ clock, insights: { baselineMinutes: 30, minimumCount: 5 } });
 */
export interface InsightsOptions {
  /**
   * Minutes of history a baseline covers, ending where the judged minute starts. Insights are judged only once an
   * (account, region) has been watched this long (CloudTrail's first Insights events also wait for a baseline).
   * Default 10,080 (7 days, CloudTrail's baseline).
   */
  baselineMinutes?: number;
  /** A minute is unusual only with at least this many calls (or errors) to one API. Default 10. */
  minimumCount?: number;
  /** …and at least this many times the baseline's average per minute. Default 3. */
  factor?: number;
}

export interface ResolvedInsightsOptions {
  baselineMinutes: number;
  minimumCount: number;
  factor: number;
  /**
   * Width of the baseline's buckets in minutes: a 168th of the window, at least one (an hour for 7 days). A baseline
   * keeps at most ~168 tallies per API however long its window, and its edge moves a bucket at a time.
   */
  bucketMinutes: number;
}

export const DEFAULT_BASELINE_MINUTES = 7 * 24 * 60;
export const DEFAULT_MINIMUM_COUNT = 10;
export const DEFAULT_FACTOR = 3;
/** Buckets a baseline is split into (one per hour of a 7-day window). */
export const BASELINE_BUCKETS = 168;

function check(name: string, value: number, integer: boolean): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new TypeError(`localtrail: insights.${name} must be a ${integer ? 'whole number' : 'number'} > 0, got ${String(value)}`);
  }
  return value;
}

/** Validates once, at construction; throws a TypeError naming the bad parameter. */
export function resolveInsightsOptions(options: InsightsOptions = {}): ResolvedInsightsOptions {
  const baselineMinutes = check('baselineMinutes', options.baselineMinutes ?? DEFAULT_BASELINE_MINUTES, true);
  return {
    baselineMinutes,
    minimumCount: check('minimumCount', options.minimumCount ?? DEFAULT_MINIMUM_COUNT, true),
    factor: check('factor', options.factor ?? DEFAULT_FACTOR, false),
    bucketMinutes: Math.max(1, Math.floor(baselineMinutes / BASELINE_BUCKETS)),
  };
}
