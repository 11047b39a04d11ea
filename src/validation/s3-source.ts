// Reads delivered objects back from an S3 bucket for validateLogs, with recording suppressed (the client may carry a
// LocalTrail plugin). Exported by `localtrail/sinks/s3` (src/s3.ts), beside the sink that writes them.
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { runWithoutRecording } from '../recorder/call-context.js';
import type { FetchedObject, ObjectSource, ValidationPublicKey } from './object-source.js';

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
