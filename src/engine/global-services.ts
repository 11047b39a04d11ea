// Which records are "global service events" (cloudtrail-facts §6): IAM, CloudFront, console sign-in, the STS global endpoint …
import { isGlobalEventSource } from '../catalog/services.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';

/** Memo of eventSource → global (the catalog owns the list: IAM, CloudFront, sign-in, Route 53, Organizations …). */
const globalBySource = new Map<string, boolean>();

function isRegionalStsCall(record: CloudTrailRecord): boolean {
  const details = record.additionalEventData?.['RequestDetails'];
  if (details !== null && typeof details === 'object' && !Array.isArray(details)) {
    const endpointType = details['endpointType'];
    if (endpointType === 'regional') return true;
    if (endpointType === 'global') return false;
  }
  const host = record.tlsDetails?.clientProvidedHostHeader;
  return host !== undefined && host.startsWith('sts.') && host !== 'sts.amazonaws.com';
}

/**
 * True for a global service event: recorded in us-east-1 by a global service, and (for STS) sent to the global
 * endpoint. STS calls to a regional endpoint (`sts.us-east-1.amazonaws.com` included) are regional events.
 * @example
 * isGlobalServiceEvent({ ...record, eventSource: 'iam.amazonaws.com', awsRegion: 'us-east-1' }); // true
 */
export function isGlobalServiceEvent(record: CloudTrailRecord): boolean {
  const source = record.eventSource;
  if (source === undefined) return false;
  if (source === 'sts.amazonaws.com') return !isRegionalStsCall(record);
  let global = globalBySource.get(source);
  if (global === undefined) globalBySource.set(source, (global = isGlobalEventSource(source)));
  return global;
}
