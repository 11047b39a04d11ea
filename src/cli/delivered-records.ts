// The records and integrity of a delivered trail (a folder, a log file, or s3://bucket/prefix), for `serve` and
// `report`: records through readTrail, the same reader as `localtrail lookup`; the verdict through validateLogs.
import { statSync } from 'node:fs';
import type { SkippedLogFile } from '../reader/read-trail.js';
import { readTrail } from '../reader/read-trail.js';
import type { TrailRecordSource } from '../server/record-source.js';
import type { ValidationPublicKey } from '../validation/object-source.js';
import { folderSource } from '../validation/object-source.js';
import type { ValidationReport } from '../validation/validate-logs.js';
import { validateLogs } from '../validation/validate-logs.js';
import type { ParsedArgs } from './args.js';
import { lastValue } from './args.js';
import type { CliIo } from './io.js';
import { publicKeysArg } from './public-key-arg.js';
import { sourceArg } from './read-source.js';
import { parseS3Location, s3LocationSource } from './s3-location.js';

export interface DeliveredRecordsOptions {
  /** For s3:// locations: an S3-compatible endpoint (path-style addressing). */
  endpoint?: string;
  /**
   * Trusted public keys. A folder holds its own (what FilesystemSink stored); a bucket holds none, so an s3://
   * location is validated only when keys are given, and is reported as not validated otherwise.
   */
  publicKeys?: ValidationPublicKey[];
  /** Called for each log file that could not be read (the read goes on without it). */
  onSkip?: (file: SkippedLogFile) => void;
}

/** Every record under `location` (log and Insights files; digests are ignored), and the verdict of its files. */
export function deliveredRecords(location: string, options: DeliveredRecordsOptions = {}): TrailRecordSource {
  const s3 = parseS3Location(location);
  const keys = options.publicKeys !== undefined && options.publicKeys.length > 0 ? { publicKeys: options.publicKeys } : {};
  let integrity: (() => Promise<ValidationReport>) | undefined;
  if (s3) {
    const settings = options.endpoint ? { endpoint: options.endpoint } : {};
    if ('publicKeys' in keys) integrity = async () => validateLogs({ source: await s3LocationSource(s3, settings), ...keys });
  } else if (statSync(location, { throwIfNoEntry: false })?.isDirectory()) {
    integrity = () => validateLogs({ source: folderSource(location), ...keys });
  }
  const reader = readTrail(location, {
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.onSkip ? { onSkip: options.onSkip } : {}),
  });
  return { description: location, records: () => reader, ...(integrity ? { integrity } : {}) };
}

/** The options `serve` and `report` add to read a delivered trail. */
export const DELIVERED_VALUES = ['endpoint-url', 'public-key'];

export const DELIVERED_OPTIONS_HELP = `  --endpoint-url <url>     S3-compatible endpoint for s3:// sources
  --public-key <pem-file>  trust only this public key (repeatable); an s3:// source is validated only with one,
                           as a bucket holds no keys`;

/** A delivered trail as `serve` and `report` read it, counting the files it could not read. */
export interface DeliveredSource extends TrailRecordSource {
  readonly skippedFiles: number;
}

/** The source argument of `serve` and `report` with their options; unreadable files reported on stderr. */
export function deliveredSource(command: string, args: ParsedArgs, io: CliIo): DeliveredSource {
  const location = sourceArg(args, command);
  const endpoint = lastValue(args, 'endpoint-url');
  let skippedFiles = 0;
  const source = deliveredRecords(location, {
    ...(endpoint ? { endpoint } : {}),
    publicKeys: publicKeysArg(args),
    onSkip: (file) => {
      skippedFiles++;
      io.stderr(`localtrail ${command}: skipped ${file.key}: ${file.reason}`);
    },
  });
  return {
    ...source,
    get skippedFiles() {
      return skippedFiles;
    },
  };
}
