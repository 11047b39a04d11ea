// How a folder mirrors S3, written by FilesystemSink and read by folderSource: `<root>/<bucket>/<key>`, each object's
// user metadata beside it, and the public keys in a folder no bucket can be named.
import { resolve, sep } from 'node:path';

/** Folder (under the root) holding the public keys per region; `_` cannot start a bucket name, so it never collides. */
export const PUBLIC_KEYS_FOLDER = '_localtrail-public-keys';

/** An object's S3 user metadata is kept beside it as `<key>.metadata.json`. */
export const METADATA_SUFFIX = '.metadata.json';

/**
 * The absolute path of `bucket/key` under `root`, or undefined when the bucket or key would lead outside it.
 * @example
 * objectPath('/tmp/trail', 'logs', 'AWSLogs/111122223333/CloudTrail/…json.gz') // '/tmp/trail/logs/AWSLogs/…json.gz'
 */
export function objectPath(root: string, bucket: string, key: string): string | undefined {
  const base = resolve(root);
  const path = resolve(base, bucket, ...key.split('/'));
  return path.startsWith(base + sep) ? path : undefined;
}
