// createReport: a record source in, one self-contained HTML report out.
import type { TrailRecordSource } from '../server/record-source.js';
import { summarizeRecords } from './report-data.js';
import type { ReportData } from './report-data.js';
import { renderReportHtml } from './report-html.js';

export interface ReportOptions {
  /** Heading and page title. Default `localtrail activity report`. */
  title?: string;
  /** Epoch ms the report is dated. Default: now. */
  generatedAt?: number;
}

/** The report's HTML and the numbers in it. */
export interface Report {
  html: string;
  data: ReportData;
}

/**
 * Reads every record of `source` once (keeping none), validates its files when it can, and renders the report:
 * calls over time, activity per identity, service and region, errors, management vs data, Insights, integrity.
 * @example
 * const { html } = await createReport({ description: 'unit tests', records: () => trail.events() });
 * writeFileSync('report.html', html);
 */
export async function createReport(source: TrailRecordSource, options: ReportOptions = {}): Promise<Report> {
  const data = await summarizeRecords(source.records());
  const integrity = source.integrity ? await source.integrity() : undefined;
  const html = renderReportHtml(data, {
    title: options.title ?? 'localtrail activity report',
    source: source.description,
    generatedAt: options.generatedAt ?? Date.now(),
    ...(integrity ? { integrity } : {}),
  });
  return { html, data };
}
