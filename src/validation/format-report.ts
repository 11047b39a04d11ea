// Renders a ValidationReport as `aws cloudtrail validate-logs` prints its results (cloudtrail-facts §4.6).
import { cloudTrailTime } from '../vocabulary/time.js';
import type { ChainReport, FileVerdict, ValidationReport } from './validate-logs.js';

export interface FormatOptions {
  /** Also print valid files (aws-cli's `--verbose`). Default false. */
  verbose?: boolean;
}

function line(v: FileVerdict): string {
  const label = v.kind === 'digest' ? 'Digest file' : 'Log file';
  const message = v.status === 'valid' ? 'valid' : `INVALID: ${v.reason ?? (v.status === 'not-found' ? 'not found' : 'invalid')}`;
  return `${label}\ts3://${v.bucket}/${v.key}\t${message}`;
}

function gapLine(olderEnd: string, newerStart: string, chain?: ChainReport): string {
  const of = chain ? ` (trail ${chain.trailName}, ${chain.accountId} ${chain.region})` : '';
  return `No log files were delivered by CloudTrail between ${olderEnd} and ${newerStart}${of}`;
}

/** One line per chain of a bucket holding several (a fleet): identity, verdict, runs, gaps and counts. */
function chainLine(c: ChainReport): string {
  const where = `s3://${c.bucket}/${c.s3KeyPrefix ? `${c.s3KeyPrefix}/` : ''}`;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `Chain ${c.trailName} (home ${c.homeRegion}) ${c.accountId} ${c.region} in ${where}\t${c.ok ? 'valid' : 'INVALID'}\t` +
    `${plural(c.runs, 'run')}, ${plural(c.gaps.length, 'gap')}, ${c.digests.valid}/${c.digests.total} digest files, ${c.logFiles.valid}/${c.logFiles.total} log files valid`
  );
}

/**
 * Splits the report as aws-cli prints it: INVALID and gap lines on stderr, everything else on stdout.
 * @example
 * const { stdout, stderr } = splitValidationOutput(formatValidationReport(report));
 */
export function splitValidationOutput(text: string): { stdout: string; stderr: string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  for (const l of text.split('\n')) {
    if (/^(Digest file|Log file)\t.*\tINVALID: /.test(l) || l.startsWith('No log files were delivered by CloudTrail between')) stderr.push(l);
    else stdout.push(l);
  }
  return { stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/**
 * The report as text, line for line as `aws cloudtrail validate-logs` prints it (`verbose` lists valid files too).
 * @example
 * console.log(formatValidationReport(await validateLogs({ source: folderSource('.localtrail') }), { verbose: true }));
 */
export function formatValidationReport(report: ValidationReport, options: FormatOptions = {}): string {
  const out: string[] = [];
  const from = report.startTime !== undefined ? cloudTrailTime(report.startTime) : 'the first digest';
  const to = report.endTime !== undefined ? cloudTrailTime(report.endTime) : 'the last digest';
  const what = report.trailArn ? `for trail ${report.trailArn}` : `in ${report.source}`;
  out.push(`Validating log files ${what} between ${from} and ${to}`, '');
  for (const v of [...report.digests, ...report.logFiles]) {
    if (options.verbose || v.status !== 'valid') out.push(line(v));
  }
  const chains = report.chains ?? [];
  // One chain prints as aws-cli does; a bucket of many chains names the chain of each gap.
  if (chains.length > 1) for (const c of chains) for (const g of c.gaps) out.push(gapLine(g.olderEnd, g.newerStart, c));
  else for (const g of report.gaps) out.push(gapLine(g.olderEnd, g.newerStart));
  out.push('', `Results requested for ${from} to ${to}`);
  const s = report.summary;
  if (s.digestsTotal === 0) {
    out.push('No digests found');
    return out.join('\n');
  }
  out.push(`Results found for ${from} to ${to}:`, '');
  const count = (valid: number, total: number, what: string): string =>
    `${valid}/${total} ${what} valid` + (valid < total ? `, ${total - valid}/${total} ${what} INVALID` : '');
  out.push(count(s.digestsValid, s.digestsTotal, 'digest files'));
  out.push(count(s.logFilesValid, s.logFilesTotal, 'log files'));
  if (chains.length > 1) {
    out.push('', count(s.chainsValid, s.chainsTotal, 'digest chains'));
    for (const c of chains) out.push(chainLine(c));
  }
  return out.join('\n');
}
