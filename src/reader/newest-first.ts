// Orders records newest first across files with a bounded buffer: files are opened newest delivery first, and a
// record is released once no file still to be opened can hold a newer one (none is newer than its file's delivery).
import type { CloudTrailRecord } from '../vocabulary/record.js';

interface Entry {
  time: number;
  seq: number;
  record: CloudTrailRecord;
}

/**
 * A max-heap on event time. `release(bound)` hands out, newest first, every record at or after `bound` (the end of
 * the next file's delivery minute); `releaseAll()` the rest. Records without a valid time come last.
 * @example
 * const order = new NewestFirst();
 * for (const r of file.records) order.push(r, Date.parse(r.eventTime));
 * yield* order.release(nextFile.deliveredMinute + 60_000);
 */
export class NewestFirst {
  private readonly heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(record: CloudTrailRecord, time: number): void {
    const entry = { time: Number.isNaN(time) ? -Infinity : time, seq: this.seq++, record };
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  *release(bound: number): Generator<CloudTrailRecord> {
    while (this.heap.length > 0 && this.heap[0]!.time >= bound) yield this.pop();
  }

  *releaseAll(): Generator<CloudTrailRecord> {
    while (this.heap.length > 0) yield this.pop();
  }

  private pop(): CloudTrailRecord {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const r = l + 1;
        const child = r < heap.length && before(heap[r]!, heap[l]!) ? r : l;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top.record;
  }
}

/** Newer first; at equal times, the record pushed first (its file's order) first. */
function before(a: Entry, b: Entry): boolean {
  return a.time > b.time || (a.time === b.time && a.seq < b.seq);
}
