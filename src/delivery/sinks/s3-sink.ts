// A sink that writes through a real S3Client (PutObject with metadata and CloudTrail's server-side encryption),
// with recording suppressed so a trail never records its own delivery. Subpath export `localtrail/sinks/s3`.
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { runWithoutRecording } from '../../recorder/call-context.js';
import type { FetchedObject, ObjectSource, ValidationPublicKey } from '../../validation/object-source.js';
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

/**
 * Reads delivered objects back from S3 for `validateLogs`. Pass trusted keys (e.g. `trail.delivery.listPublicKeys`)
 * as `publicKeys`: S3 holds no keys.
 * @example
 * const report = await validateLogs({ source: s3Source(client, 'audit-logs'), publicKeys });
 */
export function s3Source(client: S3Client, bucket: string, prefix?: string): ObjectSource {
  const quiet = <T>(fn: () => Promise<T>): Promise<T> => runWithoutRecording(fn);
  return {
    description: `s3://${bucket}/${prefix ?? ''}`,
    async list() {
      const out: Array<{ bucket: string; key: string }> = [];
      let token: string | undefined;
      do {
        const page = await quiet(() => client.send(new ListObjectsV2Command({ Bucket: bucket, ...(prefix ? { Prefix: prefix } : {}), ...(token ? { ContinuationToken: token } : {}) })));
        for (const o of page.Contents ?? []) if (o.Key) out.push({ bucket, key: o.Key });
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out;
    },
    async get(location): Promise<FetchedObject | undefined> {
      try {
        const res = await quiet(() => client.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key })));
        const body = res.Body ? await res.Body.transformToByteArray() : new Uint8Array();
        return { body, metadata: res.Metadata ?? {} };
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchBucket') return undefined;
        throw error;
      }
    },
    async publicKeys(): Promise<ValidationPublicKey[]> {
      return [];
    },
  };
}
