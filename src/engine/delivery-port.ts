// The contract between the trail engine (which decides who gets an event) and delivery (which writes it somewhere).
// The engine calls these; it never sees sinks, files or keys.
import type { CloudTrailRecord } from '../vocabulary/record.js';

/**
 * What delivery needs to know of a trail; the engine passes a fresh snapshot with every call.
 * @example
 * const port: DeliveryPort = trail.delivery; // hands DeliveryTrail snapshots to delivery
 */
export interface DeliveryTrail {
  name: string;
  /** `arn:aws:cloudtrail:<homeRegion>:<acct>:trail/<name>`; the stable identity of the trail across updates. */
  arn: string;
  homeRegion: string;
  /** The account that owns the trail (the management account for an organization trail). */
  accountId: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  snsTopicArn?: string;
  kmsKeyId?: string;
  /** Where CloudWatch Logs destinations send the trail's events. */
  cloudWatchLogsLogGroupArn?: string;
  isMultiRegionTrail: boolean;
  isOrganizationTrail: boolean;
  /** `o-xxxxxxxxxx` for organization trails: inserted into every key as `AWSLogs/<o-id>/<acct>/…`. */
  organizationId?: string;
  logFileValidationEnabled: boolean;
}

/**
 * Where one routed event goes: a trail, the region folder (the event's region) and the account folder.
 * @example
 * trail.delivery.enqueue({ trail: deliveryTrail, region: 'eu-west-1', accountId: '111122223333' }, record);
 */
export interface DeliveryRoute {
  trail: DeliveryTrail;
  /** Region the event happened in (`awsRegion`), which is the log file's region folder. */
  region: string;
  /** Account folder: `recipientAccountId` of the event (a member account under an organization trail). */
  accountId: string;
}

/**
 * Delivery status of a trail as GetTrailStatus reports it (epoch ms times; undefined = never).
 * @example
 * const { latestDeliveryTime } = trail.delivery.status(trailArn);
 */
export interface DeliveryStatus {
  latestDeliveryTime?: number;
  latestDeliveryError?: string;
  latestDigestDeliveryTime?: number;
  latestDigestDeliveryError?: string;
  latestNotificationTime?: number;
  latestNotificationError?: string;
  latestCloudWatchLogsDeliveryTime?: number;
  latestCloudWatchLogsDeliveryError?: string;
}

/**
 * A public key as ListPublicKeys returns it.
 * @example
 * const keys: DeliveryPublicKey[] = trail.delivery.listPublicKeys('us-east-1', 0, Date.now());
 */
export interface DeliveryPublicKey {
  /** DER-encoded PKCS#1 RSAPublicKey. */
  value: Uint8Array;
  validityStartTime: number;
  validityEndTime: number;
  /** Lowercase hex MD5 of `value`. */
  fingerprint: string;
}

/**
 * Implemented by delivery, called by the engine. Every method is synchronous and must not throw: delivery queues
 * the work and reports failures through its own status and the LocalTrail's onError.
 * @example
 * const port: DeliveryPort = trail.delivery;
 */
export interface DeliveryPort {
  /** Queue a record for a trail's log file in a region. Called on the hot path: O(1), no I/O. */
  enqueue(route: DeliveryRoute, record: CloudTrailRecord): void;
  /** A trail started logging (StartLogging): a digest chain starts fresh if validation is on. */
  loggingStarted(trail: DeliveryTrail, at: number): void;
  /** A trail stopped logging or was deleted: deliver what is queued for it and close its digest chains (final digest). */
  loggingStopped(trail: DeliveryTrail, at: number): void;
  /** A trail's settings changed while it exists (bucket, prefix, validation on/off …). */
  trailUpdated(before: DeliveryTrail, after: DeliveryTrail, at: number): void;
  status(trailArn: string): DeliveryStatus;
  /** Keys valid at any time in [start, end] for the region, newest first. */
  listPublicKeys(region: string, start: number, end: number): DeliveryPublicKey[];
}
