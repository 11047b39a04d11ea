// generatePolicy: the least-privilege IAM policy for recorded calls (a LocalTrail, records, or a trail being read).
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { TrailFilter } from '../reader/trail-filter.js';
import { compileFilter } from '../reader/trail-filter.js';
import type { GeneratedPolicy } from './policy-builder.js';
import { PolicyBuilder } from './policy-builder.js';

/**
 * What the generator counts (see each option).
 * @example
 * generatePolicy(trail, { includeFailed: true });
 */
export interface PolicyOptions {
  /** Only calls by this principal: a user/role/session ARN, the role ARN for all its sessions, a user, role or session name, an access key id. */
  principal?: string | readonly string[];
  /** Only calls at or after / at or before these times (epoch ms, Date or ISO 8601). */
  startTime?: number | Date | string;
  endTime?: number | Date | string;
  /** Also calls that failed (an AccessDenied shows a permission the code needs). Default false. */
  includeFailed?: boolean;
}

/**
 * Anything holding records: a LocalTrail (`events()`) or an array.
 * @example
 * generatePolicy(trail); generatePolicy(trail.events().slice(-100));
 */
export type PolicyInput = Iterable<CloudTrailRecord> | { events(): Iterable<CloudTrailRecord> };

/**
 * The reader filter equivalent to policy options (what `localtrail policy` reads with).
 * @example
 * const reader = readTrail('./.localtrail', { filter: policyFilter({ principal: 'app', includeFailed: true }) });
 */
export function policyFilter(options: PolicyOptions = {}): TrailFilter {
  return {
    ...(options.principal !== undefined ? { principal: options.principal } : {}),
    ...(options.startTime !== undefined ? { startTime: options.startTime } : {}),
    ...(options.endTime !== undefined ? { endTime: options.endTime } : {}),
    ...(options.includeFailed ? {} : { errors: false }),
  };
}

/**
 * The IAM policy the recorded calls needed: CloudTrail eventNames mapped to IAM actions by curated tables (calls
 * that need no permission left out, unknown ones listed in `unmapped`), resources from the records' ARNs where the
 * action supports resource-level permissions, `*` where it does not, grouped into few statements. Synchronous for
 * records in memory; give it a `readTrail(…)` (or any async iterable) and it resolves to the same.
 * @example
 * const { policy, unmapped } = generatePolicy(trail, { principal: 'arn:aws:iam::111122223333:role/app' });
 * const fromFiles = await generatePolicy(readTrail('./.localtrail'));
 */
export function generatePolicy(records: PolicyInput, options?: PolicyOptions): GeneratedPolicy;
export function generatePolicy(records: AsyncIterable<CloudTrailRecord>, options?: PolicyOptions): Promise<GeneratedPolicy>;
export function generatePolicy(records: PolicyInput | AsyncIterable<CloudTrailRecord>, options: PolicyOptions = {}): GeneratedPolicy | Promise<GeneratedPolicy> {
  const filter = compileFilter(policyFilter(options));
  const builder = new PolicyBuilder();
  if (Symbol.asyncIterator in records) {
    return (async () => {
      for await (const record of records) if (filter.matches(record)) builder.add(record);
      return builder.build();
    })();
  }
  const list = 'events' in records && typeof records.events === 'function' ? records.events() : (records as Iterable<CloudTrailRecord>);
  for (const record of list) if (filter.matches(record)) builder.add(record);
  return builder.build();
}
