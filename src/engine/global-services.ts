// Which records are "global service events" (facts §6): IAM, CloudFront, console sign-in and the STS global endpoint.
import type { CloudTrailRecord } from '../event/record.js';

/** The region global service events are recorded in since 2021-11-22. */
export const GLOBAL_SERVICE_REGION = 'us-east-1';

const GLOBAL_SOURCES: ReadonlySet<string> = new Set([
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'cloudfront.amazonaws.com',
  'signin.amazonaws.com',
]);

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
  if (source === undefined || !GLOBAL_SOURCES.has(source)) return false;
  if (source === 'sts.amazonaws.com') return !isRegionalStsCall(record);
  return true;
}
