// The shape of a service's record rules: where CloudTrail departs from the wire names, as data with its source.
import type { JsonValue } from '../../vocabulary/record.js';

/** What becomes of a member's value in the record. */
export type MemberTreatment =
  /** Left out: application data CloudTrail does not log (DynamoDB expression values, message bodies it drops). */
  | 'omit'
  /** Written as `HIDDEN_DUE_TO_SECURITY_REASONS` (SQS message bodies, STS session tokens). */
  | 'hidden'
  /** A map written as the list of its keys (DynamoDB `item`). */
  | 'names'
  /** A map of DynamoDB attribute values written with plain values (DynamoDB `key`). */
  | 'plain-attributes'
  /** A string holding a JSON document, written parsed (S3 `bucketPolicy`). */
  | 'json'
  /** A structure with one member set, written flat with the member's name under `operation` (DynamoDB transactions). */
  | 'tagged'
  /** A PartiQL statement with its literals redacted. */
  | 'statement'
  /** Written as the model says, exempt from the well-known secret names (STS `credentials`, whose parts have rules). */
  | 'keep';

/**
 * How CloudTrail writes one member, keyed in {@link ServiceRules} by `Shape.Member` (one shape) or `Member` (any
 * shape of the service). Every rule names the public record it was derived from.
 */
export interface MemberRule {
  source: string;
  /** The record key (default: the service's wire vocabulary). */
  key?: string;
  as?: MemberTreatment;
  /** Lists: the key of the wrapper object (`items`), or null for a bare array where the vocabulary would wrap. */
  wrap?: string | null;
  /** Lists of scalars: each item written as `{[itemKey]: value}`. */
  itemKey?: string;
  /** Written inside `{[into]: {items: [{...}]}}` with the other members of that group (EC2 RunInstances). */
  into?: string;
  /** `hidden`: the marker the service writes instead (EC2's `<sensitiveDataRemoved>`). */
  marker?: string;
}

/** How CloudTrail writes one operation's record, where it departs from what the model gives. */
export interface OperationRule {
  source: string;
  /** `null`: the record's requestParameters are null whatever the input (STS GetCallerIdentity). */
  requestParameters?: 'null';
  /** `null`: never written (DynamoDB item operations); `always`: written for a read too (STS credentials). */
  responseElements?: 'null' | 'always';
  /** Entries CloudTrail writes when the caller left them out (KMS `encryptionAlgorithm`). */
  requestDefaults?: Readonly<Record<string, JsonValue>>;
  /** Where the table's key schema can be read, so later PutItem records can write `key` (DynamoDB). */
  learnsTableKeys?: 'input' | 'output';
}

export interface ServiceRules {
  /** The Smithy namespace's last segment (`dynamodb`, `ec2`, `s3` …). */
  service: string;
  /** Top-level `apiVersion` CloudTrail writes on this service's records. */
  apiVersion?: { value: string; source: string };
  /** errorCode spellings where CloudTrail's differ from the SDK's error name. */
  errorCodes?: { codes: Readonly<Record<string, string>>; source: string };
  /** A call refused with `AccessDenied` is written with requestParameters null (Lambda). */
  deniedRequestParameters?: { value: 'null'; source: string };
  /** Successful writes carry the request id in responseElements (`requestId`, EC2). */
  responseRequestId?: { source: string };
  /** Members of input shapes. */
  request?: Readonly<Record<string, MemberRule>>;
  /** Members of output shapes. */
  response?: Readonly<Record<string, MemberRule>>;
  operations?: Readonly<Record<string, OperationRule>>;
  /**
   * Shapes whose record gets a `key` entry: the key attributes of the item in `item`, for the table named in `table`
   * (DynamoDB PutItem, a transaction's Put), written when the table's key schema is known.
   */
  itemKeys?: Readonly<Record<string, { item: string; table: string; source: string }>>;
}
