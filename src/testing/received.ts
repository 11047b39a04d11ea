// Turns what a matcher received (a LocalTrail, or an array of records) into the list of records to check.
import type { CloudTrailRecord } from '../vocabulary/record.js';

/** Anything with `events()`: a LocalTrail, or a user's own wrapper around one. */
export interface RecordSource {
  events(): CloudTrailRecord[];
}

/** What the matchers accept as `expect(received)`. */
export type Recorded = RecordSource | readonly CloudTrailRecord[];

/** Thrown (as the matcher's failure) when `expect(x)` was given something that holds no records. */
export class NotARecordSourceError extends TypeError {
  override readonly name = 'NotARecordSourceError';
  readonly code = 'LOCALTRAIL_NOT_A_RECORD_SOURCE';
}

export function isRecordSource(value: unknown): value is RecordSource {
  return typeof value === 'object' && value !== null && typeof (value as RecordSource).events === 'function';
}

/** The records behind `received`, oldest first. Throws a clear TypeError for anything else. */
export function recordsOf(received: unknown, matcherName: string): readonly CloudTrailRecord[] {
  if (Array.isArray(received)) return received as CloudTrailRecord[];
  if (isRecordSource(received)) return received.events();
  const shown = received === null ? 'null' : Array.isArray(received) ? 'array' : typeof received;
  throw new NotARecordSourceError(
    `${matcherName}: expect(received) must be a LocalTrail (or anything with events()) or an array of CloudTrail records, got ${shown}`,
  );
}
