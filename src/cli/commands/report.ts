// `localtrail report <folder | s3://bucket/prefix> -o report.html`: one self-contained HTML report of a delivered trail.
import { writeFileSync } from 'node:fs';
import { createReport } from '../../report/create-report.js';
import type { ArgSpec } from '../args.js';
import { lastValue, parseArgs } from '../args.js';
import { deliveredSource, DELIVERED_OPTIONS_HELP, DELIVERED_VALUES } from '../delivered-records.js';
import type { CliIo } from '../io.js';
import { SOURCE_HELP } from '../read-source.js';

export const reportUsage = `Usage: localtrail report <folder | s3://bucket/prefix> [-o report.html] [options]

Writes one HTML file, readable without a server or network: calls over time, activity per identity, service and
region, errors, management vs data events, Insights, and the integrity verdict of the digests and log files.
Exit status 1 when log files could not be read (named on stderr, left out of the report).

${SOURCE_HELP}

Options:
  -o, --output <file>      where to write (default report.html; - for stdout)
  --title <text>           the report's heading
${DELIVERED_OPTIONS_HELP}`;

const spec: ArgSpec = { values: ['output', 'title', ...DELIVERED_VALUES] };

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv.map((a) => (a === '-o' ? '--output' : a)), spec);
  const output = lastValue(args, 'output') ?? 'report.html';
  const title = lastValue(args, 'title');
  const source = deliveredSource('report', args, io);
  const { html, data } = await createReport(source, title ? { title } : {});
  if (output === '-') io.stdout(html);
  else {
    writeFileSync(output, html);
    io.stdout(`Wrote ${output}: ${data.totals.records} records, ${data.totals.calls} calls, ${data.totals.errors} failed, ${data.totals.insight} Insights events.`);
  }
  // As lookup: unreadable files (named on stderr, left out of the report) are a finding.
  return source.skippedFiles > 0 ? 1 : 0;
}
