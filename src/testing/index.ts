// `localtrail/testing`: the runner-neutral pieces (checks, snapshot helpers, aws-sdk-client-mock bridge), no runner import.

export { checks } from './matchers.js';
export type { IdentityPattern, LocalTrailMatcherName, PartialRecord } from './matchers.js';
export { localtrailMatchers } from './runner-matchers.js';
export type { RunnerMatcher } from './runner-matchers.js';
export { runtimeFromContext } from './runtime.js';
export type { MatchResult, MatcherRuntime, RunnerMatcherContext } from './runtime.js';
export type { LocalTrailMatchers } from './types.js';
export type { Recorded, RecordSource } from './received.js';
export { NotARecordSourceError } from './received.js';
export type { TextPattern } from './text-matchers.js';
export { compileArnPattern } from './arn-pattern.js';
export type { ArnPattern, CompiledArnPattern } from './arn-pattern.js';
export { commandIdentity } from './command.js';
export type { CommandClass, CommandIdentity } from './command.js';
export { recordSnapshotSerializer, stabilizeRecords, stableUserAgent } from './snapshot.js';
export type { SnapshotOptions, SnapshotPrinter, SnapshotSerializer, VolatileField } from './snapshot.js';
export { recordMockedCalls } from './mocked-calls.js';
export type { MockedCallIdentity, MockedClientLike, MockedSendCall, RecordMockedCallsOptions } from './mocked-calls.js';
export { policyChecks, policyMatchers } from './policy-matchers.js';
export type { PolicyMatchers } from './policy-matchers.js';
