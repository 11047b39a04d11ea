// The S3 sink against a real S3-compatible server (s3rver) on 127.0.0.1: PutObject with metadata and SSE,
// no recording of its own uploads, and validation read back through S3.
import { HeadObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { S3Sink, s3Source } from '../../src/s3.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

let server: S3rver;
let endpoint: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'localtrail-s3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'audit-logs', configs: [] }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function s3Client() {
  const sent: Array<{ key: string; headers: Record<string, string> }> = [];
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  client.middlewareStack.add(
    (next) => async (args) => {
      const req = args.request as { path?: string; headers?: Record<string, string> };
      if (req.path && req.headers && req.headers['x-amz-server-side-encryption']) sent.push({ key: req.path, headers: { ...req.headers } });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'captureHeaders' },
  );
  return { client, sent };
}

describe('S3Sink with a real S3-compatible server', () => {
  it('delivers signed digests and log files with SSE, records none of its own uploads, and validates from S3', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const { client, sent } = s3Client();
    const trail = createLocalTrail({ accountId: '111122223333', clock, delivery: { sinks: [new S3Sink({ client })] } });
    // The sink's own client carries the plugin too: its uploads must still not be recorded.
    client.middlewareStack.use(trail.plugin());
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', EnableLogFileValidation: true, KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
    await trail.startLogging({ Name: 'audit' });
    const app = new S3Client({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '<ListAllMyBucketsResult/>' })) });
    app.middlewareStack.use(trail.plugin());
    for (let i = 0; i < 8; i++) {
      await app.send(new ListBucketsCommand({}));
      await clock.advance(10 * 60_000);
      await trail.flush();
    }
    expect(await trail.shutdown()).toEqual({ complete: true, undelivered: [] });
    expect(trail.events().map((e) => e.eventName)).not.toContain('PutObject');
    expect(trail.stats().suppressed).toBeGreaterThan(0);

    expect(sent.length).toBeGreaterThan(2);
    for (const s of sent) {
      expect(s.headers['x-amz-server-side-encryption']).toBe('aws:kms');
      expect(s.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
      expect(s.headers['x-amz-acl']).toBe('bucket-owner-full-control');
    }
    const source = s3Source(client, 'audit-logs');
    const keys = (await source.list()).map((o) => o.key);
    const digestKey = keys.find((k) => k.includes('/CloudTrail-Digest/'))!;
    const head = await client.send(new HeadObjectCommand({ Bucket: 'audit-logs', Key: digestKey }));
    expect(head.Metadata).toEqual({ signature: expect.stringMatching(/^[0-9a-f]{512}$/), 'signature-algorithm': 'SHA256withRSA' });

    const publicKeys = trail.delivery.listPublicKeys('us-east-1', 0, Date.parse('2030-01-01')).map((k) => ({ value: k.value, region: 'us-east-1' }));
    const report = await validateLogs({ source, publicKeys, expectedChainEnds: trail.delivery.chainEndsDelivered() });
    expect(report.summary).toMatchObject({ digestsValid: 2, digestsTotal: 2 });
    expect(report.summary.logFilesTotal).toBeGreaterThan(0);
    expect(report.ok).toBe(true);
  });

  it('defaults to SSE-S3 and reports a missing bucket as a delivery error', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const { client, sent } = s3Client();
    const errors: string[] = [];
    const trail = createLocalTrail({ clock, controlPlaneEvents: false, onError: (e, w) => errors.push(`${w}: ${String(e)}`), delivery: { sinks: [new S3Sink({ client })], shutdownAttempts: 1 } });
    await trail.createTrail({ Name: 'fine', S3BucketName: 'audit-logs' });
    await trail.createTrail({ Name: 'missing', S3BucketName: 'no-such-bucket' });
    await trail.startLogging({ Name: 'fine' });
    await trail.startLogging({ Name: 'missing' });
    const app = new S3Client({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '<ListAllMyBucketsResult/>' })) });
    app.middlewareStack.use(trail.plugin());
    await app.send(new ListBucketsCommand({}));
    const result = await trail.shutdown();
    expect(sent.find((s) => s.key.startsWith('/audit-logs/'))!.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(result.complete).toBe(false);
    expect(result.undelivered).toEqual([expect.objectContaining({ bucket: 'no-such-bucket', kind: 'log', recordCount: 1, error: expect.stringMatching(/^NoSuchBucket: /) })]);
    const status = await trail.getTrailStatus({ Name: 'missing' });
    expect(status.LatestDeliveryError).toMatch(/^NoSuchBucket: /);
  });
});
