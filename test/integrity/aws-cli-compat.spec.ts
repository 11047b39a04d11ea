// AWS's own `aws cloudtrail validate-logs` (aws-cli v1, when installed) accepts what localtrail delivers: the trail is
// delivered by the S3 sink into s3rver, ListPublicKeys is served by a tiny local CloudTrail endpoint.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAwsCli } from '../support/aws-cli.js';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import { S3Sink } from '../../src/delivery/sinks/s3-sink.js';
import { makeRecord, makeTrail, route } from '../delivery/fixtures.js';


const T0 = Date.parse('2026-03-01T10:00:00Z');
let s3server: S3rver;
let s3Port: number;
let ctServer: Server;
let ctPort: number;
let dir: string;
let delivery: DeliveryService;
let client: S3Client;
const errors: unknown[] = [];
const trail = makeTrail({ name: 'compat-trail', s3BucketName: 'compat-bucket', s3KeyPrefix: 'audit' });

beforeAll(async () => {
  if (!hasAwsCli()) return;
  dir = mkdtempSync(join(tmpdir(), 'localtrail-awscli-'));
  s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'compat-bucket', configs: [] }] });
  s3Port = (await s3server.run()).port;
  client = new S3Client({ region: 'us-east-1', endpoint: `http://127.0.0.1:${s3Port}`, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const clock = new ManualClock(T0);
  delivery = new DeliveryService({ sinks: [new S3Sink({ client })] }, { clock, onError: (e) => errors.push(e) });
  await delivery.keys.keyFor('us-east-1', T0);
  delivery.loggingStarted(trail, T0);
  const steps = async (n: number): Promise<void> => {
    for (let step = 0; step < n; step++) {
      for (let i = 0; i < 5; i++) delivery.enqueue(route(trail), makeRecord(clock.now()));
      await clock.advance(10 * 60_000);
      await delivery.flush();
    }
  };
  // Two chains with a gap: 10:00–13:20 (hourly digests + final digest on StopLogging), then 15:20–16:30.
  await steps(20);
  delivery.loggingStopped(trail, clock.now());
  await delivery.flush();
  await clock.advance(2 * 3600_000);
  delivery.loggingStarted(trail, clock.now());
  await steps(7);
  await delivery.shutdown();
  // The CloudTrail endpoint: ListPublicKeys only (awsJson1.1), answering with delivery's keys.
  ctServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (!target.endsWith('.ListPublicKeys')) {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'UnsupportedOperationException', Message: target }));
        return;
      }
      const keys = delivery.listPublicKeys('us-east-1', 0, Date.parse('2100-01-01'));
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(
        JSON.stringify({
          PublicKeyList: keys.map((k) => ({
            Value: Buffer.from(k.value).toString('base64'),
            ValidityStartTime: k.validityStartTime / 1000,
            ValidityEndTime: k.validityEndTime / 1000,
            Fingerprint: k.fingerprint,
          })),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => ctServer.listen(0, '127.0.0.1', resolve));
  ctPort = (ctServer.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  if (ctServer) await new Promise((resolve) => ctServer.close(resolve));
  await s3server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function validateWithAwsCli(): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = [
    'cloudtrail', 'validate-logs',
    '--trail-arn', trail.arn,
    '--start-time', '2026-03-01T09:00:00Z',
    '--end-time', '2026-03-01T17:00:00Z',
    '--s3-bucket', 'compat-bucket',
    '--s3-prefix', 'audit',
    '--region', 'us-east-1',
    '--endpoint-url', `http://127.0.0.1:${ctPort}`,
    '--verbose',
  ];
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  };
  return new Promise((resolve) => {
    execFile('aws', args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!hasAwsCli())('aws cloudtrail validate-logs (the real aws-cli)', () => {
  it('accepts every digest and log file localtrail delivered', async () => {
    const { code, stdout, stderr } = await validateWithAwsCli();
    expect(errors).toEqual([]);
    // aws-cli reports the stop/start gap on stderr, as a gap, not as a failure.
    expect(stderr.trim()).toBe('No log files were delivered by CloudTrail between 2026-03-01T13:20:00Z and 2026-03-01T15:20:00Z');
    expect(stdout).toContain(`Validating log files for trail ${trail.arn} between 2026-03-01T09:00:00Z and 2026-03-01T17:00:00Z`);
    expect(stdout).toMatch(/^6\/6 digest files valid$/m);
    expect(stdout).toMatch(/^27\/27 log files valid$/m);
    expect(stdout).not.toContain('INVALID');
    expect(code).toBe(0);
  }, 90_000);

  it('and rejects a modified log file, as localtrail does', async () => {
    const list = await client.send(new (await import('@aws-sdk/client-s3')).ListObjectsV2Command({ Bucket: 'compat-bucket', Prefix: 'audit/AWSLogs/111122223333/CloudTrail/' }));
    const key = list.Contents![3]!.Key!;
    const original = await (await client.send(new GetObjectCommand({ Bucket: 'compat-bucket', Key: key }))).Body!.transformToByteArray();
    const changed = gzipSync(gunzipSync(original).toString().replace('PutObject', 'GetObject'));
    await client.send(new PutObjectCommand({ Bucket: 'compat-bucket', Key: key, Body: changed }));
    const { code, stdout, stderr } = await validateWithAwsCli();
    // aws-cli writes INVALID lines to stderr.
    expect(stderr).toContain(`Log file\ts3://compat-bucket/${key}\tINVALID: hash value doesn't match`);
    expect(stdout).toMatch(/^26\/27 log files valid, 1\/27 log files INVALID$/m);
    expect(code).toBe(1);
  }, 90_000);
});
