// The one place that finds delivered log files for `localtrail query`: a folder written by FilesystemSink (read where
// they lie) or an S3 location (each object copied into a temporary folder), through the validator's object sources.
import { existsSync, promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseLogFileKey } from '../vocabulary/object-keys.js';
import type { ObjectSource } from '../validation/object-source.js';
import { folderSource } from '../validation/object-source.js';

/** Paths of `.json.gz` log files DuckDB can read; `cleanup()` removes copies made for the query. */
export interface LocalLogFiles {
  paths: string[];
  cleanup(): Promise<void>;
}

function isLogFile(key: string): boolean {
  return parseLogFileKey(key) !== undefined;
}

/** Log files under a FilesystemSink root (or one bucket folder in it); digests and metadata files are left out. */
export async function logFilesInFolder(folder: string): Promise<LocalLogFiles> {
  const path = resolve(folder);
  const root = existsSync(join(path, 'AWSLogs')) ? dirname(path) : path;
  const listing = await folderSource(folder).list();
  const paths = listing.filter((o) => isLogFile(o.key)).map((o) => join(root, o.bucket, ...o.key.split('/')));
  return { paths, cleanup: async () => {} };
}

/** Log files of an object source (S3), copied into `tempFolder`, `concurrency` downloads at a time. */
export async function logFilesFromSource(source: ObjectSource, tempFolder: string, concurrency = 8): Promise<LocalLogFiles> {
  const listing = (await source.list()).filter((o) => isLogFile(o.key));
  const paths: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < listing.length) {
      const i = next++;
      const object = await source.get(listing[i]!);
      if (!object) continue; // deleted between listing and reading
      const file = join(tempFolder, `${i}.json.gz`);
      await fs.writeFile(file, object.body);
      paths.push(file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, listing.length) }, worker));
  return { paths: paths.sort(), cleanup: () => fs.rm(tempFolder, { recursive: true, force: true }) };
}
