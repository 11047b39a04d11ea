// localtrail's public API: explicit named exports only.

// LocalTrail
export { createLocalTrail, LocalTrail } from './localtrail.js';
export type { LocalTrailStats } from './localtrail.js';
export type { ErrorHandler, LocalTrailOptions } from './localtrail-options.js';

// Recording (the SDK plugin, smithy style)
export { getLocalTrailPlugin, localTrailMiddleware, localTrailMiddlewareOptions } from './recorder/middleware.js';
export type { HasRecorder } from './recorder/middleware.js';
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
