// `s3://bucket/prefix` arguments of CLI commands: an object source through a real S3Client, loaded only when asked
// for (@aws-sdk/client-s3 is an optional peer). Endpoint and region come from options or the SDK's environment.
import type { ObjectSource } from '../validation/object-source.js';
import { UsageError } from './args.js';

export interface S3Location {
  bucket: string;
  prefix?: string;
}

/** The bucket and prefix of `s3://bucket[/prefix]`, or undefined when `text` is not an S3 URL. */
export function parseS3Location(text: string): S3Location | undefined {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(text);
  if (!m) {
    if (text.startsWith('s3://')) throw new UsageError(`not an s3://bucket[/prefix] URL: ${text}`);
    return undefined;
  }
  return { bucket: m[1]!, ...(m[2] ? { prefix: m[2] } : {}) };
}

export interface S3ClientSettings {
  /** e.g. http://127.0.0.1:4569 for an S3-compatible server; path-style addressing is used then. */
  endpoint?: string;
  region?: string;
}

/** An object source over the location, with an S3Client built from the default credential chain. */
export async function s3LocationSource(location: S3Location, settings: S3ClientSettings): Promise<ObjectSource> {
  let s3: typeof import('@aws-sdk/client-s3');
  let sink: typeof import('../validation/s3-source.js');
  try {
    s3 = await import('@aws-sdk/client-s3');
    sink = await import('../validation/s3-source.js');
  } catch (error) {
    throw new Error(`reading s3:// locations needs @aws-sdk/client-s3 (npm install @aws-sdk/client-s3): ${error instanceof Error ? error.message : String(error)}`);
  }
  const client = new s3.S3Client({
    region: settings.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1',
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
  });
  return sink.s3Source(client, location.bucket, location.prefix);
}
