// One RSA-2048 signing key pair per region: generated (off the event loop) or supplied, with fingerprints,
// validity windows and ListPublicKeys answers (cloudtrail-facts §4.5).
import { KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import type { DeliveryPublicKey } from '../engine/delivery-port.js';
import { LocalTrailConfigError } from '../vocabulary/config-error.js';

/**
 * A private key as a user may supply it: PKCS#8 PEM, a private JWK, or a Node `KeyObject`.
 * @example
 * createLocalTrail({ delivery: { sinks: [sink], signingKeys: { 'us-east-1': readFileSync('digest-key.pem', 'utf8') } } });
 */
export type SigningKeyInput = string | JsonWebKey | KeyObject;

/**
 * A region's key pair as delivery signs with it.
 * @example
 * const jwk = await exportSigningKey(await trail.delivery.keys.keyFor('us-east-1', Date.now()));
 */
export interface SigningKey {
  region: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** DER-encoded PKCS#1 RSAPublicKey (what ListPublicKeys returns). */
  der: Uint8Array;
  /** Lowercase hex MD5 of `der`. */
  fingerprint: string;
  /** PKCS#1 PEM of the public key. */
  pem: string;
  validityStartTime: number;
  validityEndTime: number;
}

export interface SigningKeyRingOptions {
  clock: Clock;
  /** Keys supplied by the user per region; regions not listed get generated keys. */
  supplied?: Record<string, SigningKeyInput>;
  /** How long a generated key signs before it is rotated. Default 30 days (as AWS's samples show). */
  validityMillis?: number;
  /** Called once for every new key (sinks publish the public key beside the files). */
  onNewKey?: (key: SigningKey) => void;
}

const THIRTY_DAYS = 30 * 24 * 3600_000;
const TEN_YEARS = 10 * 365 * 24 * 3600_000;

/**
 * Lowercase hex MD5 of a DER (PKCS#1) public key: CloudTrail's key fingerprint.
 * @example
 * publicKeyFingerprint(listPublicKeysResult.PublicKeyList[0].Value) // '8eba5db5bea9b640d1c96a77256fe7f2'-style
 */
export function publicKeyFingerprint(der: Uint8Array): string {
  return createHash('md5').update(der).digest('hex');
}

/**
 * Turns a supplied private key (PKCS#8 or PKCS#1 PEM, private JWK, or KeyObject) into a Node KeyObject.
 *
 * Node's own crypto reads all three forms. (`jose` did this first; it ships only as ES modules, which jest's
 * CommonJS runtime cannot load, so every jest user of the package broke on import.)
 * @example
 * const key = await importSigningKey(readFileSync('us-east-1.pem', 'utf8'));
 */
export async function importSigningKey(input: SigningKeyInput): Promise<KeyObject> {
  if (input instanceof KeyObject) return input.type === 'private' ? input : fail('a public key was supplied');
  try {
    if (typeof input === 'string') return createPrivateKey(input);
    if (input.kty !== 'RSA') return fail(`a ${String(input.kty)} JWK was supplied`);
    if (input.d === undefined) return fail('a public JWK was supplied');
    return createPrivateKey({ key: input, format: 'jwk' });
  } catch (error) {
    if (error instanceof LocalTrailConfigError) throw error;
    return fail(`it could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function fail(why: string): never {
  throw new LocalTrailConfigError('delivery.signingKeys', `localtrail: signing keys must be RSA-2048 private keys: ${why}`);
}

/**
 * Exports a signing key as a private JWK, to keep keys stable across runs: pass it back in
 * `delivery.signingKeys`.
 * @example
 * const jwk = await exportSigningKey(await trail.delivery.keys.keyFor('us-east-1', Date.now()));
 * createLocalTrail({ delivery: { signingKeys: { 'us-east-1': jwk } } });
 */
export async function exportSigningKey(key: SigningKey): Promise<JsonWebKey> {
  return key.privateKey.export({ format: 'jwk' });
}

export function describeKey(region: string, privateKey: KeyObject, validityStartTime: number, validityEndTime: number): SigningKey {
  const details = privateKey.asymmetricKeyDetails;
  if (privateKey.asymmetricKeyType !== 'rsa' || details?.modulusLength !== 2048) {
    fail(`got ${privateKey.asymmetricKeyType ?? 'unknown'} ${details?.modulusLength ?? '?'} bits for ${region}`);
  }
  const publicKey = createPublicKey(privateKey);
  const der = new Uint8Array(publicKey.export({ type: 'pkcs1', format: 'der' }));
  return {
    region,
    privateKey,
    publicKey,
    der,
    fingerprint: publicKeyFingerprint(der),
    pem: String(publicKey.export({ type: 'pkcs1', format: 'pem' })),
    validityStartTime,
    validityEndTime,
  };
}

/**
 * Holds the signing keys of every region. Keys are created on first use and rotated when their validity ends.
 * @example
 * const ring = new SigningKeyRing({ clock: systemClock });
 * const key = await ring.keyFor('us-east-1', Date.now());
 */
export class SigningKeyRing {
  private readonly keys = new Map<string, SigningKey[]>();
  private readonly pending = new Map<string, Promise<SigningKey>>();
  private readonly validityMillis: number;

  constructor(private readonly options: SigningKeyRingOptions) {
    this.validityMillis = options.validityMillis ?? THIRTY_DAYS;
  }

  /** Starts creating the region's key in the background, so the first digest does not wait for it. */
  prepare(region: string): void {
    this.keyFor(region, this.options.clock.now()).catch(() => {
      // Reported when a digest actually needs the key.
    });
  }

  /** The key that signs in `region` at time `at` (creating or rotating it when needed). */
  keyFor(region: string, at: number): Promise<SigningKey> {
    const current = this.keys.get(region)?.[0];
    if (current && at < current.validityEndTime) return Promise.resolve(current);
    const running = this.pending.get(region);
    if (running) return running;
    const created = this.create(region, at).finally(() => this.pending.delete(region));
    this.pending.set(region, created);
    return created;
  }

  /** Keys of `region` valid at any time in [start, end], newest first (ListPublicKeys). */
  list(region: string, start: number, end: number): DeliveryPublicKey[] {
    const keys = this.keys.get(region) ?? [];
    return keys
      .filter((k) => k.validityStartTime <= end && k.validityEndTime >= start)
      .map((k) => ({ value: k.der, validityStartTime: k.validityStartTime, validityEndTime: k.validityEndTime, fingerprint: k.fingerprint }));
  }

  /** Every key created so far, all regions. */
  all(): SigningKey[] {
    return [...this.keys.values()].flat();
  }

  private async create(region: string, at: number): Promise<SigningKey> {
    const supplied = this.options.supplied?.[region];
    let key: SigningKey;
    if (supplied !== undefined && !this.keys.has(region)) {
      key = describeKey(region, await importSigningKey(supplied), at, at + TEN_YEARS);
    } else {
      const privateKey = await new Promise<KeyObject>((resolve, reject) =>
        generateKeyPair('rsa', { modulusLength: 2048 }, (error, _pub, priv) => (error ? reject(error) : resolve(priv))),
      );
      key = describeKey(region, privateKey, at, at + this.validityMillis);
    }
    const list = this.keys.get(region) ?? [];
    list.unshift(key);
    this.keys.set(region, list);
    this.options.onNewKey?.(key);
    return key;
  }
}
