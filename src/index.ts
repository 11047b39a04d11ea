// localtrail's public API: explicit named exports only.

// LocalTrail
export { createLocalTrail, LocalTrail } from './localtrail.js';
export type { LocalTrailStats } from './localtrail.js';
export type { ErrorHandler, LocalTrailOptions } from './localtrail-options.js';
export { LocalTrailConfigError } from './vocabulary/config-error.js';

// Recording (the SDK plugin, smithy style)
export {
  getLocalTrailPlugin,
  localTrailMiddleware,
  localTrailMiddlewareOptions,
  localTrailRequestMiddleware,
  localTrailRequestMiddlewareOptions,
} from './recorder/middleware.js';
export type { HasRecorder, LocalTrailMiddlewareConfig } from './recorder/middleware.js';
export { runWithoutRecording } from './recorder/call-context.js';
export type { Actor } from './recorder/call-context.js';
export type { IdentityMapping } from './recorder/identity.js';

// Records
export type {
  CloudTrailRecord,
  CloudTrailResource,
  EventCategory,
  EventType,
  JsonObject,
  JsonValue,
  SessionContext,
  SessionIssuer,
  UserIdentity,
  UserIdentityType,
} from './vocabulary/record.js';
export { EVENT_VERSION } from './vocabulary/record.js';
export { HIDDEN } from './event/redaction.js';

// Time
export { systemClock } from './clock/clock.js';
export type { Clock, TimerHandle } from './clock/clock.js';
export { ManualClock } from './clock/manual-clock.js';

// Trail engine (control-plane errors, caller and organization options)
export type { CallerOptions } from './engine/operations.js';
export type { TrailEngineStats } from './engine/trail-engine.js';
export type { CloudTrailControlPlane } from './engine/control-plane-api.js';
// CloudTrail's request and response shapes, declared by localtrail (structurally the SDK's; no SDK needed to compile).
export type {
  AddTagsRequest,
  AddTagsResponse,
  AdvancedEventSelector,
  AdvancedFieldSelector,
  CreateTrailRequest,
  CreateTrailResponse,
  DataResource,
  DeleteTrailRequest,
  DeleteTrailResponse,
  DescribeTrailsRequest,
  DescribeTrailsResponse,
  EventSelector,
  GetEventSelectorsRequest,
  GetEventSelectorsResponse,
  GetInsightSelectorsRequest,
  GetInsightSelectorsResponse,
  GetTrailRequest,
  GetTrailResponse,
  GetTrailStatusRequest,
  GetTrailStatusResponse,
  InsightSelector,
  InsightType,
  ListPublicKeysRequest,
  ListPublicKeysResponse,
  ListTagsRequest,
  ListTagsResponse,
  ListTrailsRequest,
  ListTrailsResponse,
  LookupAttribute,
  LookupAttributeKey,
  LookupEventsRequest,
  LookupEventsResponse,
  PublicKey,
  PutEventSelectorsRequest,
  PutEventSelectorsResponse,
  PutInsightSelectorsRequest,
  PutInsightSelectorsResponse,
  ReadWriteType,
  RemoveTagsRequest,
  RemoveTagsResponse,
  ResourceTag,
  SourceEventCategory,
  StartLoggingRequest,
  StartLoggingResponse,
  StopLoggingRequest,
  StopLoggingResponse,
  Tag,
  Trail,
  TrailInfo,
  UpdateTrailRequest,
  UpdateTrailResponse,
  Event as LookupEvent,
  EventCategory as LookupEventCategory,
  Resource as LookupEventResource,
} from './engine/control-plane-shapes.js';
export type { OrganizationConfig } from './engine/organization.js';
// trail.listen(): CloudTrail's HTTP API and the event-history page over this trail.
export type { ListenOptions, LocalTrailServer } from './server/http-server.js';
export { cloudTrailRequestHandler } from './engine/cloudtrail-handler.js';
export type { CloudTrailHandlerOptions } from './engine/cloudtrail-handler.js';
export {
  CloudTrailError,
  CloudTrailARNInvalidException,
  InsightNotEnabledException,
  InvalidEventCategoryException,
  InvalidEventSelectorsException,
  InvalidCloudWatchLogsLogGroupArnException,
  InvalidCloudWatchLogsRoleArnException,
  InvalidKmsKeyIdException,
  InvalidS3BucketNameException,
  InvalidS3PrefixException,
  InvalidSnsTopicNameException,
  InvalidTagParameterException,
  OrganizationsNotInUseException,
  ResourceNotFoundException,
  TagsLimitExceededException,
  UnsupportedOperationException,
  InvalidHomeRegionException,
  InvalidInsightSelectorsException,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidNextTokenException,
  InvalidParameterCombinationException,
  InvalidParameterException,
  InvalidTimeRangeException,
  InvalidTrailNameException,
  MaximumNumberOfTrailsExceededException,
  NotOrganizationMasterAccountException,
  TrailAlreadyExistsException,
  TrailNotFoundException,
} from './engine/errors.js';

// Test support: trail.snapshot() options. The matchers live in localtrail/vitest,
// localtrail/jest and localtrail/testing.
export type { SnapshotOptions, VolatileField } from './testing/snapshot.js';

// Delivery and integrity. The S3 sink lives in localtrail/sinks/s3 (it needs
// @aws-sdk/client-s3), the CLI in localtrail/cli.
export { DeliveryService } from './delivery/delivery-service.js';
export { DeliveryTimeoutError } from './delivery/sink-attempt.js';
export type { ChainEnd, DeliveryShutdownResult, UndeliveredObject } from './delivery/delivery-service.js';
export type { DeliveryOptions } from './delivery/delivery-options.js';
export type { DeliveryStats } from './delivery/delivery-stats.js';
export type { GzipEngine } from './delivery/gzip-stream.js';
export type { DeliveryNotification, DeliveryObject, DeliveryObjectKind, DeliverySink, PublishedPublicKey, StreamedEvents } from './delivery/sink.js';
export type { DeliveryPort, DeliveryPublicKey, DeliveryRoute, DeliveryStatus, DeliveryTrail } from './engine/delivery-port.js';
export { MemorySink } from './delivery/sinks/memory-sink.js';
export type { StoredObject } from './delivery/sinks/memory-sink.js';
export { FilesystemSink } from './delivery/sinks/filesystem-sink.js';
export type { FilesystemSinkOptions, SinkFileSystem } from './delivery/sinks/filesystem-sink.js';
export { callbackSink } from './delivery/sinks/callback-sink.js';
export type { CallbackSinkOptions } from './delivery/sinks/callback-sink.js';
export { logFileKey, digestFileKey, parseLogFileKey, parseDigestKey } from './vocabulary/object-keys.js';
export { exportSigningKey, importSigningKey, publicKeyFingerprint } from './integrity/signing-keys.js';
export type { SigningKey, SigningKeyInput } from './integrity/signing-keys.js';
export { digestSigningString } from './integrity/digest-file.js';
export type { DigestBody, DigestLogFile } from './integrity/digest-file.js';
export { validateLogs } from './validation/validate-logs.js';
export type { ChainGap, FileVerdict, ValidateLogsOptions, ValidationReport, VerdictStatus } from './validation/validate-logs.js';
export { folderSource, memorySource } from './validation/object-source.js';
export type { FetchedObject, ObjectLocation, ObjectSource, ValidationPublicKey } from './validation/object-source.js';
export { formatValidationReport, splitValidationOutput } from './validation/format-report.js';

// Local dev auditing: reading delivered trails (folder or S3) and the least-privilege IAM
// policy generator. The CLI (`localtrail lookup | tail | policy`) stands on these; the test matcher toNeedOnly lives
// in localtrail/vitest, localtrail/jest and localtrail/testing.
export { readTrail, logSourceFor } from './reader/read-trail.js';
export type { FollowOptions, ReadTrailOptions, SkippedLogFile, TrailReadStats, TrailReader } from './reader/read-trail.js';
export type { OneOrMore, TrailCategory, TrailFilter } from './reader/trail-filter.js';
export { folderLogSource } from './reader/folder-log-source.js';
export { s3LogSource } from './reader/s3-log-source.js';
export type { S3ClientLike, S3LogSourceOptions } from './reader/s3-log-source.js';
export { ReaderError } from './reader/log-source.js';
export type { ListedObject, LogSource, ReaderErrorCode } from './reader/log-source.js';
export { generatePolicy, policyFilter } from './policy/generate-policy.js';
export type { PolicyInput, PolicyOptions } from './policy/generate-policy.js';
export { PolicyBuilder } from './policy/policy-builder.js';
export type { CallCount, GeneratedPolicy, NeededPermission } from './policy/policy-builder.js';
export { checkPolicy } from './policy/check-policy.js';
export type { PolicyCheck } from './policy/check-policy.js';
export { permissionsFor } from './policy/action-table.js';
export type { CallPermission, CallPermissions } from './policy/action-table.js';
export type { PolicyDocument, PolicyStatement } from './policy/policy-document.js';

// CloudTrail Lake: event data stores and SQL queries on DuckDB (@duckdb/node-api, an optional peer loaded by
// the first query); the same SQL over delivered log files. Shapes are localtrail's own, compatible with the SDK's.
export { Lake } from './lake/lake.js';
export { DuckDbMissingError } from './lake/duckdb-loader.js';
export { queryDeliveredFiles } from './lake/query-files.js';
export type { DeliveredFiles, FilesQueryResult } from './lake/query-files.js';
export {
  EventDataStoreAlreadyExistsException,
  EventDataStoreARNInvalidException,
  EventDataStoreMaxLimitExceededException,
  EventDataStoreNotFoundException,
  EventDataStoreTerminationProtectedException,
  InactiveEventDataStoreException,
  InactiveQueryException,
  InvalidDateRangeException,
  InvalidQueryStatementException,
  InvalidQueryStatusException,
  MaxConcurrentQueriesException,
  QueryIdNotFoundException,
} from './lake/lake-errors.js';
export type {
  LakeFieldSelector, LakeEventSelector, LakeTag, EventDataStoreStatus, BillingMode, QueryStatus, EventDataStoreDescription, CreateEventDataStoreRequest, CreateEventDataStoreResponse, GetEventDataStoreRequest, GetEventDataStoreResponse, ListEventDataStoresRequest, ListEventDataStoresResponse, UpdateEventDataStoreRequest, UpdateEventDataStoreResponse, DeleteEventDataStoreRequest, DeleteEventDataStoreResponse, StartQueryRequest, StartQueryResponse, DescribeQueryRequest, QueryStatisticsForDescribeQuery, DescribeQueryResponse, GetQueryResultsRequest, QueryStatistics, GetQueryResultsResponse, CancelQueryRequest, CancelQueryResponse, ListQueriesRequest, LakeQuerySummary, ListQueriesResponse,
} from './lake/lake-shapes.js';

// Fleets: many processes, one bucket, one digest chain per process.
export { fleetInstanceId, fleetTrailName, shutdownOnSignals } from './fleet/fleet.js';
export type { ShutdownOnSignalsOptions, ShutsDown } from './fleet/fleet.js';
export type { ChainReport } from './validation/validate-logs.js';

// Insights, destinations, CloudTrail's own API calls and who may manage trails. The SDK forms
// of the destinations live in localtrail/destinations/cloudwatch-logs, …/eventbridge and …/sns.
export type { InsightsOptions } from './engine/insights/insights-options.js';
export { insightFileKey } from './vocabulary/object-keys.js';
export type { DeliveredFile, DeliveryDestination, DestinationContext, DestinationShutdownReport, DestinationStats } from './delivery/destinations/destination.js';
export type { DestinationQueueOptions } from './delivery/destinations/retry-queue.js';
export { CloudWatchLogsDestination, logGroupName, logStreamName } from './delivery/destinations/cloudwatch-logs.js';
export type { CloudWatchLogsDestinationOptions, LogEventsBatch, PutLogEvents, PutLogEventsResult } from './delivery/destinations/cloudwatch-logs.js';
export { MemoryCloudWatchLogs, checkPutLogEventsBatch } from './delivery/destinations/memory-cloudwatch-logs.js';
export { EventBridgeDestination } from './delivery/destinations/eventbridge.js';
export type { EventBridgeDestinationOptions, EventBridgeRule, PutEventsResult } from './delivery/destinations/eventbridge.js';
export { toEventBridgeEvent } from './delivery/destinations/eventbridge-event.js';
export type { EventBridgeEvent, PutEventsEntry, SourceFor } from './delivery/destinations/eventbridge-event.js';
export { compileEventPattern, matchesEventPattern } from './delivery/destinations/event-pattern.js';
export type { EventPattern } from './delivery/destinations/event-pattern.js';
export { InvalidEventPatternError } from './delivery/destinations/pattern-leaves.js';
export { SnsDestination, notificationMessage } from './delivery/destinations/sns-notifications.js';
export type { SnsDestinationOptions, SnsNotification } from './delivery/destinations/sns-notifications.js';
export type { ControlPlaneCaller } from './engine/control-plane-gate.js';
export type { CloudTrailApi } from './engine/cloudtrail-handler.js';
export type { Authorize, AuthorizeCaller, AuthorizationDecision } from './engine/authorize.js';
export { AccessDeniedException } from './engine/errors.js';
export { compilePolicies, evaluatePolicies, policyAuthorizer } from './engine/iam-policy-evaluator.js';
// Named apart from the policy generator's document shapes (localtrail's generated policies have no NotAction).
export type { PolicyDecision, PolicyDocument as AuthorizePolicyDocument, PolicyInput as AuthorizePolicyInput, PolicyStatement as AuthorizePolicyStatement } from './engine/iam-policy-evaluator.js';
