// S3 key layouts of CloudTrail log files and digest files (cloudtrail-facts §3, §4.2), byte-compatible with AWS.
import { randomBytes } from 'node:crypto';

/** Where a trail's objects go for one account and region. */
export interface KeyScope {
  s3KeyPrefix?: string;
  organizationId?: string;
  accountId: string;
  region: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 16 random characters from `[A-Za-z0-9]`, like CloudTrail's `UniqueString`. */
export function uniqueString(): string {
  const bytes = randomBytes(16);
  let out = '';
  // 62 does not divide 256; the tiny bias is irrelevant for a name that only has to avoid collisions.
  for (let i = 0; i < 16; i++) out += ALNUM[bytes[i]! % 62];
  return out;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY/MM/DD` (UTC) of an epoch-ms time. */
export function datePath(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/** `YYYYMMDDTHHmmZ`: the minute stamp of log file names. */
export function minuteStamp(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`;
}

/** `YYYYMMDDTHHMMSSZ`: the second stamp of digest file names. */
export function secondStamp(time: number): string {
  const d = new Date(time);
  return `${minuteStamp(time).slice(0, -1)}${pad(d.getUTCSeconds())}Z`;
}

function accountRoot(scope: KeyScope): string {
  const prefix = scope.s3KeyPrefix ? `${scope.s3KeyPrefix.replace(/\/+$/, '')}/` : '';
  const org = scope.organizationId ? `${scope.organizationId}/` : '';
  return `${prefix}AWSLogs/${org}${scope.accountId}`;
}

/**
 * The key of a log file delivered at `deliveredAt`.
 * @example
 * logFileKey({ accountId: '111122223333', region: 'us-east-2' }, Date.parse('2015-08-01T02:10:00Z'))
 * // 'AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_<16>.json.gz'
 */
export function logFileKey(scope: KeyScope, deliveredAt: number, unique = uniqueString()): string {
  const { accountId, region } = scope;
  return (
    `${accountRoot(scope)}/CloudTrail/${region}/${datePath(deliveredAt)}/` +
    `${accountId}_CloudTrail_${region}_${minuteStamp(deliveredAt)}_${unique}.json.gz`
  );
}

/**
 * The key of an Insights log file delivered at `deliveredAt`: the `CloudTrail-Insight` folder, named like a log file
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html).
 * @example
 * insightFileKey({ accountId: '111122223333', region: 'us-east-2' }, Date.parse('2019-10-17T10:15:00Z'))
 * // 'AWSLogs/111122223333/CloudTrail-Insight/us-east-2/2019/10/17/111122223333_CloudTrail-Insight_us-east-2_20191017T1015Z_<16>.json.gz'
 */
export function insightFileKey(scope: KeyScope, deliveredAt: number, unique = uniqueString()): string {
  const { accountId, region } = scope;
  return (
    `${accountRoot(scope)}/CloudTrail-Insight/${region}/${datePath(deliveredAt)}/` +
    `${accountId}_CloudTrail-Insight_${region}_${minuteStamp(deliveredAt)}_${unique}.json.gz`
  );
}

/**
 * The key of a digest file whose `digestEndTime` is `digestEnd`, for a trail named `trailName` homed in `homeRegion`.
 * @example
 * digestFileKey({ accountId: '111122223333', region: 'us-east-2' }, 'mytrail', 'us-east-1', end)
 * // 'AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_mytrail_us-east-1_20150817T150131Z.json.gz'
 */
export function digestFileKey(scope: KeyScope, trailName: string, homeRegion: string, digestEnd: number): string {
  const { accountId, region } = scope;
  return (
    `${accountRoot(scope)}/CloudTrail-Digest/${region}/${datePath(digestEnd)}/` +
    `${accountId}_CloudTrail-Digest_${region}_${trailName}_${homeRegion}_${secondStamp(digestEnd)}.json.gz`
  );
}

/** Parsed parts of a log file key, or undefined when the key is not one. */
export interface ParsedLogFileKey extends KeyScope {
  minuteStamp: string;
  /** Epoch ms of the minute stamp. */
  deliveredMinute: number;
}

const LOG_KEY =
  /^(?:(.+)\/)?AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/CloudTrail\/([a-z0-9-]+)\/\d{4}\/\d{2}\/\d{2}\/\3_CloudTrail_\4_(\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$/;

/**
 * Reads account, region and delivery minute back from a log file key; `undefined` for any other key.
 * @example
 * parseLogFileKey('AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz')
 * // { accountId: '111122223333', region: 'us-east-2', minuteStamp: '20150801T0210Z', deliveredMinute: 1438395000000 }
 */
export function parseLogFileKey(key: string): ParsedLogFileKey | undefined {
  const m = LOG_KEY.exec(key);
  if (!m) return undefined;
  const stamp = m[5]!;
  return { ...scopeOf(m), minuteStamp: stamp, deliveredMinute: stampToTime(stamp) };
}

/** Parsed parts of a digest key, or undefined when the key is not one. */
export interface ParsedDigestKey extends KeyScope {
  trailName: string;
  homeRegion: string;
  secondStamp: string;
  /** Epoch ms of the key's timestamp (the digest end time, to the second). */
  endTime: number;
}

const DIGEST_KEY =
  /^(?:(.+)\/)?AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/CloudTrail-Digest\/([a-z0-9-]+)\/\d{4}\/\d{2}\/\d{2}\/\3_CloudTrail-Digest_\4_(.+)_([a-z]{2}(?:-[a-z]+)+-\d+)_(\d{8}T\d{6}Z)\.json\.gz$/;

/**
 * Reads account, region, trail, home region and end time back from a digest file key; `undefined` for any other key.
 * @example
 * parseDigestKey(digestKey)?.trailName // 'mytrail'
 */
export function parseDigestKey(key: string): ParsedDigestKey | undefined {
  const m = DIGEST_KEY.exec(key);
  if (!m) return undefined;
  const stamp = m[7]!;
  return { ...scopeOf(m), trailName: m[5]!, homeRegion: m[6]!, secondStamp: stamp, endTime: stampToTime(stamp) };
}

/** The scope both key layouts begin with: groups 1–4 of LOG_KEY and DIGEST_KEY. */
function scopeOf(m: RegExpExecArray): KeyScope {
  return {
    ...(m[1] ? { s3KeyPrefix: m[1] } : {}),
    ...(m[2] ? { organizationId: m[2] } : {}),
    accountId: m[3]!,
    region: m[4]!,
  };
}

function stampToTime(stamp: string): number {
  const sec = stamp.length === 16 ? stamp.slice(13, 15) : '00';
  return Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(9, 11), +stamp.slice(11, 13), +sec);
}
