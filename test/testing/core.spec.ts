// The runner-neutral core on hand-built records: partial matching, closeness, ARN patterns, long lists.
import '../../src/testing/vitest.js';
import { equals } from '@vitest/expect';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { compileArnPattern } from '../../src/testing/arn-pattern.js';
import { checks } from '../../src/testing/matchers.js';
import { closeness, matchesPartial } from '../../src/testing/partial-match.js';
import type { MatcherRuntime } from '../../src/testing/runtime.js';
import { failureOf } from './support.js';

/** A runtime without any runner: equality from @vitest/expect, plain JSON printing, no diff. */
const bare: MatcherRuntime = {
  isNot: false,
  equals: (a, b) => equals(a, b),
  diff: () => null,
  printExpected: (v) => JSON.stringify(v),
  printReceived: (v) => JSON.stringify(v),
  matcherHint: (name) => name,
};

function record(i: number, extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.11',
    eventTime: '2024-01-01T00:00:00Z',
    eventSource: 'sqs.amazonaws.com',
    eventName: i % 2 ? 'SendMessage' : 'ReceiveMessage',
    awsRegion: 'us-east-1',
    requestParameters: { queueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/q${i}`, tags: ['a', 'b'] },
    eventID: `id-${i}`,
    readOnly: i % 2 === 0,
    eventType: 'AwsApiCall',
    recipientAccountId: '123456789012',
    eventCategory: 'Data',
    ...extra,
  };
}

describe('matchesPartial (toMatchObject semantics)', () => {
  const r = record(1);
  it('matches named keys at any depth and ignores the rest', () => {
    expect(matchesPartial(bare, r, { eventName: 'SendMessage', requestParameters: { tags: ['a', 'b'] } })).toBe(true);
    expect(matchesPartial(bare, r, {})).toBe(true);
  });
  it('matches arrays element by element with equal length', () => {
    expect(matchesPartial(bare, r, { requestParameters: { tags: ['a'] } })).toBe(false);
    expect(matchesPartial(bare, r, { requestParameters: { tags: expect.arrayContaining(['b']) } })).toBe(true);
  });
  it('treats an undefined expected key as "absent"', () => {
    expect(matchesPartial(bare, r, { errorCode: undefined })).toBe(true);
    expect(matchesPartial(bare, record(1, { errorCode: 'X' }), { errorCode: undefined })).toBe(false);
  });
  it('does not match a missing key against a value, nor an object against a primitive', () => {
    expect(matchesPartial(bare, r, { errorCode: 'X' })).toBe(false);
    expect(matchesPartial(bare, r, { eventName: { nested: true } })).toBe(false);
  });
  it('uses the runner equals for leaves and asymmetric matchers', () => {
    expect(matchesPartial(bare, r, { eventID: expect.stringMatching(/^id-\d$/), readOnly: expect.any(Boolean) })).toBe(true);
  });
  it('ranks closeness by matched leaves', () => {
    expect(closeness(bare, r, { eventName: 'SendMessage', awsRegion: 'eu-west-1', requestParameters: { tags: ['a', 'x'] } })).toEqual({ matched: 2, total: 4 });
  });
});

describe('checks without a runner', () => {
  it('run on any runtime and build their message lazily', () => {
    let printed = 0;
    const counting: MatcherRuntime = { ...bare, printExpected: (v) => (printed++, JSON.stringify(v)) };
    const result = checks.toHaveRecorded(counting, [record(1)], { eventName: 'SendMessage' });
    expect(result.pass).toBe(true);
    expect(printed).toBe(0);
    expect(result.message()).toContain('Expected: no event matching');
    expect(printed).toBe(1);
  });
});

describe('long trails', () => {
  it('lists at most ten events, then says how many more', () => {
    const many = Array.from({ length: 25 }, (_, i) => record(i));
    expect(failureOf(() => expect(many).not.toHaveRecordedTimes({ eventSource: 'sqs.amazonaws.com' }, 25))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveRecordedTimes(expected, times)

      Expected: not 25 events matching
      Object {
        "eventSource": "sqs.amazonaws.com",
      }
      Received: 25 matching events (of 25 events)
        #1 sqs.amazonaws.com ReceiveMessage · us-east-1 · read · data
        #2 sqs.amazonaws.com SendMessage · us-east-1 · write · data
        #3 sqs.amazonaws.com ReceiveMessage · us-east-1 · read · data
        #4 sqs.amazonaws.com SendMessage · us-east-1 · write · data
        #5 sqs.amazonaws.com ReceiveMessage · us-east-1 · read · data
        #6 sqs.amazonaws.com SendMessage · us-east-1 · write · data
        #7 sqs.amazonaws.com ReceiveMessage · us-east-1 · read · data
        #8 sqs.amazonaws.com SendMessage · us-east-1 · write · data
        #9 sqs.amazonaws.com ReceiveMessage · us-east-1 · read · data
        #10 sqs.amazonaws.com SendMessage · us-east-1 · write · data
        … and 15 more"
    `);
  });
});

describe('ARN patterns', () => {
  it('use IAM wildcards, escape everything else, and admit the container of a /* pattern', () => {
    const p = compileArnPattern('arn:aws:s3:::logs-????/*');
    expect(p.test('arn:aws:s3:::logs-2024/a/b.json')).toBe(true);
    expect(p.test('arn:aws:s3:::logs-2024')).toBe(true);
    expect(p.test('arn:aws:s3:::logs-20245/a')).toBe(false);
    expect(compileArnPattern('arn:aws:s3:::a.b/*').test('arn:aws:s3:::aXb/k')).toBe(false);
    expect(compileArnPattern('arn:aws:sqs:*:*:orders').test('arn:aws:sqs:us-east-1:123456789012:orders')).toBe(true);
  });
  it('accept RegExps, ignoring the stateful g and y flags', () => {
    const p = compileArnPattern(/:table\/Orders$/g);
    expect([p.test('arn:aws:dynamodb:us-east-1:1:table/Orders'), p.test('arn:aws:dynamodb:us-east-1:1:table/Orders')]).toEqual([true, true]);
  });
  it('reject empty patterns', () => {
    expect(() => compileArnPattern('')).toThrowErrorMatchingInlineSnapshot(`[TypeError: ARN pattern must be a non-empty string or a RegExp, got ""]`);
  });
});
