// The one sink interface delivery writes through: objects (log files, digests), notifications, event streams, keys.
import type { CloudTrailRecord } from '../vocabulary/record.js';

/**
 * What an object is: a log file or a digest file.
 * @example
 * const sink = callbackSink({ put: (o) => { if (o.kind === 'digest') digests.push(o.key); } });
 */
export type DeliveryObjectKind = 'log' | 'digest';

/**
 * One object to store, as CloudTrail puts it into S3.
 * @example
 * const sink: DeliverySink = { name: 'log', put: async (o: DeliveryObject) => console.log(o.kind, o.bucket, o.key, o.body.byteLength) };
 */
export interface DeliveryObject {
  kind: DeliveryObjectKind;
  bucket: string;
  key: string;
  /** The gzip bytes of the object. */
  body: Uint8Array;
  /** User metadata (`x-amz-meta-*` in S3), e.g. `{ signature, 'signature-algorithm' }` on digests. */
  metadata: Record<string, string>;
  /** The trail's `KmsKeyId`: SSE-KMS with this key; undefined = SSE-S3. */
  kmsKeyId?: string;
  /** The trail the object belongs to. */
  trailArn: string;
}

/**
 * Sent once per delivered object, the analogue of CloudTrail's SNS notification
 * (`{"s3Bucket": "...", "s3ObjectKey": ["..."]}`).
 * @example
 * const sink = callbackSink({ onDelivered: (n: DeliveryNotification) => console.log(n.s3Bucket, n.s3ObjectKey) });
 */
export interface DeliveryNotification {
  kind: DeliveryObjectKind;
  trailArn: string;
  /** The trail's SNS topic, when it has one (CloudTrail publishes only then; sinks decide). */
  snsTopicArn?: string;
  s3Bucket: string;
  s3ObjectKey: string[];
  region: string;
  accountId: string;
  /** Epoch ms of the delivery. */
  deliveredAt: number;
  /** Number of records in a log file (0 for digests). */
  recordCount: number;
}

/**
 * Events of one trail and region, handed over on the event-loop turn after they were routed (not when their log
 * file is cut): the CloudWatch Logs / EventBridge analogue.
 * @example
 * const sink = callbackSink({ onEvents: ({ records }: StreamedEvents) => forward(records) });
 */
export interface StreamedEvents {
  trailArn: string;
  region: string;
  accountId: string;
  records: readonly CloudTrailRecord[];
}

/**
 * A region's public key, handed to sinks that keep keys beside the files (for offline validation).
 * @example
 * const sink = callbackSink({ onPublicKey: (k: PublishedPublicKey) => console.log(k.fingerprint) });
 */
export interface PublishedPublicKey {
  region: string;
  fingerprint: string;
  /** DER-encoded PKCS#1 RSAPublicKey. */
  der: Uint8Array;
  /** The same key as PEM (`-----BEGIN RSA PUBLIC KEY-----`). */
  pem: string;
  validityStartTime: number;
  validityEndTime: number;
}

/**
 * Where delivery writes. Only `put` is required; everything else is an optional hook.
 * `put` may throw, reject or hang: delivery times it out and retries with backoff.
 * @example
 * const sink: DeliverySink = { name: 'mine', put: async (o) => { store.set(`${o.bucket}/${o.key}`, o.body); } };
 */
export interface DeliverySink {
  readonly name: string;
  /** Stores one object. Writing the same key twice must be harmless (retries do it). */
  put(object: DeliveryObject): Promise<void>;
  /** Called once per object this sink stored (SNS analogue). Errors are reported, not retried. */
  notify?(notification: DeliveryNotification): void | Promise<void>;
  /** Called with the records routed to a trail, batched per event-loop turn (CloudWatch Logs / EventBridge analogue). */
  stream?(events: StreamedEvents): void | Promise<void>;
  /** Called when a signing key is created, so the sink can keep the public key with the files. */
  publishPublicKey?(key: PublishedPublicKey): void | Promise<void>;
  /** Releases resources; called once by delivery's `shutdown()`. */
  shutdown?(): Promise<void>;
}
