// What compiled selectors look like to the router: one predicate per trail, built once at put time.
import type { CloudTrailRecord } from '../../event/record.js';

/** True when a trail's selectors select the record. Must not throw and must not allocate per call. */
export type RecordPredicate = (record: CloudTrailRecord) => boolean;

/** A trail's selectors, compiled once. */
export interface CompiledSelectors {
  match: RecordPredicate;
  /** Whether read-only management events can be selected (Insights prerequisites, facts §8). */
  logsManagementReads: boolean;
  /** Whether write management events can be selected. */
  logsManagementWrites: boolean;
}

export const matchNothing: RecordPredicate = () => false;

/** The default selection of a trail without custom selectors: every management event, no data events (facts §7.1). */
export const DEFAULT_SELECTORS: CompiledSelectors = {
  match: (record) => record.eventCategory === 'Management',
  logsManagementReads: true,
  logsManagementWrites: true,
};
