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

function errorClass<N extends string>(exceptionName: N) {
  return class extends CloudTrailError {
    constructor(message: string) {
      super(exceptionName, message);
    }
  };
}

export class InvalidTrailNameException extends errorClass('InvalidTrailNameException') {}
export class TrailAlreadyExistsException extends errorClass('TrailAlreadyExistsException') {}
export class TrailNotFoundException extends errorClass('TrailNotFoundException') {}
export class InvalidHomeRegionException extends errorClass('InvalidHomeRegionException') {}
export class CloudTrailARNInvalidException extends errorClass('CloudTrailARNInvalidException') {}
export class InvalidParameterCombinationException extends errorClass('InvalidParameterCombinationException') {}
export class InvalidEventSelectorsException extends errorClass('InvalidEventSelectorsException') {}
export class InvalidInsightSelectorsException extends errorClass('InvalidInsightSelectorsException') {}
export class InsightNotEnabledException extends errorClass('InsightNotEnabledException') {}
export class MaximumNumberOfTrailsExceededException extends errorClass('MaximumNumberOfTrailsExceededException') {}
export class NotOrganizationMasterAccountException extends errorClass('NotOrganizationMasterAccountException') {}
export class OrganizationsNotInUseException extends errorClass('OrganizationsNotInUseException') {}
export class InvalidS3BucketNameException extends errorClass('InvalidS3BucketNameException') {}
export class InvalidS3PrefixException extends errorClass('InvalidS3PrefixException') {}
export class InvalidSnsTopicNameException extends errorClass('InvalidSnsTopicNameException') {}
export class InvalidKmsKeyIdException extends errorClass('InvalidKmsKeyIdException') {}
export class InvalidCloudWatchLogsLogGroupArnException extends errorClass('InvalidCloudWatchLogsLogGroupArnException') {}
export class InvalidCloudWatchLogsRoleArnException extends errorClass('InvalidCloudWatchLogsRoleArnException') {}
export class InvalidTagParameterException extends errorClass('InvalidTagParameterException') {}
export class TagsLimitExceededException extends errorClass('TagsLimitExceededException') {}
export class ResourceNotFoundException extends errorClass('ResourceNotFoundException') {}
export class UnsupportedOperationException extends errorClass('UnsupportedOperationException') {}
export class InvalidLookupAttributesException extends errorClass('InvalidLookupAttributesException') {}
export class InvalidTimeRangeException extends errorClass('InvalidTimeRangeException') {}
export class InvalidMaxResultsException extends errorClass('InvalidMaxResultsException') {}
export class InvalidNextTokenException extends errorClass('InvalidNextTokenException') {}
export class InvalidEventCategoryException extends errorClass('InvalidEventCategoryException') {}
/** The `authorize` hook (or an IAM policy) denied a control-plane call. */
export class AccessDeniedException extends errorClass('AccessDeniedException') {}
