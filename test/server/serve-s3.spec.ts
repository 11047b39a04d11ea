// `localtrail serve` and `localtrail report` over s3://bucket/prefix, through a real S3Client against s3rver on
// 127.0.0.1: the same records and numbers as from the folder the trail was delivered to, the integrity verdict with
// the trail's public keys (a bucket holds none), and a bucket that is not there as a one-line error.
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { capture } from '../cli/support.js';
import { LONG_TERM } from '../support/fixtures.js';
import { scenario } from './scenario.js';

/** What FilesystemSink writes beside an object for its S3 metadata. */
const METADATA = '.metadata.json';
const S3_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };
let dir: string;
let folder: string;
let s3server: S3rver;
let endpoint: string;
let keyFiles: string[];
let recorded: CloudTrailRecord[];
const saved = { ...process.env };

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'localtrail-serve-s3-'));
  folder = join(dir, 'trail');
  const s = scenario(folder);
  recorded = await s.run();
  await s.trail.shutdown();
  // The bucket holds what the trail delivered to its folder, under the same keys and with the same metadata (the
  // digests' signatures); the public keys stay out of it.
  s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3rver'), configureBuckets: [{ name: 'audit-logs', configs: [] }] });
  endpoint = `http://127.0.0.1:${(await s3server.run()).port}`;
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const bucketFolder = join(folder, 'audit-logs');
  for (const file of filesUnder(bucketFolder).filter((f) => !f.endsWith(METADATA))) {
    const Metadata = existsSync(file + METADATA) ? (JSON.parse(readFileSync(file + METADATA, 'utf8')) as Record<string, string>) : undefined;
    await client.send(new PutObjectCommand({ Bucket: 'audit-logs', Key: relative(bucketFolder, file).split('\\').join('/'), Body: readFileSync(file), Metadata }));
  }
  keyFiles = filesUnder(join(folder, '_localtrail-public-keys')).filter((f) => f.endsWith('.pem'));
  Object.assign(process.env, S3_CREDENTIALS);
}, 90_000);

afterAll(async () => {
  await s3server?.close();
  for (const k of Object.keys(S3_CREDENTIALS)) if (saved[k] === undefined) delete process.env[k];
  Object.assign(process.env, saved);
  rmSync(dir, { recursive: true, force: true });
});

const stat = (html: string, name: string): string | undefined => new RegExp(`data-stat="${name}">([^<]*)<`).exec(html)?.[1];
const STATS = ['records', 'calls', 'errors', 'integrity', 'digests-valid', 'digests-total', 'logs-valid', 'logs-total'];

describe('localtrail report s3://bucket/prefix', () => {
  it('shows the same numbers and integrity verdict as the folder, validated with --public-key', async () => {
    expect(keyFiles.length).toBeGreaterThan(0);
    const fromFolder = join(dir, 'folder.html');
    const fromBucket = join(dir, 'bucket.html');
    expect(await runCli(['report', folder, '-o', fromFolder], capture().io)).toBe(0);
    const io = capture();
    const status = await runCli(['report', 's3://audit-logs/AWSLogs/', '--endpoint-url', endpoint, ...keyFiles.flatMap((f) => ['--public-key', f]), '-o', fromBucket], io.io);
    expect([status, io.err]).toEqual([0, []]);
    const folderHtml = readFileSync(fromFolder, 'utf8');
    const bucketHtml = readFileSync(fromBucket, 'utf8');
    expect(STATS.map((s) => [s, stat(bucketHtml, s)])).toEqual(STATS.map((s) => [s, stat(folderHtml, s)]));
    expect(stat(bucketHtml, 'integrity')).toBe('valid');
    expect(Number(stat(bucketHtml, 'logs-total'))).toBeGreaterThan(0);
    expect(bucketHtml).toContain('s3://audit-logs/AWSLogs/');
    expect(io.out.join('\n')).toMatch(/^Wrote .*bucket\.html: \d+ records, \d+ calls, \d+ failed, 2 Insights events\.$/);
  }, 60_000);

  it('without a public key the bucket is reported as not validated', async () => {
    const io = capture();
    expect(await runCli(['report', 's3://audit-logs', '--endpoint-url', endpoint, '-o', '-'], io.io)).toBe(0);
    const html = io.out.join('');
    expect(stat(html, 'records')).toBe(String(recorded.filter((r) => r.eventCategory !== 'Data' || r.eventSource === 's3.amazonaws.com').length));
    expect(html).toContain('not validated');
  }, 60_000);

  it('a bucket that does not exist is a one-line error, exit 2', async () => {
    const io = capture();
    expect(await runCli(['report', 's3://no-such-bucket', '--endpoint-url', endpoint, '-o', join(dir, 'none.html')], io.io)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/^localtrail report: .*no-such-bucket/);
  }, 60_000);
});

describe('localtrail serve s3://bucket/prefix', () => {
  it('serves LookupEvents and the page from the bucket, and exits 0 on SIGINT', async () => {
    const main = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
    const args = ['--import', 'tsx', main, 'serve', 's3://audit-logs/AWSLogs/', '--endpoint-url', endpoint, ...keyFiles.flatMap((f) => ['--public-key', f])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: join(import.meta.dirname, '..', '..'), env: { ...process.env, ...S3_CREDENTIALS } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out} ${err}`)), 45_000);
        child.stdout.on('data', () => {
          const m = /Event history: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(out).toMatch(/^Serving \d+ records from s3:\/\/audit-logs\/AWSLogs\/, integrity valid\n/);
      const client = new CloudTrailClient({ region: 'us-east-1', endpoint: url, credentials: LONG_TERM });
      const page = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }], MaxResults: 5 }));
      const newest = recorded.filter((r) => r.eventName === 'CreateUser' && r.awsRegion === 'us-east-1').reverse().slice(0, 5);
      expect(page.Events?.map((e) => e.EventId)).toEqual(newest.map((r) => r.eventID));
      const info = (await (await fetch(`${url}/localtrail/info`)).json()) as { mode: string; description: string; integrity?: { ok: boolean } };
      expect(info).toMatchObject({ mode: 'files', description: 's3://audit-logs/AWSLogs/', integrity: { ok: true } });
      expect((await fetch(`${url}/`)).status).toBe(200);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toMatch(/Stopped\.\n$/);
      // Nothing skipped or failed (stderr may carry the SDK's own Node version notice).
      expect(err).not.toContain('localtrail serve');
    } finally {
      child.kill('SIGKILL');
    }
  }, 90_000);
});
