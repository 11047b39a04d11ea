// Event history of one (account, region): records appended on the hot path, indexes built on the first query.
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import { parseCloudTrailTime } from '../../vocabulary/time.js';
import { forEachAttributeValue, LOOKUP_ATTRIBUTE_KEYS } from './lookup-attributes.js';

/** One record in a query result. Ordered by (time, seq): event time, then acceptance order. */
export interface HistoryEntry {
  /** `eventTime` in epoch ms. */
  time: number;
  /** Acceptance sequence number, unique within the history (the record's id in the indexes). */
  seq: number;
  record: CloudTrailRecord;
}

/** A position in (time, seq) order; queries return entries strictly before it. */
export interface HistoryCursor {
  time: number;
  seq: number;
}

/** The two event histories of one (account, region): management events, and Insights events. */
export interface Histories {
  management: EventHistory;
  insight: EventHistory;
}

export const RETENTION_MS = 90 * 24 * 3600 * 1000;
/** While indexed, records wait at most this many before being indexed on the hot path (amortised). */
const MAX_PENDING_WHILE_INDEXED = 8192;

/**
 * The history of one (account, region). `add` is O(1) (an array push); the per-attribute indexes are built the first
 * time the history is queried and kept up to date from then on, so a process that never calls LookupEvents pays
 * nothing for them. Indexes hold integer ids (no pointers), which keeps them cheap for the garbage collector.
 * About `maxEvents` records are kept, the oldest dropped and counted: between trims up to a quarter more before the
 * first query, an eighth more after it (plus up to 8,192 records waiting to be indexed).
 */
export class EventHistory {
  private pending: CloudTrailRecord[] = [];
  private indexed = false;
  /** Id of `records[0]`; ids are acceptance sequence numbers. */
  private base = 0;
  private records: CloudTrailRecord[] = [];
  private times: number[] = [];
  /** Every id, sorted by (time, id). */
  private all: number[] = [];
  private readonly byEventId = new Map<string, number>();
  /** Per attribute key: ids below this are indexed (each attribute's index is built on its first query). */
  private readonly indexedUpTo: Record<string, number> = {};
  /** Everything before this (time, seq) position has been cut; late index builds skip such records. */
  private cutTime = Number.NEGATIVE_INFINITY;
  private cutSeq = -1;
  /** Per lookup attribute but EventId (which `byEventId` holds): attribute value → ids, sorted by (time, id). */
  private readonly byKey: Record<string, Map<string, number[]>> = Object.fromEntries(
    LOOKUP_ATTRIBUTE_KEYS.filter((key) => key !== 'EventId').map((key) => [key, new Map<string, number[]>()]),
  );
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

  private time(id: number): number {
    return this.times[id - this.base]!;
  }

  /** Index of the first id in `ids` not before (time, seq). */
  private lowerBound(ids: number[], time: number, seq: number): number {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const id = ids[mid]!;
      const tm = this.time(id);
      if (tm < time || (tm === time && id < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insertSorted(ids: number[], id: number, t: number): void {
    const n = ids.length;
    if (n === 0) {
      ids.push(id);
      return;
    }
    const last = ids[n - 1]!;
    if (last === id) return;
    const lastTime = this.time(last);
    if (lastTime < t || (lastTime === t && last < id)) ids.push(id);
    else {
      const at = this.lowerBound(ids, t, id);
      if (ids[at] !== id) ids.splice(at, 0, id);
    }
  }

  private put(key: string, value: string, id: number, t: number): void {
    if (value === '') return;
    const buckets = this.byKey[key]!;
    const bucket = buckets.get(value);
    if (bucket === undefined) buckets.set(value, [id]);
    else this.insertSorted(bucket, id, t);
  }

  /**
   * Entries for `key = value` (or all entries without a key) with `fromMs <= time <= toMs`, strictly before
   * `cursor` when given, newest first, at most `limit` + 1 (the extra one tells whether more exist).
   */
  query(key: string | undefined, value: string | undefined, fromMs: number, toMs: number, cursor: HistoryCursor | undefined, limit: number): HistoryEntry[] {
    this.drain();
    let ids: number[] | undefined;
    if (key !== undefined) this.ensureIndexed(key);
    if (key === undefined) ids = this.all;
    else if (key === 'EventId') {
      const id = this.byEventId.get(value!);
      ids = id === undefined ? undefined : [id];
    } else ids = this.byKey[key]?.get(value!);
    const out: HistoryEntry[] = [];
    if (ids === undefined || ids.length === 0) return out;
    const end = cursor ? this.lowerBound(ids, cursor.time, cursor.seq) : this.lowerBound(ids, Math.floor(toMs) + 1, -1);
    for (let i = end - 1; i >= 0 && out.length <= limit; i--) {
      const id = ids[i]!;
      const time = this.time(id);
      if (time < fromMs) break;
      if (time <= toMs) out.push({ time, seq: id, record: this.records[id - this.base]! });
    }
    return out;
  }

  /** Drops entries older than `cutoffMs` (retention); physically only once enough have expired. */
  expire(cutoffMs: number): void {
    if (!this.indexed) {
      let n = 0;
      while (n < this.pending.length && parseCloudTrailTime(this.pending[n]!.eventTime) < cutoffMs) n++;
      if (n > 0) this.pending.splice(0, n);
      return;
    }
    this.drain();
    const expired = this.lowerBound(this.all, cutoffMs, -1);
    if (expired > 4096 || (expired > 0 && expired >= this.all.length >> 3)) this.cutBefore(cutoffMs, -1);
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
      this.cutBefore(this.time(boundary), boundary);
      this.dropped += excess;
    }
  }

  /** Stores a record and places it in the time order; attribute indexes catch up when queried. */
  private index(record: CloudTrailRecord): void {
    const id = this.base + this.records.length;
    let t = parseCloudTrailTime(record.eventTime);
    // A record without a readable eventTime sorts with the one before it rather than breaking the order.
    if (Number.isNaN(t)) t = this.times.length > 0 ? this.times[this.times.length - 1]! : 0;
    this.records.push(record);
    this.times.push(t);
    this.insertSorted(this.all, id, t);
  }

  /** Brings one attribute's index up to date with every stored record. */
  private ensureIndexed(key: string): void {
    if (key !== 'EventId' && this.byKey[key] === undefined) return;
    const end = this.base + this.records.length;
    let id = Math.max(this.indexedUpTo[key] ?? this.base, this.base);
    if (id >= end) return;
    let t = 0;
    // One function for the whole pass (not one per record): it reads the id and time of the record at hand.
    const put = (value: string): void => this.put(key, value, id, t);
    for (; id < end; id++) {
      const record = this.records[id - this.base]!;
      t = this.times[id - this.base]!;
      if (t < this.cutTime || (t === this.cutTime && id < this.cutSeq)) continue;
      if (key === 'EventId') this.byEventId.set(record.eventID, id);
      else forEachAttributeValue(record, key, put);
    }
    this.indexedUpTo[key] = end;
  }

  /** Removes every entry before (time, seq) from all indexes and frees the records no index refers to any more. */
  private cutBefore(time: number, seq: number): void {
    if (time > this.cutTime || (time === this.cutTime && seq > this.cutSeq)) {
      this.cutTime = time;
      this.cutSeq = seq;
    }
    const n = this.lowerBound(this.all, time, seq);
    for (let i = 0; i < n; i++) {
      const id = this.all[i]!;
      const eventId = this.records[id - this.base]!.eventID;
      if (this.byEventId.get(eventId) === id) this.byEventId.delete(eventId);
    }
    this.all.splice(0, n);
    for (const buckets of Object.values(this.byKey)) {
      for (const [value, bucket] of buckets) {
        const k = this.lowerBound(bucket, time, seq);
        if (k === bucket.length) buckets.delete(value);
        else if (k > 0) bucket.splice(0, k);
      }
    }
    let minId = this.base + this.records.length;
    for (let i = 0; i < this.all.length; i++) if (this.all[i]! < minId) minId = this.all[i]!;
    const drop = minId - this.base;
    if (drop > 0) {
      this.records.splice(0, drop);
      this.times.splice(0, drop);
      this.base = minId;
    }
  }
}
