// readTrail over folders localtrail wrote from real SDK calls and over hand-written CloudTrail files: every record
// once, newest first, filters as LookupEvents, organization prefixes, Insights, digests ignored, bad files reported.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { ReaderError } from '../../src/reader/log-source.js';
import { readTrail } from '../../src/reader/read-trail.js';
import type { TrailFilter } from '../../src/reader/trail-filter.js';
import { ACCOUNT, getObject, handWrittenFolder, logKey, recordedFolder, startInstances, tempDir, writeLogFile } from './support.js';

async function collect(source: string, options: Parameters<typeof readTrail>[1] = {}): Promise<CloudTrailRecord[]> {
  const out: CloudTrailRecord[] = [];
  for await (const r of readTrail(source, options)) out.push(r);
  return out;
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

const ids = (records: CloudTrailRecord[]) => records.map((r) => r.eventID);

describe('readTrail on a folder localtrail delivered', () => {
  it('yields every delivered record once, newest first, and nothing from digests', async () => {
    const { root, records } = await recordedFolder();
    const read = await collect(root);
    expect(read).toHaveLength(records.length);
    expect(new Set(ids(read))).toEqual(new Set(ids(records)));
    const times = read.map((r) => Date.parse(r.eventTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The same from the bucket folder, and from a folder below it.
    expect(await collect(join(root, 'audit-logs'))).toHaveLength(records.length);
    expect((await collect(join(root, 'audit-logs', 'AWSLogs', ACCOUNT, 'CloudTrail', 'eu-west-1'))).length).toBe(records.filter((r) => r.awsRegion === 'eu-west-1').length);
  });

  it('filters by each LookupEvents attribute, as event history does', async () => {
    const { root, records } = await recordedFolder();
    const check = async (filter: TrailFilter, expected: (r: CloudTrailRecord) => boolean) => {
      const read = await collect(root, { filter });
      expect(read.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(new Set(ids(read)), JSON.stringify(filter)).toEqual(new Set(ids(records.filter(expected))));
    };
    await check({ eventName: 'GetObject' }, (r) => r.eventName === 'GetObject');
    await check({ eventName: ['GetObject', 'PutObject'] }, (r) => r.eventName === 'GetObject' || r.eventName === 'PutObject');
    await check({ eventSource: 'dynamodb.amazonaws.com' }, (r) => r.eventSource === 'dynamodb.amazonaws.com');
    await check({ username: 'alice' }, () => true);
    await check({ resourceName: 'Orders' }, (r) => r.resources?.some((x) => x.ARN?.endsWith(':table/Orders')) === true);
    await check({ resourceName: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:resize` }, (r) => r.eventName === 'Invoke');
    await check({ resourceType: 'AWS::S3::Object' }, (r) => r.resources?.some((x) => x.type === 'AWS::S3::Object') === true);
    await check({ readOnly: false }, (r) => r.readOnly === false);
    await check({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }, () => true);
    await check({ eventId: records[4]!.eventID }, (r) => r.eventID === records[4]!.eventID);
    await check({ errorCode: 'ResourceNotFoundException' }, (r) => r.errorCode === 'ResourceNotFoundException');
    await check({ errors: true }, (r) => r.errorCode !== undefined);
    await check({ category: 'data' }, (r) => r.eventCategory === 'Data');
    await check({ category: 'management', region: 'eu-west-1' }, (r) => r.eventCategory === 'Management' && r.awsRegion === 'eu-west-1');
    await check({ account: ACCOUNT }, () => true);
    await check({ startTime: '2026-03-01T10:10:00Z', endTime: '2026-03-01T10:19:59Z' }, (r) => r.eventTime >= '2026-03-01T10:10:00Z' && r.eventTime <= '2026-03-01T10:19:59Z');
    expect(await collect(root, { filter: { eventName: 'DeleteBucket' } })).toEqual([]);
  });

  it('stops after max records, the newest', async () => {
    const { root, records } = await recordedFolder();
    const newest = [...records].sort((a, b) => Date.parse(b.eventTime) - Date.parse(a.eventTime))[0]!;
    const read = await collect(root, { max: 3 });
    expect(read).toHaveLength(3);
    expect(read[0]!.eventTime).toBe(newest.eventTime);
  });
});

describe('readTrail on CloudTrail files in their documented form', () => {
  it('reads compact and pretty-printed files, organization prefixes and Insights, newest first; digests and other services ignored', async () => {
    const root = handWrittenFolder();
    const reader = readTrail(root);
    const read: CloudTrailRecord[] = [];
    for await (const r of reader) read.push(r);
    expect(ids(read)).toEqual(['e-0007', 'e-0006', 'e-0004', 'e-0005', 'e-0002', 'e-0003', 'e-0001']);
    expect(reader.skipped).toEqual([]);
    expect(reader.stats).toMatchObject({ filesListed: 5, filesRead: 5, filesPruned: 0, filesSkipped: 0 });
  });

  it('prunes files by key: region, account, category and start time', async () => {
    const root = handWrittenFolder();
    const byRegion = readTrail(root, { filter: { region: 'eu-west-1' } });
    expect(ids(await all(byRegion))).toEqual(['e-0006']);
    expect(byRegion.stats).toMatchObject({ filesRead: 1, filesPruned: 4 });
    expect(ids(await collect(root, { filter: { account: '444455556666' } }))).toEqual(['e-0005']);
    expect(ids(await collect(root, { filter: { category: 'insight' } }))).toEqual(['e-0007']);
    expect(ids(await collect(root, { filter: { eventName: 'RunInstances', category: 'insight' } }))).toEqual(['e-0007']);
    const late = readTrail(root, { filter: { startTime: '2026-03-01T10:10:00Z' } });
    expect(ids(await all(late))).toEqual(['e-0007', 'e-0006']);
    // Only the 10:05 file ends before the start; the 10:10 files are read (their events could be up to 10:10:59).
    expect(late.stats).toMatchObject({ filesPruned: 1, filesRead: 4 });
  });

  it('matches a principal by role ARN, session, user name or access key', async () => {
    const root = handWrittenFolder();
    expect(ids(await collect(root, { filter: { principal: `arn:aws:iam::${ACCOUNT}:role/app` } }))).toEqual(['e-0004', 'e-0002', 'e-0003']);
    expect(ids(await collect(root, { filter: { principal: 'app-session', errors: false } }))).toEqual(['e-0004', 'e-0002']);
    expect(ids(await collect(root, { filter: { principal: 'Mateo', region: 'us-east-1' } }))).toEqual(['e-0005', 'e-0001']);
    expect(ids(await collect(root, { filter: { username: 'app-session', errorCode: 'AccessDenied' } }))).toEqual(['e-0003']);
  });

  it('skips and reports unreadable files, and keeps reading the rest', async () => {
    const root = handWrittenFolder();
    const bucket = join(root, 'amzn-s3-demo-bucket');
    const empty = writeLogFile(bucket, logKey('20260301T1040Z', { unique: 'Em0KsOhtH1ar15ZZ' }), []);
    writeFileSync(empty, '');
    const truncated = writeLogFile(bucket, logKey('20260301T1041Z', { unique: 'Tr0KsOhtH1ar15ZZ' }), [startInstances('2026-03-01T10:40:00Z', 'x')]);
    writeFileSync(truncated, (await import('node:fs')).readFileSync(truncated).subarray(0, 30));
    writeFileSync(join(bucket, ...logKey('20260301T1042Z', { unique: 'Tx0KsOhtH1ar15ZZ' }).split('/')), 'not gzip at all');
    writeLogFile(bucket, logKey('20260301T1043Z', { unique: 'Nj0KsOhtH1ar15ZZ' }), []);
    const { gzipSync } = await import('node:zlib');
    writeFileSync(join(bucket, ...logKey('20260301T1043Z', { unique: 'Nj0KsOhtH1ar15ZZ' }).split('/')), gzipSync('{"Records":[{"eventVersion":'));
    writeFileSync(join(bucket, ...logKey('20260301T1044Z', { unique: 'Nr0KsOhtH1ar15ZZ' }).split('/')), gzipSync('{"records":[]}'));
    const skipped: string[] = [];
    const reader = readTrail(root, { onSkip: (f) => skipped.push(`${f.key.slice(f.key.lastIndexOf('_') + 1)}: ${f.reason}`) });
    const read = await all(reader);
    expect(read).toHaveLength(7);
    expect(skipped.sort()).toEqual([
      'Em0KsOhtH1ar15ZZ.json.gz: invalid format: empty file',
      'Nj0KsOhtH1ar15ZZ.json.gz: invalid format: not valid JSON',
      'Nr0KsOhtH1ar15ZZ.json.gz: invalid format: no "Records" array',
      'Tr0KsOhtH1ar15ZZ.json.gz: invalid format: truncated gzip stream',
      'Tx0KsOhtH1ar15ZZ.json.gz: invalid format: not a gzip file',
    ]);
    expect(reader.skipped).toHaveLength(5);
    expect(reader.stats.filesSkipped).toBe(5);
  });

  it('reads a single log file given by path, and a misnamed .json.gz at the top of the folder', async () => {
    const root = tempDir();
    const file = writeLogFile(root, logKey('20260301T1005Z'), [startInstances('2026-03-01T10:01:00Z', 'a')]);
    expect(ids(await collect(file))).toEqual(['a']);
    writeLogFile(root, 'downloaded.json.gz', [startInstances('2026-03-01T09:00:00Z', 'b'), startInstances('2026-03-01T11:00:00Z', 'c')]);
    expect(ids(await collect(root))).toEqual(['c', 'a', 'b']);
  });

  it('throws a ReaderError for a missing folder and a bad filter, before reading', async () => {
    await expect(collect(join(tempDir(), 'nope'))).rejects.toMatchObject({ name: 'ReaderError', code: 'SOURCE_NOT_FOUND' });
    expect(() => readTrail('.', { filter: { startTime: 'yesterday' } })).toThrow(ReaderError);
    expect(() => readTrail('.', { filter: { startTime: 2, endTime: 1 } })).toThrow('startTime is after endTime');
    expect(() => readTrail('.', { filter: { category: 'everything' as never } })).toThrow(/not a category: everything/);
  });
});

describe('newest first across files whose times overlap', () => {
  it('orders records by event time even when a later file holds older events', async () => {
    const root = tempDir();
    // CloudTrail: "a log file delivered at a specific time can contain records written at any point before that time".
    writeLogFile(root, logKey('20260301T1010Z', { unique: 'A000000000000000' }), [getObject('2026-03-01T10:09:30Z', 'a2', 'k'), getObject('2026-03-01T10:01:00Z', 'a1', 'k')]);
    writeLogFile(root, logKey('20260301T1020Z', { unique: 'B000000000000000' }), [getObject('2026-03-01T10:05:00Z', 'b1', 'k'), getObject('2026-03-01T10:19:00Z', 'b2', 'k')]);
    writeLogFile(root, logKey('20260301T1005Z', { unique: 'C000000000000000' }), [getObject('2026-03-01T10:04:00Z', 'c1', 'k')]);
    expect(ids(await collect(root))).toEqual(['b2', 'a2', 'b1', 'c1', 'a1']);
    expect(ids(await collect(root, { filter: { eventName: 'GetObject' } }))).toEqual(['b2', 'a2', 'b1', 'c1', 'a1']);
  });
});
