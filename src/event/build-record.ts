// Turns the facts of one finished SDK call into a CloudTrail record: classification, region rules, resources, caps.
import { resourcesFor } from '../catalog/resources.js';
import { operationFacts } from './operation-facts.js';
import type { CloudTrailRecord, JsonObject, UserIdentity } from './record.js';
import { EVENT_VERSION } from './record.js';
import { sharedResources, sharedTlsDetails, sharedUserAgent } from './shared-parts.js';
import { secondPrecision } from './time.js';

/** Everything the recorder learned about one logical call (after retries), free of SDK types. */
export interface CallFacts {
  /** Completion time, epoch ms. */
  time: number;
  eventId: string;
  /** The service's signing name (`s3`, `dynamodb`, `iam` …). */
  signingName: string;
  /** The region the request was signed for / sent to. */
  region: string;
  partition: string;
  operation: string;
  /** Host the request went to, when the request was built. */
  host?: string;
  /** HTTP path of the request (Lambda's API version lives there). */
  path?: string;
  https?: boolean;
  identity: UserIdentity;
  /** The account the call was made as (recipientAccountId). */
  accountId: string;
  sourceIpAddress: string;
  userAgent?: string;
  /** The command input as given (top level copied before the call), for resource names. */
  input: Record<string, unknown>;
  requestParameters: JsonObject | null;
  /** Built only for successful writes (CloudTrail leaves reads and failures null). */
  responseElements: () => JsonObject | null;
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
  extendedRequestId?: string;
  bytesIn?: number;
  bytesOut?: number;
  /** Set when the application attributed the call with runAs. */
  actor?: JsonObject;
}

/** CloudTrail caps these string fields at 1 KB (cloudtrail-facts §2). */
const FIELD_LIMIT = 1024;

export function buildRecord(f: CallFacts): CloudTrailRecord {
  const op = operationFacts(f.signingName, f.operation, f.host, f.path);
  const { eventSource, eventName, readOnly, dataType, isS3 } = op;
  const awsRegion = op.fixedRegion ?? f.region;

  let requestParameters = f.requestParameters;
  if (isS3 && requestParameters && f.host) requestParameters = { ...requestParameters, Host: f.host };

  // Members are assigned in CloudTrail's own key order (cloudtrail-facts §1.2) so serialised records read alike.
  const record = {
    eventVersion: EVENT_VERSION,
    userIdentity: f.identity,
    eventTime: secondPrecision(f.time),
    eventSource,
    eventName,
    awsRegion,
    sourceIPAddress: f.sourceIpAddress,
  } as CloudTrailRecord;
  if (f.userAgent !== undefined) {
    const ua = sharedUserAgent(cap(f.userAgent));
    // S3 data events show the user agent in brackets (cloudtrail-facts §1.2).
    record.userAgent = isS3 && dataType ? `[${ua}]` : ua;
  }
  if (f.errorCode !== undefined) {
    record.errorCode = cap(f.errorCode);
    if (f.errorMessage !== undefined) record.errorMessage = cap(f.errorMessage);
  }
  record.requestParameters = requestParameters;
  record.responseElements = f.errorCode === undefined && !readOnly ? f.responseElements() : null;
  const additional = additionalEventData(f, isS3, op.isSts, awsRegion);
  if (additional) record.additionalEventData = additional;
  if (f.requestId !== undefined) record.requestID = cap(f.requestId);
  record.eventID = f.eventId;
  record.readOnly = readOnly;
  const resources = resourcesFor({
    eventSource,
    operation: f.operation,
    input: f.input,
    region: f.region,
    accountId: f.accountId,
    partition: f.partition,
  });
  if (resources.length > 0) record.resources = sharedResources(resources);
  record.eventType = 'AwsApiCall';
  record.managementEvent = dataType === undefined;
  record.recipientAccountId = f.accountId;
  record.eventCategory = dataType === undefined ? 'Management' : 'Data';
  if (f.https && f.host) record.tlsDetails = sharedTlsDetails(f.host);
  return record;
}

function additionalEventData(f: CallFacts, isS3: boolean, isSts: boolean, awsRegion: string): JsonObject | undefined {
  let data: JsonObject | undefined;
  if (isS3) {
    data = { SignatureVersion: 'SigV4', AuthenticationMethod: 'AuthHeader', bytesTransferredIn: f.bytesIn ?? 0, bytesTransferredOut: f.bytesOut ?? 0 };
    if (f.extendedRequestId) data['x-amz-id-2'] = f.extendedRequestId;
  } else if (isSts) {
    data = { RequestDetails: { endpointType: f.host === 'sts.amazonaws.com' ? 'global' : 'regional', awsServingRegion: f.region || awsRegion } };
  }
  if (f.actor) (data ??= {})['actor'] = f.actor;
  return data;
}

function cap(value: string): string {
  return value.length > FIELD_LIMIT ? value.slice(0, FIELD_LIMIT) : value;
}
