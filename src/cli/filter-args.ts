// The filter options lookup, tail and policy share, parsed into a TrailFilter (repeated options: any value matches).
import type { TrailCategory, TrailFilter } from '../reader/trail-filter.js';
import type { ParsedArgs } from './args.js';
import { UsageError, lastValue, parseTime } from './args.js';

/** Filter options that take a value, and the flag. */
export const FILTER_VALUES = [
  'event-name', 'event-source', 'username', 'resource-name', 'resource-type', 'read-only', 'access-key-id', 'event-id',
  'region', 'account', 'error-code', 'category', 'start-time', 'end-time',
] as const;
export const FILTER_FLAGS = ['errors'] as const;

export const FILTER_HELP = `Filters (repeat an option to match any of its values; different options must all match):
  --event-name <name>        e.g. PutObject
  --event-source <source>    e.g. s3.amazonaws.com
  --username <name>          IAM user, root, or role session name
  --resource-name <name>     resource name or ARN
  --resource-type <type>     e.g. AWS::S3::Object
  --read-only true|false
  --access-key-id <id>
  --event-id <id>
  --region <region>          awsRegion
  --account <id>             recipient account (the account folder)
  --error-code <code>        e.g. AccessDenied
  --errors                   only calls that failed
  --category <category>      management, data or insight
  --start-time <time>        ISO 8601 (2026-03-01T10:00:00Z, 2026-03-01) or epoch ms; inclusive
  --end-time <time>          inclusive`;

const CATEGORIES = ['management', 'data', 'insight', 'networkactivity'];

/**
 * @example
 * filterFromArgs(parseArgs(['--event-name', 'PutObject', '--errors'], spec)) // { eventName: ['PutObject'], errors: true }
 */
export function filterFromArgs(args: ParsedArgs): TrailFilter {
  const filter: TrailFilter = {};
  const values = (name: string): string[] | undefined => args.values.get(name);
  type TextKey = 'eventName' | 'eventSource' | 'username' | 'resourceName' | 'resourceType' | 'accessKeyId' | 'eventId' | 'region' | 'account' | 'errorCode';
  const set = (key: TextKey, name: string): void => {
    const v = values(name);
    if (v) filter[key] = v;
  };
  set('eventName', 'event-name');
  set('eventSource', 'event-source');
  set('username', 'username');
  set('resourceName', 'resource-name');
  set('resourceType', 'resource-type');
  set('accessKeyId', 'access-key-id');
  set('eventId', 'event-id');
  set('region', 'region');
  set('account', 'account');
  set('errorCode', 'error-code');
  const readOnly = lastValue(args, 'read-only');
  if (readOnly !== undefined) {
    if (readOnly !== 'true' && readOnly !== 'false') throw new UsageError(`--read-only: expected true or false, got ${readOnly}`);
    filter.readOnly = readOnly === 'true';
  }
  if (args.flags.has('errors')) filter.errors = true;
  const categories = values('category');
  if (categories) {
    for (const c of categories) if (!CATEGORIES.includes(c.toLowerCase())) throw new UsageError(`--category: expected management, data or insight, got ${c}`);
    filter.category = categories.map((c) => c.toLowerCase() as TrailCategory);
  }
  const start = lastValue(args, 'start-time');
  const end = lastValue(args, 'end-time');
  if (start !== undefined) filter.startTime = parseTime(start, 'start-time');
  if (end !== undefined) filter.endTime = parseTime(end, 'end-time');
  if (typeof filter.startTime === 'number' && typeof filter.endTime === 'number' && filter.startTime > filter.endTime) {
    throw new UsageError('--start-time is after --end-time');
  }
  return filter;
}

/** A positive whole number option, or undefined when absent. */
export function countOption(args: ParsedArgs, name: string, min = 1): number | undefined {
  const value = lastValue(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name}: expected a whole number${min > 0 ? ` of at least ${min}` : ''}, got ${value}`);
  return Number(value);
}
