// The activity report: numbers summed from the records, the folder's integrity verdict, one safe self-contained file,
// and `localtrail report <folder> -o file`.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { folderSource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { createReport } from '../../src/report/create-report.js';
import { identityLabel, summarizeRecords } from '../../src/report/report-data.js';
import { scenario } from './scenario.js';

let dir: string;
let folder: string;
let recorded: CloudTrailRecord[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'localtrail-report-'));
  folder = join(dir, 'trail');
  const s = scenario(folder);
  recorded = await s.run();
  await s.trail.shutdown();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

function countBy(records: CloudTrailRecord[], key: (r: CloudTrailRecord) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

describe('summarizeRecords', () => {
  it('sums what the records say, per identity, service, region, error and category', async () => {
    const data = await summarizeRecords(recorded);
    const calls = recorded.filter((r) => r.eventCategory !== 'Insight');
    const failed = calls.filter((r) => r.errorCode);
    expect(data.totals).toEqual({
      records: recorded.length,
      calls: calls.length,
      management: calls.filter((r) => r.eventCategory === 'Management').length,
      data: calls.filter((r) => r.eventCategory === 'Data').length,
      insight: recorded.length - calls.length,
      other: 0,
      errors: failed.length,
      reads: calls.filter((r) => r.readOnly === true).length,
      writes: calls.filter((r) => r.readOnly === false).length,
    });
    // The scenario's own shape, so the sums above are not all zero (the LocalTrail keeps its Insights records too).
    expect([data.totals.data, data.totals.insight, data.totals.errors]).toEqual([9, 2, 4]);
    expect(Object.fromEntries(data.identities.map((t) => [t.name, t.calls]))).toEqual(countBy(calls, identityLabel));
    expect(Object.keys(countBy(calls, identityLabel)).sort()).toEqual(['Deployer/ci', 'alice']);
    expect(Object.fromEntries(data.services.map((t) => [t.name, t.calls]))).toEqual(countBy(calls, (r) => r.eventSource!));
    expect(Object.fromEntries(data.regions.map((t) => [t.name, t.errors]))).toEqual(
      Object.fromEntries(Object.keys(countBy(calls, (r) => r.awsRegion)).map((region) => [region, failed.filter((r) => r.awsRegion === region).length])),
    );
    expect(Object.fromEntries(data.errorCodes.map((e) => [e.code, e.count]))).toEqual(countBy(failed, (r) => r.errorCode!));
    expect(data.recentErrors.map((e) => e.eventTime)).toEqual(failed.map((r) => r.eventTime).sort().reverse());
    // Every call is in exactly one column of the timeline.
    const columns = data.timeline.reduce((n, b) => n + b.management + b.data, 0);
    expect(columns).toBe(calls.length);
    expect(data.timeline.reduce((n, b) => n + b.errors, 0)).toBe(failed.length);
    expect(data.bucketMs).toBe(60_000);
  });

  it('counts Insights events apart from calls and lists them in time order', async () => {
    const insight = (state: string, time: string): CloudTrailRecord => ({
      eventVersion: '1.11',
      eventTime: time,
      awsRegion: 'us-east-1',
      eventID: `i-${state}`,
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: '111122223333',
      eventCategory: 'Insight',
      insightDetails: { state, eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', insightType: 'ApiCallRateInsight', insightContext: { statistics: { insight: { average: 25 }, baseline: { average: 1 } } } },
    });
    const data = await summarizeRecords([insight('End', '2026-03-01T14:01:00Z'), insight('Start', '2026-03-01T14:00:00Z')]);
    expect(data.totals).toMatchObject({ records: 2, calls: 0, insight: 2 });
    expect(data.insights.map((i) => [i.state, i.insightType, i.eventName, i.insightAverage, i.baselineAverage])).toEqual([
      ['Start', 'ApiCallRateInsight', 'CreateUser', 25, 1],
      ['End', 'ApiCallRateInsight', 'CreateUser', 25, 1],
    ]);
  });

  it('reads records from an async stream, in any order, and spans long ranges with wider columns', async () => {
    async function* stream(): AsyncIterable<CloudTrailRecord> {
      for (const day of [9, 1, 5]) yield { ...recorded[0]!, eventTime: `2026-03-0${day}T12:00:00Z` };
    }
    const data = await summarizeRecords(stream());
    expect([data.firstTime, data.lastTime].map((t) => new Date(t!).toISOString())).toEqual(['2026-03-01T12:00:00.000Z', '2026-03-09T12:00:00.000Z']);
    expect(data.bucketMs).toBe(3 * 3600_000);
    expect(data.timeline.length).toBeLessThanOrEqual(96);
    expect(data.timeline.reduce((n, b) => n + b.management + b.data, 0)).toBe(3);
  });
});

describe('createReport over a delivered folder', () => {
  it('shows the numbers of the delivered records and the integrity verdict of the folder', async () => {
    const { deliveredRecords } = await import('../../src/cli/delivered-records.js');
    const { html, data } = await createReport(deliveredRecords(folder), { title: 'Afternoon', generatedAt: Date.parse('2026-03-02T00:00:00Z') });
    const validation = await validateLogs({ source: folderSource(folder) });
    expect(validation.ok).toBe(true);
    const stat = (name: string) => new RegExp(`data-stat="${name}">([^<]*)<`).exec(html)?.[1];
    expect(stat('records')).toBe(String(data.totals.records));
    expect(stat('errors')).toBe(String(data.totals.errors));
    expect(stat('integrity')).toBe('valid');
    expect([stat('digests-valid'), stat('digests-total'), stat('logs-valid'), stat('logs-total')]).toEqual(
      [validation.summary.digestsValid, validation.summary.digestsTotal, validation.summary.logFilesValid, validation.summary.logFilesTotal].map(String),
    );
    // The trail delivered its management events, its S3 data events and its Insights events (not DynamoDB's data event).
    expect(data.totals.insight).toBe(2);
    expect(data.totals.data).toBe(recorded.filter((r) => r.eventSource === 's3.amazonaws.com' && r.eventCategory === 'Data').length);
    expect(html).toContain('<title>Afternoon</title>');
    expect(html).toContain('generated 2026-03-02T00:00:00Z');
  });

  it('a modified log file makes the verdict INVALID and names the file', async () => {
    const copy = join(dir, 'tampered');
    const { cpSync } = await import('node:fs');
    cpSync(folder, copy, { recursive: true });
    const logDir = join(copy, 'audit-logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01');
    const file = readdirSync(logDir).find((f) => f.endsWith('.json.gz'))!;
    writeFileSync(join(logDir, file), gzipSync(gunzipSync(readFileSync(join(logDir, file))).toString().replace('alice', 'mallory')));
    const { deliveredRecords } = await import('../../src/cli/delivered-records.js');
    const { html } = await createReport(deliveredRecords(copy));
    expect(/data-stat="integrity">([^<]*)</.exec(html)?.[1]).toBe('INVALID');
    expect(html).toContain(file);
    expect(html).toContain('hash value doesn&#39;t match');
  });
});

describe('a self-contained, safe file', () => {
  it('escapes record values, has no script and loads nothing from the network', async () => {
    const evil = { ...recorded[0]!, eventName: '<img src=x onerror=alert(1)>', errorCode: '"><script>alert(2)</script>', errorMessage: "it's <b>bad</b>" };
    const { html } = await createReport({ description: 'https://attacker.example/<x>', records: () => [evil] });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?https?:/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toContain('not validated');
  });
});

describe('localtrail report', () => {
  it('writes the report with -o and says what is in it', async () => {
    const output = join(dir, 'report.html');
    const io = capture();
    expect(await runCli(['report', folder, '-o', output, '--title', 'CI run'], io)).toBe(0);
    const html = readFileSync(output, 'utf8');
    expect(html).toContain('<h1>CI run</h1>');
    const records = /data-stat="records">(\d+)</.exec(html)![1];
    expect(io.out.join('\n')).toMatch(new RegExp(`^Wrote .*report\\.html: ${records} records, \\d+ calls, \\d+ failed, 2 Insights events\\.$`));
  });

  it('usage errors: no folder, a missing folder, an s3:// source', async () => {
    for (const argv of [['report'], ['report', join(dir, 'missing')], ['report', 's3://bucket/prefix']]) {
      const io = capture();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err.join('\n')).toMatch(/^localtrail report: (report takes exactly one folder|not a folder: .*missing|reading s3:\/\/ sources is not available yet.*)( \(run "localtrail report --help" for usage\))?$/);
    }
  });
});
