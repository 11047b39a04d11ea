// LocalTrail wiring: the control plane (StartLogging, StopLogging, DeleteTrail, UpdateTrail, GetTrailStatus,
// ListPublicKeys) drives delivery through the DeliveryPort; real SDK calls are the events.
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { MemorySink } from '../../src/delivery/sinks/memory-sink.js';
import type { DigestBody } from '../../src/integrity/digest-file.js';
import { memorySource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

async function setup() {
  const clock = new ManualClock('2026-03-01T10:00:00Z');
  const sink = new MemorySink();
  const trail = createLocalTrail({ accountId: '111122223333', clock, controlPlaneEvents: false, delivery: { sinks: [sink] } });
  const s3 = new S3Client({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '<ListAllMyBucketsResult/>' })) });
  s3.middlewareStack.use(trail.plugin());
  await trail.createTrail({ Name: 'audit', S3BucketName: 'logs', EnableLogFileValidation: true });
  await trail.startLogging({ Name: 'audit' });
  await trail.delivery.keys.keyFor('us-east-1', clock.now());
  return { clock, sink, trail, s3 };
}

function digests(sink: MemorySink): DigestBody[] {
  return sink.keys('logs', '/CloudTrail-Digest/').map((k) => JSON.parse(gunzipSync(sink.get('logs', k)!.body).toString()) as DigestBody);
}

describe('LocalTrail → delivery', () => {
  it('StopLogging delivers what is queued and closes the chain with a final digest; GetTrailStatus reports times', async () => {
    const { clock, sink, trail, s3 } = await setup();
    await s3.send(new ListBucketsCommand({}));
    await clock.advance(20 * 60_000);
    await s3.send(new ListBucketsCommand({}));
    await trail.stopLogging({ Name: 'audit' });
    await trail.flush();
    const [final] = digests(sink);
    expect(final).toMatchObject({ digestStartTime: '2026-03-01T10:00:00Z', digestEndTime: '2026-03-01T10:20:00Z', previousDigestSignature: null });
    expect(final!.logFiles).toHaveLength(2);
    const status = await trail.getTrailStatus({ Name: 'audit' });
    expect(status).toMatchObject({ IsLogging: false, LatestDeliveryTime: new Date('2026-03-01T10:20:00Z'), LatestDigestDeliveryTime: new Date('2026-03-01T10:20:00Z') });
    expect(status.LatestDeliveryError).toBeUndefined();
    // Nothing more is delivered for a stopped trail.
    await s3.send(new ListBucketsCommand({}));
    await clock.advance(2 * 3600_000);
    await trail.flush();
    expect(digests(sink)).toHaveLength(1);
    expect((await validateLogs({ source: memorySource(sink), expectedChainEnds: trail.delivery.chainEndsDelivered() })).ok).toBe(true);
  });

  it('DeleteTrail closes the chain too; ListPublicKeys returns the signing key as PKCS#1 DER', async () => {
    const { clock, sink, trail, s3 } = await setup();
    await s3.send(new ListBucketsCommand({}));
    await clock.advance(90 * 60_000);
    await trail.flush();
    await trail.deleteTrail({ Name: 'audit' });
    await trail.flush();
    const bodies = digests(sink);
    expect(bodies.map((b) => b.digestEndTime)).toEqual(['2026-03-01T11:00:00Z', '2026-03-01T11:30:00Z']);
    const { PublicKeyList } = await trail.listPublicKeys({ StartTime: new Date('2026-03-01T09:00:00Z'), EndTime: new Date('2026-03-01T12:00:00Z') });
    expect(PublicKeyList).toHaveLength(1);
    expect(PublicKeyList![0]!.Fingerprint).toBe(bodies[0]!.digestPublicKeyFingerprint);
    expect(Buffer.from(PublicKeyList![0]!.Value!).subarray(0, 4).toString('hex')).toBe('3082010a');
    const report = await validateLogs({ source: memorySource(sink), publicKeys: PublicKeyList!.map((k) => ({ value: k.Value! })) });
    expect(report.ok).toBe(true);
  });

  it('UpdateTrail turning validation off closes the chain; turning it on starts a new one', async () => {
    const { clock, sink, trail, s3 } = await setup();
    await s3.send(new ListBucketsCommand({}));
    await clock.advance(10 * 60_000);
    await trail.updateTrail({ Name: 'audit', EnableLogFileValidation: false });
    await clock.advance(10 * 60_000);
    await trail.updateTrail({ Name: 'audit', EnableLogFileValidation: true });
    await s3.send(new ListBucketsCommand({}));
    await clock.advance(10 * 60_000);
    await trail.shutdown();
    expect(digests(sink).map((b) => [b.digestStartTime.slice(11), b.digestEndTime.slice(11), b.previousDigestSignature === null])).toEqual([
      ['10:00:00Z', '10:10:00Z', true],
      ['10:20:00Z', '10:30:00Z', true],
    ]);
    expect((await validateLogs({ source: memorySource(sink), expectedChainEnds: trail.delivery.chainEndsDelivered() })).ok).toBe(true);
    expect(trail.stats().delivery).toMatchObject({ deliveredRecords: 2, droppedRecords: 0, pendingObjects: 0 });
  });
});
