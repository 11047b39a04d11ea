// A sink that writes through a real S3Client (PutObject with metadata and CloudTrail's server-side encryption),
// with recording suppressed so a trail never records its own delivery. Exported by `localtrail/sinks/s3` (src/s3.ts).
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { runWithoutRecording } from '../../recorder/call-context.js';
import type { DeliveryObject, DeliverySink } from '../sink.js';

export interface S3SinkOptions {
  /** The client to write with (its region, endpoint and credentials decide where objects go). */
  client: S3Client;
  /** Maps a trail's bucket to the bucket actually written (e.g. a test bucket). Default: the same name. */
  bucketFor?: (trailBucket: string) => string;
  /** Send `x-amz-acl: bucket-owner-full-control`, as CloudTrail does. Default true. */
  bucketOwnerFullControl?: boolean;
  name?: string;
}

/**
 * Delivers log files and digests to S3: SSE-S3 (`AES256`) by default, SSE-KMS with the trail's `KmsKeyId`.
 * @example
 * import { S3Sink } from 'localtrail/sinks/s3';
 * const trail = createLocalTrail({ delivery: { sinks: [new S3Sink({ client: new S3Client({}) })] } });
 */
export class S3Sink implements DeliverySink {
  readonly name: string;
  private readonly client: S3Client;
  private readonly bucketFor: (bucket: string) => string;
  private readonly acl: boolean;

  constructor(options: S3SinkOptions) {
    this.client = options.client;
    this.bucketFor = options.bucketFor ?? ((b) => b);
    this.acl = options.bucketOwnerFullControl ?? true;
    this.name = options.name ?? 's3';
  }

  async put(object: DeliveryObject): Promise<void> {
    const command = new PutObjectCommand({
      Bucket: this.bucketFor(object.bucket),
      Key: object.key,
      Body: object.body,
      ContentLength: object.body.length,
      Metadata: object.metadata,
      ...(object.kmsKeyId ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: object.kmsKeyId } : { ServerSideEncryption: 'AES256' }),
      ...(this.acl ? { ACL: 'bucket-owner-full-control' } : {}),
    });
    // The S3 client may carry a LocalTrail plugin: its own uploads must not become records (no loops).
    await runWithoutRecording(() => this.client.send(command));
  }
}
