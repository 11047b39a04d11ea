// The one list of what the fidelity harness does not compare between a real CloudTrail record and localtrail's, each with its reason.

/**
 * `field`: a top-level record field the harness does not compare at all.
 * `value`: a path (compare-records.ts notation; `[]` any index, `*` any key) whose value is not compared — its
 * presence and JSON type still are.
 */
export type KnownDifference = { field: string; reason: string } | { value: string; reason: string };

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  { field: 'eventVersion', reason: 'a published record carries the version current when it was written (1.03–1.11); localtrail always writes 1.11' },
  { field: 'eventTime', reason: 'the time of the call; the published record was made years ago' },
  { field: 'eventID', reason: 'a GUID CloudTrail generates per event' },
  { field: 'requestID', reason: "the service's request id; the stub answers with its own" },
  { field: 'sourceIPAddress', reason: "the caller's public address as AWS saw it; in-process there is only the host's own address (or the `sourceIpAddress` option)" },
  { field: 'userAgent', reason: 'the SDK, version and platform of whoever made the published call (the CLI, the console, another SDK); the harness calls through @aws-sdk/client-* on Node' },
  {
    field: 'userIdentity',
    reason:
      "principal ids, ARNs, session issuers and the console-session attributes come from AWS's IAM, which in-process credentials do not carry (localtrail maps them with the `identities` option; test/recorder/identity-and-actor.spec.ts covers that)",
  },
  { field: 'recipientAccountId', reason: 'published records sanitise account numbers independently of each other; the harness gives localtrail the account named in the resource ARNs' },
  { field: 'tlsDetails', reason: 'TLS version and cipher suite are negotiated by the HTTPS stack, which the stub handler replaces' },
  {
    field: 'additionalEventData',
    reason: "server-side facts: signature and authentication method as AWS verified them, cipher suite, bytes on the wire, S3's x-amz-id-2, KMS custom key store ids, STS serving region (S3's fields are covered by test/recorder/s3.spec.ts)",
  },
  { field: 'sharedEventID', reason: 'a GUID CloudTrail generates for cross-account copies of one event' },
  { field: 'vpcEndpointId', reason: 'the VPC endpoint the published call went through; an in-process call goes through none' },
  { field: 'vpcEndpointAccountId', reason: 'as vpcEndpointId' },
  { field: 'sessionCredentialFromConsole', reason: 'set only for console-session credentials used by a proxy client' },
  { field: 'serviceEventDetails', reason: 'only on AwsServiceEvent records, which no SDK call produces' },
  { field: 'addendum', reason: 'CloudTrail adds it when it re-delivers or corrects an event after the fact' },
  { field: 'eventContext', reason: 'enrichment CloudTrail Lake adds from tags and request context' },
  { field: 'edgeDeviceDetails', reason: 'S3 on Outposts device targets' },
  {
    value: 'responseElements.credentials.sessionToken',
    reason: 'CloudTrail logs the session token of STS responses; localtrail never writes a secret and hides it (HIDDEN_DUE_TO_SECURITY_REASONS)',
  },
];

/** The top-level fields the harness compares. Every top-level field of a corpus record must be here or in KNOWN_DIFFERENCES. */
export const COMPARED_FIELDS = [
  'eventSource',
  'eventName',
  'awsRegion',
  'errorCode',
  'errorMessage',
  'requestParameters',
  'responseElements',
  'readOnly',
  'resources',
  'eventType',
  'apiVersion',
  'managementEvent',
  'eventCategory',
] as const;

/**
 * A compared envelope field the published record lacks is held against localtrail (which then must not write it
 * either) only when the record has at least this eventVersion. Older published examples are abbreviated or predate
 * the field: the documentation's 1.04 UpdateTrail and 1.05 AssumeRole examples carry no readOnly, and managementEvent
 * (1.06) and eventCategory (1.07) did not exist yet (record contents:
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 */
export const ABSENCE_COMPARED_FROM_VERSION = '1.08';

export const UNCOMPARED_FIELDS: ReadonlySet<string> = new Set(KNOWN_DIFFERENCES.flatMap((d) => ('field' in d ? [d.field] : [])));
export const VOLATILE_VALUES: readonly string[] = KNOWN_DIFFERENCES.flatMap((d) => ('value' in d ? [d.value] : []));
