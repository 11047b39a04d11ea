// A CloudTrail digest file: its JSON body in AWS's field order, the exact signing string and the SHA256withRSA
// signature (cloudtrail-facts §4.3, §4.4, Appendix A).
import { createHash, createSign } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { SigningKey } from './signing-keys.js';

/**
 * One `logFiles[]` entry of a digest.
 * @example
 * const body = JSON.parse(gunzipSync(digest).toString()) as DigestBody;
 * const hashes = body.logFiles.map((f: DigestLogFile) => f.hashValue);
 */
export interface DigestLogFile {
  s3Bucket: string;
  s3Object: string;
  hashValue: string;
  hashAlgorithm: 'SHA-256';
  newestEventTime: string | null;
  oldestEventTime: string | null;
}

/**
 * A digest file's JSON body, members in the order AWS writes them.
 * @example
 * const body = JSON.parse(gunzipSync(digest).toString()) as DigestBody;
 * console.log(body.digestEndTime, body.previousDigestHashValue);
 */
export interface DigestBody {
  awsAccountId: string;
  digestStartTime: string;
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestPublicKeyFingerprint: string;
  digestSignatureAlgorithm: 'SHA256withRSA';
  newestEventTime: string | null;
  oldestEventTime: string | null;
  previousDigestS3Bucket: string | null;
  previousDigestS3Object: string | null;
  previousDigestHashValue: string | null;
  previousDigestHashAlgorithm: 'SHA-256' | null;
  previousDigestSignature: string | null;
  logFiles: DigestLogFile[];
}

/** What the next digest of a chain needs to know of the previous one. */
export interface PreviousDigest {
  bucket: string;
  key: string;
  /** Hex SHA-256 of its uncompressed bytes. */
  sha256: string;
  /** Hex signature (its `signature` metadata). */
  signature: string;
}

export interface DigestInput {
  accountId: string;
  /** `YYYY-MM-DDTHH:MM:SSZ` */
  startTime: string;
  endTime: string;
  bucket: string;
  key: string;
  logFiles: DigestLogFile[];
  previous: PreviousDigest | undefined;
}

/** A signed digest ready to store. */
export interface SignedDigest {
  body: DigestBody;
  /** The uncompressed JSON bytes that were hashed and gzipped. */
  json: Uint8Array;
  gzip: Uint8Array;
  sha256: string;
  signature: string;
  /** `{ signature, 'signature-algorithm': 'SHA256withRSA' }`: S3 user metadata. */
  metadata: Record<string, string>;
}

/**
 * The string CloudTrail signs: `digestEndTime\nbucket/key\nsha256hex\nprevSignature|null`, LF, no trailing newline.
 * @example
 * digestSigningString(body, sha256Hex) // '2015-08-12T04:01:31Z\nbucket/AWSLogs/...json.gz\n8f3f...\nnull'
 */
export function digestSigningString(body: Pick<DigestBody, 'digestEndTime' | 'digestS3Bucket' | 'digestS3Object' | 'previousDigestSignature'>, sha256Hex: string): string {
  return `${body.digestEndTime}\n${body.digestS3Bucket}/${body.digestS3Object}\n${sha256Hex}\n${body.previousDigestSignature ?? 'null'}`;
}

/** Builds, hashes, signs and gzips one digest. */
export function signDigest(input: DigestInput, key: SigningKey): SignedDigest {
  let newest: string | null = null;
  let oldest: string | null = null;
  for (const f of input.logFiles) {
    if (f.newestEventTime !== null && (newest === null || f.newestEventTime > newest)) newest = f.newestEventTime;
    if (f.oldestEventTime !== null && (oldest === null || f.oldestEventTime < oldest)) oldest = f.oldestEventTime;
  }
  const prev = input.previous;
  const body: DigestBody = {
    awsAccountId: input.accountId,
    digestStartTime: input.startTime,
    digestEndTime: input.endTime,
    digestS3Bucket: input.bucket,
    digestS3Object: input.key,
    digestPublicKeyFingerprint: key.fingerprint,
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: newest,
    oldestEventTime: oldest,
    previousDigestS3Bucket: prev ? prev.bucket : null,
    previousDigestS3Object: prev ? prev.key : null,
    previousDigestHashValue: prev ? prev.sha256 : null,
    previousDigestHashAlgorithm: prev ? 'SHA-256' : null,
    previousDigestSignature: prev ? prev.signature : null,
    logFiles: input.logFiles,
  };
  // Hash and gzip exactly these bytes: the validator hashes what it decompresses, never a re-serialisation.
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  const sha256 = createHash('sha256').update(json).digest('hex');
  const signature = createSign('RSA-SHA256').update(digestSigningString(body, sha256), 'utf8').sign(key.privateKey).toString('hex');
  return {
    body,
    json,
    gzip: gzipSync(json),
    sha256,
    signature,
    metadata: { signature, 'signature-algorithm': 'SHA256withRSA' },
  };
}
