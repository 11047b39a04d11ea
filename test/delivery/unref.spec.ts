// Delivery's timers (5-minute files, hourly digests, retries) never keep the process alive.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('timers', () => {
  it('are unref’d: a process with queued records and running chains exits on its own', async () => {
    const script = join(import.meta.dirname, 'fixtures-bin', 'exits-on-its-own.ts');
    const tsx = join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const started = Date.now();
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, [tsx, script], { timeout: 20_000 }, (error, out) => resolve({ code: error ? (error.code as number) : 0, stdout: out }));
      child.stdin?.end();
    });
    expect(stdout).toBe('queued\n');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
