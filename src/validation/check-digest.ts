// Checks one digest file on its own: format, schema, metadata, location, key and signature (validate-logs' order).
import type { KeyObject } from 'node:crypto';
import { verify } from 'node:crypto';
import type { ParsedDigestKey } from '../vocabulary/object-keys.js';
import { CLOUDTRAIL_TIME } from '../vocabulary/time.js';
import type { DigestBody } from '../integrity/digest-file.js';
import { digestSigningString } from '../integrity/digest-file.js';
import type { FetchedObject, ObjectLocation } from './object-source.js';
import { gunzipAndHash, parseJson } from './read-gzip-json.js';

/** A trusted key by fingerprint. */
export interface TrustedKey {
  key: KeyObject;
  region: string | undefined;
}

/** One digest after its own checks. `body` is set whenever it parsed, even if the signature failed. */
export interface CheckedDigest extends ObjectLocation {
  parsed: ParsedDigestKey;
  valid: boolean;
  reason?: string;
  body?: DigestBody;
  sha256?: string;
  signature?: string;
}

const STRING_FIELDS = ['awsAccountId', 'digestStartTime', 'digestEndTime', 'digestS3Bucket', 'digestS3Object', 'digestPublicKeyFingerprint'] as const;
const NULLABLE_FIELDS = [
  'newestEventTime',
  'oldestEventTime',
  'previousDigestS3Bucket',
  'previousDigestS3Object',
  'previousDigestHashValue',
  'previousDigestHashAlgorithm',
  'previousDigestSignature',
] as const;

/** Why a parsed value is not a digest body, or undefined when it is one. */
export function digestSchemaProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  for (const f of STRING_FIELDS) if (typeof v[f] !== 'string') return `missing or non-string ${f}`;
  for (const f of NULLABLE_FIELDS) if (!(f in v) || (v[f] !== null && typeof v[f] !== 'string')) return `missing or invalid ${f}`;
  if (!CLOUDTRAIL_TIME.test(v['digestEndTime'] as string) || !CLOUDTRAIL_TIME.test(v['digestStartTime'] as string)) return 'digest times not in YYYY-MM-DDTHH:MM:SSZ form';
  if (!Array.isArray(v['logFiles'])) return 'missing logFiles array';
  for (const f of v['logFiles'] as unknown[]) {
    const e = f as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || typeof e['s3Bucket'] !== 'string' || typeof e['s3Object'] !== 'string' || typeof e['hashValue'] !== 'string') {
      return 'a logFiles entry lacks s3Bucket, s3Object or hashValue';
    }
  }
  return undefined;
}

export async function checkDigest(
  location: ObjectLocation,
  parsed: ParsedDigestKey,
  object: FetchedObject | undefined,
  keys: Map<string, TrustedKey>,
): Promise<CheckedDigest> {
  const result: CheckedDigest = { ...location, parsed, valid: false };
  const fail = (reason: string): CheckedDigest => Object.assign(result, { reason });
  if (!object) return fail('not found');
  if (object.readError) return fail(object.readError);
  const unzipped = await gunzipAndHash(object.body);
  if (!unzipped.ok) return fail(unzipped.reason);
  result.sha256 = unzipped.sha256;
  const json = parseJson(unzipped.bytes);
  if (!json.ok) return fail(json.reason);
  const problem = digestSchemaProblem(json.value);
  if (problem) return fail(`invalid format: ${problem}`);
  const body = json.value as DigestBody;
  result.body = body;
  const meta = object.metadata;
  if (!meta) return fail('invalid format: unreadable object metadata');
  const signature = meta['signature'];
  if (typeof signature !== 'string' || typeof meta['signature-algorithm'] !== 'string') return fail('signature metadata missing');
  result.signature = signature;
  if (body.digestS3Bucket !== location.bucket || body.digestS3Object !== location.key) {
    return fail(`has been moved from its original location (s3://${body.digestS3Bucket}/${body.digestS3Object})`);
  }
  if (meta['signature-algorithm'] !== 'SHA256withRSA') return fail(`unsupported signature algorithm ${meta['signature-algorithm']}`);
  const trusted = keys.get(body.digestPublicKeyFingerprint);
  if (!trusted || (trusted.region !== undefined && trusted.region !== parsed.region)) {
    return fail(`public key not found in region ${parsed.region} for fingerprint ${body.digestPublicKeyFingerprint}`);
  }
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(signature)) return fail('signature verification failed (signature is not hex)');
  const ok = verify('RSA-SHA256', Buffer.from(digestSigningString(body, unzipped.sha256), 'utf8'), trusted.key, Buffer.from(signature, 'hex'));
  if (!ok) return fail('signature verification failed');
  result.valid = true;
  return result;
}
