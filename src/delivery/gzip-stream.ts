// Incremental gzip that never holds the event loop for long: node:zlib (thread pool) or fflate (pure JS, chunked).
import { constants, createGzip } from 'node:zlib';
import type { Gzip as FflateGzip } from 'fflate';
import { MAX_LOG_FILE_BYTES } from '../vocabulary/defaults.js';
import { OutputBuffer } from './output-buffer.js';

/**
 * Which gzip implementation delivery uses.
 * @example
 * createLocalTrail({ delivery: { sinks: [sink], gzip: 'fflate' } }); // fflate loads on first use
 */
export type GzipEngine = 'zlib' | 'fflate';

/** A gzip member being written. After `push` resolves, `compressedBytes` covers every byte pushed so far. */
export interface GzipStream {
  readonly compressedBytes: number;
  push(chunk: Uint8Array): Promise<void>;
  /** Ends the member and returns the whole file. */
  finish(): Promise<Uint8Array>;
}

/** Chunk size each engine is fed with: small enough that one chunk of work stays well under the 20 ms stall budget. */
export const GZIP_CHUNK_BYTES: Record<GzipEngine, number> = { zlib: 1 << 19, fflate: 1 << 16 };

/** zlib's own default: a good balance of size and time for JSON. */
export const DEFAULT_GZIP_LEVEL = 6;

export function createGzipStream(engine: GzipEngine, level = DEFAULT_GZIP_LEVEL, maxBytes = MAX_LOG_FILE_BYTES): GzipStream {
  return engine === 'zlib' ? new ZlibGzipStream(level, maxBytes) : new FflateGzipStream(level, maxBytes);
}

class ZlibGzipStream implements GzipStream {
  private readonly out: OutputBuffer;
  private error: Error | undefined;
  private readonly gzip: ReturnType<typeof createGzip>;

  constructor(level: number, maxBytes: number) {
    this.out = new OutputBuffer(maxBytes);
    this.gzip = createGzip({ level, chunkSize: 1 << 16 });
    this.gzip.on('data', (c: Buffer) => this.out.write(c));
    this.gzip.on('error', (e: Error) => {
      this.error = e;
    });
  }

  get compressedBytes(): number {
    return this.out.byteLength;
  }

  push(chunk: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.gzip.write(chunk);
      // A sync flush makes the output account for every input byte, which the 50 MB bound relies on.
      this.gzip.flush(constants.Z_SYNC_FLUSH, () => (this.error ? reject(this.error) : resolve()));
    });
  }

  finish(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.gzip.once('end', () => (this.error ? reject(this.error) : resolve(this.out.toBytes())));
      this.gzip.end();
      this.gzip.resume();
    });
  }
}

// fflate costs ~25 ms of import time; it loads on the first fflate stream, so `import('localtrail')` never pays for it.
let fflate: Promise<typeof import('fflate')> | undefined;
const loadFflate = () => (fflate ??= import('fflate'));

class FflateGzipStream implements GzipStream {
  private readonly out: OutputBuffer;
  private gzip: FflateGzip | undefined;

  constructor(
    private readonly level: number,
    maxBytes: number,
  ) {
    this.out = new OutputBuffer(maxBytes);
  }

  get compressedBytes(): number {
    return this.out.byteLength;
  }

  private async started(): Promise<FflateGzip> {
    if (this.gzip === undefined) {
      const { Gzip } = await loadFflate();
      this.gzip ??= new Gzip({ level: this.level as 6 }, (data) => this.out.write(data));
    }
    return this.gzip;
  }

  async push(chunk: Uint8Array): Promise<void> {
    const gzip = await this.started();
    gzip.push(chunk);
    // Not flush(true): fflate 0.8.3 writes invalid stored blocks on sync flushes. A plain flush still emits all but a few bits.
    gzip.flush(false);
    // Give the event loop a turn between chunks: fflate compresses on this thread.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async finish(): Promise<Uint8Array> {
    (await this.started()).push(new Uint8Array(0), true);
    return this.out.toBytes();
  }
}
