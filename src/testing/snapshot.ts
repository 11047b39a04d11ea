// Stable copies of records for snapshot tests: volatile fields become placeholders, plus a snapshot serializer.
import type { CloudTrailRecord } from '../vocabulary/record.js';

/**
 * Fields that differ from run to run (or machine to machine) and get placeholders by default.
 * @example
 * expect(trail.snapshot({ keep: ['eventTime'] })).toMatchSnapshot(); // on a ManualClock
 */
export type VolatileField =
  | 'eventID'
  | 'eventTime'
  | 'requestID'
  | 'sharedEventID'
  | 'userAgent'
  | 'sourceIPAddress'
  | 'creationDate'
  | 'x-amz-id-2';

/**
 * Options of `trail.snapshot()`.
 * @example
 * expect(trail.snapshot({ keep: ['eventTime', 'requestID'] })).toMatchSnapshot();
 */
export interface SnapshotOptions {
  /** Volatile fields to leave as recorded (e.g. `['eventTime']` when the trail runs on a ManualClock). */
  keep?: readonly VolatileField[];
}

/** Replaces values by numbered placeholders, one per distinct value, so equal values stay visibly equal. */
class Placeholders {
  private readonly seen = new Map<string, string>();
  constructor(private readonly label: string) {}
  for(value: string): string {
    let placeholder = this.seen.get(value);
    if (placeholder === undefined) {
      placeholder = `<${this.label}:${this.seen.size + 1}>`;
      this.seen.set(value, placeholder);
    }
    return placeholder;
  }
}

/**
 * `aws-sdk-js/3.1175.0 ua/2.1 os/linux#6.8 lang/js md/nodejs#20.19.1 api/s3#3.1175.0 m/E,J,Z` →
 * `aws-sdk-js/<version> ua/2.1 os/<os> lang/js md/nodejs#<version> api/s3#<version> m/<features>`.
 */
export function stableUserAgent(userAgent: string): string {
  return userAgent.replace(/([^\s[\]/]+)\/([^\s\]]+)/g, (token, name: string, rest: string) => {
    if (name === 'ua' || name === 'lang') return token;
    if (name === 'os') return 'os/<os>';
    if (name === 'm') return 'm/<features>';
    if (name === 'exec-env') return 'exec-env/<env>';
    return `${name}/${rest.replace(/(^|#)v?\d+(\.\d+)+[\w.+-]*/g, '$1<version>')}`;
  });
}

/**
 * Copies of `records` with volatile fields replaced by stable placeholders: `eventID`, `requestID` and
 * `sharedEventID` become numbered (`<eventID:1>`), `eventTime` and session `creationDate` fixed markers, the user
 * agent keeps its shape without versions, `sourceIPAddress` (this host's address by default) a marker.
 * @example
 * expect(stabilizeRecords(trail.events())).toMatchSnapshot(); // or simply: expect(trail.snapshot()).toMatchSnapshot()
 */
export function stabilizeRecords(records: readonly CloudTrailRecord[], options: SnapshotOptions = {}): CloudTrailRecord[] {
  const keep = new Set(options.keep ?? []);
  const ids = new Placeholders('eventID');
  const requests = new Placeholders('requestID');
  const shared = new Placeholders('sharedEventID');
  return records.map((original) => {
    const record = structuredClone(original);
    if (!keep.has('eventID')) record.eventID = ids.for(record.eventID);
    if (!keep.has('eventTime')) record.eventTime = '<eventTime>';
    if (record.requestID !== undefined && !keep.has('requestID')) record.requestID = requests.for(record.requestID);
    if (record.sharedEventID !== undefined && !keep.has('sharedEventID')) record.sharedEventID = shared.for(record.sharedEventID);
    if (record.userAgent !== undefined && !keep.has('userAgent')) record.userAgent = stableUserAgent(record.userAgent);
    if (record.sourceIPAddress !== undefined && !keep.has('sourceIPAddress')) record.sourceIPAddress = '<sourceIPAddress>';
    const attributes = record.userIdentity?.sessionContext?.attributes;
    if (attributes && !keep.has('creationDate')) attributes.creationDate = '<creationDate>';
    const extra = record.additionalEventData;
    if (extra && typeof extra['x-amz-id-2'] === 'string' && !keep.has('x-amz-id-2')) extra['x-amz-id-2'] = '<x-amz-id-2>';
    return record;
  });
}

function isRawRecord(value: unknown): value is CloudTrailRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<CloudTrailRecord>;
  // Stabilized records carry placeholders, which is also what stops the serializer from re-entering itself.
  return typeof r.eventVersion === 'string' && typeof r.eventID === 'string' && !r.eventID.startsWith('<') && typeof r.eventType === 'string';
}

/** A LocalTrail, by shape (importing the class here would make a cycle): events(), snapshot() and plugin(). */
function isTrailLike(value: unknown): value is { events(): CloudTrailRecord[] } {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const v = value as Record<string, unknown>;
    return typeof v['events'] === 'function' && typeof v['snapshot'] === 'function' && typeof v['plugin'] === 'function';
  } catch {
    // A Proxy or a throwing getter is not a trail; a serializer's test must never throw.
    return false;
  }
}

/** The pretty-format plugin shape shared by vitest and jest (`expect.addSnapshotSerializer`). */
export interface SnapshotSerializer {
  test(value: unknown): boolean;
  serialize(value: unknown, config: unknown, indentation: string, depth: number, refs: unknown, printer: SnapshotPrinter): string;
}
export type SnapshotPrinter = (value: unknown, config: unknown, indentation: string, depth: number, refs: unknown) => string;

/**
 * Prints records, arrays of records and LocalTrails (as their records) stabilized, so `toMatchSnapshot()` is stable.
 * Registered by `localtrail/vitest` and `localtrail/jest`; add it yourself with `expect.addSnapshotSerializer`.
 * @example
 * expect.addSnapshotSerializer(recordSnapshotSerializer);
 * expect(trail).toMatchSnapshot();
 */
export const recordSnapshotSerializer: SnapshotSerializer = {
  test(value) {
    try {
      if (isRawRecord(value) || isTrailLike(value)) return true;
      return Array.isArray(value) && value.length > 0 && value.every(isRawRecord);
    } catch {
      return false;
    }
  },
  serialize(value, config, indentation, depth, refs, printer) {
    const records = isTrailLike(value) ? value.events() : Array.isArray(value) ? (value as CloudTrailRecord[]) : [value as CloudTrailRecord];
    const stable = stabilizeRecords(records);
    return printer(Array.isArray(value) || isTrailLike(value) ? stable : stable[0], config, indentation, depth, refs);
  },
};
