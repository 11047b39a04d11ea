// `localtrail lookup` on a folder localtrail delivered and on hand-written CloudTrail files: a table for people,
// JSON Lines for scripts, newest first, filters, one-line errors and exit statuses.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { ACCOUNT, handWrittenFolder, logKey, recordedFolder, tempDir } from '../reader/support.js';
import { capture } from './support.js';

describe('localtrail lookup', () => {
  it('prints a table newest first, and JSON Lines with --json', async () => {
    const { root, records } = await recordedFolder();
    const table = capture();
    expect(await runCli(['lookup', root, '--max', '3'], table.io)).toBe(0);
    const rows = table.lines();
    expect(rows).toEqual([
      'TIME                 REGION        SOURCE        EVENT                         USER                  RESULT                        RESOURCE',
      '2026-03-01T10:20:00Z eu-west-1     s3            ListObjects                   alice                 ok                            arn:aws:s3:::uploads/in/ +1',
      '2026-03-01T10:20:00Z eu-west-1     s3            GetObject                     alice                 ok                            arn:aws:s3:::uploads/in/2.csv +1',
      '2026-03-01T10:20:00Z eu-west-1     s3            PutObject                     alice                 ok (write)                    arn:aws:s3:::uploads/out/2.csv +1',
    ]);

    const json = capture();
    expect(await runCli(['lookup', root, '--json'], json.io)).toBe(0);
    const read = json.lines().map((l) => JSON.parse(l) as CloudTrailRecord);
    expect(read).toHaveLength(records.length);
    expect(new Set(read.map((r) => r.eventID))).toEqual(new Set(records.map((r) => r.eventID)));
    const times = read.map((r) => r.eventTime);
    expect(times).toEqual([...times].sort().reverse());
    expect(json.err).toEqual([]);
  });

  it('filters with the LookupEvents attributes, time range, region, account, category and errors', async () => {
    const { root } = await recordedFolder();
    const run = async (...args: string[]) => {
      const c = capture();
      expect(await runCli(['lookup', root, '--json', ...args], c.io)).toBe(0);
      return c.lines().map((l) => JSON.parse(l) as CloudTrailRecord);
    };
    expect((await run('--event-name', 'PutObject')).map((r) => r.requestParameters?.['key'])).toEqual(['out/2.csv', 'out/1.csv', 'out/0.csv']);
    expect(await run('--event-name', 'PutObject', '--event-name', 'GetObject')).toHaveLength(6);
    expect(await run('--event-source', 'lambda.amazonaws.com')).toHaveLength(3);
    expect((await run('--username', 'alice', '--read-only', 'false')).map((r) => r.eventName)).toEqual(['PutObject', 'Invoke', 'PutObject', 'Invoke', 'PutObject', 'Invoke']);
    expect(await run('--resource-name', 'Orders', '--resource-type', 'AWS::DynamoDB::Table')).toHaveLength(6);
    expect(await run('--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--category', 'management')).toHaveLength(3);
    expect(await run('--errors')).toHaveLength(3);
    expect(await run('--error-code', 'ResourceNotFoundException', '--region', 'eu-west-1', '--account', ACCOUNT)).toHaveLength(3);
    expect(await run('--start-time', '2026-03-01T10:10:00Z', '--end-time', '2026-03-01T10:19:59Z')).toHaveLength(8);
    const one = (await run('--event-name', 'Invoke', '--max', '1'))[0]!;
    expect(await run('--event-id', one.eventID)).toEqual([one]);
    expect(await run('--region', 'us-east-1')).toEqual([]);
  });

  it('reads CloudTrail files in their documented form, organization prefixes and Insights included', async () => {
    const root = handWrittenFolder();
    const c = capture();
    expect(await runCli(['lookup', root], c.io)).toBe(0);
    expect(c.lines().slice(1).map((l) => l.replace(/ +/g, ' '))).toEqual([
      '2026-03-01T10:20:00Z us-east-1 ec2 RunInstances ApiCallRateInsight Start',
      '2026-03-01T10:11:00Z eu-west-1 ec2 StartInstances Mateo ok (write)',
      '2026-03-01T10:07:00Z us-east-1 s3 GetObject app-session ok arn:aws:s3:::amzn-s3-demo-bucket/reports/q3.csv +1',
      '2026-03-01T10:06:00Z us-east-1 ec2 StartInstances Mateo ok (write)',
      '2026-03-01T10:03:00Z us-east-1 s3 GetObject app-session ok arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv +1',
      '2026-03-01T10:02:00Z us-east-1 s3 GetObject app-session AccessDenied arn:aws:s3:::amzn-s3-demo-bucket/reports/q2.csv +1',
      '2026-03-01T10:01:00Z us-east-1 ec2 StartInstances Mateo ok (write)',
    ]);
    const org = capture();
    expect(await runCli(['lookup', join(root, 'amzn-s3-demo-bucket', 'AWSLogs', 'o-aa111bb222'), '--json'], org.io)).toBe(0);
    expect(org.lines().map((l) => (JSON.parse(l) as CloudTrailRecord).eventID)).toEqual(['e-0005']);
  });

  it('colours error codes only when the io allows colour', async () => {
    const root = handWrittenFolder();
    const plain = capture();
    await runCli(['lookup', root, '--errors'], plain.io);
    expect(plain.out.join('')).not.toContain('\u001b[');
    const coloured = capture({ color: true });
    await runCli(['lookup', root, '--errors'], coloured.io);
    expect(coloured.lines()[1]).toContain('\u001b[31mAccessDenied');
  });

  it('exits 1 naming unreadable files, and for a folder with no log files', async () => {
    const root = handWrittenFolder();
    const bad = join(root, 'amzn-s3-demo-bucket', ...logKey('20260301T1100Z', { unique: 'Bad0KsOhtH1ar15Z' }).split('/'));
    mkdirSync(join(bad, '..'), { recursive: true });
    writeFileSync(bad, 'garbage');
    const c = capture();
    expect(await runCli(['lookup', root, '--json'], c.io)).toBe(1);
    expect(c.lines()).toHaveLength(7);
    expect(c.err).toEqual([`localtrail lookup: skipped amzn-s3-demo-bucket/${logKey('20260301T1100Z', { unique: 'Bad0KsOhtH1ar15Z' })}: invalid format: not a gzip file`]);

    const empty = tempDir();
    writeFileSync(join(empty, 'notes.txt'), 'hello');
    const e = capture();
    expect(await runCli(['lookup', empty], e.io)).toBe(1);
    expect(e.err).toEqual([`localtrail lookup: no CloudTrail log files in ${empty} (a folder FilesystemSink wrote, a bucket folder holding AWSLogs/, or a folder below one)`]);
    const none = capture();
    expect(await runCli(['lookup', root, '--event-name', 'DeleteBucket'], none.io)).toBe(1);
    expect(none.out).toEqual([]);
    expect(none.err).toContain('no matching events (5 log files read)');
  });

  it('gives a one-line error and exit 2 for bad input', async () => {
    const root = handWrittenFolder();
    const cases: Array<[string[], string]> = [
      [['lookup'], 'localtrail lookup: lookup takes exactly one folder or s3://bucket/prefix (run "localtrail lookup --help" for usage)'],
      [['lookup', join(root, 'nope')], `localtrail lookup: no such folder: ${join(root, 'nope')} (run "localtrail lookup --help" for usage)`],
      [['lookup', root, '--start-time', 'yesterday'], 'localtrail lookup: --start-time: not a time: yesterday (use e.g. 2026-03-01T10:00:00Z) (run "localtrail lookup --help" for usage)'],
      [['lookup', root, '--start-time', '2026-03-02', '--end-time', '2026-03-01'], 'localtrail lookup: --start-time is after --end-time (run "localtrail lookup --help" for usage)'],
      [['lookup', root, '--read-only', 'yes'], 'localtrail lookup: --read-only: expected true or false, got yes (run "localtrail lookup --help" for usage)'],
      [['lookup', root, '--category', 'all'], 'localtrail lookup: --category: expected management, data or insight, got all (run "localtrail lookup --help" for usage)'],
      [['lookup', root, '--max', '0'], 'localtrail lookup: --max: expected a whole number of at least 1, got 0 (run "localtrail lookup --help" for usage)'],
      [['lookup', root, '--event-name'], 'localtrail lookup: --event-name needs a value (run "localtrail lookup --help" for usage)'],
    ];
    for (const [argv, message] of cases) {
      const c = capture();
      expect(await runCli(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err).toEqual([message]);
      expect(c.out).toEqual([]);
    }
  });
});
