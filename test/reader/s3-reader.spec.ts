// readTrail over S3 through a real S3Client against s3rver on 127.0.0.1: what S3Sink delivered reads back the same as
// from a folder, prefixes narrow it, follow mode sees new objects, and the reader's own calls are never recorded.
import { ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { S3Sink } from '../../src/delivery/sinks/s3-sink.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { readTrail } from '../../src/reader/read-trail.js';
import { s3LogSource } from '../../src/reader/s3-log-source.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';
import { ACCOUNT, getObject, logKey } from './support.js';

let server: S3rver;
let endpoint: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'localtrail-s3rver-reader-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'audit-logs', configs: [] }, { name: 'real-trail', configs: [] }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const s3 = () => new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });

async function all(iterable: AsyncIterable<CloudTrailRecord>): Promise<CloudTrailRecord[]> {
  const out: CloudTrailRecord[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

describe('readTrail from S3', () => {
  it('reads back what S3Sink delivered, newest first, filtered, without recording its own calls', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const client = s3();
    const trail = createLocalTrail({ accountId: ACCOUNT, clock, controlPlaneEvents: false, delivery: { sinks: [new S3Sink({ client })] } });
    client.middlewareStack.use(trail.plugin());
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
    await trail.startLogging({ Name: 'audit' });
    const app = new S3Client({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '<ListAllMyBucketsResult/>' })) });
    app.middlewareStack.use(trail.plugin());
    for (let i = 0; i < 4; i++) {
      await app.send(new ListBucketsCommand({}));
      await clock.advance(10 * 60_000);
      await trail.flush();
    }
    await trail.shutdown();
    const recorded = trail.events().length;

    const read = await all(readTrail('s3://audit-logs', { s3Client: client }));
    expect(read.map((r) => r.eventID)).toEqual(trail.events().map((r) => r.eventID).reverse());
    expect(await all(readTrail('s3://audit-logs/AWSLogs/', { s3Client: client, filter: { eventName: 'ListBuckets', region: 'eu-west-1' } }))).toHaveLength(4);
    expect(await all(readTrail(`s3://audit-logs/AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/`, { s3Client: client }))).toEqual([]);
    // Listing and reading through the plugin-carrying client recorded nothing.
    expect(trail.events()).toHaveLength(recorded);
  });

  it('follows a bucket prefix and reports an unreadable object', async () => {
    const client = s3();
    const controller = new AbortController();
    const skipped: string[] = [];
    const seen: CloudTrailRecord[] = [];
    const bucket = s3LogSource({ bucket: 'real-trail', prefix: 'AWSLogs/', client });
    let lists = 0;
    const source = { ...bucket, list: () => (lists++, bucket.list()) };
    const reader = readTrail(source, { follow: { intervalMs: 20 }, signal: controller.signal, onSkip: (f) => skipped.push(f.reason) });
    const done = (async () => {
      for await (const r of reader) seen.push(r);
    })();
    // Objects put after the first listing are new ones.
    for (let i = 0; i < 300 && lists < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await client.send(new PutObjectCommand({ Bucket: 'real-trail', Key: logKey('20260301T1010Z'), Body: gzipSync(JSON.stringify({ Records: [getObject('2026-03-01T10:09:00Z', 'arrived', 'k')] })) }));
    await client.send(new PutObjectCommand({ Bucket: 'real-trail', Key: logKey('20260301T1011Z', { unique: 'Bad0KsOhtH1ar15Z' }), Body: 'not gzip' }));
    for (let i = 0; i < 300 && (seen.length === 0 || skipped.length === 0); i++) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await done;
    expect(seen.map((r) => r.eventID)).toEqual(['arrived']);
    expect(skipped).toEqual(['invalid format: not a gzip file']);
  });

  it('`localtrail lookup s3://…` builds its own client from the environment, with --endpoint-url', async () => {
    await s3().send(new PutObjectCommand({ Bucket: 'real-trail', Key: logKey('20260301T0900Z', { account: '222233334444', unique: 'Cli0KsOhtH1ar15Z' }), Body: gzipSync(JSON.stringify({ Records: [getObject('2026-03-01T08:59:00Z', 'via-cli', 'k')] })) }));
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' });
    try {
      const out: string[] = [];
      const err: string[] = [];
      const status = await runCli(['lookup', 's3://real-trail/AWSLogs/222233334444/', '--endpoint-url', endpoint, '--event-id', 'via-cli', '--json'], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
      expect(err).toEqual([]);
      expect(status).toBe(0);
      expect((JSON.parse(out.join('')) as CloudTrailRecord).eventID).toBe('via-cli');
    } finally {
      for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']) if (saved[k] === undefined) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('fails with a ReaderError for a bucket that does not exist', async () => {
    await expect(all(readTrail('s3://no-such-bucket/', { s3Client: s3() }))).rejects.toMatchObject({ name: 'ReaderError', code: 'SOURCE_NOT_FOUND', message: expect.stringMatching(/^cannot list s3:\/\/no-such-bucket\/: NoSuchBucket: /) });
  });
});
