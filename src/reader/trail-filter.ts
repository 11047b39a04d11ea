// Which records a read yields: the LookupEvents attributes plus time range, region, account, category, error and
// principal, compiled once into a record test, a per-file test on the key, and a byte string every match contains.
import { attributeValues, usernameOf } from '../engine/history/lookup-attributes.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { LogObject } from './log-object.js';
import { ReaderError } from './log-source.js';

/**
 * `management`, `data`, `insight` or `networkactivity` (case-insensitive), as `eventCategory`.
 * @example
 * const filter: TrailFilter = { category: 'data' };
 */
export type TrailCategory = 'management' | 'data' | 'insight' | 'networkactivity';

/**
 * One value, or several of which any may match.
 * @example
 * const filter: TrailFilter = { eventName: ['PutObject', 'DeleteObject'] };
 */
export type OneOrMore<T> = T | readonly T[];

/**
 * What to read. Every given criterion must hold (AND); a list of values for one criterion matches any of them (OR).
 * String attributes compare exactly, as LookupEvents does; `eventName` and `eventSource` of an Insights record are
 * those it is about (`insightDetails`).
 * @example
 * const filter: TrailFilter = { eventSource: 's3.amazonaws.com', errors: true };
 */
export interface TrailFilter {
  eventId?: OneOrMore<string>;
  eventName?: OneOrMore<string>;
  eventSource?: OneOrMore<string>;
  /** The IAM user name, `root`, or the role session / federated user name (LookupEvents' `Username`). */
  username?: OneOrMore<string>;
  /** A resource's name or ARN (LookupEvents' `ResourceName`). */
  resourceName?: OneOrMore<string>;
  /** e.g. `AWS::S3::Object` (LookupEvents' `ResourceType`). */
  resourceType?: OneOrMore<string>;
  accessKeyId?: OneOrMore<string>;
  readOnly?: boolean;
  /** `awsRegion`. */
  region?: OneOrMore<string>;
  /** `recipientAccountId`: the account folder the file was delivered under. */
  account?: OneOrMore<string>;
  errorCode?: OneOrMore<string>;
  /** true: only failed calls (any `errorCode`); false: only calls that succeeded. */
  errors?: boolean;
  category?: OneOrMore<TrailCategory>;
  /** Who called: a user/role/session ARN, the role's ARN for its sessions, a user, role or session name, an access key id or principal id. */
  principal?: OneOrMore<string>;
  /** Inclusive, as LookupEvents: epoch ms, Date or ISO 8601. */
  startTime?: number | Date | string;
  endTime?: number | Date | string;
}

/** A filter ready to run. */
export interface CompiledFilter {
  /** Whether a file can hold a match at all, from its key (kind, region, account, delivery time). */
  acceptsFile(object: LogObject): boolean;
  matches(record: CloudTrailRecord): boolean;
  /** Bytes every matching record's JSON contains, when one criterion allows saying so; used to skip parsing. */
  needle: Buffer | undefined;
  startTime: number | undefined;
  endTime: number | undefined;
}

const CATEGORIES: Record<TrailCategory, CloudTrailRecord['eventCategory']> = {
  management: 'Management',
  data: 'Data',
  insight: 'Insight',
  networkactivity: 'NetworkActivity',
};

function list<T>(value: OneOrMore<T> | undefined): readonly T[] | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? (value as readonly T[]) : [value as T];
  return values.length === 0 ? undefined : values;
}

function toTime(value: number | Date | string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const time = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(time)) throw new ReaderError('INVALID_FILTER', `${name} is not a time: ${String(value)}`);
  return time;
}

/** `eventTime` as epoch ms (NaN when absent or malformed). */
export function eventTimeOf(record: CloudTrailRecord): number {
  return typeof record.eventTime === 'string' ? Date.parse(record.eventTime) : Number.NaN;
}

function anyOf(values: readonly string[], candidates: readonly string[]): boolean {
  for (const c of candidates) if (values.includes(c)) return true;
  return false;
}

function principalsOf(record: CloudTrailRecord): string[] {
  const id = record.userIdentity;
  if (!id) return [];
  const issuer = id.sessionContext?.sessionIssuer;
  const out = [id.arn, id.userName, id.accessKeyId, id.principalId, issuer?.arn, issuer?.userName, usernameOf(record)];
  return out.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/**
 * Compiles a filter. Throws {@link ReaderError} (`INVALID_FILTER`) for a bad time or category, or a start after the end.
 * @example
 * const f = compileFilter({ eventName: 'PutObject', errors: false });
 * f.matches(record);
 */
export function compileFilter(filter: TrailFilter = {}): CompiledFilter {
  const startTime = toTime(filter.startTime, 'startTime');
  const endTime = toTime(filter.endTime, 'endTime');
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw new ReaderError('INVALID_FILTER', 'startTime is after endTime');
  }
  const categories = list(filter.category)?.map((c) => {
    const category = CATEGORIES[String(c).toLowerCase() as TrailCategory];
    if (!category) throw new ReaderError('INVALID_FILTER', `not a category: ${String(c)} (management, data, insight or networkactivity)`);
    return category;
  });
  const attributes: Array<[string, readonly string[]]> = [];
  const attr = (key: string, value: OneOrMore<string> | undefined): void => {
    const values = list(value);
    if (values) attributes.push([key, values]);
  };
  attr('EventId', filter.eventId);
  attr('EventName', filter.eventName);
  attr('EventSource', filter.eventSource);
  attr('Username', filter.username);
  attr('ResourceName', filter.resourceName);
  attr('ResourceType', filter.resourceType);
  attr('AccessKeyId', filter.accessKeyId);
  const regions = list(filter.region);
  const accounts = list(filter.account);
  const errorCodes = list(filter.errorCode);
  const principals = list(filter.principal);
  const readOnly = filter.readOnly;
  const errors = filter.errors;

  const matches = (record: CloudTrailRecord): boolean => {
    if (categories && !categories.includes(record.eventCategory)) return false;
    if (regions && !regions.includes(record.awsRegion)) return false;
    if (accounts && !accounts.includes(record.recipientAccountId)) return false;
    if (readOnly !== undefined && record.readOnly !== readOnly) return false;
    if (errors !== undefined && Boolean(record.errorCode) !== errors) return false;
    if (errorCodes && (record.errorCode === undefined || !errorCodes.includes(record.errorCode))) return false;
    for (const [key, values] of attributes) if (!anyOf(values, attributeValues(record, key))) return false;
    if (principals && !anyOf(principals, principalsOf(record))) return false;
    if (startTime !== undefined || endTime !== undefined) {
      const t = eventTimeOf(record);
      if (Number.isNaN(t) || (startTime !== undefined && t < startTime) || (endTime !== undefined && t > endTime)) return false;
    }
    return true;
  };

  const acceptsFile = (object: LogObject): boolean => {
    if (categories && object.kind !== 'other') {
      const insight = categories.includes('Insight');
      const other = categories.some((c) => c !== 'Insight');
      if (object.kind === 'insight' ? !insight : !other) return false;
    }
    if (regions && object.region !== undefined && !regions.includes(object.region)) return false;
    if (accounts && object.accountId !== undefined && !accounts.includes(object.accountId)) return false;
    // No record is newer than its file's delivery, which is before the end of the minute in its name.
    if (startTime !== undefined && object.deliveredMinute + 60_000 <= startTime) return false;
    return true;
  };

  return { acceptsFile, matches, needle: needleFor(filter, errors), startTime, endTime };
}

/**
 * The most selective single value whose text every matching record's JSON must contain: the longest run of
 * characters no JSON writer escapes (a value with `/` may be written `\/`, so the run stops there).
 */
function needleFor(filter: TrailFilter, errors: boolean | undefined): Buffer | undefined {
  // `root` is the Username of a Root identity whatever its record says; every other Username is in the record's text.
  const username = list(filter.username)?.includes('root') ? undefined : filter.username;
  for (const value of [filter.eventId, filter.accessKeyId, filter.resourceName, username, filter.errorCode, filter.eventName, filter.eventSource, filter.resourceType]) {
    const values = list(value);
    if (!values || values.length !== 1) continue;
    const runs = values[0]!.match(/[A-Za-z0-9_.:@+=,-]+/g) ?? [];
    const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length >= 3) return Buffer.from(longest, 'latin1');
  }
  if (errors === true) return Buffer.from('"errorCode"', 'latin1');
  return undefined;
}
