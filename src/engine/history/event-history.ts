// Event history of one (account, region): records appended on the hot path with a signature per lookup attribute,
// lookups answered from per-attribute indexes that are built a few milliseconds at a time, by scanning the
// signatures until an index is complete.
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import { lastFormattedSecond, parseCloudTrailTime } from '../../vocabulary/time.js';
import { ATTRIBUTE_MATCHERS } from './attribute-match.js';
import { NONE, signatureColumn, signatureProbe } from './attribute-signatures.js';
import { attributeValue, resourceNameOf } from './lookup-attributes.js';
import { SignatureColumns } from './signature-columns.js';
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
 * Time a lookup spends, scanning and indexing, while its attribute's index is more than MIN_SLICE records behind.
 * Indexing a million records takes 0.05 to 0.5 s an attribute (several times that before V8 has optimised the code,
 * in a new process), so no lookup does it at once: each answers by scanning the signatures newest first (one pass at
 * most, 1 to 3 ms a million records here, usually far less), then indexes for what is left of this, and at least
 * MIN_INDEX_MS. Once the index has caught up, lookups use it: after some 5 to 60 lookups by the attribute over a
 * million records.
 */
const INDEX_BUDGET_MS = 8;
/** Time a lookup indexes however long its scan took: lookups for rare values, which scan furthest, need the index most. */
const MIN_INDEX_MS = 2;
/**
 * Records a lookup indexes however long they take (progress on a machine too busy for the budget), and the most an
 * index can be behind for a lookup to catch it up and use it.
 */
const MIN_SLICE = 1024;
/** Records indexed between two looks at the clock. */
const CLOCK_EVERY = 256;
/** How far before its id's time a localtrail event's eventTime can be (second precision, clock steps, Insights). */
const ID_TIME_WINDOW_MS = 15 * 60_000;
/** The real clock, taken before a test can fake `performance` (budgets are wall time in the process, not the trail's). */
const now = performance.now.bind(performance);

/** One attribute's index: ids with each value, in (t, s) order, for every record below `upTo`. */
interface AttributeIndex {
  upTo: number;
  buckets: Map<string, number[]>;
}

/**
 * The history of one (account, region). `add` keeps the record (an array push, and a time only when the eventTime
 * string changes) and its eight attribute signatures, 32 bytes in typed arrays: about 1,300 to 1,900 instructions a
 * record (55 to 250 ns with the record in cache), paid whether or not anything is ever looked up, so that a first
 * lookup over a large history reads a column of integers rather than every record. A record is signed as it is when
 * added: records are not changed once recorded. While records arrive in time order the arrival order is the time
 * order and nothing else is kept; a record that arrives late switches to an explicit order array. Per-attribute
 * indexes are built only once the attribute is looked up, for a few milliseconds per lookup; a process that never
 * calls LookupEvents pays nothing for them. Indexes hold integer ids (no pointers), which keeps them cheap for the
 * garbage collector. About `maxEvents` records are kept (up to 1/4 more between trims); older ones are dropped and
 * counted.
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
  /** A signature per record and lookup attribute, by id: what a scan tests before it reads a record. */
  private readonly signatures = new SignatureColumns();
  /** Records dropped because of `maxEvents`. */
  dropped = 0;

  /** `indexBudgetMs`: see INDEX_BUDGET_MS; 0 makes every lookup index exactly MIN_SLICE records (tests use it). */
  constructor(
    private readonly maxEvents: number,
    private readonly options: { indexBudgetMs?: number } = {},
  ) {
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
    this.signatures.add(this.base + this.records.length, record);
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
    if (this.end - Math.max(index.upTo, this.base) > MIN_SLICE) {
      const started = now();
      const found = this.scan(top, key, value!, fromMs, limit);
      const budget = this.options.indexBudgetMs ?? INDEX_BUDGET_MS;
      this.build(key, index, Math.max(started + budget, now() + Math.min(budget, MIN_INDEX_MS)));
      return found;
    }
    this.build(key, index, Number.POSITIVE_INFINITY);
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
   * For an attribute, a record is read only when its signature agrees with the value's.
   */
  private scan(top: number, key: string | undefined, value: string, fromMs: number, limit: number): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    const bottom = this.lowerBoundPosition(fromMs, -1);
    const match = key === undefined ? undefined : ATTRIBUTE_MATCHERS[key];
    const probe = key === undefined ? undefined : signatureProbe(key, value);
    const records = this.records;
    const base = this.base;
    let position = top - 1;
    if (match === undefined || probe === undefined) {
      for (; position >= bottom && out.length <= limit; position--) {
        const id = this.idAt(position);
        const record = records[id - base]!;
        if (match === undefined || match(record, value)) out.push({ time: this.time(id), seq: id, record });
      }
      return out;
    }
    const { column, mask, want } = probe;
    // A record whose signature agrees: read and matched (the signature may agree by chance); false once the page is full.
    const candidate = (id: number): boolean => {
      const record = records[id - base]!;
      if (match(record, value)) out.push({ time: this.time(id), seq: id, record });
      return out.length <= limit;
    };
    // Positions are ids less base while arrival order is time order; after a late arrival the order array maps them.
    if (this.order === null) this.signatures.findDown(column, mask, want, base + top, base + bottom, candidate);
    else this.signatures.findDownOrdered(column, mask, want, this.order, top, bottom, candidate);
    return out;
  }

  /** EventId: near the time a localtrail id carries, else a scan of the id signatures (no index: ids are unique). */
  private lookupEventId(value: string, top: number, fromMs: number, toMs: number, cursor: HistoryCursor | undefined, limit: number): HistoryEntry[] {
    const near = this.nearIdTime(value);
    if (near.length > 0) return this.finishEventIds(near, fromMs, toMs, cursor, limit);
    return this.scan(top, 'EventId', value, fromMs, limit);
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

  private put(buckets: Map<string, number[]>, value: string, id: number, t: number): void {
    if (value === '') return;
    const bucket = buckets.get(value);
    if (bucket === undefined) buckets.set(value, [id]);
    else this.insertSorted(bucket, id, t);
  }

  /**
   * Indexes more records for one attribute, until `deadline` (after MIN_SLICE records at least) or the last record.
   * The values are read as `forEachAttributeValue` reads them, without a function per call (which V8 would inline
   * for one history, and throw away for the next).
   */
  private build(key: string, index: AttributeIndex, deadline: number): void {
    const start = Math.max(index.upTo, this.base);
    const end = this.end;
    const buckets = index.buckets;
    const column = signatureColumn(key);
    const resources = key === 'ResourceType' || key === 'ResourceName';
    let id = start;
    while (id < end) {
      const stop = Math.min(end, id + CLOCK_EVERY);
      for (; id < stop; id++) {
        // A record without the attribute has nothing to index: it is not read.
        if (column !== undefined && this.signatures.at(id, column) === NONE) continue;
        const t = this.time(id);
        if (this.isCut(id, t)) continue;
        const record = this.records[id - this.base]!;
        if (!resources) {
          const value = attributeValue(record, key);
          if (value !== undefined) this.put(buckets, value, id, t);
          continue;
        }
        const list = record.resources!;
        for (let i = 0; i < list.length; i++) {
          const resource = list[i];
          if (resource == null) continue;
          if (key === 'ResourceType') this.put(buckets, resource.type, id, t);
          else {
            const name = resourceNameOf(resource);
            if (name !== undefined) this.put(buckets, name, id, t);
            const arn = resource.ARN ?? resource.ARNPrefix;
            if (arn !== undefined) this.put(buckets, arn, id, t);
          }
        }
      }
      if (id - start >= MIN_SLICE && now() >= deadline) break;
    }
    index.upTo = id;
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
      this.base += drop;
      this.signatures.dropBefore(this.base);
    }
  }
}
