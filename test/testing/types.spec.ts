// The type augmentation and the registered matchers agree: every declared matcher exists, argument types are checked.
import '../../src/testing/vitest.js';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/localtrail.js';
import { localtrailMatchers } from '../../src/testing/runner-matchers.js';
import type { LocalTrailMatchers } from '../../src/testing/types.js';

// Compile-time: one entry per declared matcher, no more, no fewer.
const declared = {
  toHaveRecorded: true,
  toHaveRecordedTimes: true,
  toHaveRecordedNth: true,
  toHaveRecordedOnly: true,
  toHaveRecordedCommand: true,
  toHaveRecordedCommandTimes: true,
  toHaveRecordedCommandNth: true,
  toHaveRecordedWrite: true,
  toHaveRecordedDataEvent: true,
  toHaveRecordedError: true,
  toHaveRecordedCallAs: true,
  toHaveRecordedInRegion: true,
  toHaveWrittenOnlyTo: true,
} satisfies Record<keyof LocalTrailMatchers, true>;

/** Never called: tsc checks these lines (the project type-checks test/). */
function typeChecks(): void {
  const trail = createLocalTrail();
  expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'b' });
  expect(trail.events()).not.toHaveRecordedTimes({ eventName: 'PutObject' }, 2);
  expect(trail).toHaveWrittenOnlyTo('arn:aws:s3:::b/*', /^arn:aws:dynamodb:/);
  // @ts-expect-error times must be a number
  expect(trail).toHaveRecordedTimes({}, 'two');
  // @ts-expect-error a partial record is an object
  expect(trail).toHaveRecorded('PutObject');
  // @ts-expect-error ARN patterns are strings or RegExps
  expect(trail).toHaveWrittenOnlyTo(42);
  // @ts-expect-error the command comes first
  expect(trail).toHaveRecordedCommandNth(1, PutObjectCommand);
}

describe('matcher registration', () => {
  it('registers exactly the declared matchers', () => {
    expect(Object.keys(localtrailMatchers).sort()).toEqual(Object.keys(declared).sort());
    expect(typeof typeChecks).toBe('function');
  });
});
