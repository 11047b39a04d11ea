// Intact chains across days, regions, multi-region trails, stop/start gaps and validation toggles: no false positives.
import { describe, expect, it } from 'vitest';
import type { DigestBody } from '../../src/integrity/digest-file.js';
import { memorySource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { formatValidationReport } from '../../src/validation/format-report.js';
import { makeRecord, makeTrail, route } from '../delivery/fixtures.js';
import { HOUR, MINUTE, digestKeys, newDelivery, readJson } from './scenario.js';
import type { Delivered } from './scenario.js';

async function run(d: Delivered, minutes: number, regions: string[]): Promise<void> {
  for (let m = 0; m < minutes; m += 10) {
    for (const region of regions) d.delivery.enqueue(route(d.trail, region), makeRecord(d.clock.now(), region));
    await d.clock.advance(10 * MINUTE);
    await d.delivery.flush();
  }
}

async function expectClean(d: Delivered) {
  const report = await validateLogs({ source: memorySource(d.sink), expectedChainEnds: d.delivery.chainEndsDelivered() });
  expect(report.digests.filter((v) => v.status !== 'valid'), formatValidationReport(report)).toEqual([]);
  expect(report.logFiles.filter((v) => v.status !== 'valid')).toEqual([]);
  expect(report.ok).toBe(true);
  return report;
}

describe('intact chains', () => {
  it('cross midnight: date folders follow each digest end time', async () => {
    const d = newDelivery({}, Date.parse('2026-03-01T22:30:00Z'));
    await d.delivery.keys.keyFor('us-east-1', d.clock.now());
    d.delivery.loggingStarted(d.trail, d.clock.now());
    await run(d, 4 * 60, ['us-east-1']);
    await d.delivery.shutdown();
    const folders = new Set(digestKeys(d.sink).map((k) => k.split('/').slice(4, 7).join('/')));
    expect([...folders]).toEqual(['2026/03/01', '2026/03/02']);
    const report = await expectClean(d);
    // 23:30, 00:30, 01:30, 02:30; shutdown at 02:30 adds no empty same-second final digest.
    expect(report.summary.digestsTotal).toBe(4);
  });

  it('one chain per region of a multi-region trail, each signed with its region key', async () => {
    const d = newDelivery();
    d.trail = makeTrail({ isMultiRegionTrail: true });
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
    for (const r of regions) await d.delivery.keys.keyFor(r, d.clock.now());
    d.delivery.loggingStarted(d.trail, d.clock.now());
    await run(d, 130, regions);
    await d.delivery.shutdown();
    for (const r of regions) {
      const keys = digestKeys(d.sink).filter((k) => k.includes(`/CloudTrail-Digest/${r}/`));
      expect(keys.length).toBe(3);
      expect(keys.every((k) => k.includes(`_CloudTrail-Digest_${r}_main-trail_us-east-1_`))).toBe(true);
      const body = readJson<DigestBody>(d.sink, keys[0]!);
      expect(body.digestPublicKeyFingerprint).toBe(d.delivery.listPublicKeys(r, 0, Date.now() * 2)[0]!.fingerprint);
    }
    await expectClean(d);
  });

  it('stop and start: the final digest closes a chain, a starting digest opens the next, the gap is reported as such', async () => {
    const d = newDelivery();
    await d.delivery.keys.keyFor('us-east-1', d.clock.now());
    d.delivery.loggingStarted(d.trail, d.clock.now());
    await run(d, 90, ['us-east-1']);
    d.delivery.loggingStopped(d.trail, d.clock.now());
    await d.delivery.flush();
    await d.clock.advance(3 * HOUR);
    d.delivery.loggingStarted(d.trail, d.clock.now());
    await run(d, 70, ['us-east-1']);
    await d.delivery.shutdown();
    const bodies = digestKeys(d.sink).map((k) => readJson<DigestBody>(d.sink, k));
    expect(bodies.map((b) => [b.digestStartTime.slice(11), b.digestEndTime.slice(11), b.previousDigestSignature === null])).toEqual([
      ['10:00:00Z', '11:00:00Z', true],
      ['11:00:00Z', '11:30:00Z', false], // final digest on StopLogging
      ['14:30:00Z', '15:30:00Z', true], // starting digest after the restart
      ['15:30:00Z', '15:40:00Z', false], // final digest on shutdown
    ]);
    const report = await expectClean(d);
    expect(report.gaps).toEqual([{ olderEnd: '2026-03-01T11:30:00Z', newerStart: '2026-03-01T14:30:00Z' }]);
  });

  it('an organization trail keeps one chain per member account under AWSLogs/<o-id>/<account>/', async () => {
    const d = newDelivery();
    d.trail = makeTrail({ isOrganizationTrail: true, organizationId: 'o-aa11bb22cc', isMultiRegionTrail: true });
    await d.delivery.keys.keyFor('us-east-1', d.clock.now());
    d.delivery.loggingStarted(d.trail, d.clock.now());
    for (let m = 0; m < 70; m += 10) {
      d.delivery.enqueue(route(d.trail, 'us-east-1'), makeRecord(d.clock.now()));
      d.delivery.enqueue(route(d.trail, 'us-east-1', '444455556666'), makeRecord(d.clock.now(), 'us-east-1', { recipientAccountId: '444455556666' }));
      await d.clock.advance(10 * MINUTE);
      await d.delivery.flush();
    }
    await d.delivery.shutdown();
    const member = digestKeys(d.sink).filter((k) => k.startsWith('AWSLogs/o-aa11bb22cc/444455556666/CloudTrail-Digest/us-east-1/'));
    expect(member).toHaveLength(2);
    expect(readJson<DigestBody>(d.sink, member[0]!).awsAccountId).toBe('444455556666');
    const report = await expectClean(d);
    expect(report.summary.digestsTotal).toBe(4);
  });

  it('an hour without events still gets an (empty) digest', async () => {
    const d = newDelivery();
    await d.delivery.keys.keyFor('us-east-1', d.clock.now());
    d.delivery.loggingStarted(d.trail, d.clock.now());
    await d.clock.advance(2 * HOUR);
    await d.delivery.shutdown();
    const bodies = digestKeys(d.sink).map((k) => readJson<DigestBody>(d.sink, k));
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toMatchObject({ logFiles: [], newestEventTime: null, oldestEventTime: null });
    await expectClean(d);
  });

  it('validation switched off and on again, and a bucket change, keep validating clean', async () => {
    const d = newDelivery();
    await d.delivery.keys.keyFor('us-east-1', d.clock.now());
    d.delivery.loggingStarted(d.trail, d.clock.now());
    await run(d, 70, ['us-east-1']);
    const off = { ...d.trail, logFileValidationEnabled: false };
    d.delivery.trailUpdated(d.trail, off, d.clock.now());
    d.trail = off;
    await run(d, 30, ['us-east-1']);
    const on = { ...off, logFileValidationEnabled: true, s3BucketName: 'second-bucket' };
    d.delivery.trailUpdated(off, on, d.clock.now());
    d.trail = on;
    await run(d, 70, ['us-east-1']);
    await d.delivery.shutdown();
    expect(digestKeys(d.sink, 'second-bucket').length).toBe(2);
    const report = await expectClean(d);
    expect(report.gaps).toHaveLength(1);
  });
});

describe('digest keys never collide', () => {
  it('stop, start and stop again within one second: every digest keeps its own key and the folder validates', async () => {
    const d = newDelivery();
    await d.delivery.keys.keyFor('us-east-1', d.clock.now());
    d.delivery.loggingStarted(d.trail, d.clock.now());
    for (let round = 0; round < 3; round++) {
      d.delivery.enqueue(route(d.trail), makeRecord(d.clock.now()));
      d.delivery.loggingStopped(d.trail, d.clock.now());
      d.delivery.loggingStarted(d.trail, d.clock.now());
    }
    d.delivery.enqueue(route(d.trail), makeRecord(d.clock.now()));
    await d.delivery.shutdown();
    const keys = digestKeys(d.sink);
    expect(keys.map((k) => k.slice(-24, -8))).toEqual(['20260301T100000Z', '20260301T100001Z', '20260301T100002Z', '20260301T100003Z']);
    const report = await expectClean(d);
    expect(report.summary.logFilesTotal).toBe(4);
  });
});

describe('trail changes', () => {
  it('a multi-region trail turned single-region closes the other regions\u2019 chains', async () => {
    const d = newDelivery();
    d.trail = makeTrail({ isMultiRegionTrail: true });
    for (const r of ['us-east-1', 'eu-west-1']) await d.delivery.keys.keyFor(r, d.clock.now());
    d.delivery.loggingStarted(d.trail, d.clock.now());
    await run(d, 30, ['us-east-1', 'eu-west-1']);
    const single = { ...d.trail, isMultiRegionTrail: false };
    d.delivery.trailUpdated(d.trail, single, d.clock.now());
    d.trail = single;
    await run(d, 150, ['us-east-1']);
    // Multi-region again: the region gets a new (starting) chain.
    const multi = { ...d.trail, isMultiRegionTrail: true };
    d.delivery.trailUpdated(d.trail, multi, d.clock.now());
    d.trail = multi;
    await run(d, 20, ['us-east-1', 'eu-west-1']);
    await d.delivery.shutdown();
    const eu = digestKeys(d.sink).filter((k) => k.includes('/CloudTrail-Digest/eu-west-1/'));
    expect(eu.map((k) => k.slice(-24, -8))).toEqual(['20260301T103000Z', '20260301T132000Z']);
    expect(readJson<DigestBody>(d.sink, eu[1]!).previousDigestSignature).toBeNull();
    await expectClean(d);
  });
});
