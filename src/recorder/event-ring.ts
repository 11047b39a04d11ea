// A bounded, oldest-out buffer for the in-memory view of records (maxEvents), counting what it drops, with the
// command input of each record kept beside it (for matchers only: never in events(), files or history).
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { unpackRecord } from '../vocabulary/packed-json.js';

/** A command's input as the SDK received it (top level copied, bodies as their size). */
export type KeptInput = Readonly<Record<string, unknown>>;

export class EventRing {
  private items: (CloudTrailRecord | undefined)[];
  /** Parallel to `items`: the input of the record at the same position, gone when the record leaves the ring. */
  private inputs: (KeptInput | undefined)[];
  private start = 0;
  private size = 0;
  dropped = 0;
  /** Record → input, built when a matcher asks and dropped on the next change (it must not keep old records alive). */
  private index: Map<CloudTrailRecord, KeptInput> | undefined;

  constructor(private readonly capacity: number) {
    this.items = new Array(Math.min(capacity, 1024));
    this.inputs = new Array(this.items.length);
    registerRing(this);
  }

  push(record: CloudTrailRecord, input?: KeptInput): void {
    this.index = undefined;
    if (this.capacity === 0) {
      this.dropped++;
      return;
    }
    if (this.size < this.capacity) {
      // Grow lazily so a large maxEvents costs nothing until used.
      if (this.size === this.items.length) this.grow();
      const at = (this.start + this.size) % this.items.length;
      this.items[at] = record;
      this.inputs[at] = input;
      this.size++;
      return;
    }
    this.items[this.start] = record;
    this.inputs[this.start] = input;
    this.start = (this.start + 1) % this.items.length;
    this.dropped++;
  }

  /** The records, oldest first, as plain objects (a record's packed parts are parsed the first time it is read). */
  toArray(): CloudTrailRecord[] {
    const out = new Array<CloudTrailRecord>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = unpackRecord(this.items[(this.start + i) % this.items.length]!);
    return out;
  }

  /** The input kept beside `record` while it is in this ring. */
  inputOf(record: CloudTrailRecord): KeptInput | undefined {
    if (this.index === undefined) {
      this.index = new Map();
      for (let i = 0; i < this.size; i++) {
        const at = (this.start + i) % this.items.length;
        const input = this.inputs[at];
        if (input !== undefined) this.index.set(this.items[at]!, input);
      }
    }
    return this.index.get(record);
  }

  clear(): void {
    this.items = new Array(Math.min(this.capacity, 1024));
    this.inputs = new Array(this.items.length);
    this.index = undefined;
    this.start = 0;
    this.size = 0;
    this.dropped = 0;
  }

  private grow(): void {
    const length = Math.min(this.capacity, this.items.length * 2);
    const next = new Array<CloudTrailRecord | undefined>(length);
    const nextInputs = new Array<KeptInput | undefined>(length);
    for (let i = 0; i < this.size; i++) {
      const at = (this.start + i) % this.items.length;
      next[i] = this.items[at];
      nextInputs[i] = this.inputs[at];
    }
    this.items = next;
    this.inputs = nextInputs;
    this.start = 0;
  }
}

/** Every live ring, weakly: a matcher given a plain array of records finds their inputs through them. */
const rings = new Set<WeakRef<EventRing>>();

function registerRing(ring: EventRing): void {
  rings.add(new WeakRef(ring));
}

/**
 * The command input kept beside `record` by the LocalTrail that recorded it, while the record is still in that
 * trail's ring (so bounded by `maxEvents`); undefined for a record read from a file or dropped from memory.
 */
export function keptInputOf(record: CloudTrailRecord): KeptInput | undefined {
  for (const ref of rings) {
    const ring = ref.deref();
    if (ring === undefined) {
      rings.delete(ref);
      continue;
    }
    const input = ring.inputOf(record);
    if (input !== undefined) return input;
  }
  return undefined;
}
