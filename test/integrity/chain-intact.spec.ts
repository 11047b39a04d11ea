import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import type { DigestBody } from '../../src/integrity/digest-file.js';
import { deliverHours, digestKeys, logKeys, newDelivery, readJson } from './scenario.js';

describe('an intact digest chain', () => {
  it('links hourly digests from a starting digest to a final one and validates clean', async () => {
    const d = newDelivery();
    await deliverHours(d, 3);
    const digests = digestKeys(d.sink);
    expect(digests.map((k) => k.slice(-24, -8))).toEqual(['20260301T110000Z', '20260301T120000Z', '20260301T130000Z', '20260301T131000Z']);
    const bodies = digests.map((k) => readJson<DigestBody>(d.sink, k));
    expect(bodies[0]!.previousDigestSignature).toBeNull();
    expect(bodies[0]!.previousDigestS3Object).toBeNull();
    for (let i = 1; i < bodies.length; i++) {
      expect(bodies[i]!.previousDigestS3Object).toBe(digests[i - 1]);
      expect(bodies[i]!.previousDigestSignature).toBe(d.sink.get('trail-bucket', digests[i - 1]!)!.metadata['signature']);
      expect(bodies[i]!.digestStartTime).toBe(bodies[i - 1]!.digestEndTime);
    }
    const listed = bodies.flatMap((b) => b.logFiles.map((f) => f.s3Object)).sort();
    expect(listed).toEqual(logKeys(d.sink));
    const report = await validateLogs({ source: memorySource(d.sink), expectedChainEnds: d.delivery.chainEndsDelivered() });
    expect(report.ok).toBe(true);
    expect(report.summary).toEqual({ digestsValid: 4, digestsTotal: 4, logFilesValid: listed.length, logFilesTotal: listed.length, chainsValid: 1, chainsTotal: 1 });
    expect(d.errors).toEqual([]);
  });
});
