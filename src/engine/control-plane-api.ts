// CloudTrail's control plane as a LocalTrail offers it: one documented signature per operation of operations.ts
// (editors show these docs on `trail.createTrail` …); test/types/control-plane.spec.ts keeps the two in step.
import type {
  AddTagsRequest,
  AddTagsResponse,
  CreateTrailRequest,
  CreateTrailResponse,
  DeleteTrailRequest,
  DeleteTrailResponse,
  DescribeTrailsRequest,
  DescribeTrailsResponse,
  GetEventSelectorsRequest,
  GetEventSelectorsResponse,
  GetInsightSelectorsRequest,
  GetInsightSelectorsResponse,
  GetTrailRequest,
  GetTrailResponse,
  GetTrailStatusRequest,
  GetTrailStatusResponse,
  ListPublicKeysRequest,
  ListPublicKeysResponse,
  ListTagsRequest,
  ListTagsResponse,
  ListTrailsRequest,
  ListTrailsResponse,
  LookupEventsRequest,
  LookupEventsResponse,
  PutEventSelectorsRequest,
  PutEventSelectorsResponse,
  PutInsightSelectorsRequest,
  PutInsightSelectorsResponse,
  RemoveTagsRequest,
  RemoveTagsResponse,
  StartLoggingRequest,
  StartLoggingResponse,
  StopLoggingRequest,
  StopLoggingResponse,
  UpdateTrailRequest,
  UpdateTrailResponse,
} from './control-plane-shapes.js';
import type { ControlPlaneCaller } from './control-plane-gate.js';

/**
 * CloudTrail's control-plane operations, lowerCamelCase, with CloudTrail's input and output shapes (without
 * `$metadata`) and exception names; async like `client.send`. `caller` is the calling account and region (default:
 * the LocalTrail's `accountId` and `region`). Rejections are {@link CloudTrailError} subclasses.
 * @example
 * const controlPlane: CloudTrailControlPlane = createLocalTrail();
 * await controlPlane.createTrail({ Name: 'audit', S3BucketName: 'audit-logs' }, { region: 'eu-west-1' });
 */
export interface CloudTrailControlPlane {
  /**
   * Creates a trail in the caller's region (home region); trails log nothing until {@link CloudTrailControlPlane.startLogging}.
   * @example
   * const { TrailARN } = await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true });
   */
  createTrail(input: CreateTrailRequest, caller?: ControlPlaneCaller): Promise<CreateTrailResponse>;
  /**
   * Changes a trail's settings, from its home region; unspecified settings stay.
   * @example
   * await trail.updateTrail({ Name: 'audit', EnableLogFileValidation: true });
   */
  updateTrail(input: UpdateTrailRequest, caller?: ControlPlaneCaller): Promise<UpdateTrailResponse>;
  /**
   * Deletes a trail (by name or ARN), from its home region.
   * @example
   * await trail.deleteTrail({ Name: 'audit' });
   */
  deleteTrail(input: DeleteTrailRequest, caller?: ControlPlaneCaller): Promise<DeleteTrailResponse>;
  /**
   * One trail's settings, by name or ARN.
   * @example
   * const { Trail } = await trail.getTrail({ Name: 'audit' });
   */
  getTrail(input: GetTrailRequest, caller?: ControlPlaneCaller): Promise<GetTrailResponse>;
  /**
   * The trails visible in the caller's region (shadow trails of multi-region trails included unless asked not to).
   * @example
   * const { trailList = [] } = await trail.describeTrails({ includeShadowTrails: false });
   */
  describeTrails(input?: DescribeTrailsRequest, caller?: ControlPlaneCaller): Promise<DescribeTrailsResponse>;
  /**
   * Name, ARN and home region of every trail of the account, paginated.
   * @example
   * const { Trails = [] } = await trail.listTrails();
   */
  listTrails(input?: ListTrailsRequest, caller?: ControlPlaneCaller): Promise<ListTrailsResponse>;
  /**
   * Whether a trail is logging, and its latest deliveries and delivery errors.
   * @example
   * const { IsLogging, LatestDeliveryTime } = await trail.getTrailStatus({ Name: 'audit' });
   */
  getTrailStatus(input: GetTrailStatusRequest, caller?: ControlPlaneCaller): Promise<GetTrailStatusResponse>;
  /**
   * Starts logging: from now on, matching events are delivered to the trail's bucket.
   * @example
   * await trail.startLogging({ Name: 'audit' });
   */
  startLogging(input: StartLoggingRequest, caller?: ControlPlaneCaller): Promise<StartLoggingResponse>;
  /**
   * Stops logging; the digest chain records the gap.
   * @example
   * await trail.stopLogging({ Name: 'audit' });
   */
  stopLogging(input: StopLoggingRequest, caller?: ControlPlaneCaller): Promise<StopLoggingResponse>;
  /**
   * Replaces a trail's basic or advanced event selectors (validated and compiled once, here).
   * @example
   * await trail.putEventSelectors({
   *   TrailName: 'audit',
   *   AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }],
   * });
   */
  putEventSelectors(input: PutEventSelectorsRequest, caller?: ControlPlaneCaller): Promise<PutEventSelectorsResponse>;
  /**
   * A trail's event selectors, basic or advanced.
   * @example
   * const { EventSelectors, AdvancedEventSelectors } = await trail.getEventSelectors({ TrailName: 'audit' });
   */
  getEventSelectors(input: GetEventSelectorsRequest, caller?: ControlPlaneCaller): Promise<GetEventSelectorsResponse>;
  /**
   * Turns CloudTrail Insights on (or off, with an empty list) for a trail.
   * @example
   * await trail.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
   */
  putInsightSelectors(input: PutInsightSelectorsRequest, caller?: ControlPlaneCaller): Promise<PutInsightSelectorsResponse>;
  /**
   * A trail's Insights selectors.
   * @example
   * const { InsightSelectors } = await trail.getInsightSelectors({ TrailName: 'audit' });
   */
  getInsightSelectors(input: GetInsightSelectorsRequest, caller?: ControlPlaneCaller): Promise<GetInsightSelectorsResponse>;
  /**
   * Adds or overwrites tags of a trail (by ARN).
   * @example
   * await trail.addTags({ ResourceId: TrailARN, TagsList: [{ Key: 'team', Value: 'platform' }] });
   */
  addTags(input: AddTagsRequest, caller?: ControlPlaneCaller): Promise<AddTagsResponse>;
  /**
   * Removes tags of a trail (by ARN).
   * @example
   * await trail.removeTags({ ResourceId: TrailARN, TagsList: [{ Key: 'team' }] });
   */
  removeTags(input: RemoveTagsRequest, caller?: ControlPlaneCaller): Promise<RemoveTagsResponse>;
  /**
   * The tags of up to 20 trails (by ARN).
   * @example
   * const { ResourceTagList } = await trail.listTags({ ResourceIdList: [TrailARN] });
   */
  listTags(input: ListTagsRequest, caller?: ControlPlaneCaller): Promise<ListTagsResponse>;
  /**
   * The caller's 90-day event history, newest first, with CloudTrail's LookupEvents filters and paging.
   * @example
   * const { Events = [] } = await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'PutObject' }] });
   */
  lookupEvents(input?: LookupEventsRequest, caller?: ControlPlaneCaller): Promise<LookupEventsResponse>;
  /**
   * The public keys of the digest signing keys valid in a time range, for validating digests.
   * @example
   * const { PublicKeyList = [] } = await trail.listPublicKeys({ StartTime: new Date(Date.now() - 3_600_000) });
   */
  listPublicKeys(input?: ListPublicKeysRequest, caller?: ControlPlaneCaller): Promise<ListPublicKeysResponse>;
}
