// Turns the facts of one finished SDK call into a CloudTrail record: classification, region rules, resources, caps.
import { resourcesFor } from '../catalog/resources.js';
import type { OperationFacts } from './operation-facts.js';
import { operationFacts } from './operation-facts.js';
import type { CloudTrailRecord, CloudTrailResource, JsonObject, UserIdentity } from '../vocabulary/record.js';
import { EVENT_VERSION } from '../vocabulary/record.js';
import { PackedJson } from '../vocabulary/packed-json.js';
import { flat } from './parameters-text.js';
import { sharedBracketedUserAgent, sharedResources, sharedTlsDetails, sharedUserAgent } from './shared-parts.js';
import { cloudTrailTime } from '../vocabulary/time.js';

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
  /** Objects, or JSON text (PackedJson) the record keeps until it is read (vocabulary/packed-json.ts). */
  requestParameters: JsonObject | PackedJson | null;
  /** Built only for successful writes (CloudTrail leaves reads and failures null). */
  responseElements: () => JsonObject | PackedJson | null;
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
  extendedRequestId?: string;
  bytesIn?: number;
  bytesOut?: number;
  /** Set when the application attributed the call with runAs. */
  actor?: JsonObject;
  /** The service's top-level `apiVersion` (DynamoDB's `2012-08-10`). */
  apiVersion?: string;
  /** responseElements are written for a read too (STS calls that issue credentials). */
  responseOnRead?: boolean;
}

/** CloudTrail caps these string fields at 1 KB (cloudtrail-facts §2). */
const FIELD_LIMIT = 1024;

export function buildRecord(f: CallFacts): CloudTrailRecord {
  const op = operationFacts(f.signingName, f.operation, f.host, f.path);
  const awsRegion = op.fixedRegion ?? f.region;
  const resources = resourcesFor({
    eventSource: op.eventSource,
    operation: f.operation,
    input: f.input,
    region: f.region,
    accountId: f.accountId,
    partition: f.partition,
  });
  return new RecordObject(f, op, awsRegion, resources);
}

/**
 * Makes a record as one object. V8 gives the objects a constructor makes room for every member its body assigns
 * (and trims what no record uses), where a literal of the first members grown by a dozen more got a separate
 * property array, allocated anew three times on the way and then kept alive by the ring. Its prototype is
 * Object.prototype, so a record is as plain an object as a literal (`constructor === Object`). Members are assigned
 * in CloudTrail's own key order (cloudtrail-facts §1.2) so serialised records read alike.
 */
const RecordObject = function (this: CloudTrailRecord, f: CallFacts, op: OperationFacts, awsRegion: string, resources: CloudTrailResource[]) {
  const { isS3, dataType, readOnly } = op;
  this.eventVersion = EVENT_VERSION;
  this.userIdentity = f.identity;
  this.eventTime = cloudTrailTime(f.time);
  this.eventSource = op.eventSource;
  this.eventName = op.eventName;
  this.awsRegion = awsRegion;
  this.sourceIPAddress = f.sourceIpAddress;
  if (f.userAgent !== undefined) {
    const ua = cap(f.userAgent);
    // S3 records show the user agent in brackets, bucket operations too (the DeleteBucket example of
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html).
    this.userAgent = isS3 ? sharedBracketedUserAgent(ua) : sharedUserAgent(ua);
  }
  if (f.errorCode !== undefined) {
    this.errorCode = cap(f.errorCode);
    if (f.errorMessage !== undefined) this.errorMessage = cap(f.errorMessage);
  }
  // A packed part stands in for its objects until the record is read (unpackRecord); the type is the objects'.
  this.requestParameters = (isS3 && f.requestParameters && f.host ? withHost(f.requestParameters, f.host) : f.requestParameters) as JsonObject | null;
  this.responseElements = (f.errorCode === undefined && (!readOnly || f.responseOnRead === true) ? f.responseElements() : null) as JsonObject | null;
  const additional = additionalEventData(f, op, awsRegion);
  if (additional) this.additionalEventData = additional;
  if (f.requestId !== undefined) this.requestID = cap(f.requestId);
  this.eventID = f.eventId;
  this.readOnly = readOnly;
  if (resources.length > 0) this.resources = sharedResources(resources);
  this.eventType = 'AwsApiCall';
  if (f.apiVersion !== undefined) this.apiVersion = f.apiVersion;
  this.managementEvent = dataType === undefined;
  this.recipientAccountId = f.accountId;
  this.eventCategory = dataType === undefined ? 'Management' : 'Data';
  if (f.https && f.host) this.tlsDetails = sharedTlsDetails(f.host);
} as unknown as new (f: CallFacts, op: OperationFacts, awsRegion: string, resources: CloudTrailResource[]) => CloudTrailRecord;
RecordObject.prototype = Object.prototype;

function additionalEventData(f: CallFacts, op: OperationFacts, awsRegion: string): JsonObject | undefined {
  let data: JsonObject | undefined;
  if (op.isS3) {
    data = { SignatureVersion: 'SigV4', AuthenticationMethod: 'AuthHeader', bytesTransferredIn: f.bytesIn ?? 0, bytesTransferredOut: f.bytesOut ?? 0 };
    if (f.extendedRequestId) data['x-amz-id-2'] = f.extendedRequestId;
  } else if (op.isSts) {
    data = { RequestDetails: { endpointType: f.host === 'sts.amazonaws.com' ? 'global' : 'regional', awsServingRegion: f.region || awsRegion } };
  }
  if (f.actor) (data ??= {})['actor'] = f.actor;
  return data;
}

/** S3 records name the host the request went to last in requestParameters. */
function withHost(parameters: JsonObject | PackedJson, host: string): JsonObject | PackedJson {
  if (!(parameters instanceof PackedJson)) return { ...parameters, Host: host };
  const text = parameters.text;
  // A Host entry of its own keeps its place (as the spread does): only the objects can say where it is.
  if (text.includes('"Host":')) return { ...(JSON.parse(text) as JsonObject), Host: host };
  return new PackedJson(flat(`${text.length === 2 ? '{' : `${text.slice(0, -1)},`}"Host":${JSON.stringify(host)}}`));
}

function cap(value: string): string {
  return value.length > FIELD_LIMIT ? value.slice(0, FIELD_LIMIT) : value;
}
