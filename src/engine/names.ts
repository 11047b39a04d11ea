// Trail names and trail ARNs: CloudTrail's naming rules (cloudtrail-facts §5.3) and the ARN form (cloudtrail-facts §5.1).
import { CloudTrailARNInvalidException, InvalidTrailNameException } from './errors.js';

const CHARSET = /^[A-Za-z0-9._-]+$/;
const ALNUM = /^[A-Za-z0-9]$/;
const ADJACENT_SEPARATORS = /[._-]{2}/;
const IP_SHAPED = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Throws `InvalidTrailNameException` unless `name` follows every CloudTrail trail-name rule: 3–128 characters of
 * letters, digits, `.`, `_`, `-`; starts and ends with a letter or digit; no two separators next to each other;
 * not shaped like an IPv4 address.
 * @example
 * validateTrailName('audit-trail'); // ok
 * validateTrailName('my--trail');   // throws InvalidTrailNameException
 */
export function validateTrailName(name: string): void {
  if (typeof name !== 'string' || name.length < 3) {
    const length = typeof name === 'string' ? name.length : 0;
    throw new InvalidTrailNameException(
      `Trail name too short. Minimum allowed length: 3 characters. Specified name length: ${length} characters.`,
    );
  }
  if (name.length > 128) {
    throw new InvalidTrailNameException(
      `Trail name too long. Maximum allowed length: 128 characters. Specified name length: ${name.length} characters.`,
    );
  }
  if (!ALNUM.test(name[0]!)) throw new InvalidTrailNameException('Trail name must starts with a letter or number.');
  if (!ALNUM.test(name[name.length - 1]!)) throw new InvalidTrailNameException('Trail name must ends with a letter or number.');
  if (!CHARSET.test(name)) {
    throw new InvalidTrailNameException(
      'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
    );
  }
  if (ADJACENT_SEPARATORS.test(name)) {
    throw new InvalidTrailNameException('Trail name cannot contain adjacent periods (.), hyphens (-) or underscores (_).');
  }
  if (IP_SHAPED.test(name)) throw new InvalidTrailNameException('Trail name cannot be formatted as an IP address.');
}

/** The parts of `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`. */
export interface TrailArnParts {
  partition: string;
  region: string;
  accountId: string;
  name: string;
}

const TRAIL_ARN = /^arn:(aws[a-z-]*):cloudtrail:([a-z0-9-]+):(\d{12}):trail\/(.+)$/;

/** True when the string is meant as an ARN (CloudTrail accepts a name or an ARN in `Name`/`TrailName`). */
export function looksLikeArn(nameOrArn: string): boolean {
  return nameOrArn.startsWith('arn:');
}

/**
 * Parses a trail ARN; throws `CloudTrailARNInvalidException` when it is not one.
 * @example
 * parseTrailArn('arn:aws:cloudtrail:us-east-1:123456789012:trail/audit').name; // 'audit'
 */
export function parseTrailArn(arn: string): TrailArnParts {
  const match = TRAIL_ARN.exec(arn);
  if (!match) {
    throw new CloudTrailARNInvalidException(
      `${arn} is not a valid trail ARN. The format of a trail ARN is: arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail.`,
    );
  }
  return { partition: match[1]!, region: match[2]!, accountId: match[3]!, name: match[4]! };
}

/** `arn:<partition>:cloudtrail:<homeRegion>:<account>:trail/<name>` (the home-region ARN, also used by shadows). */
export function trailArn(homeRegion: string, accountId: string, name: string): string {
  return `arn:${partitionOf(homeRegion)}:cloudtrail:${homeRegion}:${accountId}:trail/${name}`;
}

/** The ARN partition a region belongs to. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
