// `localtrail validate` on a folder with nothing to validate is a finding (exit 1, one line saying why), and a
// progress line appears on a terminal during long runs only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ACCOUNT, logKey, recordedFolder, startInstances, tempDir, writeLogFile } from '../reader/support.js';
import { capture } from './support.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('localtrail validate with nothing to validate', () => {
  it('exits 1 for an empty folder, garbage only, log files without digests, and a folder below a bucket folder', async () => {
    const empty = tempDir();
    const garbage = tempDir();
    writeFileSync(join(garbage, 'notes.txt'), 'hello');
    mkdirSync(join(garbage, 'bucket', 'stuff'), { recursive: true });
    writeFileSync(join(garbage, 'bucket', 'stuff', 'x.json.gz'), 'nope');
    const noDigests = tempDir();
    writeLogFile(noDigests, `bucket/${logKey('20260301T1005Z')}`, [startInstances('2026-03-01T10:01:00Z', 'a')]);
    writeLogFile(noDigests, `bucket/${logKey('20260301T1010Z')}`, [startInstances('2026-03-01T10:06:00Z', 'b')]);
    const { root } = await recordedFolder();
    const cases: Array<[string[], string]> = [
      [[empty], `nothing to validate: ${empty} holds no files`],
      [[garbage], `nothing to validate: no CloudTrail log or digest files in ${garbage} (point at the folder FilesystemSink wrote, or a bucket folder holding AWSLogs/)`],
      [[noDigests], `nothing to validate: 2 log files but no digest files in ${noDigests} (log file validation was off: EnableLogFileValidation)`],
      [[join(root, 'audit-logs', 'AWSLogs', ACCOUNT)], `nothing to validate: ${join(root, 'audit-logs', 'AWSLogs', ACCOUNT)} is inside a bucket folder; validate ${join(root, 'audit-logs')} (the folder holding AWSLogs/) instead`],
      [[root, '--trail-arn', `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/other`], `nothing to validate: none of the 2 digest files in ${root} match the trail and time range given`],
    ];
    for (const [args, reason] of cases) {
      const c = capture();
      expect(await runCli(['validate', ...args], c.io), args[0]).toBe(1);
      expect(c.err).toEqual([`localtrail validate: ${reason}`]);
      expect(c.out).toEqual([]);
    }
    // The whole folder still validates.
    expect(await runCli(['validate', root], capture().io)).toBe(0);
  });

  it('shows a progress line on a terminal once a run takes longer than a second, and clears it', async () => {
    const { root } = await recordedFolder();
    const statuses: string[] = [];
    // Every clock read is 300 ms later: the run "takes" long.
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 300));
    const c = capture({ status: (t) => statuses.push(t) });
    expect(await runCli(['validate', root], c.io)).toBe(0);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses[0]).toMatch(/^validating: \d+ files read$/);
    expect(statuses.at(-1)).toBe('');
    // Without a terminal (no status line) nothing of the kind is printed.
    const plain = capture();
    expect(await runCli(['validate', root], plain.io)).toBe(0);
    expect(plain.err).toEqual([]);
  });
});
