// A folder in the S3 key layout as a LogSource: a FilesystemSink root, a bucket folder, any folder below one
// (e.g. `aws s3 sync` of real CloudTrail logs), or a single log file.
import { promises as fs } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { ListedObject, LogSource } from './log-source.js';
import { ReaderError } from './log-source.js';

/** Folders that never hold log files: digests, and the public keys a FilesystemSink writes beside the buckets. */
const SKIPPED_FOLDERS = new Set(['CloudTrail-Digest', '_localtrail-public-keys']);
const METADATA_SUFFIX = '.metadata.json';

/**
 * The log files under a folder a FilesystemSink (or `aws s3 sync` of a trail bucket) wrote, read from disk.
 * @example
 * const source = folderLogSource('./.localtrail');
 * for await (const record of readTrail(source, { filter: { eventName: 'PutObject' } })) console.log(record.eventTime);
 */
export function folderLogSource(path: string): LogSource {
  const root = resolve(path);
  const description = path;
  // Set by list(): a single file is its own only object.
  let single = false;
  const stat = async () => {
    try {
      return await fs.stat(root);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReaderError('SOURCE_NOT_FOUND', `no such folder: ${path}`);
      throw new ReaderError('SOURCE_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`);
    }
  };
  return {
    description,
    pollIntervalMs: 1000,
    async *list() {
      const info = await stat();
      single = info.isFile();
      if (single) {
        yield { key: basename(root), size: info.size };
        return;
      }
      if (!info.isDirectory()) throw new ReaderError('SOURCE_NOT_FOUND', `not a folder: ${path}`);
      yield* walk(root, root);
    },
    async read(key) {
      const file = single ? root : resolve(root, ...key.split('/'));
      if (file !== root && !file.startsWith(root + sep)) throw new Error(`outside ${path}: ${key}`);
      return fs.readFile(file);
    },
  };
}

async function* walk(root: string, dir: string): AsyncGenerator<ListedObject> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The root itself was checked; a subfolder that vanished or cannot be opened holds nothing we can read.
    if (dir === root) throw new ReaderError('SOURCE_UNREADABLE', `cannot list ${dir}: ${(error as Error).message}`);
    return;
  }
  for (const entry of entries) {
    // Temp files of interrupted writes (".<hex>.tmp") and metadata sidecars are not objects.
    if (entry.name.startsWith('.') || entry.name.endsWith(METADATA_SUFFIX)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walk(root, path);
    } else if (entry.isFile() && entry.name.endsWith('.gz')) {
      let size: number | undefined;
      try {
        size = (await fs.stat(path)).size;
      } catch {
        size = undefined;
      }
      yield { key: relative(root, path).split(sep).join('/'), ...(size === undefined ? {} : { size }) };
    }
  }
}
