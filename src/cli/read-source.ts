// What lookup, tail and policy share: the source argument, the reader for it, and skipped files on stderr.
import { existsSync } from 'node:fs';
import type { ReadTrailOptions, TrailReader } from '../reader/read-trail.js';
import { readTrail } from '../reader/read-trail.js';
import type { TrailFilter } from '../reader/trail-filter.js';
import type { ParsedArgs } from './args.js';
import { UsageError, lastValue } from './args.js';
import type { CliIo } from './io.js';

/** The one positional: a folder, a log file, or `s3://bucket/prefix`; a local path must exist unless `mayNotExist`. */
export function sourceArg(args: ParsedArgs, command: string, mayNotExist = false): string {
  if (args.positionals.length !== 1) throw new UsageError(`${command} takes exactly one folder or s3://bucket/prefix`);
  const location = args.positionals[0]!;
  if (!mayNotExist && !/^s3:\/\//i.test(location) && !existsSync(location)) throw new UsageError(`no such folder: ${location}`);
  if (/^s3:\/\/\/?$/i.test(location)) throw new UsageError(`no bucket in ${location}`);
  return location;
}

/** A reader whose skipped files are reported on stderr as they happen, one line each. */
export function cliReader(command: string, location: string, filter: TrailFilter, args: ParsedArgs, io: CliIo, options: ReadTrailOptions = {}): TrailReader {
  const endpoint = lastValue(args, 'endpoint-url');
  return readTrail(location, {
    ...options,
    filter,
    ...(endpoint ? { endpoint } : {}),
    onSkip: (file) => io.stderr(`localtrail ${command}: skipped ${file.key}: ${file.reason}`),
  });
}

export const SOURCE_HELP = `Source: a folder in the S3 key layout (what FilesystemSink writes, a bucket folder holding AWSLogs/, real
CloudTrail files synced from S3, or any folder below one), one log file, or s3://bucket/prefix (needs
@aws-sdk/client-s3 and AWS credentials; --endpoint-url <url> for an S3-compatible store). Digest files are ignored.`;

/** Said when a source held no log file at all: most likely the wrong folder. */
export function nothingToRead(reader: TrailReader): string {
  return `no CloudTrail log files in ${reader.source.description} (a folder FilesystemSink wrote, a bucket folder holding AWSLogs/, or a folder below one)`;
}
