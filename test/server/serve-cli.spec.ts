// `localtrail serve <folder>` as a user runs it: a process that prints its URL, answers the CloudTrail API and the
// page from the folder's records, and stops cleanly on Ctrl-C (SIGINT).
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { LONG_TERM } from '../support/fixtures.js';
import { scenario } from './scenario.js';

let dir: string;
let recorded: CloudTrailRecord[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'localtrail-serve-'));
  const s = scenario(dir);
  recorded = await s.run();
  await s.trail.shutdown();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('localtrail serve', () => {
  it('prints its URL, serves LookupEvents from the folder, and exits 0 on SIGINT', async () => {
    const main = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], cwd: join(import.meta.dirname, '..', '..') });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
        child.stdout.on('data', () => {
          const m = /Event history: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(out).toMatch(/^Serving \d+ records from .*, integrity valid\n/);
      const client = new CloudTrailClient({ region: 'us-east-1', endpoint: url, credentials: LONG_TERM });
      const page = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }], MaxResults: 5 }));
      const newest = recorded.filter((r) => r.eventName === 'CreateUser' && r.awsRegion === 'us-east-1').reverse().slice(0, 5);
      expect(page.Events?.map((e) => e.EventId)).toEqual(newest.map((r) => r.eventID));
      expect((await fetch(`${url}/`)).status).toBe(200);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toMatch(/Stopped\.\n$/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
