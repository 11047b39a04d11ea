// A sink that mirrors S3 on disk: <root>/<bucket>/<key>, metadata beside as <key>.metadata.json, atomic writes,
// and the public keys as PEM under <root>/_localtrail-public-keys/<region>/ so the folder validates offline.
import { randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { METADATA_SUFFIX, objectPath, PUBLIC_KEYS_FOLDER } from '../../vocabulary/folder-layout.js';
import type { DeliveryObject, DeliverySink, PublishedPublicKey } from '../sink.js';

/**
 * The file operations the sink uses; replaceable to test crash safety.
 * @example
 * import { promises as fs } from 'node:fs';
 * new FilesystemSink({ root: './.localtrail', fs: { mkdir: fs.mkdir, writeFile: fs.writeFile, rename: fs.rename, rm: fs.rm } });
 */
export interface SinkFileSystem {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

/**
 * Options of {@link FilesystemSink}.
 * @example
 * new FilesystemSink({ root: './.localtrail', name: 'local-folder' });
 */
export interface FilesystemSinkOptions {
  /** Root folder; each bucket is a folder in it. */
  root: string;
  name?: string;
  /** Defaults to `node:fs/promises`. */
  fs?: SinkFileSystem;
}

/**
 * Writes objects into a folder in S3's key layout (`<root>/<bucket>/<key>`), atomically, with metadata beside each object and public keys as PEM, for `localtrail validate`.
 * @example
 * const sink = new FilesystemSink({ root: './.localtrail' });
 * // ./.localtrail/my-bucket/AWSLogs/123456789012/CloudTrail/us-east-1/2026/01/01/…json.gz
 */
export class FilesystemSink implements DeliverySink {
  readonly name: string;
  readonly root: string;
  private readonly fs: SinkFileSystem;

  constructor(options: FilesystemSinkOptions) {
    this.root = resolve(options.root);
    this.name = options.name ?? `filesystem:${options.root}`;
    this.fs = options.fs ?? nodeFs;
  }

  /** Absolute path of an object. */
  pathOf(bucket: string, key: string): string {
    const path = objectPath(this.root, bucket, key);
    if (path === undefined) throw new Error(`localtrail: refusing to write outside ${this.root}: ${bucket}/${key}`);
    return path;
  }

  async put(object: DeliveryObject): Promise<void> {
    const path = this.pathOf(object.bucket, object.key);
    await this.fs.mkdir(dirname(path), { recursive: true });
    // Metadata first: an object never exists without its metadata; a crash leaves at worst a stray metadata file.
    if (Object.keys(object.metadata).length > 0) {
      await this.writeAtomic(path + METADATA_SUFFIX, JSON.stringify(object.metadata));
    }
    await this.writeAtomic(path, object.body);
  }

  async publishPublicKey(key: PublishedPublicKey): Promise<void> {
    const dir = join(this.root, PUBLIC_KEYS_FOLDER, key.region);
    await this.fs.mkdir(dir, { recursive: true });
    await this.writeAtomic(join(dir, `${key.fingerprint}.pem`), key.pem);
    await this.writeAtomic(
      join(dir, `${key.fingerprint}.json`),
      JSON.stringify({ region: key.region, fingerprint: key.fingerprint, validityStartTime: new Date(key.validityStartTime).toISOString(), validityEndTime: new Date(key.validityEndTime).toISOString() }),
    );
  }

  private async writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
    const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await this.fs.writeFile(temp, data);
      await this.fs.rename(temp, path);
    } catch (error) {
      await this.fs.rm(temp, { force: true }).catch(() => {});
      throw error;
    }
  }
}
