// What compiled selectors look like to the router: one predicate per trail, built once at put time.
import type { CloudTrailRecord, CloudTrailResource } from '../../vocabulary/record.js';

/**
 * The fields selectors read, copied out of a record once per event so every trail's predicate reads one
 * monomorphic object instead of records of many shapes. The router reuses a single instance (no allocation).
 */
export interface EventFacts {
  category: string | undefined;
  readOnly: boolean | undefined;
  eventSource: string | undefined;
  eventName: string | undefined;
  errorCode: string | undefined;
  vpcEndpointId: string | undefined;
  resources: CloudTrailResource[] | undefined;
}

export function newEventFacts(): EventFacts {
  return { category: undefined, readOnly: undefined, eventSource: undefined, eventName: undefined, errorCode: undefined, vpcEndpointId: undefined, resources: undefined };
}

export function readEventFacts(facts: EventFacts, record: CloudTrailRecord): EventFacts {
  facts.category = record.eventCategory;
  facts.readOnly = record.readOnly;
  facts.eventSource = record.eventSource;
  facts.eventName = record.eventName;
  facts.errorCode = record.errorCode;
  facts.vpcEndpointId = record.vpcEndpointId;
  facts.resources = record.resources;
  return facts;
}

/** True when a trail's selectors select the event. Must not throw and must not allocate per call. */
export type FactsPredicate = (facts: EventFacts) => boolean;

/** A trail's selectors, compiled once. */
export interface CompiledSelectors {
  /** The hot-path form, on facts read once per event. */
  matchFacts: FactsPredicate;
  /** Convenience form on a record (reads its facts first). */
  match: (record: CloudTrailRecord) => boolean;
  /** Whether read-only management events can be selected (Insights prerequisites, cloudtrail-facts §8). */
  logsManagementReads: boolean;
  /** Whether write management events can be selected. */
  logsManagementWrites: boolean;
}

/** Builds the record form of a facts predicate. */
export function onRecords(predicate: FactsPredicate): (record: CloudTrailRecord) => boolean {
  const facts = newEventFacts();
  return (record) => predicate(readEventFacts(facts, record));
}

const defaultMatch: FactsPredicate = (facts) => facts.category === 'Management';

/** The default selection of a trail without custom selectors: every management event, no data events (cloudtrail-facts §7.1). */
export const DEFAULT_SELECTORS: CompiledSelectors = {
  matchFacts: defaultMatch,
  match: onRecords(defaultMatch),
  logsManagementReads: true,
  logsManagementWrites: true,
};
