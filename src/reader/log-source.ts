// Where the reader finds log files: a listing of keys and the bytes of one key. Folder and S3 implementations.

/**
 * One listed object.
 * @example
 * for await (const { key, size } of source.list()) console.log(key, size);
 */
export interface ListedObject {
  key: string;
  /** Size in bytes, when the listing knows it (a file that changed size is read again in follow mode). */
  size?: number;
}

/**
 * Read access to a trail's delivered objects, as the reader needs it.
 * @example
 * for await (const record of readTrail(folderLogSource('./.localtrail'))) console.log(record.eventName);
 */
export interface LogSource {
  /** A description for messages: the folder, or `s3://bucket/prefix`. */
  readonly description: string;
  /** How often follow mode lists again when not told. */
  readonly pollIntervalMs: number;
  /** Every object under the source, in any order. Throws {@link ReaderError} when the source itself is unusable. */
  list(): AsyncIterable<ListedObject>;
  /** The bytes of one listed object. May throw; the reader reports the file as skipped. */
  read(key: string): Promise<Uint8Array>;
}

/**
 * Why a read could not start: no such folder or bucket, unreadable, no @aws-sdk/client-s3, or a bad filter.
 * @example
 * if (error instanceof ReaderError && error.code === 'SOURCE_NOT_FOUND') console.error('no trail there yet');
 */
export type ReaderErrorCode = 'SOURCE_NOT_FOUND' | 'SOURCE_UNREADABLE' | 'S3_CLIENT_MISSING' | 'INVALID_FILTER';

/**
 * A source that cannot be read at all (a missing folder, a bucket that cannot be listed, no S3 client package) or a
 * filter that makes no sense. Unreadable single files are not errors: they are skipped and reported.
 * @example
 * try { for await (const r of readTrail('./nope')) {} } catch (e) { if (e instanceof ReaderError && e.code === 'SOURCE_NOT_FOUND') … }
 */
export class ReaderError extends Error {
  override readonly name = 'ReaderError';
  constructor(
    readonly code: ReaderErrorCode,
    message: string,
  ) {
    super(message);
  }
}
