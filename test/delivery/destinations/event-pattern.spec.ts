// EventBridge event patterns: the documented content filters, structure rules, and what EventBridge refuses.
import { describe, expect, it } from 'vitest';
import { compileEventPattern, matchesEventPattern } from '../../../src/delivery/destinations/event-pattern.js';
import { InvalidEventPatternError } from '../../../src/delivery/destinations/pattern-leaves.js';

const event = {
  version: '0',
  'detail-type': 'AWS API Call via CloudTrail',
  source: 'aws.cloudtrail',
  account: '111122223333',
  region: 'us-east-1',
  resources: [],
  detail: {
    eventName: 'StopLogging',
    eventSource: 'cloudtrail.amazonaws.com',
    sourceIPAddress: '10.0.0.17',
    userAgent: 'aws-cli/2.15.0 Python/3.11',
    readOnly: false,
    errorCode: null,
    userIdentity: { type: 'IAMUser', userName: 'Mallory', arn: 'arn:aws:iam::111122223333:user/Mallory' },
    requestParameters: { name: 'audit-main', count: 42, tags: ['prod', 'pci'], items: [{ key: 'a', n: 1 }, { key: 'b', n: 2 }] },
    resources: [{ ARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/audit-main', type: 'AWS::CloudTrail::Trail' }],
  },
};

describe('EventBridge content filters', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['exact value', { source: ['aws.cloudtrail'] }, true],
    ['values in a list are OR', { detail: { eventName: ['DeleteTrail', 'StopLogging'] } }, true],
    ['fields are AND', { source: ['aws.cloudtrail'], detail: { eventName: ['DeleteTrail'] } }, false],
    ['nested fields follow the event', { detail: { userIdentity: { type: ['IAMUser'] } } }, true],
    ['a missing field does not match', { detail: { vpcEndpointId: ['vpce-1'] } }, false],
    ['booleans', { detail: { readOnly: [false] } }, true],
    ['null matches null', { detail: { errorCode: [null] } }, true],
    ['numbers compare as numbers', { detail: { requestParameters: { count: [42.0] } } }, true],
    ['an array field matches when any element does', { detail: { requestParameters: { tags: ['pci'] } } }, true],
    ['arrays of objects: one element must match all its fields', { detail: { requestParameters: { items: { key: ['a'], n: [2] } } } }, false],
    ['arrays of objects: an element that matches', { detail: { requestParameters: { items: { key: ['b'], n: [2] } } } }, true],
    ['prefix', { detail: { userAgent: [{ prefix: 'aws-cli/' }] } }, true],
    ['prefix is case-sensitive', { detail: { userAgent: [{ prefix: 'AWS-CLI/' }] } }, false],
    ['prefix equals-ignore-case', { detail: { userAgent: [{ prefix: { 'equals-ignore-case': 'AWS-CLI/' } }] } }, true],
    ['suffix', { detail: { requestParameters: { name: [{ suffix: '-main' }] } } }, true],
    ['suffix equals-ignore-case', { detail: { requestParameters: { name: [{ suffix: { 'equals-ignore-case': '-MAIN' } }] } } }, true],
    ['equals-ignore-case', { detail: { userIdentity: { userName: [{ 'equals-ignore-case': 'mallory' }] } } }, true],
    ['wildcard', { detail: { resources: { ARN: [{ wildcard: 'arn:aws:cloudtrail:*:trail/audit-*' }] } } }, true],
    ['wildcard anchored at both ends', { detail: { resources: { ARN: [{ wildcard: 'trail/audit-*' }] } } }, false],
    ['anything-but a value', { detail: { eventName: [{ 'anything-but': 'StartLogging' }] } }, true],
    ['anything-but a list', { detail: { eventName: [{ 'anything-but': ['StopLogging', 'DeleteTrail'] }] } }, false],
    ['anything-but numbers', { detail: { requestParameters: { count: [{ 'anything-but': [1, 2, 3] }] } } }, true],
    ['anything-but prefix', { region: [{ 'anything-but': { prefix: 'us-' } }] }, false],
    ['anything-but suffix', { detail: { requestParameters: { name: [{ 'anything-but': { suffix: '-dev' } }] } } }, true],
    ['anything-but equals-ignore-case', { detail: { eventName: [{ 'anything-but': { 'equals-ignore-case': ['stoplogging'] } }] } }, false],
    ['anything-but wildcard', { detail: { userAgent: [{ 'anything-but': { wildcard: '*Python*' } }] } }, false],
    ['anything-but does not match a missing field', { detail: { vpcEndpointId: [{ 'anything-but': 'x' }] } }, false],
    ['numeric range', { detail: { requestParameters: { count: [{ numeric: ['>', 0, '<=', 42] }] } } }, true],
    ['numeric equality', { detail: { requestParameters: { count: [{ numeric: ['=', 4.2e1] }] } } }, true],
    ['numeric outside', { detail: { requestParameters: { count: [{ numeric: ['<', 10] }] } } }, false],
    ['numeric on a string does not match', { detail: { eventName: [{ numeric: ['>', 0] }] } }, false],
    ['exists: true on a leaf', { detail: { eventName: [{ exists: true }] } }, true],
    ['exists: false on a missing field', { detail: { vpcEndpointId: [{ exists: false }] } }, true],
    ['exists: false on an object (not a leaf)', { detail: { userIdentity: [{ exists: false }] } }, true],
    ['exists: true on an empty array', { resources: [{ exists: true }] }, false],
    ['cidr IPv4', { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } }, true],
    ['cidr IPv4 outside', { detail: { sourceIPAddress: [{ cidr: '10.0.1.0/24' }] } }, false],
    ['$or of two patterns', { source: ['aws.cloudtrail'], $or: [{ detail: { eventName: ['DeleteTrail'] } }, { detail: { readOnly: [false] } }] }, true],
    ['$or where none matches', { $or: [{ region: ['eu-west-1'] }, { account: ['000000000000'] }] }, false],
  ])('%s', (_case, pattern, expected) => {
    expect(matchesEventPattern(pattern, event)).toBe(expected);
  });

  it('cidr IPv6, and JSON text patterns', () => {
    const v6 = { detail: { ip: '2001:db8::ff00:42:8329' } };
    expect(matchesEventPattern({ detail: { ip: [{ cidr: '2001:db8::/32' }] } }, v6)).toBe(true);
    expect(matchesEventPattern({ detail: { ip: [{ cidr: '2001:db9::/32' }] } }, v6)).toBe(false);
    expect(compileEventPattern('{"detail":{"eventName":["StopLogging"]}}')(event)).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['an empty pattern', {}, /non-empty JSON object/],
    ['a scalar field', { source: 'aws.s3' }, /must be a list of values or a nested pattern/],
    ['an empty list', { source: [] }, /empty list/],
    ['an unknown filter', { source: [{ contains: 'x' }] }, /unknown filter "contains"/],
    ['a filter with two keys', { source: [{ prefix: 'a', suffix: 'b' }] }, /exactly one key/],
    ['a bad numeric', { n: [{ numeric: ['<', 'ten'] }] }, /numeric: bad comparison/],
    ['a numeric range upside down', { n: [{ numeric: ['<', 5, '>', 1] }] }, /numeric range/],
    ['mixed anything-but', { n: [{ 'anything-but': ['a', 1] }] }, /only strings or only numbers/],
    ['consecutive wildcards', { n: [{ wildcard: 'a**b' }] }, /consecutive wildcard/],
    ['a bad cidr', { ip: [{ cidr: '10.0.0.0/40' }] }, /not a CIDR block/],
    ['a lone $or', { $or: [{ a: ['x'] }] }, /at least two patterns/],
    ['exists with a string', { a: [{ exists: 'yes' }] }, /exists takes true or false/],
  ])('refuses %s', (_case, pattern, message) => {
    expect(() => compileEventPattern(pattern as never)).toThrow(InvalidEventPatternError);
    expect(() => compileEventPattern(pattern as never)).toThrow(message);
  });
});
