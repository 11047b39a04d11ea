// What the validator reads: a listing of objects, each object's bytes and metadata, and the public keys.
// Implementations: a folder written by FilesystemSink, and a MemorySink.
import { createPublicKey } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { MemorySink } from '../delivery/sinks/memory-sink.js';
import { METADATA_SUFFIX, objectPath, PUBLIC_KEYS_FOLDER } from '../vocabulary/folder-layout.js';

/**
 * Where an object is: bucket and key.
 * @example
 * const { bucket, key }: ObjectLocation = report.logFiles[0]!;
 */
export interface ObjectLocation {
  bucket: string;
  key: string;
}

/**
 * An object an {@link ObjectSource} read: its bytes and user metadata.
 * @example
 * const source: ObjectSource = { description: 'mine', list: async () => [], get: async (): Promise<FetchedObject | undefined> => undefined, publicKeys: async () => [] };
 */
export interface FetchedObject {
  body: Uint8Array;
  /** User metadata; `undefined` when the metadata itself could not be read. */
  metadata: Record<string, string> | undefined;
  /** Set (by the validator) when reading failed for another reason than absence. */
  readError?: string;
}

/**
 * A public key the validator trusts.
 * @example
 * const publicKeys = (await trail.listPublicKeys()).PublicKeyList!.map((k) => ({ value: k.Value! }));
 * await validateLogs({ source, publicKeys });
 */
export interface ValidationPublicKey {
  /** DER PKCS#1 RSAPublicKey, as ListPublicKeys returns it. */
  value: Uint8Array;
  /** Region the key signs for; undefined = any region. */
  region?: string;
}

/**
 * Read access to delivered objects.
 * @example
 * const report = await validateLogs({ source: folderSource('./.localtrail') });
 */
export interface ObjectSource {
  /** A description for report headers, e.g. the folder. */
  readonly description: string;
  list(): Promise<ObjectLocation[]>;
  /** The object, or undefined when it does not exist. */
  get(location: ObjectLocation): Promise<FetchedObject | undefined>;
  /** Keys stored with the objects (offline validation); the caller may supply trusted keys instead. */
  publicKeys(): Promise<ValidationPublicKey[]>;
}

/**
 * Objects in a folder written by {@link FilesystemSink}: the root holding bucket folders, or one bucket folder.
 * Trusts the public keys stored in the folder (`_localtrail-public-keys/`); pass `publicKeys` to validateLogs to
 * trust only keys you hold.
 * @example
 * const report = await validateLogs({ source: folderSource('./.localtrail') });
 */
export function folderSource(folder: string): ObjectSource {
  const path = resolve(folder);
  // A bucket folder holds AWSLogs directly; the root holds bucket folders.
  const isBucket = existsSync(join(path, 'AWSLogs'));
  const root = isBucket ? dirname(path) : path;
  const onlyBucket = isBucket ? basename(path) : undefined;
  return {
    description: path,
    async list() {
      const out: ObjectLocation[] = [];
      const buckets = onlyBucket ? [onlyBucket] : (await readdirSafe(root)).filter((b) => !b.startsWith('_') && !b.startsWith('.'));
      for (const bucket of buckets) {
        for (const key of await walk(join(root, bucket), '')) out.push({ bucket, key });
      }
      return out;
    },
    async get({ bucket, key }) {
      const file = objectPath(root, bucket, key);
      if (file === undefined) return undefined;
      let body: Uint8Array;
      try {
        body = await fs.readFile(file);
      } catch {
        return undefined;
      }
      let metadata: Record<string, string> | undefined = {};
      try {
        metadata = JSON.parse(await fs.readFile(file + METADATA_SUFFIX, 'utf8')) as Record<string, string>;
        if (typeof metadata !== 'object' || metadata === null) metadata = undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') metadata = undefined;
      }
      return { body, metadata };
    },
    async publicKeys() {
      const keys: ValidationPublicKey[] = [];
      for (const base of new Set([root, path])) {
        const dir = join(base, PUBLIC_KEYS_FOLDER);
        for (const region of await readdirSafe(dir)) {
          for (const file of await readdirSafe(join(dir, region))) {
            if (!file.endsWith('.pem')) continue;
            try {
              const pem = await fs.readFile(join(dir, region, file), 'utf8');
              const value = new Uint8Array(createPublicKey(pem).export({ type: 'pkcs1', format: 'der' }));
              keys.push({ value, region });
            } catch {
              // An unreadable key file simply is not trusted; digests signed with it fail as "public key not found".
            }
          }
        }
      }
      return keys;
    },
  };
}

/**
 * Objects of a {@link MemorySink}.
 * @example
 * const report = await validateLogs({ source: memorySource(sink), expectedChainEnds: trail.delivery.chainEndsDelivered() });
 */
export function memorySource(sink: MemorySink): ObjectSource {
  return {
    description: `memory sink "${sink.name}"`,
    async list() {
      return [...sink.objects.keys()].map((id) => {
        const slash = id.indexOf('/');
        return { bucket: id.slice(0, slash), key: id.slice(slash + 1) };
      });
    },
    async get({ bucket, key }) {
      const o = sink.get(bucket, key);
      return o ? { body: o.body, metadata: o.metadata } : undefined;
    },
    async publicKeys() {
      return sink.publicKeys.map((k) => ({ value: k.der, region: k.region }));
    },
  };
}

async function readdirSafe(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).sort();
  } catch {
    return [];
  }
}

async function walk(dir: string, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    // Temp files of interrupted writes (".<hex>.tmp") and metadata sidecars are not objects.
    if (entry.name.startsWith('.') || entry.name.endsWith(METADATA_SUFFIX)) continue;
    const key = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(join(dir, entry.name), key)));
    else if (entry.isFile()) out.push(key);
  }
  return out;
}
