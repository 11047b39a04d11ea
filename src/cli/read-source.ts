// What lookup, tail and policy share: the source argument, the reader for it, and skipped files on stderr.
import { existsSync } from 'node:fs';
import type { ReadTrailOptions, TrailReader } from '../reader/read-trail.js';
import { readTrail } from '../reader/read-trail.js';
import type { TrailFilter } from '../reader/trail-filter.js';
import type { ParsedArgs } from './args.js';
import { UsageError, lastValue } from './args.js';
import type { CliIo } from './io.js';

/** The one positional: a folder, a log file, or `s3://bucket/prefix`; a local path must exist. */
export function sourceArg(args: ParsedArgs, command: string): string {
  if (args.positionals.length !== 1) throw new UsageError(`${command} takes exactly one folder or s3://bucket/prefix`);
  const location = args.positionals[0]!;
  if (!/^s3:\/\//i.test(location) && !existsSync(location)) throw new UsageError(`no such folder: ${location}`);
  if (/^s3:\/\/\/?$/i.test(location)) throw new UsageError(`no bucket in ${location}`);
  return location;
}

/** A reader whose skipped files are reported on stderr as they happen, one line each. */
export function cliReader(location: string, filter: TrailFilter, args: ParsedArgs, io: CliIo, options: ReadTrailOptions = {}): TrailReader {
  const endpoint = lastValue(args, 'endpoint-url');
  return readTrail(location, {
    ...options,
    filter,
    ...(endpoint ? { endpoint } : {}),
    onSkip: (file) => io.stderr(`skipped ${file.key}: ${file.reason}`),
  });
}

/** Said when a source held no log file at all: most likely the wrong folder. */
export function nothingToRead(reader: TrailReader): string {
  return `no CloudTrail log files in ${reader.source.description} (a folder FilesystemSink wrote, a bucket folder holding AWSLogs/, or a folder below one)`;
}
