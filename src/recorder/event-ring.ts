// A bounded, oldest-out buffer for the in-memory view of records (maxEvents), counting what it drops.
import type { CloudTrailRecord } from '../vocabulary/record.js';

export class EventRing {
  private items: (CloudTrailRecord | undefined)[];
  private start = 0;
  private size = 0;
  dropped = 0;

  constructor(private readonly capacity: number) {
    this.items = new Array(Math.min(capacity, 1024));
  }

  push(record: CloudTrailRecord): void {
    if (this.capacity === 0) {
      this.dropped++;
      return;
    }
    if (this.size < this.capacity) {
      // Grow lazily so a large maxEvents costs nothing until used.
      if (this.size === this.items.length) this.grow();
      this.items[(this.start + this.size) % this.items.length] = record;
      this.size++;
      return;
    }
    this.items[this.start] = record;
    this.start = (this.start + 1) % this.items.length;
    this.dropped++;
  }

  toArray(): CloudTrailRecord[] {
    const out = new Array<CloudTrailRecord>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.items[(this.start + i) % this.items.length]!;
    return out;
  }

  clear(): void {
    this.items = new Array(Math.min(this.capacity, 1024));
    this.start = 0;
    this.size = 0;
    this.dropped = 0;
  }

  private grow(): void {
    const next = new Array<CloudTrailRecord | undefined>(Math.min(this.capacity, this.items.length * 2));
    for (let i = 0; i < this.size; i++) next[i] = this.items[(this.start + i) % this.items.length];
    this.items = next;
    this.start = 0;
  }
}
