// Batches output lines into large writes: a lookup may print a million lines, and one write each is slow.

export class LineWriter {
  private lines: string[] = [];
  private bytes = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly limit = 64 * 1024,
  ) {}

  line(text: string): void {
    this.lines.push(text);
    this.bytes += text.length + 1;
    if (this.bytes >= this.limit) this.flush();
  }

  flush(): void {
    if (this.lines.length === 0) return;
    this.write(`${this.lines.join('\n')}\n`);
    this.lines = [];
    this.bytes = 0;
  }
}
