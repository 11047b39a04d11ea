// One CloudTrail record as one line of a table for people: fixed-width columns (rows print as they stream in),
// long values cut with "…", the error code in red when colour is allowed.
import { resourceNameOf, usernameOf } from '../engine/history/lookup-attributes.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';

const COLUMNS = [
  { title: 'TIME', width: 21 },
  { title: 'REGION', width: 14 },
  { title: 'SOURCE', width: 14 },
  { title: 'EVENT', width: 30 },
  { title: 'USER', width: 22 },
  { title: 'RESULT', width: 30 },
  { title: 'RESOURCE', width: 0 },
] as const;

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const RED = ['\x1b[31m', '\x1b[39m'] as const;

function cell(value: string, width: number): string {
  // Values come from log files: never let one drive the terminal (escape sequences, line breaks).
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  if (width === 0) return text;
  const cut = text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text;
  return cut.padEnd(width);
}

/** The header line. */
export function tableHeader(color: boolean): string {
  const line = COLUMNS.map((c) => cell(c.title, c.width)).join('').trimEnd();
  return color ? `${BOLD[0]}${line}${BOLD[1]}` : line;
}

function detail(record: CloudTrailRecord, key: string): string | undefined {
  const value = record.insightDetails?.[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * @example
 * eventRow(record, false) // '2026-03-01T10:00:00Z eu-west-1     s3            PutObject   …'
 */
export function eventRow(record: CloudTrailRecord, color: boolean): string {
  const insight = record.eventCategory === 'Insight';
  const source = (insight ? detail(record, 'eventSource') : record.eventSource) ?? '';
  const name = (insight ? detail(record, 'eventName') : record.eventName) ?? record.eventType;
  const user = usernameOf(record) ?? record.userIdentity?.invokedBy ?? record.userIdentity?.type ?? '';
  const result = insight
    ? `${detail(record, 'insightType') ?? 'Insight'} ${detail(record, 'state') ?? ''}`.trim()
    : record.errorCode ?? (record.readOnly === false ? 'ok (write)' : 'ok');
  const resources = record.resources ?? [];
  const first = resources[0] ? (resources[0].ARN ?? resources[0].ARNPrefix ?? resourceNameOf(resources[0]) ?? '') : '';
  const resource = resources.length > 1 ? `${first} +${resources.length - 1}` : first;
  const cells = [
    cell(record.eventTime ?? '', COLUMNS[0].width),
    cell(record.awsRegion ?? '', COLUMNS[1].width),
    cell(source.replace(/\.amazonaws\.com$/, ''), COLUMNS[2].width),
    cell(name, COLUMNS[3].width),
    cell(user, COLUMNS[4].width),
    color && record.errorCode ? `${RED[0]}${cell(result, COLUMNS[5].width)}${RED[1]}` : cell(result, COLUMNS[5].width),
    resource,
  ];
  return cells.join('').trimEnd();
}
