// One log file's bytes → its records: gunzip, then JSON. With a needle, only the records whose text contains it are
// parsed, the way `grep` finds lines: CloudTrail writes `{"Records":[{"eventVersion":…},{"eventVersion":…}]}`.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { gunzipBytes } from '../validation/read-gzip-json.js';

export type DecodedLogFile = { ok: true; records: CloudTrailRecord[]; parsedAll: boolean } | { ok: false; reason: string };

const HEAD = Buffer.from('{"Records":[', 'latin1');
// `{"eventVersion":` can only be the start of an object in valid JSON: inside a string its quote would be escaped.
const MARK = Buffer.from('{"eventVersion":', 'latin1');
const COMMA = 0x2c;
const INLINE_BYTES = 16 * 1024;
const CLOSE = Buffer.from(']}', 'latin1');

/**
 * Decodes a gzip log file. Without `needle`, every record; with it, at least every record whose JSON contains the
 * needle (others may be left out). Never throws: a file that is not gzip, not JSON or has no `Records` array gives
 * the reason.
 * @example
 * const file = await decodeLogFile(bytes, Buffer.from('PutObject'));
 */
export async function decodeLogFile(body: Uint8Array, needle?: Buffer): Promise<DecodedLogFile> {
  // Off this thread for all but tiny files: the thread pool inflates the next files while this one is parsed.
  const unzipped = await gunzipBytes(body, INLINE_BYTES);
  if (!unzipped.ok) return unzipped;
  return decodeJson(unzipped.bytes, needle);
}

export function decodeJson(bytes: Buffer, needle?: Buffer): DecodedLogFile {
  if (needle) {
    const records = recordsContaining(bytes, needle);
    if (records) return { ok: true, records, parsedAll: false };
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid format: not valid JSON' };
  }
  const list = typeof value === 'object' && value !== null ? (value as { Records?: unknown }).Records : undefined;
  if (!Array.isArray(list)) return { ok: false, reason: 'invalid format: no "Records" array' };
  const records = list.filter((r): r is CloudTrailRecord => typeof r === 'object' && r !== null && !Array.isArray(r));
  return { ok: true, records, parsedAll: true };
}

/**
 * The records whose text contains `needle`, cut out between record starts and parsed one by one; undefined when
 * the file is not laid out as CloudTrail writes it or a cut does not parse as a record (then the caller parses all).
 */
function recordsContaining(bytes: Buffer, needle: Buffer): CloudTrailRecord[] | undefined {
  let end = bytes.length;
  while (end > 0 && isSpace(bytes[end - 1]!)) end--;
  if (end < HEAD.length + CLOSE.length || bytes.compare(HEAD, 0, HEAD.length, 0, HEAD.length) !== 0) return undefined;
  if (bytes.compare(CLOSE, 0, CLOSE.length, end - CLOSE.length, end) !== 0) return undefined;
  const arrayEnd = end - CLOSE.length;
  if (arrayEnd === HEAD.length) return [];
  if (bytes.compare(MARK, 0, MARK.length, HEAD.length, HEAD.length + MARK.length) !== 0) return undefined;
  const out: CloudTrailRecord[] = [];
  let from = HEAD.length;
  for (;;) {
    const hit = bytes.indexOf(needle, from);
    if (hit === -1 || hit >= arrayEnd) return out;
    const start = bytes.lastIndexOf(MARK, hit);
    const next = bytes.indexOf(MARK, hit + needle.length);
    let stop: number;
    if (next === -1 || next > arrayEnd) stop = arrayEnd;
    else if (bytes[next - 1] === COMMA) stop = next - 1;
    else return undefined;
    const record = parseRecord(bytes, start, stop);
    if (!record) return undefined;
    out.push(record);
    if (stop === arrayEnd) return out;
    from = next;
  }
}

function parseRecord(bytes: Buffer, start: number, stop: number): CloudTrailRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8', start, stop));
  } catch {
    return undefined;
  }
  // A cut at a nested object that happens to have an eventVersion key would not carry a record's own fields.
  const r = value as Partial<CloudTrailRecord> | null;
  if (typeof r !== 'object' || r === null || Array.isArray(r) || typeof r.eventTime !== 'string' || typeof r.eventID !== 'string') return undefined;
  return r as CloudTrailRecord;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
