// Builds delivered trails (log files + digest chains) by driving the DeliveryPort with a ManualClock, and tampers with them.
import { generateKeyPairSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import type { DeliveryOptions } from '../../src/delivery/delivery-options.js';
import type { DeliveryTrail } from '../../src/engine/delivery-port.js';
import { MemorySink } from '../../src/delivery/sinks/memory-sink.js';
import type { DigestBody } from '../../src/integrity/digest-file.js';
import { digestSigningString } from '../../src/integrity/digest-file.js';
import { describeKey } from '../../src/integrity/signing-keys.js';
import type { SigningKey } from '../../src/integrity/signing-keys.js';
import { createHash, createSign } from 'node:crypto';
import { T0, makeRecord, makeTrail, route } from '../delivery/fixtures.js';

export const MINUTE = 60_000;
export const HOUR = 3600_000;

export interface Delivered {
  sink: MemorySink;
  delivery: DeliveryService;
  clock: ManualClock;
  trail: DeliveryTrail;
  errors: unknown[];
}

export function newDelivery(options: DeliveryOptions = {}, start = T0): Delivered & { sink: MemorySink } {
  const clock = new ManualClock(start);
  const sink = new MemorySink();
  const errors: unknown[] = [];
  const delivery = new DeliveryService({ sinks: [sink], ...options }, { clock, onError: (e) => errors.push(e) });
  return { sink, delivery, clock, trail: makeTrail(), errors };
}

/** Logs a few records every 10 minutes in each region for `hours` hours, then 10 more minutes, then shuts down. */
export async function deliverHours(d: Delivered, hours: number, regions: string[] = [d.trail.homeRegion]): Promise<void> {
  for (const r of regions) await d.delivery.keys.keyFor(r, d.clock.now());
  d.delivery.loggingStarted(d.trail, d.clock.now());
  for (let step = 0; step < hours * 6 + 1; step++) {
    for (const region of regions) {
      for (let i = 0; i < 3; i++) d.delivery.enqueue(route(d.trail, region), makeRecord(d.clock.now(), region));
    }
    await d.clock.advance(10 * MINUTE);
    await d.delivery.flush();
  }
  await d.delivery.shutdown();
}

export function digestKeys(sink: MemorySink, bucket = 'trail-bucket'): string[] {
  return sink.keys(bucket, '/CloudTrail-Digest/');
}

export function logKeys(sink: MemorySink, bucket = 'trail-bucket'): string[] {
  return sink.keys(bucket, '/CloudTrail/');
}

export function readJson<T>(sink: MemorySink, key: string, bucket = 'trail-bucket'): T {
  return JSON.parse(gunzipSync(sink.get(bucket, key)!.body).toString('utf8')) as T;
}

/** Rewrites a digest's body; re-signs with `key` when given (else keeps the old, now wrong, signature). */
export function rewriteDigest(sink: MemorySink, key: string, change: (body: DigestBody) => void, signWith?: SigningKey, bucket = 'trail-bucket'): void {
  const stored = sink.get(bucket, key)!;
  const body = readJson<DigestBody>(sink, key, bucket);
  change(body);
  if (signWith) body.digestPublicKeyFingerprint = signWith.fingerprint;
  const json = Buffer.from(JSON.stringify(body));
  const metadata = { ...stored.metadata };
  if (signWith) {
    const sha = createHash('sha256').update(json).digest('hex');
    metadata['signature'] = createSign('RSA-SHA256').update(digestSigningString(body, sha)).sign(signWith.privateKey).toString('hex');
  }
  sink.objects.set(`${bucket}/${key}`, { ...stored, body: gzipSync(json), metadata });
}

let attacker: SigningKey | undefined;
/** A key nobody trusts. */
export function attackerKey(): SigningKey {
  attacker ??= describeKey('us-east-1', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 0, Number.MAX_SAFE_INTEGER);
  return attacker;
}

/** Copies an object to a new key (and deletes the original when `move`). */
export function copyObject(sink: MemorySink, from: string, to: string, move: boolean, bucket = 'trail-bucket'): void {
  const o = sink.get(bucket, from)!;
  sink.objects.set(`${bucket}/${to}`, o);
  if (move) sink.delete(bucket, from);
}
