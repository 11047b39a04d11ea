// FilesystemSink: S3 layout on disk, metadata beside objects, atomic writes that never leave a partial object.
import { mkdtempSync, promises as fs, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import { FilesystemSink } from '../../src/delivery/sinks/filesystem-sink.js';
import type { SinkFileSystem } from '../../src/delivery/sinks/filesystem-sink.js';
import type { DeliveryObject } from '../../src/delivery/sink.js';
import { folderSource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { T0, makeRecord, makeTrail, route } from './fixtures.js';
import { deliverySettled } from '../support/delivery-settled.js';

const dirs: string[] = [];
function tempRoot(): string {
  const d = mkdtempSync(join(tmpdir(), 'localtrail-fs-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function allFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

const object: DeliveryObject = {
  kind: 'digest',
  bucket: 'b',
  key: 'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/01/x.json.gz',
  body: new Uint8Array([1, 2, 3]),
  metadata: { signature: 'abcd', 'signature-algorithm': 'SHA256withRSA' },
  trailArn: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/t',
};

describe('FilesystemSink', () => {
  it('writes each object at <root>/<bucket>/<key> with its metadata beside it', async () => {
    const root = tempRoot();
    await new FilesystemSink({ root }).put(object);
    expect(allFiles(root)).toEqual([`b/${object.key}`, `b/${object.key}.metadata.json`]);
    expect(JSON.parse(readFileSync(join(root, 'b', object.key + '.metadata.json'), 'utf8'))).toEqual({ signature: 'abcd', 'signature-algorithm': 'SHA256withRSA' });
  });

  it('refuses keys that would escape the root', async () => {
    const root = tempRoot();
    await expect(new FilesystemSink({ root }).put({ ...object, key: '../../etc/x' })).rejects.toThrow(/refusing to write outside/);
  });

  for (const failAt of ['writeFile', 'rename'] as const) {
    for (const which of ['metadata', 'object'] as const) {
      it(`a delivery interrupted at ${failAt} of the ${which} leaves no partial object, and the retry completes it`, async () => {
        const root = tempRoot();
        let armed = true;
        const crashing: SinkFileSystem = {
          mkdir: (p, o) => fs.mkdir(p, o),
          rm: (p, o) => fs.rm(p, o),
          async writeFile(path, data) {
            // Temp names hide the target; metadata is the only string content written.
            const targetIsMeta = typeof data === 'string';
            if (armed && failAt === 'writeFile' && targetIsMeta === (which === 'metadata')) {
              // Half the bytes reach the disk, then the process "dies".
              await fs.writeFile(path, typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1));
              armed = false;
              throw new Error('ENOSPC: crash while writing');
            }
            await fs.writeFile(path, data);
          },
          async rename(from, to) {
            const targetIsMeta = to.endsWith('.metadata.json');
            if (armed && failAt === 'rename' && targetIsMeta === (which === 'metadata')) {
              armed = false;
              throw new Error('EIO: crash before rename');
            }
            await fs.rename(from, to);
          },
        };
        const sink = new FilesystemSink({ root, fs: crashing });
        await expect(sink.put(object)).rejects.toThrow(/crash/);
        // No object (and no temp file) is visible at the key.
        expect(allFiles(root).filter((f) => f === `b/${object.key}`)).toEqual([]);
        expect(allFiles(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        await sink.put(object);
        expect(readFileSync(join(root, 'b', object.key))).toEqual(Buffer.from([1, 2, 3]));
        expect(allFiles(root)).toEqual([`b/${object.key}`, `b/${object.key}.metadata.json`]);
      });
    }
  }

  it('a trail delivered through a crashing filesystem still validates after the retries', async () => {
    const root = tempRoot();
    let calls = 0;
    const flaky: SinkFileSystem = {
      mkdir: (p, o) => fs.mkdir(p, o),
      rm: (p, o) => fs.rm(p, o),
      writeFile: (p, d) => fs.writeFile(p, d),
      async rename(from, to) {
        if (++calls % 3 === 0) throw new Error('EIO: crash before rename');
        await fs.rename(from, to);
      },
    };
    const clock = new ManualClock(T0);
    const delivery = new DeliveryService(
      { sinks: [new FilesystemSink({ root, fs: flaky })], retryInitialDelayMillis: 1000, retryMaxDelayMillis: 1000, shutdownAttempts: 20 },
      { clock, onError: () => {} },
    );
    const trail = makeTrail();
    await delivery.keys.keyFor('us-east-1', T0);
    delivery.loggingStarted(trail, T0);
    // Real file I/O takes real time: move the clock in small steps so retries get their turn.
    for (let i = 0; i < 30; i++) {
      delivery.enqueue(route(trail), makeRecord(clock.now()));
      for (let s = 0; s < 10; s++) {
        await clock.advance(30_000);
        await deliverySettled(delivery);
      }
    }
    const result = await delivery.shutdown();
    expect(result.complete).toBe(true);
    expect(delivery.stats.failedAttempts).toBeGreaterThan(0);
    const report = await validateLogs({ source: folderSource(root), expectedChainEnds: delivery.chainEndsDelivered() });
    expect(delivery.stats.deliveredRecords).toBe(30);
    expect(report.summary.logFilesTotal).toBe(allFiles(root).filter((f) => f.includes('/CloudTrail/')).length);
    expect(report.ok).toBe(true);
  });
});
