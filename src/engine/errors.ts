// CloudTrail control-plane errors: one class per exception name, thrown by the engine's API methods.

/**
 * Base of every error the control plane throws. `name` is CloudTrail's exception name (as the SDK's
 * `CloudTrailServiceException` subclasses carry it), `code` the same string for `switch`es.
 * @example
 * try {
 *   await trail.getTrail({ Name: 'nope' });
 * } catch (e) {
 *   if (e instanceof TrailNotFoundException) console.log(e.message); // Unknown trail: nope for the user: 123456789012
 *   if (e instanceof CloudTrailError && e.code === 'TrailNotFoundException') console.log('the same test, by code');
 * }
 */
export class CloudTrailError extends Error {
  readonly code: string;
  /** Mirrors the SDK's `$fault`: every control-plane error here is the caller's. */
  readonly $fault = 'client' as const;
  /** As on SDK errors: CloudTrail answers client errors with HTTP 400. */
  readonly $metadata = { httpStatusCode: 400 };
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
    this.code = name;
  }
}

/** A CloudTrailError subclass whose `name` and `code` are `exceptionName` (also used by src/lake). */
export function errorClass<N extends string>(exceptionName: N) {
  return class extends CloudTrailError {
    constructor(message: string) {
      super(exceptionName, message);
    }
  };
}

/**
 * A trail name breaks CloudTrail's naming rules (3–128 characters, letters, digits, `.`, `_`, `-`, …).
 * @example
 * await trail.createTrail({ Name: 'a', S3BucketName: 'logs' }); // rejects: InvalidTrailNameException
 */
export class InvalidTrailNameException extends errorClass('InvalidTrailNameException') {}
/**
 * A trail of that name already exists for the account in that region.
 * @example
 * await trail.createTrail({ Name: 'audit', S3BucketName: 'logs' }); // a second time: TrailAlreadyExistsException
 */
export class TrailAlreadyExistsException extends errorClass('TrailAlreadyExistsException') {}
/**
 * No trail of that name or ARN is visible to the caller.
 * @example
 * await trail.getTrailStatus({ Name: 'nope' }).catch((e) => e instanceof TrailNotFoundException); // true
 */
export class TrailNotFoundException extends errorClass('TrailNotFoundException') {}
/**
 * A trail was changed from a region other than its home region.
 * @example
 * await trail.updateTrail({ Name: 'audit', S3KeyPrefix: 'x' }, { region: 'eu-west-1' }); // a multi-region trail created in us-east-1
 */
export class InvalidHomeRegionException extends errorClass('InvalidHomeRegionException') {}
/**
 * A trail ARN is malformed, or names another region than the caller's.
 * @example
 * await trail.getTrail({ Name: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/audit' }); // called in us-east-1
 */
export class CloudTrailARNInvalidException extends errorClass('CloudTrailARNInvalidException') {}
/**
 * Two parameters cannot be combined (basic and advanced selectors; multi-region without global events).
 * @example
 * await trail.createTrail({ Name: 'a1', S3BucketName: 'logs', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false });
 */
export class InvalidParameterCombinationException extends errorClass('InvalidParameterCombinationException') {}
/**
 * Event selectors are invalid (fields, operators, values or limits).
 * @example
 * await trail.putEventSelectors({ TrailName: 'audit', AdvancedEventSelectors: [{ FieldSelectors: [] }] });
 */
export class InvalidEventSelectorsException extends errorClass('InvalidEventSelectorsException') {}
/**
 * Insight selectors are invalid, or the trail does not log the events they need.
 * @example
 * await trail.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'Nope' as never }] });
 */
export class InvalidInsightSelectorsException extends errorClass('InvalidInsightSelectorsException') {}
/**
 * `getInsightSelectors` on a trail without Insights.
 * @example
 * await trail.getInsightSelectors({ TrailName: 'audit' }); // before putInsightSelectors
 */
export class InsightNotEnabledException extends errorClass('InsightNotEnabledException') {}
/**
 * A sixth trail in a region (a multi-region trail counts in every region).
 * @example
 * for (const n of [1, 2, 3, 4, 5, 6]) await trail.createTrail({ Name: `t${n}`, S3BucketName: 'logs' }); // the sixth rejects
 */
export class MaximumNumberOfTrailsExceededException extends errorClass('MaximumNumberOfTrailsExceededException') {}
/**
 * An organization trail created or changed from an account that is not the organization's management account.
 * @example
 * await trail.createTrail({ Name: 'org', S3BucketName: 'logs', IsOrganizationTrail: true }, { accountId: memberAccountId });
 */
export class NotOrganizationMasterAccountException extends errorClass('NotOrganizationMasterAccountException') {}
/**
 * An organization trail without the `organization` option.
 * @example
 * await createLocalTrail().createTrail({ Name: 'org', S3BucketName: 'logs', IsOrganizationTrail: true });
 */
export class OrganizationsNotInUseException extends errorClass('OrganizationsNotInUseException') {}
/**
 * `S3BucketName` is not a valid S3 bucket name.
 * @example
 * await trail.createTrail({ Name: 'audit', S3BucketName: 'Not_A_Bucket' });
 */
export class InvalidS3BucketNameException extends errorClass('InvalidS3BucketNameException') {}
/**
 * `S3KeyPrefix` is longer than 200 characters.
 * @example
 * await trail.createTrail({ Name: 'audit', S3BucketName: 'logs', S3KeyPrefix: 'p'.repeat(201) });
 */
export class InvalidS3PrefixException extends errorClass('InvalidS3PrefixException') {}
/**
 * `SnsTopicName` is not a valid SNS topic name or ARN.
 * @example
 * await trail.createTrail({ Name: 'audit', S3BucketName: 'logs', SnsTopicName: 'bad topic' });
 */
export class InvalidSnsTopicNameException extends errorClass('InvalidSnsTopicNameException') {}
/**
 * `KmsKeyId` is not a key id, key ARN, alias name or alias ARN.
 * @example
 * await trail.createTrail({ Name: 'audit', S3BucketName: 'logs', KmsKeyId: 'not a key' });
 */
export class InvalidKmsKeyIdException extends errorClass('InvalidKmsKeyIdException') {}
/**
 * `CloudWatchLogsLogGroupArn` is not a log group ARN.
 * @example
 * await trail.updateTrail({ Name: 'audit', CloudWatchLogsLogGroupArn: 'group' });
 */
export class InvalidCloudWatchLogsLogGroupArnException extends errorClass('InvalidCloudWatchLogsLogGroupArnException') {}
/**
 * `CloudWatchLogsRoleArn` is not an IAM role ARN.
 * @example
 * await trail.updateTrail({ Name: 'audit', CloudWatchLogsRoleArn: 'role' });
 */
export class InvalidCloudWatchLogsRoleArnException extends errorClass('InvalidCloudWatchLogsRoleArnException') {}
/**
 * A parameter is invalid (CloudTrail Lake: a malformed event data store or query request).
 * @example
 * await trail.createEventDataStore({ Name: '' }); // rejects: InvalidParameterException
 */
export class InvalidParameterException extends errorClass('InvalidParameterException') {}
/**
 * A tag key or value breaks CloudTrail's limits, or too many resources were named.
 * @example
 * await trail.addTags({ ResourceId: trailArn, TagsList: [{ Key: '' }] });
 */
export class InvalidTagParameterException extends errorClass('InvalidTagParameterException') {}
/**
 * A trail would have more than 50 tags.
 * @example
 * await trail.addTags({ ResourceId: trailArn, TagsList: fiftyOneTags });
 */
export class TagsLimitExceededException extends errorClass('TagsLimitExceededException') {}
/**
 * A tagged resource (trail ARN) does not exist.
 * @example
 * await trail.listTags({ ResourceIdList: ['arn:aws:cloudtrail:us-east-1:123456789012:trail/nope'] });
 */
export class ResourceNotFoundException extends errorClass('ResourceNotFoundException') {}
/**
 * An operation or parameter localtrail does not implement (event data stores).
 * @example
 * await trail.getInsightSelectors({ EventDataStore: 'store' });
 */
export class UnsupportedOperationException extends errorClass('UnsupportedOperationException') {}
/**
 * `lookupEvents` attributes are invalid (more than one, unknown key, bad value).
 * @example
 * await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '' }] });
 */
export class InvalidLookupAttributesException extends errorClass('InvalidLookupAttributesException') {}
/**
 * A start time after the end time, or a time that is not a time.
 * @example
 * await trail.lookupEvents({ StartTime: new Date('2026-02-01'), EndTime: new Date('2026-01-01') });
 */
export class InvalidTimeRangeException extends errorClass('InvalidTimeRangeException') {}
/**
 * `MaxResults` outside 1–50.
 * @example
 * await trail.lookupEvents({ MaxResults: 51 });
 */
export class InvalidMaxResultsException extends errorClass('InvalidMaxResultsException') {}
/**
 * A `NextToken` that did not come from the previous call with the same parameters.
 * @example
 * await trail.lookupEvents({ NextToken: 'made-up' });
 */
export class InvalidNextTokenException extends errorClass('InvalidNextTokenException') {}
/**
 * `EventCategory` other than `insight`.
 * @example
 * await trail.lookupEvents({ EventCategory: 'data' as never });
 */
export class InvalidEventCategoryException extends errorClass('InvalidEventCategoryException') {}
/** The `authorize` hook (or an IAM policy) denied a control-plane call. */
export class AccessDeniedException extends errorClass('AccessDeniedException') {}
