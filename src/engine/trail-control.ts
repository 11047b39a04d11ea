// CreateTrail, UpdateTrail, DeleteTrail, GetTrail, DescribeTrails, ListTrails, GetTrailStatus, StartLogging, StopLogging.
import type {
  CreateTrailRequest,
  CreateTrailResponse,
  DeleteTrailRequest,
  DeleteTrailResponse,
  DescribeTrailsRequest,
  DescribeTrailsResponse,
  GetTrailRequest,
  GetTrailResponse,
  GetTrailStatusRequest,
  GetTrailStatusResponse,
  ListTrailsRequest,
  ListTrailsResponse,
  StartLoggingRequest,
  StartLoggingResponse,
  StopLoggingRequest,
  StopLoggingResponse,
  UpdateTrailRequest,
  UpdateTrailResponse,
} from './control-plane-shapes.js';
import type { Clock } from '../clock/clock.js';
import type { DeliveryPort } from './delivery-port.js';
import {
  InvalidParameterCombinationException,
  NotOrganizationMasterAccountException,
  OrganizationsNotInUseException,
  TrailAlreadyExistsException,
} from './errors.js';
import { looksLikeArn, trailArn, validateTrailName } from './names.js';
import { DEFAULT_SELECTORS } from './selectors/types.js';
import type { TrailState } from './trail-model.js';
import { toApiTrail, toCreateResponse, toDeliveryTrail } from './trail-model.js';
import type { Caller, TrailRegistry } from './trail-registry.js';
import {
  applyTags,
  resolveKmsKeyId,
  resolveSnsTopic,
  validateBucketName,
  validateKeyPrefix,
  validateLogGroupArn,
  validateRoleArn,
} from './trail-settings.js';

const MULTI_REGION_NEEDS_GLOBAL = 'Multi-Region trail must include global service events.';

function isoOrEmpty(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

/** The trail lifecycle operations; state lives in the registry, delivery hears about every change. */
export class TrailControl {
  constructor(
    private readonly registry: TrailRegistry,
    private readonly clock: Clock,
    private readonly delivery: DeliveryPort,
  ) {}

  private checkOrganizationTrail(caller: Caller): void {
    const org = this.registry.organization;
    if (org === undefined) throw new OrganizationsNotInUseException('This account is not a member of an organization.');
    if (org.managementAccountId !== caller.accountId) {
      throw new NotOrganizationMasterAccountException(
        `The request was rejected because account ${caller.accountId} is not the management account of organization ${org.id}.`,
      );
    }
  }

  private nameTaken(name: string, caller: Caller, multiRegion: boolean): boolean {
    for (const trail of this.registry.trails.values()) {
      if (trail.accountId !== caller.accountId || trail.name !== name) continue;
      if (multiRegion || trail.homeRegion === caller.region || trail.isMultiRegionTrail) return true;
    }
    return false;
  }

  private snapshot(trail: TrailState): void {
    trail.delivery = toDeliveryTrail(trail, this.registry.organization?.id);
  }

  createTrail(input: CreateTrailRequest, caller: Caller): CreateTrailResponse {
    const name = input.Name ?? '';
    validateTrailName(name);
    const multiRegion = input.IsMultiRegionTrail === true;
    const includeGlobal = input.IncludeGlobalServiceEvents ?? true;
    if (multiRegion && !includeGlobal) throw new InvalidParameterCombinationException(MULTI_REGION_NEEDS_GLOBAL);
    const bucket = validateBucketName(input.S3BucketName);
    const prefix = validateKeyPrefix(input.S3KeyPrefix);
    const sns = resolveSnsTopic(input.SnsTopicName, caller.region, caller.accountId);
    const kmsKeyId = resolveKmsKeyId(input.KmsKeyId, caller.region, caller.accountId);
    const logGroup = validateLogGroupArn(input.CloudWatchLogsLogGroupArn);
    const role = validateRoleArn(input.CloudWatchLogsRoleArn);
    if (input.IsOrganizationTrail === true) this.checkOrganizationTrail(caller);
    if (this.nameTaken(name, caller, multiRegion)) {
      throw new TrailAlreadyExistsException(`Trail ${name} already exists for customer: ${caller.accountId}`);
    }
    this.registry.checkLimit(caller.accountId, caller.region, multiRegion);
    const tags = new Map<string, string>();
    applyTags(tags, input.TagsList);
    const trail: TrailState = {
      name,
      accountId: caller.accountId,
      homeRegion: caller.region,
      arn: trailArn(caller.region, caller.accountId, name),
      s3BucketName: bucket,
      includeGlobalServiceEvents: includeGlobal,
      isMultiRegionTrail: multiRegion,
      logFileValidationEnabled: input.EnableLogFileValidation === true,
      isOrganizationTrail: input.IsOrganizationTrail === true,
      isLogging: false,
      selectors: DEFAULT_SELECTORS,
      insightSelectors: [],
      tags,
      delivery: undefined as never,
    };
    if (prefix !== undefined) trail.s3KeyPrefix = prefix;
    if (sns.name !== undefined) trail.snsTopicName = sns.name;
    if (sns.arn !== undefined) trail.snsTopicArn = sns.arn;
    if (kmsKeyId !== undefined) trail.kmsKeyId = kmsKeyId;
    if (logGroup !== undefined) trail.cloudWatchLogsLogGroupArn = logGroup;
    if (role !== undefined) trail.cloudWatchLogsRoleArn = role;
    this.snapshot(trail);
    this.registry.trails.set(trail.arn, trail);
    this.registry.changed();
    return toCreateResponse(trail);
  }

  updateTrail(input: UpdateTrailRequest, caller: Caller): UpdateTrailResponse {
    const trail = this.registry.resolve(input.Name, caller);
    this.registry.requireHome(trail, caller);
    const multiRegion = input.IsMultiRegionTrail ?? trail.isMultiRegionTrail;
    // Converting single→multi switches global service events on, multi→single switches them off (cloudtrail-facts §5.5).
    let includeGlobal = input.IncludeGlobalServiceEvents;
    if (includeGlobal === undefined) {
      if (multiRegion && !trail.isMultiRegionTrail) includeGlobal = true;
      else if (!multiRegion && trail.isMultiRegionTrail) includeGlobal = false;
      else includeGlobal = trail.includeGlobalServiceEvents;
    }
    if (multiRegion && !includeGlobal) throw new InvalidParameterCombinationException(MULTI_REGION_NEEDS_GLOBAL);
    const bucket = input.S3BucketName !== undefined ? validateBucketName(input.S3BucketName) : trail.s3BucketName;
    const prefix = input.S3KeyPrefix !== undefined ? validateKeyPrefix(input.S3KeyPrefix) : trail.s3KeyPrefix;
    const sns = input.SnsTopicName !== undefined ? resolveSnsTopic(input.SnsTopicName, trail.homeRegion, trail.accountId) : undefined;
    const kmsKeyId = input.KmsKeyId !== undefined ? resolveKmsKeyId(input.KmsKeyId, trail.homeRegion, trail.accountId) : trail.kmsKeyId;
    const logGroup = input.CloudWatchLogsLogGroupArn !== undefined ? validateLogGroupArn(input.CloudWatchLogsLogGroupArn) : trail.cloudWatchLogsLogGroupArn;
    const role = input.CloudWatchLogsRoleArn !== undefined ? validateRoleArn(input.CloudWatchLogsRoleArn) : trail.cloudWatchLogsRoleArn;
    if (input.IsOrganizationTrail === true && !trail.isOrganizationTrail) this.checkOrganizationTrail(caller);
    if (multiRegion && !trail.isMultiRegionTrail) {
      for (const other of this.registry.trails.values()) {
        if (other !== trail && other.accountId === trail.accountId && other.name === trail.name) {
          throw new TrailAlreadyExistsException(`Trail ${trail.name} already exists for customer: ${trail.accountId}`);
        }
      }
      this.registry.checkLimit(trail.accountId, trail.homeRegion, true, trail);
    }
    const before = trail.delivery;
    trail.isMultiRegionTrail = multiRegion;
    trail.includeGlobalServiceEvents = includeGlobal;
    trail.s3BucketName = bucket;
    setOptional(trail, 's3KeyPrefix', prefix);
    if (sns !== undefined) {
      setOptional(trail, 'snsTopicName', sns.name);
      setOptional(trail, 'snsTopicArn', sns.arn);
    }
    setOptional(trail, 'kmsKeyId', kmsKeyId);
    setOptional(trail, 'cloudWatchLogsLogGroupArn', logGroup);
    setOptional(trail, 'cloudWatchLogsRoleArn', role);
    if (input.EnableLogFileValidation !== undefined) trail.logFileValidationEnabled = input.EnableLogFileValidation;
    if (input.IsOrganizationTrail !== undefined) trail.isOrganizationTrail = input.IsOrganizationTrail;
    this.snapshot(trail);
    this.registry.changed();
    this.delivery.trailUpdated(before, trail.delivery, this.clock.now());
    return toCreateResponse(trail);
  }

  deleteTrail(input: DeleteTrailRequest, caller: Caller): DeleteTrailResponse {
    const trail = this.registry.resolve(input.Name, caller);
    this.registry.requireHome(trail, caller);
    this.registry.trails.delete(trail.arn);
    this.registry.changed();
    if (trail.isLogging) this.delivery.loggingStopped(trail.delivery, this.clock.now());
    return {};
  }

  getTrail(input: GetTrailRequest, caller: Caller): GetTrailResponse {
    return { Trail: toApiTrail(this.registry.resolve(input.Name, caller)) };
  }

  describeTrails(input: DescribeTrailsRequest, caller: Caller): DescribeTrailsResponse {
    const names = input.trailNameList ?? [];
    if (names.length === 0) {
      const includeShadows = input.includeShadowTrails ?? true;
      const list = this.registry
        .visible(caller)
        .filter((t) => includeShadows || (t.homeRegion === caller.region && t.accountId === caller.accountId));
      return { trailList: list.map(toApiTrail) };
    }
    const found: TrailState[] = [];
    for (const nameOrArn of names) {
      if (!looksLikeArn(nameOrArn)) validateTrailName(nameOrArn);
      const trail = [...this.registry.trails.values()].find(
        (t) => this.registry.isVisible(t, caller) && (looksLikeArn(nameOrArn) ? t.arn === nameOrArn : t.name === nameOrArn && t.homeRegion === caller.region && t.accountId === caller.accountId),
      );
      if (trail && !found.includes(trail)) found.push(trail);
    }
    return { trailList: found.map(toApiTrail) };
  }

  listTrails(_input: ListTrailsRequest, caller: Caller): ListTrailsResponse {
    return { Trails: this.registry.visible(caller).map((t) => ({ TrailARN: t.arn, Name: t.name, HomeRegion: t.homeRegion })) };
  }

  getTrailStatus(input: GetTrailStatusRequest, caller: Caller): GetTrailStatusResponse {
    const trail = this.registry.resolve(input.Name, caller);
    const status = this.delivery.status(trail.arn);
    const response: GetTrailStatusResponse = {
      IsLogging: trail.isLogging,
      LatestDeliveryAttemptTime: isoOrEmpty(status.latestDeliveryTime),
      LatestNotificationAttemptTime: isoOrEmpty(status.latestNotificationTime),
      LatestNotificationAttemptSucceeded: status.latestNotificationError ? '' : isoOrEmpty(status.latestNotificationTime),
      LatestDeliveryAttemptSucceeded: status.latestDeliveryError ? '' : isoOrEmpty(status.latestDeliveryTime),
      TimeLoggingStarted: isoOrEmpty(trail.startLoggingTime),
      TimeLoggingStopped: isoOrEmpty(trail.stopLoggingTime),
    };
    if (trail.startLoggingTime !== undefined) response.StartLoggingTime = new Date(trail.startLoggingTime);
    if (trail.stopLoggingTime !== undefined) response.StopLoggingTime = new Date(trail.stopLoggingTime);
    if (status.latestDeliveryTime !== undefined) response.LatestDeliveryTime = new Date(status.latestDeliveryTime);
    if (status.latestDeliveryError !== undefined) response.LatestDeliveryError = status.latestDeliveryError;
    if (status.latestDigestDeliveryTime !== undefined) response.LatestDigestDeliveryTime = new Date(status.latestDigestDeliveryTime);
    if (status.latestDigestDeliveryError !== undefined) response.LatestDigestDeliveryError = status.latestDigestDeliveryError;
    if (status.latestNotificationTime !== undefined) response.LatestNotificationTime = new Date(status.latestNotificationTime);
    if (status.latestNotificationError !== undefined) response.LatestNotificationError = status.latestNotificationError;
    if (status.latestCloudWatchLogsDeliveryTime !== undefined) response.LatestCloudWatchLogsDeliveryTime = new Date(status.latestCloudWatchLogsDeliveryTime);
    if (status.latestCloudWatchLogsDeliveryError !== undefined) response.LatestCloudWatchLogsDeliveryError = status.latestCloudWatchLogsDeliveryError;
    return response;
  }

  startLogging(input: StartLoggingRequest, caller: Caller): StartLoggingResponse {
    const trail = this.registry.resolve(input.Name, caller);
    this.registry.requireHome(trail, caller);
    if (!trail.isLogging) {
      const now = this.clock.now();
      trail.isLogging = true;
      trail.startLoggingTime = now;
      this.registry.changed();
      this.delivery.loggingStarted(trail.delivery, now);
    }
    return {};
  }

  stopLogging(input: StopLoggingRequest, caller: Caller): StopLoggingResponse {
    const trail = this.registry.resolve(input.Name, caller);
    this.registry.requireHome(trail, caller);
    if (trail.isLogging) {
      const now = this.clock.now();
      trail.isLogging = false;
      trail.stopLoggingTime = now;
      this.registry.changed();
      this.delivery.loggingStopped(trail.delivery, now);
    }
    return {};
  }
}

function setOptional<K extends 's3KeyPrefix' | 'snsTopicName' | 'snsTopicArn' | 'kmsKeyId' | 'cloudWatchLogsLogGroupArn' | 'cloudWatchLogsRoleArn'>(
  trail: TrailState,
  key: K,
  value: string | undefined,
): void {
  if (value === undefined) delete trail[key];
  else trail[key] = value;
}
