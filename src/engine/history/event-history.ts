// Event history of one (account, region): records appended on the hot path, lookups answered from per-attribute
// indexes that are built a slice at a time, by scanning until an index is ready.
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import { lastFormattedSecond, parseCloudTrailTime } from '../../vocabulary/time.js';
import { ATTRIBUTE_MATCHERS } from './attribute-match.js';
import { forEachAttributeValue } from './lookup-attributes.js';
import { TimeRuns } from './time-runs.js';

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
/**
 * Records a lookup visits, scanning and indexing, while an attribute index is built. A lookup whose index is further
 * behind than this answers by scanning newest first instead (one pass at most, usually far less) and indexes what is
 * left of its budget: so no lookup pays for indexing a large history at once (a million records took 0.1 to 1.9 s
 * per attribute).
 */
const INDEX_SLICE = 32_768;
/** How far before its id's time a localtrail event's eventTime can be (second precision, clock steps, Insights). */
const ID_TIME_WINDOW_MS = 15 * 60_000;
/** A lookup that scanned much still indexes this many: rare values, which scan furthest, need the index most. */
const MIN_SLICE = 16_384;

/** A cheap 31-bit fingerprint of an event id from its last 12 characters (the random part of GUIDs and ULIDs). */
function fingerprint(eventId: string): number {
  let h = eventId.length;
  for (let i = Math.max(0, eventId.length - 12); i < eventId.length; i++) h = (Math.imul(h, 31) + eventId.charCodeAt(i)) | 0;
  return h & 0x7fffffff;
}

/** One attribute's index: ids with each value, in (t, s) order, for every record below `upTo`. */
interface AttributeIndex {
  upTo: number;
  buckets: Map<string, number[]>;
}

/**
 * The history of one (account, region). `add` keeps the record (an array push, and a time only when the eventTime
 * string changes). While records arrive in time order the arrival order is the time order and nothing else is kept;
 * a record that arrives late switches to an explicit order array. Per-attribute indexes are built
 * only once the attribute is looked up, a slice per lookup; a process that never calls LookupEvents pays nothing
 * for them. Indexes hold integer ids (no pointers), which keeps them cheap for the garbage collector.
 * About `maxEvents` records are kept (up to 1/4 more between trims); older ones are dropped and counted.
 */
export class EventHistory {
  /** Id of `records[0]`; ids are acceptance sequence numbers. */
  private base = 0;
  private records: CloudTrailRecord[] = [];
  /** The time of every record held, as runs of equal times (see TimeRuns). */
  private readonly runs = new TimeRuns();
  /** The time of the newest run (the last record's); NaN before the first. */
  private lastRunTime = Number.NaN;
  /** The latest time added so far; an earlier one makes the arrival order stop being the time order. */
  private lastTime = Number.NEGATIVE_INFINITY;
  /** Id of the first record that arrived out of time order, while `order` is not built yet; -1 for none. */
  private firstLate = -1;
  /** Every live id in (t, s) order, once a record arrived late; null while arrival order is time order. */
  private order: number[] | null = null;
  /** Ids below this are in `order`. */
  private orderedUpTo = 0;
  /** Everything before this (t, s) position has been cut; with an explicit order cut records may stay in `records`. */
  private cutTime = Number.NEGATIVE_INFINITY;
  private cutSeq = -1;
  /** `records.length` at which `add` next trims (amortised: every `maxEvents / 4` records). */
  private trimAt: number;
  private readonly indexes = new Map<string, AttributeIndex>();
  /** EventId: a fingerprint per record (aligned with `records`) for every record below `eventIdsUpTo`. */
  private eventIds: number[] = [];
  private eventIdsUpTo = 0;
  /** Records the last scan visited. */
  private scanned = 0;
  /** Records dropped because of `maxEvents`. */
  dropped = 0;

  constructor(private readonly maxEvents: number) {
    this.trimAt = maxEvents + (maxEvents >> 2) + 1;
  }

  /**
   * Hot path: remember the record. When the recorder just formatted its eventTime (`lastFormattedSecond`), its time
   * costs one pointer comparison, nothing is parsed, and a run is pushed once a second at most.
   */
  add(record: CloudTrailRecord): void {
    if (this.maxEvents === 0) {
      this.dropped++;
      return;
    }
    let t = lastFormattedSecond(record.eventTime);
    if (Number.isNaN(t)) t = this.readTime(record.eventTime);
    if (t !== this.lastRunTime) this.newRun(t);
    this.records.push(record);
    if (this.records.length >= this.trimAt) this.trim(this.maxEvents + (this.maxEvents >> 2));
  }

  /** The time of an eventTime string the recorder did not just format (records from files, tests, other sources). */
  private readTime(text: string): number {
    const t = parseCloudTrailTime(text);
    // A record without a readable eventTime sorts with the one before it rather than breaking the order.
    return Number.isNaN(t) ? (this.lastTime === Number.NEGATIVE_INFINITY ? 0 : this.lastTime) : t;
  }

  /** A record with another time than the one before: a new run, and whether it arrived late. */
  private newRun(t: number): void {
    const id = this.base + this.records.length;
    if (t >= this.lastTime) this.lastTime = t;
    else if (this.firstLate < 0 && this.order === null) this.firstLate = id;
    this.runs.push(id, t);
    this.lastRunTime = t;
  }

  /** Number of records held. */
  get size(): number {
    // Without an explicit order every record held is live (cuts took prefixes); with one, the ids not yet placed count too.
    return this.order === null ? this.records.length : this.order.length + (this.end - this.orderedUpTo);
  }

  private get end(): number {
    return this.base + this.records.length;
  }

  private time(id: number): number {
    return this.runs.at(id);
  }

  private isCut(id: number, t: number): boolean {
    return t < this.cutTime || (t === this.cutTime && id < this.cutSeq);
  }

  /** Live records in (t, s) order: positions 0 … count-1. */
  private count(): number {
    return this.order === null ? this.records.length : this.order.length;
  }

  private idAt(position: number): number {
    return this.order === null ? this.base + position : this.order[position]!;
  }

  /** The first position not before (t, s). */
  private lowerBoundPosition(t: number, s: number): number {
    let lo = 0;
    let hi = this.count();
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const id = this.idAt(mid);
      const tm = this.time(id);
      if (tm < t || (tm === t && id < s)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first id in `ids` (sorted by (t, s)) not before (t, s). */
  private lowerBound(ids: number[], t: number, s: number): number {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const id = ids[mid]!;
      const tm = this.time(id);
      if (tm < t || (tm === t && id < s)) lo = mid + 1;
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
    // While arrival order is time order, a later id is a later (t, s): no time to look up.
    if (last < id && this.order === null && this.firstLate < 0) {
      ids.push(id);
      return;
    }
    const lastTime = this.time(last);
    if (lastTime < t || (lastTime === t && last < id)) ids.push(id);
    else {
      const at = this.lowerBound(ids, t, id);
      if (ids[at] !== id) ids.splice(at, 0, id);
    }
  }

  /** After a late arrival, keeps an explicit (t, s) order of every live id. */
  private ensureOrdered(): void {
    if (this.order === null) {
      if (this.firstLate < 0) return;
      // Everything before the first late record arrived in time order (and is live: cuts so far took prefixes).
      const order: number[] = [];
      for (let id = this.base; id < this.firstLate; id++) order.push(id);
      this.order = order;
      this.orderedUpTo = this.firstLate;
      this.firstLate = -1;
    }
    const order = this.order;
    const end = this.end;
    for (let id = this.orderedUpTo; id < end; id++) this.insertSorted(order, id, this.time(id));
    this.orderedUpTo = end;
  }

  /**
   * Entries for `key = value` (or all entries without a key) with `t >= fromMs` and `t <= toMs`, strictly before
   * `cursor` when given, newest first, at most `limit` + 1 (the extra one tells whether more exist).
   */
  query(key: string | undefined, value: string | undefined, fromMs: number, toMs: number, cursor: HistoryCursor | undefined, limit: number): HistoryEntry[] {
    this.ensureOrdered();
    if (this.count() > this.maxEvents + (this.maxEvents >> 3)) this.trim(this.maxEvents);
    const top = cursor ? this.lowerBoundPosition(cursor.time, cursor.seq) : this.lowerBoundPosition(Math.floor(toMs) + 1, -1);
    if (key === undefined) return this.scan(top, undefined, '', fromMs, limit);
    if (key === 'EventId') return this.lookupEventId(value!, top, fromMs, toMs, cursor, limit);
    let index = this.indexes.get(key);
    if (index === undefined) this.indexes.set(key, (index = { upTo: this.base, buckets: new Map() }));
    if (this.end - Math.max(index.upTo, this.base) > INDEX_SLICE) {
      const found = this.scan(top, key, value!, fromMs, limit);
      this.build(key, index, Math.max(MIN_SLICE, INDEX_SLICE - this.scanned));
      return found;
    }
    this.build(key, index, INDEX_SLICE);
    const ids = index.buckets.get(value!);
    const out: HistoryEntry[] = [];
    if (ids === undefined || ids.length === 0) return out;
    const end = cursor ? this.lowerBound(ids, cursor.time, cursor.seq) : this.lowerBound(ids, Math.floor(toMs) + 1, -1);
    for (let i = end - 1; i >= 0 && out.length <= limit; i--) {
      const id = ids[i]!;
      const t = this.time(id);
      if (t < fromMs) break;
      if (t <= toMs) out.push({ time: t, seq: id, record: this.records[id - this.base]! });
    }
    return out;
  }

  /**
   * Newest first from position `top` down to the first at or after `fromMs`, every record or those with
   * `key = value`. Positions below `top` are within `toMs` (or before the cursor) already, so only the records are read.
   */
  private scan(top: number, key: string | undefined, value: string, fromMs: number, limit: number): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    const bottom = this.lowerBoundPosition(fromMs, -1);
    const match = key === undefined ? undefined : ATTRIBUTE_MATCHERS[key];
    const records = this.records;
    const base = this.base;
    let position = top - 1;
    for (; position >= bottom && out.length <= limit; position--) {
      const id = this.idAt(position);
      const record = records[id - base]!;
      if (match === undefined || match(record, value)) out.push({ time: this.time(id), seq: id, record });
    }
    this.scanned = top - 1 - position;
    return out;
  }

  /** EventId: a scan while fingerprints are being taken, then the fingerprint column. */
  private lookupEventId(value: string, top: number, fromMs: number, toMs: number, cursor: HistoryCursor | undefined, limit: number): HistoryEntry[] {
    if (this.end - Math.max(this.eventIdsUpTo, this.base) > INDEX_SLICE) {
      const near = this.nearIdTime(value);
      if (near.length > 0) return this.finishEventIds(near, fromMs, toMs, cursor, limit);
      const found = this.scan(top, 'EventId', value, fromMs, limit);
      this.fingerprintEventIds(Math.max(MIN_SLICE, INDEX_SLICE - this.scanned));
      return found;
    }
    this.fingerprintEventIds(INDEX_SLICE);
    const wanted = fingerprint(value);
    const found: HistoryEntry[] = [];
    const fingerprints = this.eventIds;
    for (let i = fingerprints.length - 1; i >= 0; i--) {
      if (fingerprints[i] !== wanted) continue;
      const record = this.records[i]!;
      if (record.eventID === value) found.push({ time: this.time(this.base + i), seq: this.base + i, record });
    }
    return this.finishEventIds(found, fromMs, toMs, cursor, limit);
  }

  /**
   * localtrail's own event ids begin with the event's time (a ULID written as a GUID, `src/event/event-id.ts`), at
   * or up to a few minutes after its eventTime: the records of those minutes are looked at first. Other ids
   * (CloudTrail's are random) find nothing here and are scanned for.
   */
  private nearIdTime(value: string): HistoryEntry[] {
    const found: HistoryEntry[] = [];
    if (value.length !== 36 || value.charCodeAt(8) !== 45 /* - */) return found;
    const high = Number.parseInt(value.slice(0, 8), 16);
    const low = Number.parseInt(value.slice(9, 13), 16);
    if (Number.isNaN(high) || Number.isNaN(low)) return found;
    const idTime = high * 0x10000 + low;
    const top = this.lowerBoundPosition(idTime + 1, -1);
    for (let position = top - 1; position >= 0; position--) {
      const id = this.idAt(position);
      const t = this.time(id);
      if (t < idTime - ID_TIME_WINDOW_MS) break;
      const record = this.records[id - this.base]!;
      if (record.eventID === value) found.push({ time: t, seq: id, record });
    }
    return found;
  }

  /** EventId matches that are live, in range and before the cursor, newest first, at most `limit` + 1. */
  private finishEventIds(found: HistoryEntry[], fromMs: number, toMs: number, cursor: HistoryCursor | undefined, limit: number): HistoryEntry[] {
    const out = found.filter(({ time, seq }) => !this.isCut(seq, time) && time >= fromMs && time <= toMs && (!cursor || time < cursor.time || (time === cursor.time && seq < cursor.seq)));
    out.sort((a, b) => b.time - a.time || b.seq - a.seq);
    if (out.length > limit + 1) out.length = limit + 1;
    return out;
  }

  /** Takes the fingerprints of up to `slice` more event ids. */
  private fingerprintEventIds(slice: number): void {
    const end = Math.min(this.end, Math.max(this.eventIdsUpTo, this.base) + slice);
    for (let id = Math.max(this.eventIdsUpTo, this.base); id < end; id++) this.eventIds.push(fingerprint(this.records[id - this.base]!.eventID));
    this.eventIdsUpTo = end;
  }

  private put(buckets: Map<string, number[]>, value: string, id: number, t: number): void {
    if (value === '') return;
    const bucket = buckets.get(value);
    if (bucket === undefined) buckets.set(value, [id]);
    else this.insertSorted(bucket, id, t);
  }

  /** Indexes up to `slice` more records for one attribute. */
  private build(key: string, index: AttributeIndex, slice: number): void {
    const start = Math.max(index.upTo, this.base);
    const end = Math.min(this.end, start + slice);
    const buckets = index.buckets;
    let id = start;
    let t = 0;
    // One function for the whole pass (not one per record): it reads the id and time of the record at hand.
    const put = (value: string): void => this.put(buckets, value, id, t);
    for (; id < end; id++) {
      t = this.time(id);
      if (this.isCut(id, t)) continue;
      forEachAttributeValue(this.records[id - this.base]!, key, put);
    }
    index.upTo = end;
  }

  /** Drops entries older than `cutoffMs` (retention); physically only once enough have expired. */
  expire(cutoffMs: number): void {
    this.ensureOrdered();
    const expired = this.lowerBoundPosition(cutoffMs, -1);
    if (expired > 4096 || (expired > 0 && expired >= this.count() >> 3)) this.cutBefore(cutoffMs, -1);
  }

  /** Keeps the newest `maxEvents` when more than `allowed` are held. */
  private trim(allowed: number): void {
    this.ensureOrdered();
    const count = this.count();
    if (count > allowed) {
      const excess = count - this.maxEvents;
      const boundary = this.idAt(excess);
      this.cutBefore(this.time(boundary), boundary);
      this.dropped += excess;
    }
    this.trimAt = this.records.length + (this.maxEvents >> 2) + 1;
  }

  /** Removes every entry before (t, s) from the order and all indexes and frees the records nothing refers to. */
  private cutBefore(t: number, s: number): void {
    if (t > this.cutTime || (t === this.cutTime && s > this.cutSeq)) {
      this.cutTime = t;
      this.cutSeq = s;
    }
    const n = this.lowerBoundPosition(t, s);
    let drop = n;
    if (this.order !== null) {
      this.order.splice(0, n);
      let minId = this.end;
      for (let i = 0; i < this.order.length; i++) if (this.order[i]! < minId) minId = this.order[i]!;
      drop = minId - this.base;
    }
    for (const index of this.indexes.values()) {
      for (const [value, bucket] of index.buckets) {
        const k = this.lowerBound(bucket, t, s);
        if (k === bucket.length) index.buckets.delete(value);
        else if (k > 0) bucket.splice(0, k);
      }
    }
    if (drop > 0) {
      this.records.splice(0, drop);
      this.runs.dropBefore(this.base + drop);
      this.eventIds.splice(0, Math.min(drop, this.eventIds.length));
      this.base += drop;
    }
  }
}
