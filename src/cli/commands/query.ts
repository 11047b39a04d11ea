// `localtrail query "<sql>" <folder | s3://bucket/prefix>`: CloudTrail Lake's SQL (on DuckDB) over delivered log files.
import { existsSync, statSync } from 'node:fs';
import { queryDeliveredFiles } from '../../lake/query-files.js';
import type { DeliveredFiles, FilesQueryResult } from '../../lake/query-files.js';
import type { ArgSpec } from '../args.js';
import { UsageError, lastValue, parseArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { parseS3Location, s3LocationSource } from '../s3-location.js';

export const queryUsage = `Usage: localtrail query "<sql>" <folder | s3://bucket/prefix> [options]

Runs one SELECT over the records of every CloudTrail log file in <folder> (a FilesystemSink root, or one bucket
folder in it) or under an S3 location; the records are the table "events", with CloudTrail Lake's columns:
  localtrail query "SELECT eventName, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC" ./.localtrail
Needs @duckdb/node-api (and @aws-sdk/client-s3 for s3:// locations).

Options:
  --json                  print rows as JSON objects, one per line
  --endpoint-url <url>    S3-compatible endpoint (path-style addressing), e.g. http://127.0.0.1:4569
  --region <region>       S3 client region (default: AWS_REGION, else us-east-1)`;

const spec: ArgSpec = { values: ['endpoint-url', 'region'], flags: ['json'] };

export async function queryCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec);
  if (args.positionals.length !== 2) throw new UsageError('query takes a SQL statement and a folder or s3:// location');
  const [sql, where] = args.positionals as [string, string];
  const location = parseS3Location(where);
  let from: DeliveredFiles;
  if (location) {
    const endpoint = lastValue(args, 'endpoint-url');
    const region = lastValue(args, 'region');
    from = { source: await s3LocationSource(location, { ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) }) };
  } else {
    if (!existsSync(where) || !statSync(where).isDirectory()) throw new UsageError(`not a folder or s3:// location: ${where}`);
    from = { folder: where };
  }
  const result = await queryDeliveredFiles(sql, from);
  io.stdout(args.flags.has('json') ? asJsonLines(result) : asTable(result));
  return 0;
}

function asJsonLines(result: FilesQueryResult): string {
  return result.rows.map((row) => JSON.stringify(Object.fromEntries(result.columns.map((c, i) => [c, row[i] ?? null])))).join('\n');
}

/** Columns padded to their widest value; NULL printed as NULL; a count line below. */
function asTable(result: FilesQueryResult): string {
  const cells = result.rows.map((row) => row.map((v) => (v === null ? 'NULL' : v.replace(/\n/g, '\\n'))));
  const widths = result.columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]): string => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(result.columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  out.push(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'}; ${result.records} records in ${result.files} log files)`);
  return out.join('\n');
}
