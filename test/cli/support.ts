// Captured CLI output for the command tests.
import type { CliIo } from '../../src/cli/io.js';

export function capture(extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), ...extra };
  /** stdout as lines (writes may batch several). */
  const lines = () => out.map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join('').split('\n').filter((l) => l.length > 0);
  return { io, out, err, lines };
}
