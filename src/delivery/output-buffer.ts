// Collects a compressed file as it is produced without one large copy at the end: on this kind of machine first
// touching 40 MB of fresh memory takes >100 ms, so big files are written straight into one buffer reserved up front
// (its pages are touched a chunk at a time), small ones are gathered in slabs and joined once.

const SLAB_BYTES = 1 << 20;
/** Beyond this size a file switches to a reserved buffer of the maximum file size. */
const SMALL_FILE_BYTES = 4 << 20;

export class OutputBuffer {
  /** Bytes gathered before promotion, or overflow beyond the reserved buffer (rare: a single oversized record). */
  private slabs: Buffer[] = [];
  private slab: Buffer | undefined;
  private slabUsed = 0;
  private big: Buffer | undefined;
  private bigUsed = 0;
  private length = 0;

  /** `capacity`: the largest size expected (the file size bound); larger output still works, via slabs. */
  constructor(private readonly capacity: number) {}

  get byteLength(): number {
    return this.length;
  }

  write(data: Uint8Array): void {
    if (!this.big && this.length + data.length > SMALL_FILE_BYTES && this.capacity > SMALL_FILE_BYTES) this.promote();
    if (this.big && !this.overflowing() && this.bigUsed + data.length <= this.big.length) {
      this.big.set(data, this.bigUsed);
      this.bigUsed += data.length;
    } else {
      this.appendToSlabs(data);
    }
    this.length += data.length;
  }

  /** The whole output as one array (for big files a view into the reserved buffer: no copy). */
  toBytes(): Uint8Array {
    if (this.big && !this.overflowing()) return this.big.subarray(0, this.bigUsed);
    const parts = this.slabParts();
    if (this.big) parts.unshift(this.big.subarray(0, this.bigUsed));
    return Buffer.concat(parts, this.length);
  }

  private overflowing(): boolean {
    return this.slab !== undefined;
  }

  private promote(): void {
    // Uninitialised memory: its pages are only touched (and paid for) as output arrives.
    this.big = Buffer.allocUnsafeSlow(this.capacity + 64 * 1024);
    for (const part of this.slabParts()) {
      this.big.set(part, this.bigUsed);
      this.bigUsed += part.length;
    }
    this.slabs = [];
    this.slab = undefined;
    this.slabUsed = 0;
  }

  private slabParts(): Buffer[] {
    return this.slab ? [...this.slabs, this.slab.subarray(0, this.slabUsed)] : [...this.slabs];
  }

  private appendToSlabs(data: Uint8Array): void {
    let offset = 0;
    while (offset < data.length) {
      if (!this.slab || this.slabUsed === this.slab.length) {
        if (this.slab) this.slabs.push(this.slab);
        this.slab = Buffer.allocUnsafe(SLAB_BYTES);
        this.slabUsed = 0;
      }
      const n = Math.min(data.length - offset, this.slab.length - this.slabUsed);
      this.slab.set(data.subarray(offset, offset + n), this.slabUsed);
      this.slabUsed += n;
      offset += n;
    }
  }
}
