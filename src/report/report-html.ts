// Renders ReportData as one self-contained HTML file: inline style and SVG, no script, nothing fetched from anywhere.
import type { ValidationReport } from '../validation/validate-logs.js';
import { escapeHtml as h } from './escape-html.js';
import type { ReportData, Tally } from './report-data.js';
import { barChart, COLORS, splitBar, timelineChart } from './svg-charts.js';

export interface ReportMeta {
  title: string;
  /** What the records came from (a folder, a bucket, a live trail). */
  source: string;
  /** Epoch ms the report was made. */
  generatedAt: number;
  /** The integrity verdict of the delivered files; undefined when they were not validated. */
  integrity?: ValidationReport;
}

const STYLE = `
:root { --ink:#16191f; --muted:#5f6b7a; --line:#d5dbdb; --bg:#f2f3f3; --accent:#0972d3; --error:#d91515; --ok:#037f0c;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--ink); background:var(--bg); }
body { margin:0; }
header { background:#232f3e; color:#fff; padding:18px 28px; }
header h1 { margin:0 0 4px; font-size:22px; }
header p { margin:0; color:#d1d5db; font-size:13px; overflow-wrap:anywhere; }
main { padding:20px 28px 40px; max-width:1180px; }
section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 18px; margin-bottom:16px; }
section h2 { margin:0 0 10px; font-size:16px; }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(460px,1fr)); gap:16px; margin-bottom:16px; }
.grid section { margin-bottom:0; }
.cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(122px,1fr)); gap:12px; margin-bottom:16px; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px 14px; }
.card .n { display:block; font-size:26px; font-weight:700; }
.card .l { color:var(--muted); font-size:12px; }
.card.bad .n { color:var(--error); } .card.good .n { color:var(--ok); }
svg { width:100%; height:auto; display:block; }
svg text { font-size:12px; fill:var(--ink); } svg .axis { fill:var(--muted); font-size:11px; } svg .value { fill:var(--muted); }
.legend { display:flex; gap:16px; font-size:12px; color:var(--muted); margin-top:6px; }
.legend i { display:inline-block; width:10px; height:10px; margin-right:5px; vertical-align:-1px; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid #eaeded; vertical-align:top; }
th { color:var(--muted); font-size:12px; font-weight:600; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
td.msg { color:var(--muted); max-width:420px; overflow-wrap:anywhere; }
.code { color:var(--error); font-weight:600; }
.verdict { font-size:18px; font-weight:700; margin:0 0 6px; }
.verdict.ok { color:var(--ok); } .verdict.bad { color:var(--error); } .verdict.none { color:var(--muted); }
.muted { color:var(--muted); }
footer { color:var(--muted); font-size:12px; padding:0 28px 24px; }
`;

function iso(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function perMinute(value: number | undefined): string {
  return value === undefined ? '' : String(Math.round(value * 100) / 100);
}

function card(label: string, value: number | string, stat: string, tone = ''): string {
  return `<div class="card ${tone}"><span class="n" data-stat="${stat}">${h(value)}</span><span class="l">${h(label)}</span></div>`;
}

function tallyTable(tallies: readonly Tally[], heading: string, stat: string, limit: number): string {
  const rows = tallies.slice(0, limit).map(
    (t) => `<tr data-${stat}="${h(t.name)}"><td>${h(t.name)}</td><td class="num">${t.calls}</td><td class="num">${t.writes}</td><td class="num">${t.errors}</td></tr>`,
  );
  const more = tallies.length > limit ? `<p class="muted">and ${tallies.length - limit} more</p>` : '';
  return `<table><thead><tr><th>${h(heading)}</th><th class="num">Calls</th><th class="num">Writes</th><th class="num">Failed</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

function integritySection(report: ValidationReport | undefined): string {
  if (report === undefined) {
    return `<section id="integrity"><h2>Integrity</h2><p class="verdict none" data-stat="integrity">not validated</p><p class="muted">These records did not come with delivered digest files to check.</p></section>`;
  }
  const s = report.summary;
  const nothing = s.digestsTotal === 0 && s.logFilesTotal === 0;
  const verdict = nothing ? 'nothing to validate' : report.ok ? 'valid' : 'INVALID';
  const tone = nothing ? 'none' : report.ok ? 'ok' : 'bad';
  const bad = [...report.digests, ...report.logFiles].filter((f) => f.status !== 'valid');
  const rows = bad
    .slice(0, 50)
    .map((f) => `<tr><td>${h(f.kind)}</td><td>${h(`s3://${f.bucket}/${f.key}`)}</td><td class="code">${h(f.status === 'not-found' ? 'not found' : 'INVALID')}</td><td class="msg">${h(f.reason ?? '')}</td></tr>`);
  return (
    `<section id="integrity"><h2>Integrity</h2><p class="verdict ${tone}" data-stat="integrity">${h(verdict)}</p>` +
    `<p><span data-stat="digests-valid">${s.digestsValid}</span>/<span data-stat="digests-total">${s.digestsTotal}</span> digest files valid, ` +
    `<span data-stat="logs-valid">${s.logFilesValid}</span>/<span data-stat="logs-total">${s.logFilesTotal}</span> log files valid` +
    `${report.gaps.length > 0 ? `, ${report.gaps.length} gap(s) where logging was off` : ''}.</p>` +
    (rows.length > 0 ? `<table><thead><tr><th>File</th><th>Object</th><th>Verdict</th><th>Reason</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '') +
    `</section>`
  );
}

function insightsSection(data: ReportData): string {
  if (data.insights.length === 0) {
    return `<section id="insights"><h2>Insights</h2><p class="muted" data-stat="insights">No Insights events: no unusual API call or error rates were detected (or Insights was not enabled).</p></section>`;
  }
  const rows = data.insights.map(
    (i) =>
      `<tr><td>${h(i.eventTime)}</td><td>${h(i.state)}</td><td>${h(i.insightType)}</td><td>${h(i.eventSource)}</td><td>${h(i.eventName)}</td><td>${h(i.region)}</td>` +
      `<td class="num">${perMinute(i.insightAverage)}</td><td class="num">${perMinute(i.baselineAverage)}</td></tr>`,
  );
  return (
    `<section id="insights"><h2>Insights <span class="muted" data-stat="insights">${data.totals.insight}</span></h2>` +
    `<table><thead><tr><th>Time</th><th>State</th><th>Type</th><th>Event source</th><th>Event name</th><th>Region</th><th class="num">Per minute</th><th class="num">Baseline</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

function errorsSection(data: ReportData): string {
  if (data.totals.errors === 0) return `<section id="errors"><h2>Errors</h2><p class="muted">No call failed.</p></section>`;
  const codes = data.errorCodes.map((e) => `<tr data-error-code="${h(e.code)}"><td class="code">${h(e.code)}</td><td class="num">${e.count}</td><td>${h(e.topCall)}</td></tr>`);
  const recent = data.recentErrors.map(
    (e) => `<tr><td>${h(e.eventTime)}</td><td>${h(e.eventSource)} ${h(e.eventName)}</td><td>${h(e.identity)}</td><td class="code">${h(e.errorCode)}</td><td class="msg">${h(e.errorMessage)}</td></tr>`,
  );
  return (
    `<section id="errors"><h2>Errors</h2>` +
    `<table><thead><tr><th>Error code</th><th class="num">Calls</th><th>Most often in</th></tr></thead><tbody>${codes.join('')}</tbody></table>` +
    `<h2 style="margin-top:16px">Most recent failed calls</h2>` +
    `<table><thead><tr><th>Time</th><th>Call</th><th>Identity</th><th>Error code</th><th>Message</th></tr></thead><tbody>${recent.join('')}</tbody></table></section>`
  );
}

/**
 * The report as one HTML document.
 * @example
 * writeFileSync('report.html', renderReportHtml(await summarizeRecords(trail.events()), { title: 'CI run', source: 'trail', generatedAt: Date.now() }));
 */
export function renderReportHtml(data: ReportData, meta: ReportMeta): string {
  const t = data.totals;
  const integrity = meta.integrity;
  const integrityCard = integrity === undefined ? card('Integrity', 'not validated', 'integrity-card') : card('Integrity', integrity.ok ? 'valid' : 'INVALID', 'integrity-card', integrity.ok ? 'good' : 'bad');
  const range = data.firstTime === undefined ? 'no records' : `${iso(data.firstTime)} to ${iso(data.lastTime)}`;
  const bucket = data.bucketMs >= 86_400_000 ? `${data.bucketMs / 86_400_000} day` : data.bucketMs >= 3_600_000 ? `${data.bucketMs / 3_600_000} hour` : `${data.bucketMs / 60_000} minute`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(meta.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${h(meta.title)}</h1>
<p>${h(meta.source)} · <span data-stat="range">${h(range)}</span> · generated ${h(iso(meta.generatedAt))}</p>
</header>
<main>
<div class="cards">
${card('Records', t.records, 'records')}
${card('API calls', t.calls, 'calls')}
${card('Failed calls', t.errors, 'errors', t.errors > 0 ? 'bad' : '')}
${card('Identities', data.identities.length, 'identities')}
${card('Services', data.services.length, 'services')}
${card('Regions', data.regions.length, 'regions')}
${card('Insights events', t.insight, 'insight-events')}
${integrityCard}
</div>
<section id="timeline"><h2>Calls over time <span class="muted">(${h(bucket)} columns, UTC)</span></h2>
${timelineChart(data.timeline, data.bucketMs)}
<div class="legend"><span><i style="background:${COLORS.management}"></i>management</span><span><i style="background:${COLORS.data}"></i>data</span><span><i style="background:${COLORS.error}"></i>failed</span></div>
</section>
<div class="grid">
<section id="categories"><h2>Management vs data events</h2>
${splitBar(
  [
    { label: 'Management', value: t.management, color: COLORS.management },
    { label: 'Data', value: t.data, color: COLORS.data },
    { label: 'Insights', value: t.insight, color: COLORS.insight },
    ...(t.other > 0 ? [{ label: 'Other', value: t.other, color: COLORS.other }] : []),
  ],
  'Records by category',
)}
<p class="muted"><span data-stat="management">${t.management}</span> management, <span data-stat="data">${t.data}</span> data events</p>
</section>
<section id="access"><h2>Reads vs writes</h2>
${splitBar(
  [
    { label: 'Read', value: t.reads, color: COLORS.read },
    { label: 'Write', value: t.writes, color: COLORS.write },
    { label: 'Not stated', value: t.calls - t.reads - t.writes, color: COLORS.other },
  ],
  'Calls by access',
)}
<p class="muted"><span data-stat="reads">${t.reads}</span> reads, <span data-stat="writes">${t.writes}</span> writes</p>
</section>
</div>
<div class="grid">
<section id="identities"><h2>Activity per identity</h2>${barChart(data.identities, 10, 'Calls per identity')}${tallyTable(data.identities, 'Identity', 'identity', 25)}</section>
<section id="services"><h2>Activity per service</h2>${barChart(data.services, 10, 'Calls per service')}${tallyTable(data.services, 'Event source', 'service', 25)}</section>
<section id="regions"><h2>Activity per region</h2>${barChart(data.regions, 10, 'Calls per region')}${tallyTable(data.regions, 'Region', 'region', 25)}</section>
<section id="operations"><h2>Most frequent calls</h2>${tallyTable(data.operations, 'Call', 'operation', 15)}</section>
</div>
${errorsSection(data)}
${insightsSection(data)}
${integritySection(integrity)}
${data.undatedRecords > 0 ? `<p class="muted">${data.undatedRecords} record(s) had no readable eventTime and are not in the timeline.</p>` : ''}
</main>
<footer>Made by localtrail from CloudTrail records. This file loads nothing from the network.</footer>
</body>
</html>
`;
}
