// CloudTrail's own API calls as events: a control-plane call made on the LocalTrail (or through its wire handler)
// becomes the cloudtrail.amazonaws.com management event CloudTrail records for it (request and response in
// CloudTrail's vocabulary: lowerCamelCase members, e.g. `{"name":"audit"}`).
import { randomUUID } from 'node:crypto';
import { buildRecord } from '../event/build-record.js';
import { newEventId } from '../event/event-id.js';
import { ANY_PLAN } from '../event/parameter-plan.js';
import { toParameters } from '../event/parameters.js';
import type { CloudTrailRecord, JsonObject, UserIdentity } from '../vocabulary/record.js';
import { errorFacts } from '../recorder/error-facts.js';

/** One finished control-plane call. */
export interface ControlPlaneCallFacts {
  /** CloudTrail's operation name: `CreateTrail`, `StopLogging` … */
  operation: string;
  /** Epoch ms the call finished. */
  time: number;
  region: string;
  accountId: string;
  identity: UserIdentity;
  sourceIpAddress: string;
  userAgent?: string;
  /** The host a wire request went to (gives `tlsDetails`); none for a method call. */
  host?: string;
  /** The wire handler's request id; a method call gets a fresh one. */
  requestId?: string;
  input: Record<string, unknown>;
  output?: unknown;
  /** Set when the call failed (errorCode is its name). */
  error?: unknown;
  failed: boolean;
  /** `additionalEventData.actor` of `runAs`. */
  actor?: JsonObject;
  /** Member names always hidden (the LocalTrail's redaction). */
  secretNames: ReadonlySet<string>;
}

/** The record CloudTrail writes for one of its own API calls (readOnly, resources and caps as for any SDK call). */
export function controlPlaneRecord(f: ControlPlaneCallFacts): CloudTrailRecord {
  const options = { secretNames: f.secretNames };
  const facts: Parameters<typeof buildRecord>[0] = {
    time: f.time,
    eventId: newEventId(f.time),
    signingName: 'cloudtrail',
    region: f.region,
    partition: 'aws',
    operation: f.operation,
    https: f.host !== undefined,
    identity: f.identity,
    accountId: f.accountId,
    sourceIpAddress: f.sourceIpAddress,
    input: f.input,
    requestParameters: toParameters(f.input, ANY_PLAN, options),
    responseElements: () => {
      const elements = toParameters(f.output, ANY_PLAN, options);
      return elements && Object.keys(elements).length > 0 ? elements : null;
    },
    requestId: f.requestId ?? randomUUID(),
  };
  if (f.host !== undefined) facts.host = f.host;
  if (f.userAgent !== undefined) facts.userAgent = f.userAgent;
  if (f.actor !== undefined) facts.actor = f.actor;
  if (f.failed) {
    const e = errorFacts(f.error, 'cloudtrail');
    facts.errorCode = e.code;
    if (e.message !== undefined) facts.errorMessage = e.message;
  }
  return buildRecord(facts);
}
