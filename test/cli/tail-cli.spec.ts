// `localtrail tail`: the last events already there, then the events of each log file written after it started,
// until the signal stops it; the same filters and --json as lookup.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { getObject, logKey, startInstances, tempDir, writeLogFile } from '../reader/support.js';
import { capture } from './support.js';

async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(predicate()).toBe(true);
}

describe('localtrail tail', () => {
  it('prints the last lines, then picks up a file written after it started, until stopped', async () => {
    const root = tempDir();
    writeLogFile(root, logKey('20260301T1005Z', { unique: 'A000000000000000' }), [startInstances('2026-03-01T10:01:00Z', 'a'), startInstances('2026-03-01T10:02:00Z', 'b')]);
    const controller = new AbortController();
    const statuses: string[] = [];
    const c = capture({ signal: controller.signal, status: (t) => statuses.push(t) });
    const running = runCli(['tail', root, '--lines', '1', '--interval', '0.02', '--json'], c.io);
    await until(() => c.lines().length === 1);
    expect((JSON.parse(c.lines()[0]!) as CloudTrailRecord).eventID).toBe('b');
    writeLogFile(root, logKey('20260301T1010Z', { unique: 'B000000000000000' }), [getObject('2026-03-01T10:08:00Z', 'c', 'k'), startInstances('2026-03-01T10:07:00Z', 'd')]);
    await until(() => c.lines().length === 3);
    controller.abort();
    expect(await running).toBe(0);
    expect(c.lines().map((l) => (JSON.parse(l) as CloudTrailRecord).eventID)).toEqual(['b', 'd', 'c']);
    expect(statuses[0]).toBe(`following ${root} (Ctrl-C to stop)`);
    expect(statuses.at(-1)).toBe('');
  });

  it('filters, prints a table, and waits for a folder that does not exist yet', async () => {
    const root = join(tempDir(), '.localtrail');
    const controller = new AbortController();
    const c = capture({ signal: controller.signal });
    const running = runCli(['tail', root, '--event-name', 'GetObject', '--interval', '0.02'], c.io);
    await new Promise((r) => setTimeout(r, 100));
    writeLogFile(root, logKey('20260301T1010Z'), [startInstances('2026-03-01T10:07:00Z', 'x'), getObject('2026-03-01T10:08:00Z', 'y', 'reports/q1.csv')]);
    await until(() => c.lines().length === 2);
    controller.abort();
    expect(await running).toBe(0);
    expect(c.lines()[0]).toMatch(/^TIME +REGION/);
    expect(c.lines()[1]).toMatch(/^2026-03-01T10:08:00Z us-east-1 +s3 +GetObject +app-session +ok +arn:aws:s3:::amzn-s3-demo-bucket\/reports\/q1\.csv \+1$/);
  });

  it('rejects bad options with one line and exit 2', async () => {
    const c = capture();
    expect(await runCli(['tail', tempDir(), '--interval', 'soon'], c.io)).toBe(2);
    expect(c.err).toEqual(['localtrail tail: --interval: expected a number of seconds, got soon (run "localtrail tail --help" for usage)']);
  });
});
