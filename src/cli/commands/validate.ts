// `localtrail validate <folder>`: validates the log files and digest chains a FilesystemSink wrote.
import { createPublicKey } from 'node:crypto';
import { resolve } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { folderSource } from '../../validation/object-source.js';
import type { ObjectLocation, ObjectSource, ValidationPublicKey } from '../../validation/object-source.js';
import { parseDigestKey, parseLogFileKey } from '../../vocabulary/object-keys.js';
import type { ValidationReport } from '../../validation/validate-logs.js';
import { formatValidationReport, splitValidationOutput } from '../../validation/format-report.js';
import { validateLogs } from '../../validation/validate-logs.js';
import type { ArgSpec } from '../args.js';
import { UsageError, lastValue, parseArgs, parseTime } from '../args.js';
import type { CliIo } from '../io.js';
import { parseS3Location, s3LocationSource } from '../s3-location.js';

export const validateUsage = `Usage: localtrail validate <folder | s3://bucket/prefix> [options]

Validates every digest chain and log file under <folder> (a FilesystemSink root, or one bucket folder in it),
with the public keys stored in the folder, or under an S3 location (keys from --public-key). A bucket holding
many chains (a fleet of processes) gets one verdict per chain and the gaps between each one's runs. As aws-cli,
INVALID lines and chain gaps go to stderr, everything else to stdout. A folder with nothing to validate (empty, no
CloudTrail files, log files without digests, a folder below a bucket folder) is a finding too. On a terminal, a
progress line shows on long runs.

Options:
  --trail-arn <arn>        only the chains of this trail
  --start-time <time>      only digests ending at or after this time (ISO 8601 or epoch ms)
  --end-time <time>        only digests ending before this time + 1 hour
  --expect-end <s3-url>    s3://bucket/key of a chain's newest digest; reported when missing (repeatable)
  --public-key <pem-file>  trust only this PKCS#1/SPKI PEM public key, not the keys stored in the folder
                           (repeatable; use keys kept apart from the logs to catch re-signed digests)
  --verbose                also list valid files and chain gaps
  --json                   print the report as JSON
  --endpoint-url <url>     S3-compatible endpoint for s3:// (path-style addressing)
  --region <region>        S3 client region (default: AWS_REGION, else us-east-1)

Exit status: 0 every digest and log file valid, 1 anything invalid or missing or nothing to validate, 2 usage error.`;

const spec: ArgSpec = { values: ['trail-arn', 'start-time', 'end-time', 'expect-end', 'public-key', 'endpoint-url', 'region'], flags: ['verbose', 'json'] };

export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec);
  if (args.positionals.length !== 1) throw new UsageError('validate takes exactly one folder or s3:// location');
  const folder = args.positionals[0]!;
  const location = parseS3Location(folder);
  if (!location && (!existsSync(folder) || !statSync(folder).isDirectory())) throw new UsageError(`not a folder: ${folder}`);
  const start = lastValue(args, 'start-time');
  const end = lastValue(args, 'end-time');
  const trailArn = lastValue(args, 'trail-arn');
  if (trailArn !== undefined && !/^arn:.+:cloudtrail:.+:\d{12}:trail\/.+$/.test(trailArn)) throw new UsageError(`--trail-arn: not a trail ARN: ${trailArn}`);
  const expectedChainEnds = (args.values.get('expect-end') ?? []).map(parseS3Url);
  const keyFiles = args.values.get('public-key') ?? [];
  const publicKeys = keyFiles.map(readPublicKey);
  if (location && keyFiles.length === 0) throw new UsageError('S3 holds no public keys: pass the trail keys with --public-key');
  const endpoint = lastValue(args, 'endpoint-url');
  const region = lastValue(args, 'region');
  const source = location ? await s3LocationSource(location, { ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) }) : folderSource(folder);
  const listing: ObjectLocation[] = [];
  const progress = progressLine(io);
  const report = await validateLogs({
    source: watched(source, listing, progress.count),
    ...(keyFiles.length > 0 ? { publicKeys } : {}),
    ...(trailArn ? { trailArn } : {}),
    ...(start ? { startTime: parseTime(start, 'start-time') } : {}),
    ...(end ? { endTime: parseTime(end, 'end-time') } : {}),
    expectedChainEnds,
  });
  progress.done();
  const nothing = nothingToValidate(folder, listing, report);
  if (args.flags.has('json')) io.stdout(JSON.stringify(report, null, 2));
  if (nothing) {
    io.stderr(`localtrail validate: ${nothing}`);
    return 1;
  }
  if (!args.flags.has('json')) {
    // As aws-cli: INVALID and gap lines on stderr, the rest on stdout.
    const { stdout, stderr } = splitValidationOutput(formatValidationReport(report, { verbose: args.flags.has('verbose') }));
    if (stderr) io.stderr(stderr);
    io.stdout(stdout);
  }
  return report.ok ? 0 : 1;
}

function readPublicKey(file: string): ValidationPublicKey {
  try {
    const key = createPublicKey(readFileSync(file, 'utf8'));
    return { value: new Uint8Array(key.export({ type: 'pkcs1', format: 'der' })) };
  } catch (error) {
    throw new UsageError(`--public-key: cannot read a public key from ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseS3Url(url: string): ObjectLocation {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!m) throw new UsageError(`--expect-end: not an s3://bucket/key URL: ${url}`);
  return { bucket: m[1]!, key: m[2]! };
}

/** Why a report that found no digest is not a pass, in one line; undefined when there was something to validate. */
function nothingToValidate(folder: string, listing: readonly ObjectLocation[], report: ValidationReport): string | undefined {
  if (report.summary.digestsTotal > 0) return undefined;
  const path = resolve(folder);
  const inside = /^(.*)[\\/]AWSLogs(?:[\\/]|$)/.exec(path);
  if (inside) return `nothing to validate: ${folder} is inside a bucket folder; validate ${inside[1]} (the folder holding AWSLogs/) instead`;
  if (listing.length === 0) return `nothing to validate: ${folder} holds no files`;
  const digests = listing.filter((l) => parseDigestKey(l.key)).length;
  if (digests > 0) return `nothing to validate: none of the ${digests} digest files in ${folder} match the trail and time range given`;
  const logs = listing.filter((l) => parseLogFileKey(l.key)).length;
  if (logs > 0) return `nothing to validate: ${logs} log file${logs === 1 ? '' : 's'} but no digest files in ${folder} (log file validation was off: EnableLogFileValidation)`;
  return `nothing to validate: no CloudTrail log or digest files in ${folder} (point at the folder FilesystemSink wrote, or a bucket folder holding AWSLogs/)`;
}

/** The source, with its listing kept (to explain an empty report) and each fetch counted (for the progress line). */
function watched(source: ObjectSource, listing: ObjectLocation[], count: () => void): ObjectSource {
  return {
    description: source.description,
    publicKeys: () => source.publicKeys(),
    async list() {
      const all = await source.list();
      listing.push(...all);
      return all;
    },
    async get(location) {
      try {
        return await source.get(location);
      } finally {
        count();
      }
    },
  };
}

/** "validating: 120 files read" on the terminal's status line, after a second, at most ten times a second. */
function progressLine(io: CliIo): { count: () => void; done: () => void } {
  const status = io.status;
  if (!status) return { count: () => {}, done: () => {} };
  const started = Date.now();
  let files = 0;
  let shownAt = 0;
  let shown = false;
  return {
    count: () => {
      files++;
      const now = Date.now();
      if (now - started < 1000 || now - shownAt < 100) return;
      shownAt = now;
      shown = true;
      status(`validating: ${files} files read`);
    },
    done: () => {
      if (shown) status('');
    },
  };
}
