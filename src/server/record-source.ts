// What `serveRecords` and `createReport` read: records from anywhere (delivered files, a bucket, a live trail).
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { ValidationReport } from '../validation/validate-logs.js';

/**
 * A source of CloudTrail records, and of the integrity verdict of the files they came from when there are any.
 * @example
 * const source: TrailRecordSource = { description: 'this test run', records: () => trail.events() };
 */
export interface TrailRecordSource {
  /** What the records come from (a folder, a bucket, a trail), shown by the page and the report. */
  readonly description: string;
  /** Every record once, in any order. Read once per serve or report. */
  records(): AsyncIterable<CloudTrailRecord> | Iterable<CloudTrailRecord>;
  /** Validates the delivered files the records come from (digests and log files), e.g. with `validateLogs`. */
  integrity?(): Promise<ValidationReport>;
}
