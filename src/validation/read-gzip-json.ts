// Reading a delivered object defensively: gunzip (off the event loop) and JSON parse, every failure a clear reason.
import { createHash } from 'node:crypto';
import { gunzip, gunzipSync } from 'node:zlib';

/** The bytes and hash of a decompressed object, or why it could not be decompressed. */
export type GunzipResult = { ok: true; bytes: Buffer; sha256: string } | { ok: false; reason: string };

export function gunzipAndHash(body: Uint8Array): Promise<GunzipResult> {
  return gunzipBytes(body).then((r) => (r.ok ? { ok: true, bytes: r.bytes, sha256: createHash('sha256').update(r.bytes).digest('hex') } : r));
}

/**
 * The decompressed bytes of an object, or why it could not be decompressed (readers that need no hash). Objects up
 * to `inlineBytes` are decompressed on this thread; a reader that overlaps files passes less.
 */
export function gunzipBytes(body: Uint8Array, inlineBytes = INLINE_BYTES): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) {
    return Promise.resolve({ ok: false, reason: body.length === 0 ? 'invalid format: empty file' : 'invalid format: not a gzip file' });
  }
  // Small files: inline is faster than a thread-pool round trip and costs only a few ms of the event loop.
  if (body.length <= inlineBytes) {
    try {
      return Promise.resolve({ ok: true, bytes: gunzipSync(body, { chunkSize: chunkFor(body) }) });
    } catch (error) {
      return Promise.resolve({ ok: false, reason: gunzipFailure(error as Error) });
    }
  }
  return new Promise((resolve) => {
    gunzip(body, { chunkSize: chunkFor(body) }, (error, bytes) => resolve(error ? { ok: false, reason: gunzipFailure(error) } : { ok: true, bytes }));
  });
}

const INLINE_BYTES = 512 * 1024;

/**
 * zlib's default 16 KB output chunks cost a main-thread callback and a copy each, and a log file inflates to
 * megabytes: one chunk about the size of the output (JSON compresses about tenfold) is filled and handed over whole.
 */
function chunkFor(body: Uint8Array): number {
  return Math.min(8 * 1024 * 1024, Math.max(64 * 1024, body.length * 12));
}

function gunzipFailure(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message;
  if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(message)) return 'invalid format: truncated gzip stream';
  if (/incorrect header check/.test(message)) return 'invalid format: unexpected data after end of compressed stream';
  return `invalid format: corrupt gzip data (${message})`;
}

/** JSON.parse without throwing. */
export function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { ok: false, reason: 'invalid format: not valid JSON' };
  }
}
