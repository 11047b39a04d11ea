// The records and integrity of a delivered-trail folder, for `serve` and `report`: the one place that reads them.
import { existsSync, statSync } from 'node:fs';
import { parseLogFileKey } from '../vocabulary/object-keys.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { folderSource } from '../validation/object-source.js';
import { gunzipAndHash, parseJson } from '../validation/read-gzip-json.js';
import { validateLogs } from '../validation/validate-logs.js';
import type { TrailRecordSource } from '../server/record-source.js';
import { UsageError } from './args.js';

/** Log files under `folder` (a FilesystemSink root or one bucket folder); unreadable ones are left to the verdict. */
export function deliveredRecords(folder: string): TrailRecordSource {
  if (/^s3:\/\//.test(folder)) throw new UsageError(`reading s3:// sources is not available yet; download the objects (aws s3 sync) and pass the folder`);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`not a folder: ${folder}`);
  const objects = folderSource(folder);
  return {
    description: objects.description,
    async *records(): AsyncIterable<CloudTrailRecord> {
      for (const location of await objects.list()) {
        // Log files, and Insights files (CloudTrail-Insight folder, outside the digests).
        if (!parseLogFileKey(location.key) && !location.key.includes('/CloudTrail-Insight/')) continue;
        const object = await objects.get(location);
        const bytes = object ? await gunzipAndHash(object.body) : undefined;
        const parsed = bytes?.ok ? parseJson(bytes.bytes) : undefined;
        const value = parsed?.ok ? parsed.value : undefined;
        const list = value !== null && typeof value === 'object' ? (value as { Records?: unknown }).Records : undefined;
        if (Array.isArray(list)) yield* list as CloudTrailRecord[];
      }
    },
    integrity: () => validateLogs({ source: objects }),
  };
}
