// Every localtrail matcher as a runner-neutral check: (runtime, received, ...args) → { pass, message }.
import type { CloudTrailRecord, UserIdentity } from '../vocabulary/record.js';
import type { ArnPattern } from './arn-pattern.js';
import type { EventQuery } from './checks.js';
import { checkNth, checkOnly, checkRecorded, checkTimes } from './checks.js';
import type { CommandClass, CommandIdentity } from './command.js';
import { commandIdentity } from './command.js';
import { expectedCommandInput, withCommandInputs } from './command-input.js';
import type { AsymmetricMatcherLike } from './partial-match.js';
import { isAsymmetricMatcher, isPlainObject } from './partial-match.js';
import { recordsOf } from './received.js';
import type { MatchResult, MatcherRuntime } from './runtime.js';
import type { TextPattern } from './text-matchers.js';
import { IdentityMatching, mergePartials, textValue } from './text-matchers.js';
import { checkWrittenOnlyTo } from './write-scope.js';

/** A partial CloudTrail record: any subset of fields, at any depth, with asymmetric matchers allowed anywhere. */
export type PartialRecord = { [K in keyof CloudTrailRecord]?: unknown } & Record<string, unknown>;

/** Who made a call: a user name, ARN, access key id or role name (string, RegExp or matcher), or a partial userIdentity. */
export type IdentityPattern = TextPattern | ({ [K in keyof UserIdentity]?: unknown } & Record<string, unknown>);

type Check<A extends unknown[]> = (rt: MatcherRuntime, received: unknown, ...args: A) => MatchResult;

/** A partial record argument: a plain object, or a runner matcher for the whole record (`expect.objectContaining`). */
function partialArg(value: unknown, matcherName: string, what = 'expected'): Record<string, unknown> | AsymmetricMatcherLike {
  if (value === undefined) return {};
  if (isAsymmetricMatcher(value)) return value;
  return inputArg(value, matcherName, what);
}

/** A plain-object argument (command inputs are converted key by key, so a whole-input matcher cannot be). */
function inputArg(value: unknown, matcherName: string, what: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new TypeError(`${matcherName}: ${what} must be a plain object (a partial ${what === 'input' ? 'command input' : 'record'})`);
  return value;
}

function commandPartial(identity: CommandIdentity): Record<string, unknown> {
  return identity.eventSource ? { eventSource: identity.eventSource, eventName: identity.eventName } : { eventName: identity.eventName };
}

/** The query for a command class (and partial input); `middle` goes between the class and `input` in the headline. */
function commandQuery(matcherName: string, command: unknown, input: unknown, middle = ''): { query: EventQuery; identity: CommandIdentity } {
  const identity = commandIdentity(command, matcherName);
  const partial = commandPartial(identity);
  if (input !== undefined) {
    partial['input'] = expectedCommandInput(identity, inputArg(input, matcherName, 'input'));
  }
  const hintArgs = `${identity.commandName}${middle}${input === undefined ? '' : ', input'}`;
  return { identity, query: { partial, matcherName, hintArgs } };
}

/** The records a command matcher checks: with the input kept beside each when the matcher names an input. */
function commandRecords(received: unknown, matcherName: string, input: unknown): readonly CloudTrailRecord[] {
  const records = recordsOf(received, matcherName);
  return input === undefined ? records : withCommandInputs(records);
}

function shortcut(name: string, hintArgs: string, constraints: Record<string, unknown>, extra: unknown, rt: MatcherRuntime): EventQuery {
  return { matcherName: name, hintArgs, partial: mergePartials(rt, partialArg(extra, name), constraints) };
}

const extraHint = (extra: unknown) => (extra === undefined ? '' : ', expected');

/**
 * The checks behind the matchers, keyed by matcher name: `(runtime, received, ...args) → { pass, message() }`.
 * @example
 * const result = checks.toHaveRecordedWrite(runtimeFromContext(this), trail, { eventSource: 'iam.amazonaws.com' });
 */
export const checks = {
  /** At least one recorded event matches the partial record. */
  toHaveRecorded: ((rt, received, expected: PartialRecord) =>
    checkRecorded(rt, recordsOf(received, 'toHaveRecorded'), {
      partial: partialArg(expected, 'toHaveRecorded'),
      matcherName: 'toHaveRecorded',
    })) as Check<[expected: PartialRecord]>,

  /** Exactly `times` recorded events match the partial record. */
  toHaveRecordedTimes: ((rt, received, expected: PartialRecord, times: number) =>
    checkTimes(
      rt,
      recordsOf(received, 'toHaveRecordedTimes'),
      { partial: partialArg(expected, 'toHaveRecordedTimes'), matcherName: 'toHaveRecordedTimes', hintArgs: 'expected, times' },
      times,
    )) as Check<[expected: PartialRecord, times: number]>,

  /** The nth (1-based) recorded event matches the partial record. */
  toHaveRecordedNth: ((rt, received, nth: number, expected: PartialRecord) =>
    checkNth(
      rt,
      recordsOf(received, 'toHaveRecordedNth'),
      { partial: partialArg(expected, 'toHaveRecordedNth'), matcherName: 'toHaveRecordedNth', hintArgs: 'n, expected' },
      nth,
    )) as Check<[nth: number, expected: PartialRecord]>,

  /** Every recorded event matches one of the partials, and each partial was recorded: these calls and nothing else. */
  toHaveRecordedOnly: ((rt, received, ...expected: PartialRecord[]) =>
    checkOnly(
      rt,
      recordsOf(received, 'toHaveRecordedOnly'),
      expected.map((p) => partialArg(p, 'toHaveRecordedOnly')),
      'toHaveRecordedOnly',
    )) as Check<PartialRecord[]>,

  /** A call of this SDK command was recorded, with an input containing `input` when given. */
  toHaveRecordedCommand: ((rt, received, command: CommandClass, input?: Record<string, unknown>) => {
    const { query } = commandQuery('toHaveRecordedCommand', command, input);
    return checkRecorded(rt, commandRecords(received, 'toHaveRecordedCommand', input), query);
  }) as Check<[command: CommandClass, input?: Record<string, unknown>]>,

  /** Exactly `times` calls of this SDK command were recorded (with an input containing `input` when given). */
  toHaveRecordedCommandTimes: ((rt, received, command: CommandClass, times: number, input?: Record<string, unknown>) => {
    const { query } = commandQuery('toHaveRecordedCommandTimes', command, input, ', times');
    return checkTimes(rt, commandRecords(received, 'toHaveRecordedCommandTimes', input), query, times);
  }) as Check<[command: CommandClass, times: number, input?: Record<string, unknown>]>,

  /** The nth (1-based) recorded call of this SDK command had an input containing `input`. */
  toHaveRecordedCommandNth: ((rt, received, command: CommandClass, nth: number, input?: Record<string, unknown>) => {
    const { identity, query } = commandQuery('toHaveRecordedCommandNth', command, input, ', n');
    const within = { partial: commandPartial(identity), label: `${identity.commandName} call` };
    return checkNth(rt, commandRecords(received, 'toHaveRecordedCommandNth', input), query, nth, within);
  }) as Check<[command: CommandClass, nth: number, input?: Record<string, unknown>]>,

  /** A write (`readOnly: false`) was recorded, matching `expected` when given. */
  toHaveRecordedWrite: ((rt, received, expected?: PartialRecord) =>
    checkRecorded(
      rt,
      recordsOf(received, 'toHaveRecordedWrite'),
      shortcut('toHaveRecordedWrite', extraHint(expected).slice(2), { readOnly: false }, expected, rt),
    )) as Check<[expected?: PartialRecord]>,

  /** A data event (`eventCategory: 'Data'`: S3 objects, DynamoDB items, Lambda Invoke …) was recorded. */
  toHaveRecordedDataEvent: ((rt, received, expected?: PartialRecord) =>
    checkRecorded(
      rt,
      recordsOf(received, 'toHaveRecordedDataEvent'),
      shortcut('toHaveRecordedDataEvent', extraHint(expected).slice(2), { eventCategory: 'Data' }, expected, rt),
    )) as Check<[expected?: PartialRecord]>,

  /** A call that failed with this error code (any code when omitted) was recorded. */
  toHaveRecordedError: ((rt, received, errorCode?: TextPattern, expected?: PartialRecord) =>
    checkRecorded(
      rt,
      recordsOf(received, 'toHaveRecordedError'),
      shortcut('toHaveRecordedError', errorCode === undefined && expected === undefined ? '' : `errorCode${extraHint(expected)}`, { errorCode: textValue(errorCode) }, expected, rt),
    )) as Check<[errorCode?: TextPattern, expected?: PartialRecord]>,

  /** A call made as this identity (user name, ARN, access key id, principal id or role name) was recorded. */
  toHaveRecordedCallAs: ((rt, received, identity: IdentityPattern, expected?: PartialRecord) => {
    const who = isPlainObject(identity) ? identity : new IdentityMatching(identity as TextPattern);
    return checkRecorded(
      rt,
      recordsOf(received, 'toHaveRecordedCallAs'),
      shortcut('toHaveRecordedCallAs', `identity${extraHint(expected)}`, { userIdentity: who }, expected, rt),
    );
  }) as Check<[identity: IdentityPattern, expected?: PartialRecord]>,

  /** A call in this region (`awsRegion`; global services record us-east-1) was recorded. */
  toHaveRecordedInRegion: ((rt, received, region: TextPattern, expected?: PartialRecord) =>
    checkRecorded(
      rt,
      recordsOf(received, 'toHaveRecordedInRegion'),
      shortcut('toHaveRecordedInRegion', `region${extraHint(expected)}`, { awsRegion: textValue(region) }, expected, rt),
    )) as Check<[region: TextPattern, expected?: PartialRecord]>,

  /**
   * No write outside these resources: every write's `resources` ARNs match one of the patterns (IAM wildcards, or
   * RegExps). A write that names no resource counts as outside.
   */
  toHaveWrittenOnlyTo: ((rt, received, ...arnPatterns: ArnPattern[]) =>
    checkWrittenOnlyTo(rt, recordsOf(received, 'toHaveWrittenOnlyTo'), arnPatterns, 'toHaveWrittenOnlyTo')) as Check<ArnPattern[]>,
};

/** The names of all localtrail matchers. */
export type LocalTrailMatcherName = keyof typeof checks;
