// How matcher failure messages show records: one-line summaries, numbered lists and the closest records with a diff.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { closeness, projectOnto } from './partial-match.js';
import type { MatcherRuntime } from './runtime.js';

/** How many records a list shows before "… and N more". */
export const LIST_LIMIT = 10;
/** How many closest records a failure message shows with a diff. */
export const CLOSEST_LIMIT = 3;

/** The acting principal in a few characters: user name, role/session, access key id or identity type. */
export function whoOf(record: CloudTrailRecord): string | undefined {
  const id = record.userIdentity;
  if (!id) return undefined;
  if (id.userName) return id.userName;
  const assumed = id.arn?.match(/:assumed-role\/(.+)$/)?.[1];
  if (assumed) return assumed;
  if (id.type === 'Root') return 'root';
  return id.accessKeyId || id.arn || id.type;
}

/** `#2 s3.amazonaws.com PutObject · us-east-1 · write · data · by alice · error NoSuchBucket` (1-based). */
export function describeRecord(record: CloudTrailRecord, index: number): string {
  const parts = [`${record.eventSource ?? record.eventType} ${record.eventName ?? '(no eventName)'}`, record.awsRegion];
  if (record.readOnly !== undefined) parts.push(record.readOnly ? 'read' : 'write');
  if (record.eventCategory !== 'Management') parts.push(record.eventCategory.toLowerCase());
  const who = whoOf(record);
  if (who) parts.push(`by ${who}`);
  if (record.errorCode) parts.push(`error ${record.errorCode}`);
  return `#${index + 1} ${parts.join(' · ')}`;
}

/** A numbered list of the given record positions (all records when omitted), capped at {@link LIST_LIMIT}. */
export function listRecords(records: readonly CloudTrailRecord[], positions?: readonly number[], indent = '  '): string {
  const shown = positions ?? records.map((_, i) => i);
  if (shown.length === 0) return `${indent}(none)`;
  const lines = shown.slice(0, LIST_LIMIT).map((i) => indent + describeRecord(records[i]!, i));
  if (shown.length > LIST_LIMIT) lines.push(`${indent}… and ${shown.length - LIST_LIMIT} more`);
  return lines.join('\n');
}

/** `3 events` / `1 event` / `no events`. */
export function countOf(n: number, noun = 'event'): string {
  return n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The diff between a partial record and what one record holds at the same places, indented. */
export function diffAgainst(rt: MatcherRuntime, record: CloudTrailRecord, expected: unknown, indent = '    '): string {
  const received = projectOnto(rt, record, expected);
  const diff = rt.diff(expected, received);
  const text = diff && !/no visual difference/.test(diff) ? diff : `Received: ${rt.printReceived(received)}`;
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? indent + line : line))
    .join('\n');
}

/**
 * The records among `positions` that satisfy most of `expected`, best first (ties keep recording order), each with
 * its summary line and a diff. Empty string when there is nothing to show.
 */
export function closestReport(
  rt: MatcherRuntime,
  records: readonly CloudTrailRecord[],
  expected: unknown,
  positions: readonly number[] = records.map((_, i) => i),
  title = 'Closest recorded events:',
): string {
  if (positions.length === 0) return '';
  const ranked = positions
    .map((i) => ({ i, c: closeness(rt, records[i], expected) }))
    .sort((a, b) => ratio(b.c) - ratio(a.c) || a.i - b.i)
    .slice(0, CLOSEST_LIMIT);
  const blocks = ranked.map(({ i }) => `  ${describeRecord(records[i]!, i)}\n${diffAgainst(rt, records[i]!, expected)}`);
  return `${title}\n${blocks.join('\n\n')}`;
}

function ratio(c: { matched: number; total: number }): number {
  return c.total === 0 ? 1 : c.matched / c.total;
}
