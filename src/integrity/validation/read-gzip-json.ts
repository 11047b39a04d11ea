// Reading a delivered object defensively: gunzip (off the event loop) and JSON parse, every failure a clear reason.
import { createHash } from 'node:crypto';
import { gunzip } from 'node:zlib';

/** The bytes and hash of a decompressed object, or why it could not be decompressed. */
export type GunzipResult = { ok: true; bytes: Buffer; sha256: string } | { ok: false; reason: string };

export function gunzipAndHash(body: Uint8Array): Promise<GunzipResult> {
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) {
    return Promise.resolve({ ok: false, reason: body.length === 0 ? 'invalid format: empty file' : 'invalid format: not a gzip file' });
  }
  return new Promise((resolve) => {
    gunzip(body, (error, bytes) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const message = error.message;
        let reason: string;
        if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(message)) reason = 'invalid format: truncated gzip stream';
        else if (/incorrect header check/.test(message)) reason = 'invalid format: unexpected data after end of compressed stream';
        else reason = `invalid format: corrupt gzip data (${message})`;
        resolve({ ok: false, reason });
        return;
      }
      resolve({ ok: true, bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    });
  });
}

/** JSON.parse without throwing. */
export function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { ok: false, reason: 'invalid format: not valid JSON' };
  }
}
