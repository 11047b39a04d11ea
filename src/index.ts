// localtrail's public API: explicit named exports only.

// LocalTrail
export { createLocalTrail, LocalTrail } from './localtrail.js';
export type { LocalTrailStats } from './localtrail.js';
export type { ErrorHandler, LocalTrailOptions } from './localtrail-options.js';

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
} from './event/record.js';
export { EVENT_VERSION } from './event/record.js';
export { HIDDEN } from './event/redaction.js';

// Time
export { systemClock } from './clock/clock.js';
export type { Clock, TimerHandle } from './clock/clock.js';
export { ManualClock } from './clock/manual-clock.js';

// Trail engine (control-plane errors, caller and organization options) — added by the engine (issue 3)
export type { CallerOptions, TrailEngineStats } from './engine/trail-engine.js';
export type { OrganizationConfig } from './engine/organization.js';
export { cloudTrailRequestHandler } from './engine/cloudtrail-handler.js';
export type { CloudTrailHandlerOptions } from './engine/cloudtrail-handler.js';
export {
  CloudTrailError,
  CloudTrailARNInvalidException,
  InsightNotEnabledException,
  InvalidEventCategoryException,
  InvalidEventSelectorsException,
  InvalidHomeRegionException,
  InvalidInsightSelectorsException,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidNextTokenException,
  InvalidParameterCombinationException,
  InvalidTimeRangeException,
  InvalidTrailNameException,
  MaximumNumberOfTrailsExceededException,
  NotOrganizationMasterAccountException,
  TrailAlreadyExistsException,
  TrailNotFoundException,
} from './engine/errors.js';

// Test support: trail.snapshot() options — added by testing (issue 5). The matchers live in localtrail/vitest,
// localtrail/jest and localtrail/testing.
export type { SnapshotOptions, VolatileField } from './testing/snapshot.js';

// Delivery and integrity — added by delivery (issue 4). The S3 sink lives in localtrail/sinks/s3 (it needs
// @aws-sdk/client-s3), the CLI in localtrail/cli.
export { DeliveryService } from './delivery/delivery-service.js';
export type { ChainEnd, DeliveryShutdownResult, UndeliveredObject } from './delivery/delivery-service.js';
export type { DeliveryOptions } from './delivery/delivery-options.js';
export type { DeliveryStats } from './delivery/channel.js';
export type { GzipEngine } from './delivery/gzip-stream.js';
export type { DeliveryNotification, DeliveryObject, DeliveryObjectKind, DeliverySink, PublishedPublicKey, StreamedEvents } from './delivery/sink.js';
export type { DeliveryPort, DeliveryPublicKey, DeliveryRoute, DeliveryStatus, DeliveryTrail } from './delivery/port.js';
export { MemorySink } from './delivery/sinks/memory-sink.js';
export type { StoredObject } from './delivery/sinks/memory-sink.js';
export { FilesystemSink } from './delivery/sinks/filesystem-sink.js';
export type { FilesystemSinkOptions, SinkFileSystem } from './delivery/sinks/filesystem-sink.js';
export { callbackSink } from './delivery/sinks/callback-sink.js';
export type { CallbackSinkOptions } from './delivery/sinks/callback-sink.js';
export { logFileKey, digestFileKey, parseLogFileKey, parseDigestKey } from './delivery/object-keys.js';
export { exportSigningKey, importSigningKey, publicKeyFingerprint } from './integrity/signing-keys.js';
export type { SigningKey, SigningKeyInput } from './integrity/signing-keys.js';
export { digestSigningString } from './integrity/digest-file.js';
export type { DigestBody, DigestLogFile } from './integrity/digest-file.js';
export { validateLogs } from './integrity/validation/validate-logs.js';
export type { ChainGap, FileVerdict, ValidateLogsOptions, ValidationReport, VerdictStatus } from './integrity/validation/validate-logs.js';
export { folderSource, memorySource } from './integrity/validation/object-source.js';
export type { FetchedObject, ObjectLocation, ObjectSource, ValidationPublicKey } from './integrity/validation/object-source.js';
export { formatValidationReport, splitValidationOutput } from './integrity/validation/format-report.js';

// CloudTrail over HTTP, the event-history page and the HTML report — added by issue 15. `trail.listen()` serves a
// LocalTrail; serveRecords and createReport take records from any TrailRecordSource.
export type { ListenOptions, LocalTrailServer } from './server/http-server.js';
export { serveRecords } from './server/serve-records.js';
export type { RecordsServer, ServeRecordsOptions } from './server/serve-records.js';
export type { TrailRecordSource } from './server/record-source.js';
export type { HistoryScope, IntegritySummary, PageInfo } from './server/page-info.js';
export { createReport } from './report/create-report.js';
export type { Report, ReportOptions } from './report/create-report.js';
export { summarizeRecords } from './report/report-data.js';
export type { ErrorTally, FailedCall, InsightEntry, ReportData, Tally, TimeBucket } from './report/report-data.js';
export { renderReportHtml } from './report/report-html.js';
export type { ReportMeta } from './report/report-html.js';
