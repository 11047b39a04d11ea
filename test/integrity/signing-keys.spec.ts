// Signing keys: generated per region or supplied (PKCS#8 PEM / JWK, read by node:crypto), fingerprints, rotation, ListPublicKeys.
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { SigningKeyRing, exportSigningKey, importSigningKey, publicKeyFingerprint } from '../../src/integrity/signing-keys.js';
import type { DigestBody } from '../../src/integrity/digest-file.js';
import { memorySource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { T0 } from '../delivery/fixtures.js';
import { deliverHours, digestKeys, newDelivery, readJson } from './scenario.js';

const DAY = 24 * 3600_000;

describe('signing keys', () => {
  it('are RSA-2048 with the fingerprint = MD5 of the PKCS#1 DER, exported independently here', async () => {
    const ring = new SigningKeyRing({ clock: new ManualClock(T0) });
    const key = await ring.keyFor('eu-west-1', T0);
    expect(key.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const der = createPublicKey(key.pem).export({ type: 'pkcs1', format: 'der' });
    expect(Buffer.from(key.der)).toEqual(der);
    expect(key.fingerprint).toBe(createHash('md5').update(der).digest('hex'));
    expect(Buffer.from(key.der).subarray(0, 4).toString('hex')).toBe('3082010a'); // SEQUENCE of a 2048-bit PKCS#1 key ("MIIBCgKCAQEA…")
    expect(key.pem).toMatch(/^-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA/);
  });

  it('rotate when their validity ends; ListPublicKeys answers by time range, newest first', async () => {
    const clock = new ManualClock(T0);
    const ring = new SigningKeyRing({ clock, validityMillis: 30 * DAY });
    const first = await ring.keyFor('us-east-1', T0);
    expect(await ring.keyFor('us-east-1', T0 + 29 * DAY)).toBe(first);
    const second = await ring.keyFor('us-east-1', T0 + 30 * DAY);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(ring.list('us-east-1', T0, T0 + 1).map((k) => k.fingerprint)).toEqual([first.fingerprint]);
    expect(ring.list('us-east-1', T0 + 31 * DAY, T0 + 32 * DAY).map((k) => k.fingerprint)).toEqual([second.fingerprint]);
    expect(ring.list('us-east-1', T0, T0 + 40 * DAY).map((k) => k.fingerprint)).toEqual([second.fingerprint, first.fingerprint]);
    expect(ring.list('eu-west-1', T0, T0 + 40 * DAY)).toEqual([]);
  });

  it('can be supplied as PKCS#8 PEM or JWK and exported again; digests carry their fingerprint and validate', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const jwk = await exportSigningKey({ privateKey } as never);
    const expected = publicKeyFingerprint(new Uint8Array(createPublicKey(privateKey).export({ type: 'pkcs1', format: 'der' })));
    for (const supplied of [pem, jwk]) {
      const d = newDelivery({ signingKeys: { 'us-east-1': supplied } });
      await deliverHours(d, 1);
      const body = readJson<DigestBody>(d.sink, digestKeys(d.sink)[0]!);
      expect(body.digestPublicKeyFingerprint).toBe(expected);
      expect((await validateLogs({ source: memorySource(d.sink) })).ok).toBe(true);
    }
    expect((await importSigningKey(jwk)).asymmetricKeyType).toBe('rsa');
  });

  it('reject keys that cannot sign CloudTrail digests, with a clear message', async () => {
    const { privateKey: ec } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const d = newDelivery({ signingKeys: { 'us-east-1': ec } });
    await expect(d.delivery.keys.keyFor('us-east-1', T0)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[LocalTrailConfigError: localtrail: signing keys must be RSA-2048 private keys: got ec ? bits for us-east-1]`,
    );
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect(importSigningKey(publicKey)).rejects.toThrowErrorMatchingInlineSnapshot(`[LocalTrailConfigError: localtrail: signing keys must be RSA-2048 private keys: a public key was supplied]`);
  });
});
