// readTrail: the records of a trail folder or bucket as an async stream, filtered, newest first (or following new
// files), one file at a time with a small read-ahead; unreadable files are skipped and reported, never fatal.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { decodeLogFile } from './decode-log-file.js';
import { folderLogSource } from './folder-log-source.js';
import type { LogObject } from './log-object.js';
import { classifyKey } from './log-object.js';
import type { LogSource } from './log-source.js';
import { ReaderError } from './log-source.js';
import { NewestFirst } from './newest-first.js';
import type { S3ClientLike } from './s3-log-source.js';
import { s3LogSource } from './s3-log-source.js';
import type { CompiledFilter, TrailFilter } from './trail-filter.js';
import { compileFilter, eventTimeOf } from './trail-filter.js';

/**
 * A file that could not be read, and why (`invalid format: not a gzip file`, `could not read: EACCES …`).
 * @example
 * for (const s of reader.skipped) console.error(`${s.key}: ${s.reason}`);
 */
export interface SkippedLogFile {
  key: string;
  reason: string;
}

/**
 * How `follow` waits for new log files (`localtrail tail`).
 * @example
 * for await (const r of readTrail(source, { follow: { backlog: 10, intervalMs: 500 } })) console.log(r.eventName);
 */
export interface FollowOptions {
  /** How often to list the source for new files. Default 1 s for a folder, 10 s for S3. */
  intervalMs?: number;
  /** First yield the newest `backlog` matching records already there (oldest of them first). Default 0. */
  backlog?: number;
}

/**
 * How to read a trail: which records (`filter`) and where from.
 * @example
 * readTrail(folderLogSource('./.localtrail'), { filter: { eventName: 'PutObject', errors: true } });
 */
export interface ReadTrailOptions {
  filter?: TrailFilter;
  /** Stop after this many records. */
  max?: number;
  /**
   * Keep reading as new log files arrive, until `signal` aborts: each new file's records oldest first. Files already
   * there when the read starts are only noted (see `backlog`); a folder that does not exist yet is waited for.
   */
  follow?: boolean | FollowOptions;
  /** Ends the read (and follow mode) at the next file or poll. */
  signal?: AbortSignal;
  /** Called for each file that could not be read; the read goes on. */
  onSkip?: (file: SkippedLogFile) => void;
  /** Files fetched and decompressed ahead of the one being parsed. Default 2. */
  readAhead?: number;
  /** For `s3://` locations: the client to read with. */
  s3Client?: S3ClientLike;
  /** For `s3://` locations without a client: an S3-compatible endpoint. */
  endpoint?: string;
}

/**
 * Counters of one read, updated as it goes.
 * @example
 * const { filesRead, recordsMatched } = reader.stats;
 */
export interface TrailReadStats {
  /** Log, Insights and other `.json.gz` files found. */
  filesListed: number;
  /** Files left unread because their key rules out a match (region, account, category, time). */
  filesPruned: number;
  filesRead: number;
  filesSkipped: number;
  /** Records parsed (with a selective filter, only those whose text could match). */
  recordsParsed: number;
  recordsMatched: number;
}

/**
 * An async iterable of records with what the read skipped; each iteration reads afresh.
 * @example
 * const reader = readTrail(folderLogSource('./.localtrail'));
 * for await (const record of reader) console.log(record.eventName);
 */
export interface TrailReader extends AsyncIterable<CloudTrailRecord> {
  readonly source: LogSource;
  /** Files skipped so far in the current (or last) iteration. */
  readonly skipped: readonly SkippedLogFile[];
  readonly stats: Readonly<TrailReadStats>;
}

/**
 * A folder path, or `s3://bucket/prefix`, as a {@link LogSource}.
 * @example
 * logSourceFor('s3://audit-logs/AWSLogs/111122223333/', { s3Client: new S3Client({}) });
 */
export function logSourceFor(location: string, options: { s3Client?: S3ClientLike; endpoint?: string } = {}): LogSource {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(location);
  if (!m) return folderLogSource(location);
  return s3LogSource({
    bucket: m[1]!,
    ...(m[2] ? { prefix: m[2] } : {}),
    ...(options.s3Client ? { client: options.s3Client } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}

/**
 * Reads the CloudTrail records of a folder in the S3 key layout (what a FilesystemSink writes, or real CloudTrail
 * files downloaded from S3), an S3 bucket/prefix, or any {@link LogSource}: newest first, as LookupEvents, holding
 * one file at a time (plus `readAhead`). Digest files are ignored. A filter given is checked when this is called:
 * a bad one throws {@link ReaderError} here, before any reading.
 * @example
 * const reader = readTrail('./.localtrail', { filter: { eventName: 'DeleteObject', startTime: '2026-03-01' } });
 * for await (const record of reader) console.log(record.eventTime, record.userIdentity?.arn);
 * if (reader.skipped.length > 0) console.warn(reader.skipped);
 */
export function readTrail(source: string | LogSource, options: ReadTrailOptions = {}): TrailReader {
  const logSource = typeof source === 'string' ? logSourceFor(source, options) : source;
  return new Reader(logSource, compileFilter(options.filter), options);
}

type Loaded = { ok: true; records: CloudTrailRecord[] } | { ok: false; reason: string };

class Reader implements TrailReader {
  skipped: SkippedLogFile[] = [];
  stats: TrailReadStats = emptyStats();

  constructor(
    readonly source: LogSource,
    private readonly filter: CompiledFilter,
    private readonly options: ReadTrailOptions,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<CloudTrailRecord> {
    this.skipped = [];
    this.stats = emptyStats();
    const max = this.options.max ?? Infinity;
    if (max <= 0) return;
    let yielded = 0;
    const follow = this.options.follow;
    const existing = await this.listObjects(true).catch((error: unknown) => {
      // Following a folder that is not there yet (the app has not delivered anything): wait for it to appear.
      if (follow && error instanceof ReaderError && error.code === 'SOURCE_NOT_FOUND') return [];
      throw error;
    });
    if (!follow) {
      for await (const record of this.newestFirst(existing, max)) {
        yield record;
        if (++yielded >= max) return;
      }
      return;
    }
    const settings = typeof follow === 'object' ? follow : {};
    const backlog = Math.min(settings.backlog ?? 0, max);
    if (backlog > 0) {
      const newest: CloudTrailRecord[] = [];
      for await (const record of this.newestFirst(existing, backlog)) newest.push(record);
      for (let i = newest.length - 1; i >= 0; i--) {
        yield newest[i]!;
        if (++yielded >= max) return;
      }
    }
    for await (const record of this.follow(existing, settings.intervalMs ?? this.source.pollIntervalMs)) {
      yield record;
      if (++yielded >= max) return;
    }
  }

  /** The readable objects of the source that could hold a match, counted. */
  private async listObjects(first: boolean): Promise<LogObject[]> {
    const out: LogObject[] = [];
    for await (const listed of this.source.list()) {
      const kind = classifyKey(listed.key);
      if (kind.kind === 'ignored') continue;
      const object: LogObject = { key: listed.key, ...kind, ...(listed.size === undefined ? {} : { size: listed.size }) };
      if (first) this.stats.filesListed++;
      if (!this.filter.acceptsFile(object)) {
        if (first) this.stats.filesPruned++;
        continue;
      }
      out.push(object);
    }
    return out;
  }

  private async *newestFirst(objects: LogObject[], max: number): AsyncGenerator<CloudTrailRecord> {
    const files = [...objects].sort((a, b) => byDelivery(b, a));
    const order = new NewestFirst();
    const ahead = this.readAhead(files);
    let released = 0;
    for (let i = 0; i < files.length; i++) {
      if (this.options.signal?.aborted) return;
      const loaded = await ahead(i);
      if (loaded.ok) for (const record of loaded.records) order.push(record, eventTimeOf(record));
      // No file still to open holds a record newer than the end of its delivery minute.
      const bound = i + 1 < files.length ? files[i + 1]!.deliveredMinute + 60_000 : -Infinity;
      for (const record of order.release(bound)) {
        yield record;
        if (++released >= max) return;
      }
    }
  }

  private async *follow(existing: LogObject[], intervalMs: number): AsyncGenerator<CloudTrailRecord> {
    const done = new Set(existing.map((o) => o.key));
    // Files that failed, by size: read again once their size changes (a copy still being written).
    const failed = new Map<string, number | undefined>();
    const signal = this.options.signal;
    while (!signal?.aborted) {
      await sleep(intervalMs, signal);
      if (signal?.aborted) return;
      let listed: LogObject[];
      try {
        listed = await this.listObjects(false);
      } catch {
        // A folder removed and written again, a network blip: keep following.
        continue;
      }
      const fresh = listed
        .filter((o) => !done.has(o.key) && (!failed.has(o.key) || failed.get(o.key) !== o.size))
        .sort(byDelivery);
      for (const object of fresh) {
        if (signal?.aborted) return;
        this.stats.filesListed++;
        const wasFailing = failed.has(object.key);
        const loaded = await this.load(object, !wasFailing);
        if (!loaded.ok) {
          failed.set(object.key, object.size);
          continue;
        }
        failed.delete(object.key);
        done.add(object.key);
        const records = loaded.records.map((record) => ({ record, time: eventTimeOf(record) }));
        records.sort((a, b) => a.time - b.time);
        for (const { record } of records) yield record;
      }
    }
  }

  /** `get(i)` resolves file i, with the next `readAhead` files already being fetched and decompressed. */
  private readAhead(files: readonly LogObject[]): (i: number) => Promise<Loaded> {
    const depth = Math.max(0, this.options.readAhead ?? 2);
    const pending = new Map<number, Promise<Loaded>>();
    return (i) => {
      for (let j = i; j <= i + depth && j < files.length; j++) if (!pending.has(j)) pending.set(j, this.load(files[j]!, true));
      const loaded = pending.get(i)!;
      pending.delete(i);
      return loaded;
    };
  }

  /** Reads, decodes and filters one file. Never rejects: a failure is reported and returned. */
  private async load(object: LogObject, report: boolean): Promise<Loaded> {
    let bytes: Uint8Array;
    try {
      bytes = await this.source.read(object.key);
    } catch (error) {
      return this.skip(object, `could not read: ${firstLine(error)}`, report);
    }
    const decoded = await decodeLogFile(bytes, this.filter.needle);
    if (!decoded.ok) return this.skip(object, decoded.reason, report);
    this.stats.filesRead++;
    this.stats.recordsParsed += decoded.records.length;
    const records = decoded.records.filter(this.filter.matches);
    this.stats.recordsMatched += records.length;
    return { ok: true, records };
  }

  private skip(object: LogObject, reason: string, report: boolean): Loaded {
    if (report) {
      const skipped = { key: object.key, reason };
      this.stats.filesSkipped++;
      this.skipped.push(skipped);
      this.options.onSkip?.(skipped);
    }
    return { ok: false, reason };
  }
}

/** Oldest delivery first, then by key (`other` files, delivered at an unknown time, last). */
function byDelivery(a: LogObject, b: LogObject): number {
  if (a.deliveredMinute !== b.deliveredMinute) return a.deliveredMinute < b.deliveredMinute ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function emptyStats(): TrailReadStats {
  return { filesListed: 0, filesPruned: 0, filesRead: 0, filesSkipped: 0, recordsParsed: 0, recordsMatched: 0 };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function firstLine(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  return name && name !== 'Error' && !message.startsWith(name) ? `${name}: ${message}` : message;
}
