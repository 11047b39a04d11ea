// `localtrail lookup <source>`: the events of a trail folder or bucket, filtered, newest first, as a table or JSON Lines.
import type { ArgSpec } from '../args.js';
import { parseArgs } from '../args.js';
import { eventRow, tableHeader } from '../event-table.js';
import { FILTER_FLAGS, FILTER_HELP, FILTER_VALUES, countOption, filterFromArgs } from '../filter-args.js';
import type { CliIo } from '../io.js';
import { LineWriter } from '../line-writer.js';
import { SOURCE_HELP, cliReader, nothingToRead, sourceArg } from '../read-source.js';

export const lookupUsage = `Usage: localtrail lookup <folder | s3://bucket/prefix> [options]

Prints the events in a trail's log files, newest first (as LookupEvents), as a table, or with --json as one
CloudTrail record per line (JSON Lines) for scripts and jq. Reads one file at a time.

${SOURCE_HELP}

Options:
  --max <n>                  at most n events
  --json                     one CloudTrail record per line
  --endpoint-url <url>       S3-compatible endpoint for s3:// sources

${FILTER_HELP}

Exit status: 0 done (with or without matches), 1 unreadable files (listed on stderr) or no log files at all,
2 usage error or a source that cannot be read.`;

const spec: ArgSpec = { values: [...FILTER_VALUES, 'max', 'endpoint-url'], flags: [...FILTER_FLAGS, 'json'] };

export async function lookupCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec);
  const location = sourceArg(args, 'lookup');
  const max = countOption(args, 'max');
  const json = args.flags.has('json');
  const color = io.color === true;
  const reader = cliReader('lookup', location, filterFromArgs(args), args, io, max ? { max } : {});
  const out = new LineWriter((text) => io.stdout(text));
  let shown = 0;
  for await (const record of reader) {
    if (shown++ === 0 && !json) out.line(tableHeader(color));
    out.line(json ? JSON.stringify(record) : eventRow(record, color));
  }
  out.flush();
  if (reader.stats.filesListed === 0) {
    io.stderr(`localtrail lookup: ${nothingToRead(reader)}`);
    return 1;
  }
  if (shown === 0 && !json) io.stderr(`no matching events (${reader.stats.filesRead} log files read)`);
  return reader.skipped.length > 0 ? 1 : 0;
}
