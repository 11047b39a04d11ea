// The report's charts as inline SVG strings: drawn by the file itself, no script, no library, no network.
import { escapeHtml } from './escape-html.js';
import type { Tally, TimeBucket } from './report-data.js';

export const COLORS = { management: '#0972d3', data: '#7d4cdb', insight: '#e07f00', other: '#8c8c94', error: '#d91515', read: '#037f0c', write: '#8d6605' };

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function timeLabel(ms: number, bucketMs: number): string {
  const iso = new Date(ms).toISOString();
  if (bucketMs >= DAY) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A round axis maximum at or above `max`: 1, 2 or 5 times a power of ten. */
function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * Calls over time: stacked columns (management, data) per bucket and the failed calls as a red line, with a
 * tooltip per column.
 */
export function timelineChart(buckets: readonly TimeBucket[], bucketMs: number): string {
  const width = 960;
  const height = 240;
  const left = 48;
  const right = 12;
  const top = 12;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...buckets.map((b) => b.management + b.data)));
  const step = plotW / Math.max(1, buckets.length);
  const barW = Math.max(1, step * 0.8);
  const y = (v: number): number => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (const v of [0, max / 2, max]) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e9ebed"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="axis">${escapeHtml(Number.isInteger(v) ? v : v.toFixed(1))}</text>`);
  }
  const points: string[] = [];
  buckets.forEach((b, i) => {
    const x = left + i * step + (step - barW) / 2;
    const tip = `${timeLabel(b.start, bucketMs)} UTC: ${b.management} management, ${b.data} data, ${b.errors} failed`;
    parts.push(`<g><title>${escapeHtml(tip)}</title>`);
    if (b.management > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y(b.management).toFixed(1)}" width="${barW.toFixed(1)}" height="${(plotH - (y(b.management) - top)).toFixed(1)}" fill="${COLORS.management}"/>`);
    if (b.data > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y(b.management + b.data).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(b.management) - y(b.management + b.data)).toFixed(1)}" fill="${COLORS.data}"/>`);
    // An invisible full-height target so every column shows its tooltip, empty ones included.
    parts.push(`<rect x="${(left + i * step).toFixed(1)}" y="${top}" width="${step.toFixed(1)}" height="${plotH}" fill="transparent"/></g>`);
    points.push(`${(left + i * step + step / 2).toFixed(1)},${y(b.errors).toFixed(1)}`);
  });
  if (buckets.some((b) => b.errors > 0)) {
    parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${COLORS.error}" stroke-width="2" stroke-linejoin="round"/>`);
  }
  const labels = buckets.length === 0 ? [] : [...new Set([0, Math.floor((buckets.length - 1) / 2), buckets.length - 1])];
  for (const i of labels) {
    const anchor = labels.length > 1 && i === 0 ? 'start' : i === buckets.length - 1 && labels.length > 1 ? 'end' : 'middle';
    const x = anchor === 'start' ? left : anchor === 'end' ? width - right : left + i * step + step / 2;
    parts.push(`<text x="${x.toFixed(1)}" y="${height - bottom + 18}" text-anchor="${anchor}" class="axis">${escapeHtml(timeLabel(buckets[i]!.start, bucketMs))}</text>`);
  }
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#8c8c94"/>`);
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Calls over time">${parts.join('')}</svg>`;
}

/** Horizontal bars for the top `limit` tallies: calls, with the failed part in red, and the numbers beside them. */
export function barChart(tallies: readonly Tally[], limit = 10, label = 'Calls'): string {
  const shown = tallies.slice(0, limit);
  const width = 460;
  const row = 24;
  const labelW = 170;
  // Room for the longest number label, e.g. "123456 (1234 failed)".
  const numberW = 130;
  const barMax = width - labelW - numberW;
  const height = Math.max(row, shown.length * row) + 4;
  const max = Math.max(1, ...shown.map((t) => t.calls));
  const parts = shown.map((t, i) => {
    const yTop = i * row + 4;
    const w = Math.max(1, (t.calls / max) * barMax);
    const ew = t.errors > 0 ? Math.max(1, (t.errors / max) * barMax) : 0;
    const name = t.name.length > 26 ? `${t.name.slice(0, 25)}…` : t.name;
    return (
      `<g><title>${escapeHtml(`${t.name}: ${t.calls} calls, ${t.errors} failed, ${t.writes} writes`)}</title>` +
      `<text x="${labelW - 8}" y="${yTop + 14}" text-anchor="end" class="label">${escapeHtml(name)}</text>` +
      `<rect x="${labelW}" y="${yTop + 2}" width="${w.toFixed(1)}" height="${row - 8}" rx="2" fill="${COLORS.management}"/>` +
      (ew > 0 ? `<rect x="${labelW}" y="${yTop + 2}" width="${ew.toFixed(1)}" height="${row - 8}" rx="2" fill="${COLORS.error}"/>` : '') +
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${yTop + 14}" class="value">${t.calls}${t.errors > 0 ? ` (${t.errors} failed)` : ''}</text></g>`
    );
  });
  return `<svg class="bars" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}

/** One bar split into its parts (e.g. management / data / Insights), with a legend of counts and shares. */
export function splitBar(parts: ReadonlyArray<{ label: string; value: number; color: string }>, label: string): string {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  const width = 460;
  let x = 0;
  const rects: string[] = [];
  const legend: string[] = [];
  parts.forEach((p, i) => {
    const w = total === 0 ? 0 : (p.value / total) * width;
    if (w > 0) rects.push(`<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="22" fill="${p.color}"><title>${escapeHtml(`${p.label}: ${p.value}`)}</title></rect>`);
    x += w;
    const share = total === 0 ? 0 : Math.round((p.value / total) * 1000) / 10;
    const lx = (i % 2) * 230;
    const ly = 44 + Math.floor(i / 2) * 20;
    legend.push(`<rect x="${lx}" y="${ly - 10}" width="10" height="10" fill="${p.color}"/><text x="${lx + 16}" y="${ly}" class="label">${escapeHtml(`${p.label}: ${p.value} (${share}%)`)}</text>`);
  });
  if (total === 0) rects.push(`<rect x="0" y="0" width="${width}" height="22" fill="#e9ebed"/>`);
  const height = 44 + Math.ceil(parts.length / 2) * 20;
  return `<svg class="split" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">${rects.join('')}${legend.join('')}</svg>`;
}
