// The one list of what the fidelity harness does not compare between a real CloudTrail record and localtrail's, each with its reason.

/**
 * `field`: a top-level record field the harness does not compare at all.
 * `value`: a path (compare-records.ts notation; `[]` any index, `*` any key) whose value is not compared — its
 * presence and JSON type still are.
 * `path`: a path not compared at all, on either side (what one side has and the other cannot).
 * `entry`: limits the difference to one corpus entry (its file name without `.json`); without it, it holds for all.
 */
export type KnownDifference = ({ field: string } | { value: string } | { path: string }) & { reason: string; entry?: string };

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
  {
    path: 'responseElements.instancesSet.items[].metadataOptions.httpProtocolIpv4',
    reason: "EC2 returns it, but the SDK's model of InstanceMetadataOptionsResponse has no such member, so the parsed output a record is built from never holds it",
  },
  {
    path: 'responseElements.instancesSet.items[].networkInterfaceSet.items[].tagSet',
    reason: "EC2 returns an empty tagSet for each network interface of a new instance, but the SDK's model of InstanceNetworkInterface has no TagSet member, so the parsed output never holds it",
  },
  {
    path: 'requestParameters.incomingTransitiveTags',
    reason: "STS adds the transitive session tags the caller's own session carries; an in-process caller's credentials carry none",
  },
  // Differences of one published record, each with why it cannot match.
  ...['ec2-CreateKeyPair', 'ec2-StartInstances', 'ec2-StopInstances', 'ec2-TerminateInstances'].map((entry) => ({
    entry,
    path: 'responseElements.requestId',
    reason: "EC2 records of 2014–2016 carry no requestId in responseElements; current ones do (the 2024 ec2-RunInstances record)",
  })),
  {
    entry: 'ssm-SendCommand',
    path: 'requestParameters.interactive',
    reason: "the CLI sent a member that @aws-sdk/client-ssm's model (3.1169) does not have, so an SDK call cannot send it",
  },
  ...['interactive', 'clientName', 'clientSourceId', 'hasSendCommandSignature', 'hasCancelCommandSignature'].map((member) => ({
    entry: 'ssm-SendCommand',
    path: `responseElements.command.${member}`,
    reason: "SSM returns a member that @aws-sdk/client-ssm's model (3.1169) does not have, so the parsed output never holds it",
  })),
  {
    entry: 'states-StartExecution',
    value: 'requestParameters.input',
    reason: 'the 2016 record predates Step Functions marking execution input sensitive (the SDK model types it SensitiveData), which current records write as HIDDEN_DUE_TO_SECURITY_REASONS',
  },
  {
    entry: 'sts-AssumeRoleWithWebIdentity',
    path: 'requestParameters.principalTags',
    reason: "STS reads these session tags from the claims of the web identity token, which is opaque to the SDK (and never logged)",
  },
  {
    entry: 'lambda-GetFunction-AccessDenied',
    field: 'eventName',
    reason: "the record is from 2015, before Lambda's versioned event names; CloudTrail writes GetFunction20150331v2 for GetFunction today",
  },
  {
    entry: 'iam-CreateUser',
    field: 'awsRegion',
    reason: 'AWS rewrote the region of this documentation example to us-east-2; IAM is a global service whose records are written in us-east-1',
  },
  {
    entry: 'iam-CreateUser',
    value: 'responseElements.user.createDate',
    reason: "records up to about 2020 format dates 'Mar 24, 2014 9:11:59 PM'; current records put a comma after the year ('Jul 18, 2023, 4:07:39 PM', as this corpus' 2023 and 2024 records show)",
  },
  { entry: 'iam-CreateAccessKey', value: 'responseElements.accessKey.createDate', reason: 'as the createDate of iam-CreateUser: the 2020 record predates the comma after the year' },
  { entry: 'states-StartExecution', value: 'responseElements.startDate', reason: 'as the createDate of iam-CreateUser: the 2016 record predates the comma after the year' },
  {
    entry: 's3-DeleteBucket',
    path: 'requestParameters.Host',
    reason: 'the 2016 record predates the Host request parameter that S3 records carry since (the 2019 records have `host`, later ones `Host`)',
  },
  {
    entry: 's3-PutObject',
    value: 'requestParameters.Host',
    reason: 'the sanitised bucket name BUCKETNAME is upper case, which the SDK can only address path-style (s3.eu-west-1.amazonaws.com)',
  },
  {
    entry: 's3-PutBucketPolicy',
    path: 'requestParameters.host',
    reason: 'records of 2019 list the Host header as an array `host`; current records write it as the string `Host`',
  },
  { entry: 's3-PutBucketPolicy', path: 'requestParameters.Host', reason: 'as requestParameters.host' },
  {
    entry: 's3-PutBucketPolicy',
    path: 'requestParameters.policy',
    reason: 'records of 2019 write the subresource marker as an array (`policy: [""]`); current records write a string (`versioning: ""` in the 2024 s3-PutBucketVersioning record)',
  },
  {
    entry: 's3-PutBucketAcl',
    path: 'requestParameters.host',
    reason: 'records of 2019 list the Host header as an array `host`; current records write it as the string `Host`',
  },
  { entry: 's3-PutBucketAcl', path: 'requestParameters.Host', reason: 'as requestParameters.host' },
  { entry: 's3-PutBucketAcl', path: 'requestParameters.acl', reason: 'as requestParameters.policy of s3-PutBucketPolicy: the 2019 array form of the subresource marker' },
  {
    entry: 's3-PutBucketAcl',
    path: 'requestParameters.x-amz-acl',
    reason: 'the 2019 record writes request headers as arrays (`x-amz-acl: ["private"]`); no current record in the corpus shows the form they take today',
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
 * The envelope fields whose absence from a published record is held against localtrail (which then must not write
 * them either), each with the eventVersion from which it counts. A record without errorCode succeeded, whatever its
 * age. Resources and apiVersion are absent from real records of many operations; records older than 1.08 are often
 * abbreviated (the 1.04 UpdateTrail and 1.05 AssumeRole examples carry no readOnly either). A record lacking
 * `readOnly`, `managementEvent`, `eventCategory` or `errorMessage` says nothing: CloudTrail writes the first three on
 * every API call record of their version, and published examples and fixtures drop fields (the 1.08 KMS Decrypt
 * failure example has no managementEvent; the Grimoire-made fixtures have none either). Record contents:
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html.
 */
export const ABSENCE_COMPARED_FROM: Readonly<Record<string, string>> = { errorCode: '1.0', resources: '1.08', apiVersion: '1.08' };

const applies = (d: KnownDifference, entry: string): boolean => d.entry === undefined || d.entry === entry;

/** Top-level fields not compared for this entry. */
export function uncomparedFields(entry: string): ReadonlySet<string> {
  return new Set(KNOWN_DIFFERENCES.flatMap((d) => ('field' in d && applies(d, entry) ? [d.field] : [])));
}

/** Path patterns whose value is not compared for this entry. */
export function volatileValues(entry: string): string[] {
  return KNOWN_DIFFERENCES.flatMap((d) => ('value' in d && applies(d, entry) ? [d.value] : []));
}

/** Path patterns not compared at all for this entry. */
export function ignoredPaths(entry: string): string[] {
  return KNOWN_DIFFERENCES.flatMap((d) => ('path' in d && applies(d, entry) ? [d.path] : []));
}
