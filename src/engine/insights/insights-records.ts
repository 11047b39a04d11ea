// The Insights event records CloudTrail writes: a Start and an End record per incident, linked by sharedEventID
// (record shape: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html,
// insightDetails: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-insight-details.html).
import type { CloudTrailRecord, JsonObject } from '../../vocabulary/record.js';
import { EVENT_VERSION } from '../../vocabulary/record.js';
import { cloudTrailTime } from '../../vocabulary/time.js';
import type { Tally } from './tally.js';
import { topFive } from './tally.js';

export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';

/** The API (and, for error rates, the error code) an Insights event is about. */
export interface InsightSubject {
  type: InsightType;
  eventSource: string;
  eventName: string;
  /** ApiErrorRateInsight only: the error code counted. */
  errorCode?: string;
}

/** Everything one Insights record says. Averages are per minute. */
export interface InsightFacts {
  subject: InsightSubject;
  state: 'Start' | 'End';
  /** Epoch ms: the start of the first unusual minute (Start) or of the first usual one after it (End). */
  time: number;
  region: string;
  accountId: string;
  eventID: string;
  sharedEventID: string;
  /** The unusual minutes so far (Start: 1) and their tally. */
  insight: Tally;
  insightMinutes: number;
  /** The baseline's tally over `baselineMinutes` before the incident started. */
  baseline: Tally;
  baselineMinutes: number;
}

/** CloudTrail writes averages with up to ten decimals (e.g. 1.7561507937). */
function average(count: number, minutes: number): number {
  return Math.round((count / minutes) * 1e10) / 1e10;
}

function attribution(attribute: string, insight: Map<string, number>, baseline: Map<string, number>, insightMinutes: number, baselineMinutes: number): JsonObject {
  return {
    attribute,
    insight: topFive(insight).map(([value, n]) => ({ value, average: average(n, insightMinutes) })),
    baseline: topFive(baseline).map(([value, n]) => ({ value, average: average(n, baselineMinutes) })),
  };
}

/**
 * One Insights record, fields in CloudTrail's order. An error-rate Insight is about one error code: its
 * `insightDetails.errorCode` names it and its attributions are user identities and user agents only.
 */
export function insightRecord(f: InsightFacts): CloudTrailRecord {
  const { subject, insight, baseline, insightMinutes, baselineMinutes } = f;
  const attributions: JsonObject[] = [
    attribution('userIdentityArn', insight.users, baseline.users, insightMinutes, baselineMinutes),
    attribution('userAgent', insight.agents, baseline.agents, insightMinutes, baselineMinutes),
  ];
  if (subject.type === 'ApiCallRateInsight') attributions.push(attribution('errorCode', insight.errors, baseline.errors, insightMinutes, baselineMinutes));
  const details: JsonObject = {
    state: f.state,
    eventSource: subject.eventSource,
    eventName: subject.eventName,
    insightType: subject.type,
  };
  if (subject.errorCode !== undefined) details['errorCode'] = subject.errorCode;
  details['sourceEventCategory'] = 'Management';
  details['insightContext'] = {
    statistics: {
      baseline: { average: average(baseline.count, baselineMinutes) },
      insight: { average: average(insight.count, insightMinutes) },
      insightDuration: insightMinutes,
      baselineDuration: baselineMinutes,
    },
    attributions,
  };
  return {
    eventVersion: EVENT_VERSION,
    eventTime: cloudTrailTime(f.time),
    awsRegion: f.region,
    eventID: f.eventID,
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: f.accountId,
    sharedEventID: f.sharedEventID,
    insightDetails: details,
    eventCategory: 'Insight',
  };
}
