// Turns a batch of records into one or more gzip log files: compact `{"Records":[...]}`, SHA-256 of the JSON bytes,
// each file at most `maxFileBytes` compressed, without holding the event loop for long.
import { createHash } from 'node:crypto';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { GzipEngine, GzipStream } from './gzip-stream.js';
import { DEFAULT_GZIP_LEVEL, GZIP_CHUNK_BYTES, createGzipStream } from './gzip-stream.js';
import { recordJson } from '../vocabulary/packed-json.js';

/** One encoded log file, ready to be named and stored. */
export interface EncodedLogFile {
  body: Uint8Array;
  /** Lowercase hex SHA-256 of the uncompressed JSON (the digest's `hashValue`). */
  sha256: string;
  uncompressedBytes: number;
  recordCount: number;
  oldestEventTime: string | null;
  newestEventTime: string | null;
}

export interface EncodeOptions {
  engine: GzipEngine;
  /** Upper bound of one file's compressed size (CloudTrail's: `MAX_LOG_FILE_BYTES`). */
  maxFileBytes: number;
  level?: number;
}

/** Longest run of main-thread work between two event-loop turns. */
const SLICE_MS = 5;
const FIRST_CHUNK_BYTES = 16 * 1024;
const HEAD = '{"Records":[';
const TAIL = ']}';

interface OpenFile {
  gz: GzipStream;
  hash: ReturnType<typeof createHash>;
  uncompressed: number;
  count: number;
  oldest: string | null;
  newest: string | null;
  inflight: Promise<void> | undefined;
  inflightBytes: number;
}

/**
 * Encodes `records` into log files of at most `maxFileBytes` compressed bytes each (a single record larger than
 * that still gets a file of its own). Resolves to no files for no records.
 * @example
 * const [file] = await encodeLogFiles(records, { engine: 'zlib', maxFileBytes: MAX_LOG_FILE_BYTES });
 */
export async function encodeLogFiles(records: readonly CloudTrailRecord[], options: EncodeOptions): Promise<EncodedLogFile[]> {
  const files: EncodedLogFile[] = [];
  if (records.length === 0) return files;
  const chunkBytes = GZIP_CHUNK_BYTES[options.engine];
  const level = options.level ?? DEFAULT_GZIP_LEVEL;
  let file = openFile(options.engine, level, options.maxFileBytes);
  let parts: string[] = [];
  let partBytes = 0;
  let sliceStart = performance.now();

  const pushParts = async (): Promise<void> => {
    if (parts.length === 0) return;
    const buf = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    partBytes = 0;
    file.hash.update(buf);
    file.uncompressed += buf.length;
    // Overlap: the thread pool compresses the previous chunk while this thread serialised this one.
    if (file.inflight) await file.inflight;
    const target = file;
    target.inflightBytes = buf.length;
    target.inflight = target.gz.push(buf).then(() => {
      target.inflightBytes = 0;
    });
  };
  // Awaiting an already-settled promise does not let the event loop run: yield explicitly by the clock.
  const yieldIfDue = async (): Promise<void> => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };

  const closeFile = async (): Promise<void> => {
    parts.push(TAIL);
    partBytes += TAIL.length;
    await pushParts();
    if (file.inflight) await file.inflight;
    await yieldIfDue();
    const body = await file.gz.finish();
    await yieldIfDue();
    files.push({
      body,
      sha256: file.hash.digest('hex'),
      uncompressedBytes: file.uncompressed,
      recordCount: file.count,
      oldestEventTime: file.oldest,
      newestEventTime: file.newest,
    });
  };

  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const json = recordJson(record);
    const bytes = Buffer.byteLength(json, 'utf8') + 1;
    if (file.count > 0) {
      const pending = file.inflightBytes + partBytes + bytes + TAIL.length;
      // Worst case the pending bytes do not compress at all (plus deflate's stored-block overhead).
      const estimate = file.gz.compressedBytes + pending + Math.ceil(pending / 16_000) * 5 + 64;
      if (estimate > options.maxFileBytes) {
        await closeFile();
        file = openFile(options.engine, level, options.maxFileBytes);
      }
    }
    const part = file.count === 0 ? HEAD + json : ',' + json;
    parts.push(part);
    partBytes += file.count === 0 ? bytes + HEAD.length - 1 : bytes;
    file.count++;
    const time = record.eventTime;
    if (typeof time === 'string') {
      if (file.oldest === null || time < file.oldest) file.oldest = time;
      if (file.newest === null || time > file.newest) file.newest = time;
    }
    // A small first chunk: code still cold (not yet optimised by the JIT) runs on little data.
    if (partBytes >= (file.uncompressed === 0 ? FIRST_CHUNK_BYTES : chunkBytes)) {
      await pushParts();
      await yieldIfDue();
    } else if ((i & 15) === 15) await yieldIfDue();
  }
  await closeFile();
  return files;
}

function openFile(engine: GzipEngine, level: number, maxBytes: number): OpenFile {
  return {
    gz: createGzipStream(engine, level, maxBytes),
    hash: createHash('sha256'),
    uncompressed: 0,
    count: 0,
    oldest: null,
    newest: null,
    inflight: undefined,
    inflightBytes: 0,
  };
}
