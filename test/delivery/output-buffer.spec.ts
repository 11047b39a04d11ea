import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OutputBuffer } from '../../src/delivery/output-buffer.js';

function feed(capacity: number, total: number, piece: number): { out: Uint8Array; expected: Buffer } {
  const buffer = new OutputBuffer(capacity);
  const expected = randomBytes(total);
  for (let o = 0; o < total; o += piece) buffer.write(expected.subarray(o, Math.min(total, o + piece)));
  expect(buffer.byteLength).toBe(total);
  return { out: buffer.toBytes(), expected };
}

describe('OutputBuffer', () => {
  it('joins small outputs, writes big ones into one reserved buffer, and survives overflowing it', () => {
    for (const [capacity, total, piece] of [
      [50e6, 10, 3],
      [50e6, 3 << 20, 65536],
      [50e6, 9 << 20, 100_000],
      [5 << 20, 6 << 20, 70_000], // more than the capacity: overflow goes to slabs
      [1 << 20, 3 << 20, 1], // capacity below the promotion size: slabs only
    ] as const) {
      const { out, expected } = feed(capacity, total, piece);
      expect(Buffer.from(out).equals(expected)).toBe(true);
    }
  });
});
