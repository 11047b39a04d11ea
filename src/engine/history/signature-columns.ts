// The attribute signatures of a history's records (attribute-signatures.ts), by record id, in chunks of typed arrays:
// appending never copies what is there, dropping old records frees whole chunks, and the collector sees a few
// hundred array buffers instead of millions of numbers.
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import { SIGNATURE_COLUMNS, writeSignatures } from './attribute-signatures.js';

const CHUNK_BITS = 13;
/** Records a chunk holds: SIGNATURE_COLUMNS columns of this many signatures, 256 KB in one buffer. */
export const CHUNK_SIZE = 1 << CHUNK_BITS;
const SLOT = CHUNK_SIZE - 1;
const NO_COLUMN: Int32Array = new Int32Array(0);

/** A candidate handler: true to go on, false to stop the search. */
type Candidate = (id: number) => boolean;

export class SignatureColumns {
  /** Chunk k holds ids `(first + k) * CHUNK_SIZE` up to the next chunk's: one array per column. */
  private chunks: Int32Array[][] = [];
  private first = 0;

  /** Takes the signatures of record `id`, one more than the last id added (ids only grow). */
  add(id: number, record: CloudTrailRecord): void {
    const slot = id & SLOT;
    let chunk = this.chunks[this.chunks.length - 1];
    if (slot === 0 || chunk === undefined) chunk = this.grow(id);
    writeSignatures(record, chunk, slot);
  }

  private grow(id: number): Int32Array[] {
    const buffer = new ArrayBuffer(SIGNATURE_COLUMNS * CHUNK_SIZE * 4);
    const chunk: Int32Array[] = [];
    for (let c = 0; c < SIGNATURE_COLUMNS; c++) chunk.push(new Int32Array(buffer, c * CHUNK_SIZE * 4, CHUNK_SIZE));
    if (this.chunks.length === 0) this.first = Math.floor(id / CHUNK_SIZE);
    this.chunks.push(chunk);
    return chunk;
  }

  /** One column of the chunk holding id; id's signature is at `id & (CHUNK_SIZE - 1)`. */
  private columnOf(id: number, column: number): Int32Array {
    return this.chunks[Math.floor(id / CHUNK_SIZE) - this.first]![column]!;
  }

  /** The signature of record `id` in `column`. */
  at(id: number, column: number): number {
    return this.columnOf(id, column)[id & SLOT]!;
  }

  /**
   * Hands `candidate` the ids from `high - 1` down to `low` whose signature in `column` satisfies
   * `(signature & mask) === want`, until it returns false: the loop of a scan that follows arrival order, a chunk at
   * a time. For one value a record (mask -1) the typed array's own lastIndexOf does the search, in native code that
   * runs as fast in a new process as in a warm one (a JavaScript loop runs several times slower until V8 optimises
   * it); the resource attributes' bits are tested in a loop.
   */
  findDown(column: number, mask: number, want: number, high: number, low: number, candidate: Candidate): void {
    let id = high - 1;
    while (id >= low) {
      const signatures = this.columnOf(id, column);
      const chunkLow = id - (id & SLOT);
      const stop = Math.max(low, chunkLow) - chunkLow;
      let i = id - chunkLow;
      if (mask === -1) {
        while (i >= stop) {
          i = signatures.lastIndexOf(want, i);
          if (i < stop) break;
          if (!candidate(chunkLow + i)) return;
          i--;
        }
      } else {
        for (; i >= stop; i--) if ((signatures[i]! & mask) === want && !candidate(chunkLow + i)) return;
      }
      id = chunkLow - 1;
    }
  }

  /**
   * As findDown, for the ids `order[top - 1]` down to `order[bottom]` (a history whose records arrived out of time
   * order): the column is looked up again only when an id falls outside the last one's chunk.
   */
  findDownOrdered(column: number, mask: number, want: number, order: readonly number[], top: number, bottom: number, candidate: Candidate): void {
    let signatures = NO_COLUMN;
    let low = 0;
    for (let position = top - 1; position >= bottom; position--) {
      const id = order[position]!;
      const slot = id & SLOT;
      if (id - slot !== low || signatures === NO_COLUMN) {
        signatures = this.columnOf(id, column);
        low = id - slot;
      }
      if ((signatures[slot]! & mask) === want && !candidate(id)) return;
    }
  }

  /** Frees the chunks that hold only ids below `id`. */
  dropBefore(id: number): void {
    const n = Math.min(this.chunks.length, Math.floor(id / CHUNK_SIZE) - this.first);
    if (n <= 0) return;
    this.chunks.splice(0, n);
    this.first += n;
  }
}
