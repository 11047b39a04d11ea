// Event history of one (account, region): records appended on the hot path, indexes built on the first query.
import type { CloudTrailRecord } from '../../event/record.js';
import { attributeValues, LOOKUP_ATTRIBUTE_KEYS } from './lookup-attributes.js';

/** One record in the history. Ordered by (t, s): event time, then acceptance order. */
export interface HistoryEntry {
  /** `eventTime` in epoch ms. */
  t: number;
  /** Acceptance sequence number, unique within the history. */
  s: number;
  r: CloudTrailRecord;
  /** The record as JSON, computed when first returned. */
  json?: string;
}

/** A position in (t, s) order; queries return entries strictly before it. */
export interface HistoryCursor {
  t: number;
  s: number;
}

export const RETENTION_MS = 90 * 24 * 3600 * 1000;
const INDEXED_KEYS = LOOKUP_ATTRIBUTE_KEYS.filter((k) => k !== 'EventId');
/** While indexed, records wait at most this many before being indexed on the hot path (amortised). */
const MAX_PENDING_WHILE_INDEXED = 8192;

function before(a: HistoryEntry, t: number, s: number): boolean {
  return a.t < t || (a.t === t && a.s < s);
}

/** Index of the first entry not before (t, s) in a (t, s)-sorted array. */
function lowerBound(entries: HistoryEntry[], t: number, s: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(entries[mid]!, t, s)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(entries: HistoryEntry[], entry: HistoryEntry): void {
  const last = entries[entries.length - 1];
  if (last === undefined || before(last, entry.t, entry.s)) entries.push(entry);
  else entries.splice(lowerBound(entries, entry.t, entry.s), 0, entry);
}

let cachedTimeString = '';
let cachedTimeMs = 0;
function parseEventTime(eventTime: string): number {
  if (eventTime !== cachedTimeString) {
    cachedTimeMs = Date.parse(eventTime);
    cachedTimeString = eventTime;
  }
  return cachedTimeMs;
}

/**
 * The history of one (account, region). `add` is O(1) (an array push); the per-attribute indexes are built the first
 * time the history is queried and kept up to date from then on, so a process that never calls LookupEvents pays
 * nothing for them. At most `maxEvents` records are kept; older ones are dropped and counted.
 */
export class EventHistory {
  private pending: CloudTrailRecord[] = [];
  private indexed = false;
  private nextSeq = 0;
  private all: HistoryEntry[] = [];
  private readonly byEventId = new Map<string, HistoryEntry>();
  private readonly byAttribute = new Map<string, Map<string, HistoryEntry[]>>(INDEXED_KEYS.map((k) => [k, new Map()]));
  /** Records dropped because of `maxEvents`. */
  dropped = 0;

  constructor(private readonly maxEvents: number) {}

  /** Hot path: remember the record. */
  add(record: CloudTrailRecord): void {
    this.pending.push(record);
    if (this.indexed) {
      if (this.pending.length >= MAX_PENDING_WHILE_INDEXED) this.drain();
    } else if (this.pending.length >= this.maxEvents + (this.maxEvents >> 2) + 1) {
      const excess = this.pending.length - this.maxEvents;
      this.pending.splice(0, excess);
      this.dropped += excess;
    }
  }

  /** Number of records held (indexed or not). */
  get size(): number {
    return this.all.length + this.pending.length;
  }

  /**
   * Entries for `key = value` (or all entries without a key) with `t >= fromMs`, strictly before `cursor` (or with
   * `t <= toMs` when there is no cursor), newest first, at most `limit` + 1 (the extra one tells whether more exist).
   */
  query(key: string | undefined, value: string | undefined, fromMs: number, toMs: number, cursor: HistoryCursor | undefined, limit: number): HistoryEntry[] {
    this.drain();
    let entries: HistoryEntry[] | undefined;
    if (key === undefined) entries = this.all;
    else if (key === 'EventId') {
      const entry = this.byEventId.get(value!);
      entries = entry ? [entry] : undefined;
    } else entries = this.byAttribute.get(key)?.get(value!);
    const out: HistoryEntry[] = [];
    if (entries === undefined || entries.length === 0) return out;
    let i = cursor ? lowerBound(entries, cursor.t, cursor.s) : lowerBound(entries, Math.floor(toMs) + 1, -1);
    for (i = i - 1; i >= 0 && out.length <= limit; i--) {
      const entry = entries[i]!;
      if (entry.t < fromMs) break;
      if (entry.t <= toMs) out.push(entry);
    }
    return out;
  }

  /** Drops entries older than `cutoffMs` (retention). Cheap when nothing is due. */
  expire(cutoffMs: number): void {
    if (!this.indexed) {
      let n = 0;
      while (n < this.pending.length && parseEventTime(this.pending[n]!.eventTime) < cutoffMs) n++;
      if (n > 0) this.pending.splice(0, n);
      return;
    }
    this.drain();
    const first = this.all[0];
    if (first === undefined || first.t >= cutoffMs) return;
    this.cutBefore(cutoffMs, -1);
  }

  /** Indexes every pending record. */
  private drain(): void {
    if (!this.indexed) {
      this.indexed = true;
      if (this.pending.length > this.maxEvents) {
        const excess = this.pending.length - this.maxEvents;
        this.pending.splice(0, excess);
        this.dropped += excess;
      }
    }
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    for (let i = 0; i < pending.length; i++) this.index(pending[i]!);
    if (this.all.length > this.maxEvents + (this.maxEvents >> 3)) {
      const excess = this.all.length - this.maxEvents;
      const boundary = this.all[excess]!;
      this.cutBefore(boundary.t, boundary.s);
      this.dropped += excess;
    }
  }

  private index(record: CloudTrailRecord): void {
    const entry: HistoryEntry = { t: parseEventTime(record.eventTime), s: this.nextSeq++, r: record };
    insertSorted(this.all, entry);
    this.byEventId.set(record.eventID, entry);
    for (const key of INDEXED_KEYS) {
      const buckets = this.byAttribute.get(key)!;
      for (const value of attributeValues(record, key)) {
        const bucket = buckets.get(value);
        if (bucket === undefined) buckets.set(value, [entry]);
        else insertSorted(bucket, entry);
      }
    }
  }

  /** Removes every entry before (t, s) from all indexes. */
  private cutBefore(t: number, s: number): void {
    const n = lowerBound(this.all, t, s);
    for (let i = 0; i < n; i++) {
      const entry = this.all[i]!;
      if (this.byEventId.get(entry.r.eventID) === entry) this.byEventId.delete(entry.r.eventID);
    }
    this.all.splice(0, n);
    for (const buckets of this.byAttribute.values()) {
      for (const [value, bucket] of buckets) {
        const k = lowerBound(bucket, t, s);
        if (k === bucket.length) buckets.delete(value);
        else if (k > 0) bucket.splice(0, k);
      }
    }
  }
}
