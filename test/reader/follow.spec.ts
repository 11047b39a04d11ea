// Follow mode: the newest existing records first (backlog), then each log file that appears after the read began,
// until the signal aborts; a folder that does not exist yet is waited for; a file caught half-written is read again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { folderLogSource } from '../../src/reader/folder-log-source.js';
import type { LogSource } from '../../src/reader/log-source.js';
import { readTrail } from '../../src/reader/read-trail.js';
import { getObject, logKey, startInstances, tempDir, writeLogFile } from './support.js';

/** Starts a following read in the background; `seen` fills as records arrive, `listed()` once the folder was listed. */
function follow(root: string, options: Parameters<typeof readTrail>[1] = {}) {
  const controller = new AbortController();
  const seen: CloudTrailRecord[] = [];
  const skipped: string[] = [];
  const folder = folderLogSource(root);
  let lists = 0;
  const source: LogSource = {
    description: folder.description,
    pollIntervalMs: folder.pollIntervalMs,
    list: () => {
      lists++;
      return folder.list();
    },
    read: (key) => folder.read(key),
  };
  const reader = readTrail(source, { follow: { intervalMs: 20, backlog: 0 }, signal: controller.signal, onSkip: (f) => skipped.push(f.reason), ...options });
  const done = (async () => {
    for await (const r of reader) seen.push(r);
  })();
  const until = async (predicate: () => boolean): Promise<void> => {
    for (let i = 0; i < 500 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(predicate()).toBe(true);
  };
  const stop = async () => {
    controller.abort();
    await done;
  };
  // Files written after the first listing are new; those before it belong to the backlog.
  const started = () => until(() => lists >= 2);
  return { seen, skipped, until, stop, started };
}

describe('readTrail with follow', () => {
  it('prints the backlog, then picks up a file written after it started, oldest first within the file', async () => {
    const root = tempDir();
    writeLogFile(root, logKey('20260301T1005Z', { unique: 'A000000000000000' }), [startInstances('2026-03-01T10:01:00Z', 'old-1'), startInstances('2026-03-01T10:02:00Z', 'old-2'), startInstances('2026-03-01T10:03:00Z', 'old-3')]);
    const f = follow(root, { follow: { intervalMs: 20, backlog: 2 } });
    await f.until(() => f.seen.length === 2);
    expect(f.seen.map((r) => r.eventID)).toEqual(['old-2', 'old-3']);
    writeLogFile(root, logKey('20260301T1010Z', { unique: 'B000000000000000' }), [getObject('2026-03-01T10:09:00Z', 'new-2', 'k'), getObject('2026-03-01T10:08:00Z', 'new-1', 'k')]);
    await f.until(() => f.seen.length === 4);
    expect(f.seen.map((r) => r.eventID)).toEqual(['old-2', 'old-3', 'new-1', 'new-2']);
    await f.stop();
    expect(f.seen).toHaveLength(4);
  });

  it('applies the filter to new files and ends when the signal aborts', async () => {
    const root = tempDir();
    const f = follow(root, { filter: { eventName: 'GetObject' } });
    await f.started();
    writeLogFile(root, logKey('20260301T1010Z'), [startInstances('2026-03-01T10:08:00Z', 'skip-me'), getObject('2026-03-01T10:09:00Z', 'keep', 'k')]);
    await f.until(() => f.seen.length === 1);
    await f.stop();
    expect(f.seen.map((r) => r.eventID)).toEqual(['keep']);
  });

  it('waits for a folder that does not exist yet', async () => {
    const root = join(tempDir(), 'not-yet');
    const f = follow(root);
    await f.started();
    writeLogFile(root, logKey('20260301T1010Z'), [getObject('2026-03-01T10:09:00Z', 'first', 'k')]);
    await f.until(() => f.seen.length === 1);
    await f.stop();
  });

  it('reports a file caught half-written once, and reads it when it is complete', async () => {
    const root = tempDir();
    const f = follow(root);
    await f.started();
    const path = writeLogFile(root, logKey('20260301T1010Z'), []);
    const whole = gzipSync(JSON.stringify({ Records: [getObject('2026-03-01T10:09:00Z', 'late', 'k')] }));
    writeFileSync(path, whole.subarray(0, 20));
    await f.until(() => f.skipped.length === 1);
    writeFileSync(path, whole);
    await f.until(() => f.seen.length === 1);
    await f.stop();
    expect(f.skipped).toEqual(['invalid format: truncated gzip stream']);
  });
});
