// The CloudTrail record shapes localtrail emits (fields, names and order per cloudtrail-facts §1).

/** A `resources[]` item. Note the capitalised `ARN`, as CloudTrail writes it. */
export interface CloudTrailResource {
  ARN?: string;
  /** Bucket-scoped S3 object calls (ListObjects, DeleteObjects) name a prefix instead of one object. */
  ARNPrefix?: string;
  accountId?: string;
  type: string;
}

export interface SessionIssuer {
  type: 'Role' | 'IAMUser' | 'Root';
  principalId: string;
  arn: string;
  accountId: string;
  userName: string;
}

export interface SessionContext {
  sessionIssuer?: SessionIssuer;
  attributes: { creationDate: string; mfaAuthenticated: 'true' | 'false' };
  sourceIdentity?: string;
}

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

export type EventCategory = 'Management' | 'Data' | 'Insight' | 'NetworkActivity';
export type EventType = 'AwsApiCall' | 'AwsServiceEvent' | 'AwsConsoleAction' | 'AwsConsoleSignIn' | 'AwsCloudTrailInsight';

/** JSON values as they appear in `requestParameters` / `responseElements`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * One CloudTrail event record, a plain JSON-serialisable object. Optional members are omitted (not `undefined`)
 * when absent, so `JSON.stringify` output matches CloudTrail's field set.
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

/** The event version every record localtrail writes carries (cloudtrail-facts §1.1). */
export const EVENT_VERSION = '1.11';
