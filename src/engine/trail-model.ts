// The engine's state of one trail, and its views: the API `Trail`, CreateTrail's response, delivery's snapshot.
import type { AdvancedEventSelector, CreateTrailResponse, EventSelector, InsightSelector, Trail } from './control-plane-shapes.js';
import type { DeliveryTrail } from './delivery-port.js';
import type { CompiledSelectors } from './selectors/types.js';

/** Everything the engine knows about one trail (one per home-region ARN; shadows are views of it). */
export interface TrailState {
  name: string;
  /** Owner; the management account for an organization trail. */
  accountId: string;
  homeRegion: string;
  arn: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  snsTopicName?: string;
  snsTopicArn?: string;
  includeGlobalServiceEvents: boolean;
  isMultiRegionTrail: boolean;
  logFileValidationEnabled: boolean;
  cloudWatchLogsLogGroupArn?: string;
  cloudWatchLogsRoleArn?: string;
  kmsKeyId?: string;
  isOrganizationTrail: boolean;
  isLogging: boolean;
  startLoggingTime?: number;
  stopLoggingTime?: number;
  /** Exactly one of the two is set when the trail has custom selectors. */
  eventSelectors?: EventSelector[];
  advancedEventSelectors?: AdvancedEventSelector[];
  selectors: CompiledSelectors;
  insightSelectors: InsightSelector[];
  tags: Map<string, string>;
  /** Delivery's view; replaced (never mutated) whenever a setting changes. */
  delivery: DeliveryTrail;
}

function copyDefined<T extends object>(target: T, source: Partial<T>): T {
  for (const key of Object.keys(source) as Array<keyof T>) if (source[key] !== undefined) target[key] = source[key] as T[keyof T];
  return target;
}

/** The `Trail` shape of GetTrail / DescribeTrails. */
export function toApiTrail(trail: TrailState): Trail {
  return copyDefined<Trail>(
    {},
    {
      Name: trail.name,
      S3BucketName: trail.s3BucketName,
      S3KeyPrefix: trail.s3KeyPrefix,
      SnsTopicName: trail.snsTopicName,
      SnsTopicARN: trail.snsTopicArn,
      IncludeGlobalServiceEvents: trail.includeGlobalServiceEvents,
      IsMultiRegionTrail: trail.isMultiRegionTrail,
      HomeRegion: trail.homeRegion,
      TrailARN: trail.arn,
      LogFileValidationEnabled: trail.logFileValidationEnabled,
      CloudWatchLogsLogGroupArn: trail.cloudWatchLogsLogGroupArn,
      CloudWatchLogsRoleArn: trail.cloudWatchLogsRoleArn,
      KmsKeyId: trail.kmsKeyId,
      HasCustomEventSelectors: trail.eventSelectors !== undefined || trail.advancedEventSelectors !== undefined,
      HasInsightSelectors: trail.insightSelectors.length > 0,
      IsOrganizationTrail: trail.isOrganizationTrail,
    },
  );
}

/** The response shape of CreateTrail and UpdateTrail: the Trail without its home region and selector flags. */
export function toCreateResponse(trail: TrailState): CreateTrailResponse {
  const { HomeRegion: _home, HasCustomEventSelectors: _selectors, HasInsightSelectors: _insights, ...response } = toApiTrail(trail);
  return response;
}

/** A fresh, frozen snapshot of the trail for delivery. */
export function toDeliveryTrail(trail: TrailState, organizationId: string | undefined): DeliveryTrail {
  const snapshot: DeliveryTrail = {
    name: trail.name,
    arn: trail.arn,
    homeRegion: trail.homeRegion,
    accountId: trail.accountId,
    s3BucketName: trail.s3BucketName,
    isMultiRegionTrail: trail.isMultiRegionTrail,
    isOrganizationTrail: trail.isOrganizationTrail,
    logFileValidationEnabled: trail.logFileValidationEnabled,
  };
  if (trail.s3KeyPrefix !== undefined) snapshot.s3KeyPrefix = trail.s3KeyPrefix;
  if (trail.snsTopicArn !== undefined) snapshot.snsTopicArn = trail.snsTopicArn;
  if (trail.kmsKeyId !== undefined) snapshot.kmsKeyId = trail.kmsKeyId;
  if (trail.cloudWatchLogsLogGroupArn !== undefined) snapshot.cloudWatchLogsLogGroupArn = trail.cloudWatchLogsLogGroupArn;
  if (trail.isOrganizationTrail && organizationId !== undefined) snapshot.organizationId = organizationId;
  return Object.freeze(snapshot);
}
