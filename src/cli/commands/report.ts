// `localtrail report <folder> -o report.html`: one self-contained HTML report of a delivered trail.
import { writeFileSync } from 'node:fs';
import { createReport } from '../../report/create-report.js';
import type { ArgSpec } from '../args.js';
import { UsageError, lastValue, parseArgs } from '../args.js';
import { deliveredRecords } from '../delivered-records.js';
import type { CliIo } from '../io.js';

export const reportUsage = `Usage: localtrail report <folder> [-o report.html] [options]

Writes one HTML file, readable without a server or network: calls over time, activity per identity, service and
region, errors, management vs data events, Insights, and the integrity verdict of the folder's digests and log files.

Options:
  -o, --output <file>  where to write (default report.html; - for stdout)
  --title <text>       the report's heading`;

const spec: ArgSpec = { values: ['output', 'title'] };

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv.map((a) => (a === '-o' ? '--output' : a)), spec);
  if (args.positionals.length !== 1) throw new UsageError('report takes exactly one folder');
  const output = lastValue(args, 'output') ?? 'report.html';
  const title = lastValue(args, 'title');
  const { html, data } = await createReport(deliveredRecords(args.positionals[0]!), title ? { title } : {});
  if (output === '-') {
    io.stdout(html);
    return 0;
  }
  writeFileSync(output, html);
  io.stdout(`Wrote ${output}: ${data.totals.records} records, ${data.totals.calls} calls, ${data.totals.errors} failed, ${data.totals.insight} Insights events.`);
  return 0;
}
