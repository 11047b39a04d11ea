// `localtrail tail <source>`: prints events as new log files arrive, until interrupted (Ctrl-C).
import type { ArgSpec } from '../args.js';
import { UsageError, lastValue, parseArgs } from '../args.js';
import { eventRow, tableHeader } from '../event-table.js';
import { FILTER_FLAGS, FILTER_HELP, FILTER_VALUES, countOption, filterFromArgs } from '../filter-args.js';
import type { CliIo } from '../io.js';
import { SOURCE_HELP, cliReader, sourceArg } from '../read-source.js';

export const tailUsage = `Usage: localtrail tail <folder | s3://bucket/prefix> [options]

Prints the last events already delivered, then each new log file's events as it arrives (oldest first), until
interrupted (Ctrl-C). The folder may not exist yet: tail waits for it.

${SOURCE_HELP}

Options:
  --lines <n>                events already there to print first (default 10; 0 for none)
  --interval <seconds>       how often to look for new files (default 1 for a folder, 10 for S3)
  --json                     one CloudTrail record per line
  --endpoint-url <url>       S3-compatible endpoint for s3:// sources

${FILTER_HELP}

Exit status: 0 when interrupted, 1 when files could not be read (listed on stderr), 2 usage error.`;

const spec: ArgSpec = { values: [...FILTER_VALUES, 'lines', 'interval', 'endpoint-url'], flags: [...FILTER_FLAGS, 'json'] };

export async function tailCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec);
  const location = sourceArg(args, 'tail', true);
  const lines = countOption(args, 'lines', 0) ?? 10;
  const interval = lastValue(args, 'interval');
  if (interval !== undefined && !(Number(interval) > 0)) throw new UsageError(`--interval: expected a number of seconds, got ${interval}`);
  const json = args.flags.has('json');
  const color = io.color === true;
  const { signal, release } = stopSignal(io);
  try {
    const reader = cliReader('tail', location, filterFromArgs(args), args, io, {
      follow: { backlog: lines, ...(interval !== undefined ? { intervalMs: Number(interval) * 1000 } : {}) },
      signal,
    });
    io.status?.(`following ${reader.source.description} (Ctrl-C to stop)`);
    let shown = 0;
    for await (const record of reader) {
      if (shown === 0) io.status?.('');
      if (shown++ === 0 && !json) io.stdout(tableHeader(color));
      io.stdout(json ? JSON.stringify(record) : eventRow(record, color));
    }
    io.status?.('');
    return reader.skipped.length > 0 ? 1 : 0;
  } finally {
    release();
  }
}

/** The signal tail stops on: the caller's, or SIGINT/SIGTERM of this process (handlers removed afterwards). */
function stopSignal(io: CliIo): { signal: AbortSignal; release: () => void } {
  if (io.signal) return { signal: io.signal, release: () => {} };
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
