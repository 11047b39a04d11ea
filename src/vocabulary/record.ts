// The CloudTrail record shapes localtrail emits (fields, names and order per cloudtrail-facts §1).

/**
 * A `resources[]` item. Note the capitalised `ARN`, as CloudTrail writes it.
 * @example
 * const arns = trail.events().flatMap((r) => r.resources ?? []).map((r: CloudTrailResource) => r.ARN ?? r.ARNPrefix);
 */
export interface CloudTrailResource {
  ARN?: string;
  /** Bucket-scoped S3 object calls (ListObjects, DeleteObjects) name a prefix instead of one object. */
  ARNPrefix?: string;
  accountId?: string;
  type: string;
}

/**
 * The role a session was issued for (`userIdentity.sessionContext.sessionIssuer`).
 * @example
 * const roleName = record.userIdentity.sessionContext?.sessionIssuer?.userName;
 */
export interface SessionIssuer {
  type: 'Role' | 'IAMUser' | 'Root';
  principalId: string;
  arn: string;
  accountId: string;
  userName: string;
}

/**
 * `userIdentity.sessionContext` of a role session: the issuer and the session's attributes.
 * @example
 * const mfa = record.userIdentity.sessionContext?.attributes?.mfaAuthenticated; // 'false'
 */
export interface SessionContext {
  sessionIssuer?: SessionIssuer;
  attributes: { creationDate: string; mfaAuthenticated: 'true' | 'false' };
  sourceIdentity?: string;
}

/**
 * `userIdentity.type`: the kind of principal that made the call.
 * @example
 * const roleCalls = trail.events().filter((r) => r.userIdentity.type === 'AssumedRole');
 */
export type UserIdentityType =
  | 'IAMUser'
  | 'AssumedRole'
  | 'Root'
  | 'FederatedUser'
  | 'AWSAccount'
  | 'AWSService'
  | 'SAMLUser'
  | 'WebIdentityUser'
  | 'Unknown';

/**
 * `userIdentity` of a record: who called, from the credentials the SDK resolved for that call (never a secret).
 * @example
 * expect(trail).toHaveRecorded({ userIdentity: { type: 'IAMUser', userName: 'alice' } });
 */
export interface UserIdentity {
  type?: UserIdentityType;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  sessionContext?: SessionContext;
  invokedBy?: string;
  identityProvider?: string;
}

/**
 * `eventCategory` of a record.
 * @example
 * const dataEvents = trail.events().filter((r) => r.eventCategory === 'Data');
 */
export type EventCategory = 'Management' | 'Data' | 'Insight' | 'NetworkActivity';
/**
 * `eventType` of a record; localtrail writes `AwsApiCall` (and `AwsCloudTrailInsight` for Insights events).
 * @example
 * trail.events().every((r) => r.eventType === 'AwsApiCall'); // SDK calls
 */
export type EventType = 'AwsApiCall' | 'AwsServiceEvent' | 'AwsConsoleAction' | 'AwsConsoleSignIn' | 'AwsCloudTrailInsight';

/**
 * JSON values as they appear in `requestParameters` / `responseElements`.
 * @example
 * const bucket: JsonValue | undefined = record.requestParameters?.['bucketName'];
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/**
 * A JSON object, as `requestParameters`, `responseElements` and `additionalEventData` are.
 * @example
 * const params: JsonObject | null = record.requestParameters;
 */
export type JsonObject = { [key: string]: JsonValue };

/**
 * One CloudTrail event record, a plain JSON-serialisable object. Optional members are omitted (not `undefined`)
 * when absent, so `JSON.stringify` output matches CloudTrail's field set.
 * @example
 * const [record]: CloudTrailRecord[] = trail.events();
 * console.log(record.eventSource, record.eventName, record.userIdentity.arn);
 */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity?: UserIdentity;
  eventTime: string;
  eventSource?: string;
  eventName?: string;
  awsRegion: string;
  sourceIPAddress?: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters?: JsonObject | null;
  responseElements?: JsonObject | null;
  additionalEventData?: JsonObject;
  requestID?: string;
  eventID: string;
  readOnly?: boolean;
  resources?: CloudTrailResource[];
  eventType: EventType;
  apiVersion?: string;
  managementEvent?: boolean;
  recipientAccountId: string;
  sharedEventID?: string;
  vpcEndpointId?: string;
  serviceEventDetails?: JsonObject;
  eventCategory: EventCategory;
  insightDetails?: JsonObject;
  tlsDetails?: { tlsVersion?: string; cipherSuite?: string; clientProvidedHostHeader?: string };
}

/**
 * The event version every record localtrail writes carries (CloudTrail record contents, `eventVersion`).
 * @example
 * trail.events().every((r) => r.eventVersion === EVENT_VERSION); // true
 */
export const EVENT_VERSION = '1.11';
