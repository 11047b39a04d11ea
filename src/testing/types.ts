// The matcher signatures users see, shared by the vitest and jest type augmentations.
import type { ArnPattern } from './arn-pattern.js';
import type { CommandClass } from './command.js';
import type { IdentityPattern, PartialRecord } from './matchers.js';
import type { TextPattern } from './text-matchers.js';

/**
 * The localtrail matchers, on `expect(trail)` or `expect(trail.events())`.
 * @example
 * expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'reports', Key: 'q1.csv' });
 * expect(trail).not.toHaveRecordedWrite({ eventSource: 'iam.amazonaws.com' });
 */
export interface LocalTrailMatchers<R = void> {
  /** At least one recorded event matches the partial record (asymmetric matchers allowed at any depth). */
  toHaveRecorded(expected: PartialRecord): R;
  /** Exactly `times` recorded events match the partial record. */
  toHaveRecordedTimes(expected: PartialRecord, times: number): R;
  /** The `n`th (1-based) recorded event matches the partial record. */
  toHaveRecordedNth(n: number, expected: PartialRecord): R;
  /** Every recorded event matches one of the partials and each partial was recorded: these calls, nothing else. */
  toHaveRecordedOnly(...expected: PartialRecord[]): R;
  /** A call of this SDK command class was recorded, its input containing `input` (SDK member names) when given. */
  toHaveRecordedCommand(command: CommandClass, input?: Record<string, unknown>): R;
  /** Exactly `times` calls of this command were recorded (with inputs containing `input` when given). */
  toHaveRecordedCommandTimes(command: CommandClass, times: number, input?: Record<string, unknown>): R;
  /** The `n`th (1-based) recorded call of this command had an input containing `input`. */
  toHaveRecordedCommandNth(command: CommandClass, n: number, input?: Record<string, unknown>): R;
  /** A write (`readOnly: false`) was recorded, matching `expected` when given. */
  toHaveRecordedWrite(expected?: PartialRecord): R;
  /** A data event (`eventCategory: 'Data'`) was recorded, matching `expected` when given. */
  toHaveRecordedDataEvent(expected?: PartialRecord): R;
  /** A call failed with this `errorCode` (any when omitted), matching `expected` when given. */
  toHaveRecordedError(errorCode?: TextPattern, expected?: PartialRecord): R;
  /** A call was made as this identity: user name, ARN, access key id, principal id, role name, or partial userIdentity. */
  toHaveRecordedCallAs(identity: IdentityPattern, expected?: PartialRecord): R;
  /** A call was recorded in this region (`awsRegion`). */
  toHaveRecordedInRegion(region: TextPattern, expected?: PartialRecord): R;
  /** No write outside these resources: every write's resource ARNs match one of the patterns (`*`, `?` wildcards). */
  toHaveWrittenOnlyTo(...arnPatterns: ArnPattern[]): R;
}
