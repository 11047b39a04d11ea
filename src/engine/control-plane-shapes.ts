// CloudTrail's control-plane request and response shapes, declared here so localtrail's public types stand without
// the optional @aws-sdk/client-cloudtrail peer. Each mirrors the SDK's type of the same name member for member
// (test/types/control-plane-shapes.spec.ts checks both directions of assignability against the installed SDK).
// Required members are `T | undefined` as in the SDK, so a missing or misspelt member fails to compile.

/**
 * A trail tag.
 * @example
 * const tag: Tag = { Key: 'team', Value: 'platform' };
 */
export interface Tag {
  Key: string | undefined;
  Value?: string | undefined;
}

/**
 * Input of `trail.addTags`.
 * @example
 * await trail.addTags({ ResourceId: 'audit', TagsList: [{ Key: 'team', Value: 'platform' }] });
 */
export interface AddTagsRequest {
  ResourceId: string | undefined;
  TagsList: Tag[] | undefined;
}

/**
 * Output of `trail.addTags` (empty).
 * @example
 * const out: AddTagsResponse = await trail.addTags({ ResourceId: 'audit', TagsList: [] });
 */
export interface AddTagsResponse {}

/**
 * Input of `trail.createTrail`.
 * @example
 * await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true });
 */
export interface CreateTrailRequest {
  Name: string | undefined;
  S3BucketName: string | undefined;
  S3KeyPrefix?: string | undefined;
  SnsTopicName?: string | undefined;
  IncludeGlobalServiceEvents?: boolean | undefined;
  IsMultiRegionTrail?: boolean | undefined;
  EnableLogFileValidation?: boolean | undefined;
  CloudWatchLogsLogGroupArn?: string | undefined;
  CloudWatchLogsRoleArn?: string | undefined;
  KmsKeyId?: string | undefined;
  IsOrganizationTrail?: boolean | undefined;
  TagsList?: Tag[] | undefined;
  RecursiveLogging?: boolean | undefined;
}

/**
 * Output of `trail.createTrail`: the trail as created.
 * @example
 * const { TrailARN } = await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' });
 */
export interface CreateTrailResponse {
  Name?: string | undefined;
  S3BucketName?: string | undefined;
  S3KeyPrefix?: string | undefined;
  SnsTopicName?: string | undefined;
  SnsTopicARN?: string | undefined;
  IncludeGlobalServiceEvents?: boolean | undefined;
  IsMultiRegionTrail?: boolean | undefined;
  TrailARN?: string | undefined;
  LogFileValidationEnabled?: boolean | undefined;
  CloudWatchLogsLogGroupArn?: string | undefined;
  CloudWatchLogsRoleArn?: string | undefined;
  KmsKeyId?: string | undefined;
  IsOrganizationTrail?: boolean | undefined;
  RecursiveLogging?: boolean | undefined;
}

/**
 * Input of `trail.deleteTrail`: the trail's name or ARN.
 * @example
 * await trail.deleteTrail({ Name: 'audit' });
 */
export interface DeleteTrailRequest {
  Name: string | undefined;
}

/**
 * Output of `trail.deleteTrail` (empty).
 * @example
 * const out: DeleteTrailResponse = await trail.deleteTrail({ Name: 'audit' });
 */
export interface DeleteTrailResponse {}

/**
 * Input of `trail.describeTrails`: names or ARNs (all when omitted), and whether to include shadow trails.
 * @example
 * await trail.describeTrails({ trailNameList: ['audit'], includeShadowTrails: false });
 */
export interface DescribeTrailsRequest {
  trailNameList?: string[] | undefined;
  includeShadowTrails?: boolean | undefined;
}

/**
 * A trail's settings as `describeTrails` and `getTrail` return them.
 * @example
 * const trails: Trail[] = (await trail.describeTrails()).trailList ?? [];
 */
export interface Trail {
  Name?: string | undefined;
  S3BucketName?: string | undefined;
  S3KeyPrefix?: string | undefined;
  SnsTopicName?: string | undefined;
  SnsTopicARN?: string | undefined;
  IncludeGlobalServiceEvents?: boolean | undefined;
  IsMultiRegionTrail?: boolean | undefined;
  HomeRegion?: string | undefined;
  TrailARN?: string | undefined;
  LogFileValidationEnabled?: boolean | undefined;
  CloudWatchLogsLogGroupArn?: string | undefined;
  CloudWatchLogsRoleArn?: string | undefined;
  KmsKeyId?: string | undefined;
  HasCustomEventSelectors?: boolean | undefined;
  HasInsightSelectors?: boolean | undefined;
  IsOrganizationTrail?: boolean | undefined;
  RecursiveLogging?: boolean | undefined;
}

/**
 * Output of `trail.describeTrails`.
 * @example
 * const { trailList = [] } = await trail.describeTrails();
 */
export interface DescribeTrailsResponse {
  trailList?: Trail[] | undefined;
}

/**
 * Input of `trail.getEventSelectors`.
 * @example
 * await trail.getEventSelectors({ TrailName: 'audit' });
 */
export interface GetEventSelectorsRequest {
  TrailName: string | undefined;
}

/**
 * Which management and data events a basic event selector logs.
 * @example
 * const selector: EventSelector = { ReadWriteType: 'WriteOnly' };
 */
export type ReadWriteType = 'All' | 'ReadOnly' | 'WriteOnly';

/**
 * The data events a basic event selector logs: a resource type and ARN prefixes.
 * @example
 * const objects: DataResource = { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::uploads/'] };
 */
export interface DataResource {
  Type?: string | undefined;
  Values?: string[] | undefined;
}

/**
 * A basic event selector.
 * @example
 * await trail.putEventSelectors({ TrailName: 'audit', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
 */
export interface EventSelector {
  ReadWriteType?: ReadWriteType | undefined;
  IncludeManagementEvents?: boolean | undefined;
  DataResources?: DataResource[] | undefined;
  ExcludeManagementEventSources?: string[] | undefined;
}

/**
 * One condition of an advanced event selector.
 * @example
 * const dataOnly: AdvancedFieldSelector = { Field: 'eventCategory', Equals: ['Data'] };
 */
export interface AdvancedFieldSelector {
  Field: string | undefined;
  Equals?: string[] | undefined;
  StartsWith?: string[] | undefined;
  EndsWith?: string[] | undefined;
  NotEquals?: string[] | undefined;
  NotStartsWith?: string[] | undefined;
  NotEndsWith?: string[] | undefined;
}

/**
 * An advanced event selector: every field condition must hold.
 * @example
 * const s3Writes: AdvancedEventSelector = {
 *   Name: 'S3 writes',
 *   FieldSelectors: [
 *     { Field: 'eventCategory', Equals: ['Data'] },
 *     { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
 *     { Field: 'readOnly', Equals: ['false'] },
 *   ],
 * };
 */
export interface AdvancedEventSelector {
  Name?: string | undefined;
  FieldSelectors: AdvancedFieldSelector[] | undefined;
}

/**
 * Output of `trail.getEventSelectors`: the basic or the advanced selectors.
 * @example
 * const { AdvancedEventSelectors } = await trail.getEventSelectors({ TrailName: 'audit' });
 */
export interface GetEventSelectorsResponse {
  TrailARN?: string | undefined;
  EventSelectors?: EventSelector[] | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
}

/**
 * Input of `trail.getInsightSelectors`.
 * @example
 * await trail.getInsightSelectors({ TrailName: 'audit' });
 */
export interface GetInsightSelectorsRequest {
  TrailName?: string | undefined;
  EventDataStore?: string | undefined;
}

/**
 * The kinds of CloudTrail Insights.
 * @example
 * const kind: InsightType = 'ApiCallRateInsight';
 */
export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';

/**
 * Events an Insights selector watches.
 * @example
 * const categories: SourceEventCategory[] = ['Management'];
 */
export type SourceEventCategory = 'Data' | 'Management';

/**
 * An Insights selector.
 * @example
 * await trail.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
 */
export interface InsightSelector {
  InsightType?: InsightType | undefined;
  EventCategories?: SourceEventCategory[] | undefined;
}

/**
 * Output of `trail.getInsightSelectors`.
 * @example
 * const { InsightSelectors } = await trail.getInsightSelectors({ TrailName: 'audit' });
 */
export interface GetInsightSelectorsResponse {
  TrailARN?: string | undefined;
  InsightSelectors?: InsightSelector[] | undefined;
  EventDataStoreArn?: string | undefined;
  InsightsDestination?: string | undefined;
}

/**
 * Input of `trail.getTrail`: the trail's name or ARN.
 * @example
 * await trail.getTrail({ Name: 'audit' });
 */
export interface GetTrailRequest {
  Name: string | undefined;
}

/**
 * Output of `trail.getTrail`.
 * @example
 * const { Trail } = await trail.getTrail({ Name: 'audit' });
 */
export interface GetTrailResponse {
  Trail?: Trail | undefined;
}

/**
 * Input of `trail.getTrailStatus`.
 * @example
 * await trail.getTrailStatus({ Name: 'audit' });
 */
export interface GetTrailStatusRequest {
  Name: string | undefined;
}

/**
 * Output of `trail.getTrailStatus`: logging state and the latest deliveries.
 * @example
 * const { IsLogging, LatestDeliveryTime } = await trail.getTrailStatus({ Name: 'audit' });
 */
export interface GetTrailStatusResponse {
  IsLogging?: boolean | undefined;
  LatestDeliveryError?: string | undefined;
  LatestNotificationError?: string | undefined;
  LatestDeliveryTime?: Date | undefined;
  LatestNotificationTime?: Date | undefined;
  StartLoggingTime?: Date | undefined;
  StopLoggingTime?: Date | undefined;
  LatestCloudWatchLogsDeliveryError?: string | undefined;
  LatestCloudWatchLogsDeliveryTime?: Date | undefined;
  LatestDigestDeliveryTime?: Date | undefined;
  LatestDigestDeliveryError?: string | undefined;
  LatestDeliveryAttemptTime?: string | undefined;
  LatestNotificationAttemptTime?: string | undefined;
  LatestNotificationAttemptSucceeded?: string | undefined;
  LatestDeliveryAttemptSucceeded?: string | undefined;
  TimeLoggingStarted?: string | undefined;
  TimeLoggingStopped?: string | undefined;
}

/**
 * Input of `trail.listPublicKeys`: the time range the keys were valid in.
 * @example
 * await trail.listPublicKeys({ StartTime: new Date('2026-01-01T00:00:00Z') });
 */
export interface ListPublicKeysRequest {
  StartTime?: Date | undefined;
  EndTime?: Date | undefined;
  NextToken?: string | undefined;
}

/**
 * A digest signing public key (DER), its validity and fingerprint.
 * @example
 * const keys: PublicKey[] = (await trail.listPublicKeys()).PublicKeyList ?? [];
 */
export interface PublicKey {
  Value?: Uint8Array | undefined;
  ValidityStartTime?: Date | undefined;
  ValidityEndTime?: Date | undefined;
  Fingerprint?: string | undefined;
}

/**
 * Output of `trail.listPublicKeys`.
 * @example
 * const { PublicKeyList = [] } = await trail.listPublicKeys();
 */
export interface ListPublicKeysResponse {
  PublicKeyList?: PublicKey[] | undefined;
  NextToken?: string | undefined;
}

/**
 * Input of `trail.listTags`: up to 20 trail ARNs.
 * @example
 * await trail.listTags({ ResourceIdList: [trailArn] });
 */
export interface ListTagsRequest {
  ResourceIdList: string[] | undefined;
  NextToken?: string | undefined;
}

/**
 * The tags of one trail, as `listTags` returns them.
 * @example
 * const [first]: ResourceTag[] = (await trail.listTags({ ResourceIdList: [trailArn] })).ResourceTagList ?? [];
 */
export interface ResourceTag {
  ResourceId?: string | undefined;
  TagsList?: Tag[] | undefined;
}

/**
 * Output of `trail.listTags`.
 * @example
 * const { ResourceTagList } = await trail.listTags({ ResourceIdList: [trailArn] });
 */
export interface ListTagsResponse {
  ResourceTagList?: ResourceTag[] | undefined;
  NextToken?: string | undefined;
}

/**
 * Input of `trail.listTrails`.
 * @example
 * await trail.listTrails({});
 */
export interface ListTrailsRequest {
  NextToken?: string | undefined;
}

/**
 * A trail's name, ARN and home region, as `listTrails` returns them.
 * @example
 * const infos: TrailInfo[] = (await trail.listTrails()).Trails ?? [];
 */
export interface TrailInfo {
  TrailARN?: string | undefined;
  Name?: string | undefined;
  HomeRegion?: string | undefined;
}

/**
 * Output of `trail.listTrails`.
 * @example
 * const { Trails = [] } = await trail.listTrails();
 */
export interface ListTrailsResponse {
  Trails?: TrailInfo[] | undefined;
  NextToken?: string | undefined;
}

/**
 * The attributes `lookupEvents` filters on.
 * @example
 * const key: LookupAttributeKey = 'EventName';
 */
export type LookupAttributeKey = 'AccessKeyId' | 'EventId' | 'EventName' | 'EventSource' | 'ReadOnly' | 'ResourceName' | 'ResourceType' | 'Username';

/**
 * One `lookupEvents` filter.
 * @example
 * await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }] });
 */
export interface LookupAttribute {
  AttributeKey: LookupAttributeKey | undefined;
  AttributeValue: string | undefined;
}

/**
 * The event category `lookupEvents` can ask for instead of management events: Insights events.
 * @example
 * await trail.lookupEvents({ EventCategory: 'insight' });
 */
export type EventCategory = 'insight';

/**
 * Input of `trail.lookupEvents`.
 * @example
 * await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'PutObject' }], MaxResults: 10 });
 */
export interface LookupEventsRequest {
  LookupAttributes?: LookupAttribute[] | undefined;
  StartTime?: Date | undefined;
  EndTime?: Date | undefined;
  EventCategory?: EventCategory | undefined;
  MaxResults?: number | undefined;
  NextToken?: string | undefined;
}

/**
 * A resource of an event that `lookupEvents` returns.
 * @example
 * const names = events.flatMap((e) => e.Resources ?? []).map((r) => r.ResourceName);
 */
export interface Resource {
  ResourceType?: string | undefined;
  ResourceName?: string | undefined;
}

/**
 * An event that `lookupEvents` returns; `CloudTrailEvent` is the whole record as JSON.
 * @example
 * const { Events = [] } = await trail.lookupEvents();
 * const record = JSON.parse(Events[0]?.CloudTrailEvent ?? '{}');
 */
export interface Event {
  EventId?: string | undefined;
  EventName?: string | undefined;
  ReadOnly?: string | undefined;
  AccessKeyId?: string | undefined;
  EventTime?: Date | undefined;
  EventSource?: string | undefined;
  Username?: string | undefined;
  Resources?: Resource[] | undefined;
  CloudTrailEvent?: string | undefined;
}

/**
 * Output of `trail.lookupEvents`: a page of events, newest first.
 * @example
 * const { Events, NextToken } = await trail.lookupEvents({ MaxResults: 50 });
 */
export interface LookupEventsResponse {
  Events?: Event[] | undefined;
  NextToken?: string | undefined;
}

/**
 * Input of `trail.putEventSelectors`: basic or advanced selectors, not both.
 * @example
 * await trail.putEventSelectors({ TrailName: 'audit', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] });
 */
export interface PutEventSelectorsRequest {
  TrailName: string | undefined;
  EventSelectors?: EventSelector[] | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
}

/**
 * Output of `trail.putEventSelectors`: the selectors as stored.
 * @example
 * const { TrailARN } = await trail.putEventSelectors({ TrailName: 'audit', EventSelectors: [{ ReadWriteType: 'All' }] });
 */
export interface PutEventSelectorsResponse {
  TrailARN?: string | undefined;
  EventSelectors?: EventSelector[] | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
}

/**
 * Input of `trail.putInsightSelectors` (an empty list turns Insights off).
 * @example
 * await trail.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiErrorRateInsight' }] });
 */
export interface PutInsightSelectorsRequest {
  TrailName?: string | undefined;
  InsightSelectors: InsightSelector[] | undefined;
  EventDataStore?: string | undefined;
  InsightsDestination?: string | undefined;
}

/**
 * Output of `trail.putInsightSelectors`.
 * @example
 * const { InsightSelectors } = await trail.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [] });
 */
export interface PutInsightSelectorsResponse {
  TrailARN?: string | undefined;
  InsightSelectors?: InsightSelector[] | undefined;
  EventDataStoreArn?: string | undefined;
  InsightsDestination?: string | undefined;
}

/**
 * Input of `trail.removeTags`.
 * @example
 * await trail.removeTags({ ResourceId: trailArn, TagsList: [{ Key: 'team' }] });
 */
export interface RemoveTagsRequest {
  ResourceId: string | undefined;
  TagsList: Tag[] | undefined;
}

/**
 * Output of `trail.removeTags` (empty).
 * @example
 * const out: RemoveTagsResponse = await trail.removeTags({ ResourceId: trailArn, TagsList: [] });
 */
export interface RemoveTagsResponse {}

/**
 * Input of `trail.startLogging`.
 * @example
 * await trail.startLogging({ Name: 'audit' });
 */
export interface StartLoggingRequest {
  Name: string | undefined;
}

/**
 * Output of `trail.startLogging` (empty).
 * @example
 * const out: StartLoggingResponse = await trail.startLogging({ Name: 'audit' });
 */
export interface StartLoggingResponse {}

/**
 * Input of `trail.stopLogging`.
 * @example
 * await trail.stopLogging({ Name: 'audit' });
 */
export interface StopLoggingRequest {
  Name: string | undefined;
}

/**
 * Output of `trail.stopLogging` (empty).
 * @example
 * const out: StopLoggingResponse = await trail.stopLogging({ Name: 'audit' });
 */
export interface StopLoggingResponse {}

/**
 * Input of `trail.updateTrail`: the name or ARN and the settings to change.
 * @example
 * await trail.updateTrail({ Name: 'audit', EnableLogFileValidation: true });
 */
export interface UpdateTrailRequest {
  Name: string | undefined;
  S3BucketName?: string | undefined;
  S3KeyPrefix?: string | undefined;
  SnsTopicName?: string | undefined;
  IncludeGlobalServiceEvents?: boolean | undefined;
  IsMultiRegionTrail?: boolean | undefined;
  EnableLogFileValidation?: boolean | undefined;
  CloudWatchLogsLogGroupArn?: string | undefined;
  CloudWatchLogsRoleArn?: string | undefined;
  KmsKeyId?: string | undefined;
  IsOrganizationTrail?: boolean | undefined;
  RecursiveLogging?: boolean | undefined;
}

/**
 * Output of `trail.updateTrail`: the trail as updated — the members of {@link CreateTrailResponse} (the SDK declares
 * the two shapes with the same members; test/types/control-plane.spec.ts holds each against the SDK's).
 * @example
 * const { LogFileValidationEnabled } = await trail.updateTrail({ Name: 'audit', EnableLogFileValidation: true });
 */
export interface UpdateTrailResponse extends CreateTrailResponse {}
