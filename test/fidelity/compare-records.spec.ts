// The fidelity comparer on hand-made pairs: what it reports, what it counts, and what it lets pass and why.
import { describe, expect, it } from 'vitest';
import { childPath, compareRecords, pathPattern } from './compare-records.js';

const base = { eventVersion: '1.09', eventSource: 's3.amazonaws.com', eventName: 'PutObject', awsRegion: 'us-east-1', eventType: 'AwsApiCall' };

describe('compareRecords', () => {
  it('agrees on an identical record and counts every compared leaf', () => {
    const real = { ...base, requestParameters: { bucketName: 'b', key: 'k' }, responseElements: null, resources: [{ type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::b' }] };
    const result = compareRecords('test', real, structuredClone(real));
    expect(result.differences).toEqual([]);
    // eventSource, eventName, awsRegion, eventType, 2 request leaves, responseElements null, 1 resource
    expect(result).toMatchObject({ compared: 8, matched: 8 });
  });

  it('reports a missing path, an extra path, a type and a value difference', () => {
    const real = { ...base, requestParameters: { key: { Artist: 'A' }, item: ['Artist'], tableName: 'Music' }, responseElements: null };
    const mine = { ...base, requestParameters: { item: { Artist: { S: 'A' } }, tableName: 'music', extra: 1 }, responseElements: null };
    const kinds = compareRecords('test', real, mine).differences.map((d) => `${d.kind} ${d.path}`);
    expect(kinds).toEqual(['missing requestParameters.key', 'type requestParameters.item', 'value requestParameters.tableName', 'extra requestParameters.extra']);
  });

  it('compares presence and type but not the value of a volatile path', () => {
    const real = { ...base, requestParameters: null, responseElements: { credentials: { sessionToken: 'real-token', accessKeyId: 'ASIA1' } } };
    const hidden = { ...base, requestParameters: null, responseElements: { credentials: { sessionToken: 'HIDDEN_DUE_TO_SECURITY_REASONS', accessKeyId: 'ASIA1' } } };
    expect(compareRecords('test', real, hidden).differences).toEqual([]);
    const absent = { ...base, requestParameters: null, responseElements: { credentials: { accessKeyId: 'ASIA1' } } };
    expect(compareRecords('test', real, absent).differences.map((d) => d.path)).toEqual(['responseElements.credentials.sessionToken']);
    expect(compareRecords('test', { ...real, responseElements: { x: 1 } }, { ...real, responseElements: { x: 2 } }, ['responseElements.x']).differences).toEqual([]);
  });

  it('holds an absent resources list against localtrail only for records of 1.08 and later, and never an absent readOnly', () => {
    const mine = { ...base, readOnly: false, requestParameters: null, responseElements: null, resources: [{ type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::b' }] };
    const recent = { ...base, requestParameters: null, responseElements: null };
    expect(compareRecords('test', recent, mine).differences.map((d) => `${d.kind} ${d.path}`)).toEqual(['extra resources']);
    expect(compareRecords('test', { ...recent, eventVersion: '1.05' }, mine).differences).toEqual([]);
  });

  it('reports an errorCode localtrail writes for a record without one, whatever its version', () => {
    const real = { ...base, eventVersion: '1.0', requestParameters: null, responseElements: null };
    expect(compareRecords('test', real, { ...real, errorCode: 'AccessDenied' }).differences.map((d) => d.path)).toEqual(['errorCode']);
  });

  it('matches a resource without type on its ARN alone, in any order', () => {
    const real = { ...base, requestParameters: null, responseElements: null, resources: [{ ARN: 'arn:2' }, { type: 'T', ARN: 'arn:1' }] };
    const mine = { ...real, resources: [{ type: 'T', ARN: 'arn:1' }, { type: 'AWS::KMS::Key', ARN: 'arn:2' }] };
    expect(compareRecords('test', real, mine).differences).toEqual([]);
  });
});

describe('paths', () => {
  it('quotes keys that would break the notation and matches [] and * patterns', () => {
    expect(childPath(childPath('requestParameters', 'a.b'), 0)).toBe('requestParameters["a.b"][0]');
    expect(childPath('x', 'x-amz-acl')).toBe('x.x-amz-acl');
    expect(pathPattern('responseElements.instancesSet.items[].metadataOptions.*').test('responseElements.instancesSet.items[3].metadataOptions.httpProtocolIpv4')).toBe(true);
    expect(pathPattern('responseElements.items[].id').test('responseElements.items.id')).toBe(false);
  });
});
