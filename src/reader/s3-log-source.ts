// An S3 bucket (and key prefix) as a LogSource, through a real S3Client. @aws-sdk/client-s3 is an optional peer
// dependency: it is loaded on first use, with a clear error when it is not installed.
import { runWithoutRecording } from '../recorder/call-context.js';
import type { ListedObject, LogSource } from './log-source.js';
import { ReaderError } from './log-source.js';

/**
 * The part of an `S3Client` the reader uses. Pass your own client (its region, credentials and endpoint decide
 * where it reads); the reader sends only `ListObjectsV2` and `GetObject`, never recorded by a LocalTrail plugin.
 * @example
 * s3LogSource({ bucket: 'audit-logs', client: new S3Client({ region: 'eu-west-1' }) });
 */
export interface S3ClientLike {
  send(command: object): Promise<unknown>;
}

/**
 * Where in S3 the log files are, and the client that reads them.
 * @example
 * const options: S3LogSourceOptions = { bucket: 'audit-logs', prefix: 'AWSLogs/111122223333/', client: new S3Client({}) };
 */
export interface S3LogSourceOptions {
  bucket: string;
  /** Key prefix, e.g. `AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/`. */
  prefix?: string;
  /** Default: a new `S3Client` with the default credential chain that follows bucket region redirects. */
  client?: S3ClientLike;
  /** Used only when no `client` is given: an S3-compatible endpoint (path-style addressing). */
  endpoint?: string;
}

type S3Module = typeof import('@aws-sdk/client-s3');

let loaded: Promise<S3Module> | undefined;

/** Loads @aws-sdk/client-s3 once; a missing package becomes a one-line ReaderError. */
function loadS3(): Promise<S3Module> {
  loaded ??= import('@aws-sdk/client-s3').catch((error: unknown) => {
    loaded = undefined;
    // Loaders and test runners may wrap the resolution error: look down the cause chain too.
    let cause: unknown = error;
    let missing = false;
    for (let depth = 0; cause && depth < 5 && !missing; depth++, cause = (cause as { cause?: unknown }).cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    }
    if (missing) {
      throw new ReaderError('S3_CLIENT_MISSING', 'reading from S3 needs the @aws-sdk/client-s3 package: npm install @aws-sdk/client-s3');
    }
    throw error;
  });
  return loaded;
}

/**
 * The log files under a bucket and prefix, read with your own S3Client (`@aws-sdk/client-s3`, loaded on first use).
 * @example
 * const source = s3LogSource({ bucket: 'audit-logs', prefix: 'AWSLogs/111122223333/', client: new S3Client({}) });
 * for await (const record of readTrail(source, { filter: { errors: true } })) console.log(record.errorCode);
 */
export function s3LogSource(options: S3LogSourceOptions): LogSource {
  const { bucket, prefix } = options;
  let client: S3ClientLike | undefined = options.client;
  const clientOf = async (s3: S3Module): Promise<S3ClientLike> => {
    if (!client) {
      const hasRegion = Boolean(process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION']);
      client = new s3.S3Client({
        followRegionRedirects: true,
        ...(hasRegion ? {} : { region: 'us-east-1' }),
        ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      });
    }
    return client;
  };
  // A client carrying a LocalTrail plugin must not record the reader's own calls.
  const send = <T>(c: S3ClientLike, command: object): Promise<T> => runWithoutRecording(() => c.send(command)) as Promise<T>;
  return {
    description: `s3://${bucket}/${prefix ?? ''}`,
    pollIntervalMs: 10_000,
    async *list(): AsyncGenerator<ListedObject> {
      const s3 = await loadS3();
      const c = await clientOf(s3);
      let token: string | undefined;
      do {
        let page: import('@aws-sdk/client-s3').ListObjectsV2CommandOutput;
        try {
          const input = { Bucket: bucket, ...(prefix ? { Prefix: prefix } : {}), ...(token ? { ContinuationToken: token } : {}) };
          page = await send(c, new s3.ListObjectsV2Command(input));
        } catch (error) {
          const name = (error as { name?: string }).name;
          const code = name === 'NoSuchBucket' ? 'SOURCE_NOT_FOUND' : 'SOURCE_UNREADABLE';
          throw new ReaderError(code, `cannot list s3://${bucket}/${prefix ?? ''}: ${name ?? 'Error'}: ${firstLine(error)}`);
        }
        for (const o of page.Contents ?? []) if (o.Key) yield { key: o.Key, ...(o.Size === undefined ? {} : { size: o.Size }) };
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async read(key) {
      const s3 = await loadS3();
      const c = await clientOf(s3);
      const res = await send<import('@aws-sdk/client-s3').GetObjectCommandOutput>(c, new s3.GetObjectCommand({ Bucket: bucket, Key: key }));
      return res.Body ? res.Body.transformToByteArray() : new Uint8Array();
    },
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
