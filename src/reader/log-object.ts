// What the reader knows about one object of a trail folder or bucket from its key alone (the S3 key layout).

/**
 * A file the reader reads: a CloudTrail log file (`CloudTrail/`) or Insights file (`CloudTrail-Insight/`) named as
 * CloudTrail names them, or another `.json.gz` where one is expected (`other`: nothing known from its name).
 */
export interface LogObject {
  /** The key inside the source: a path relative to the folder, or the S3 key. */
  key: string;
  kind: 'log' | 'insight' | 'other';
  /** The account folder (the account the records were delivered for: their `recipientAccountId`). */
  accountId?: string;
  /** The region folder (the region the records' events happened in). */
  region?: string;
  /**
   * Epoch ms of the minute stamp in the name: delivery time, so no record in the file is newer than a minute after.
   * Infinity for `other` files: they may hold anything.
   */
  deliveredMinute: number;
  /** Size in bytes when the listing gave it. */
  size?: number;
}

/** What a key is: a log, Insights or other file to read, or something the reader passes over (digests, AWS Config …). */
export type KeyKind = Omit<LogObject, 'key' | 'size'> | { kind: 'ignored' };

// <acct>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz, and the same with CloudTrail-Insight.
const LOG_NAME = /^(\d{12})_CloudTrail(-Insight)?_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[A-Za-z0-9]{16}\.json\.gz$/;

/**
 * Classifies a key by its file name, so a folder below the bucket (`…/CloudTrail/us-east-1/2026/`) or an organization
 * prefix (`AWSLogs/o-…/<acct>/…`) reads the same. Digest files are ignored, and so is any other file except a
 * `.json.gz` inside a `CloudTrail/` or `CloudTrail-Insight/` folder or at the top of the source: that one is read as
 * `other` (and reported as skipped if it holds no records), never silently dropped. Other services' files in a
 * shared log bucket (AWS Config's `.json.gz` under `Config/`) are not CloudTrail's and are passed over.
 * @example
 * classifyKey('AWSLogs/o-aa111bb222/111122223333/CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1_20260301T1005Z_Mu0KsOhtH1ar15ZZ.json.gz')
 * // { kind: 'log', accountId: '111122223333', region: 'us-east-1', deliveredMinute: 1772359500000 }
 */
export function classifyKey(key: string): KeyKind {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const m = LOG_NAME.exec(name);
  if (m) {
    const deliveredMinute = Date.UTC(+m[4]!, +m[5]! - 1, +m[6]!, +m[7]!, +m[8]!);
    return { kind: m[2] ? 'insight' : 'log', accountId: m[1]!, region: m[3]!, deliveredMinute };
  }
  if (!name.endsWith('.json.gz') || name.includes('_CloudTrail-Digest_')) return { kind: 'ignored' };
  const path = `/${key}`;
  if (!key.includes('/') || path.includes('/CloudTrail/') || path.includes('/CloudTrail-Insight/')) return { kind: 'other', deliveredMinute: Infinity };
  return { kind: 'ignored' };
}
