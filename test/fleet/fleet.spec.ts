// A fleet: four processes record known calls into one S3 bucket (s3rver on 127.0.0.1), each stopped and restarted at
// random. Afterwards every chain validates (localtrail's validator, one verdict per chain with its runs and gaps, and
// aws-cli's validate-logs when installed), the record count is exact, and a Lake query agrees with DuckDB over the bucket.
import { S3Client } from '@aws-sdk/client-s3';
import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAwsCli } from '../support/aws-cli.js';
import { runCli } from '../../src/cli/main.js';
import { s3Source } from '../../src/validation/s3-source.js';
import { publicKeyFingerprint } from '../../src/integrity/signing-keys.js';
import { queryDeliveredFiles } from '../../src/lake/query-files.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { parseLogFileKey } from '../../src/vocabulary/object-keys.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { formatValidationReport } from '../../src/validation/format-report.js';
import type { ValidationReport } from '../../src/validation/validate-logs.js';
import { validateLogs } from '../../src/validation/validate-logs.js';

const MEMBERS = ['w1', 'w2', 'w3', 'w4'];
const TOTAL = 100;
const ROOT = join(import.meta.dirname, '..', '..');
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const SIGNING_KEY_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC_DER = new Uint8Array(publicKey.export({ type: 'pkcs1', format: 'der' }));

let dir: string;
let server: S3rver;
let endpoint: string;
let client: S3Client;
let startedAt: Date;
/** Per member: calls it reported done (each exactly once), and how many of its runs started logging. */
const done = new Map<string, number[]>();
const runs = new Map<string, number>();
let report: ValidationReport;

/** A seeded generator: the same stops and restarts on every run of the test. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function runMember(instance: string, start: number, stopAfterMillis: number | undefined): Promise<{ started: boolean; calls: number[]; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fleet-member.ts')], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', LOCALTRAIL_INSTANCE: instance, START: String(start), TOTAL: String(TOTAL), S3_ENDPOINT: endpoint, SIGNING_KEY_PEM },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    // The stop is timed from the moment the member started logging: its start-up time varies a lot on a busy machine.
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', () => {
      if (stopAfterMillis !== undefined && timer === undefined && out.includes('started\n')) timer = setTimeout(() => child.kill('SIGTERM'), stopAfterMillis);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const lines = out.split('\n').filter(Boolean);
      if (code !== 0 && signal !== 'SIGTERM') reject(new Error(`member ${instance} exited with ${code ?? signal}: ${err}`));
      else resolve({ started: lines.includes('started'), calls: lines.filter((l) => /^\d+$/.test(l)).map(Number), complete: lines.includes('complete') });
    });
  });
}

/** Runs one member until all its calls are done: stopped at a random moment each time, except the last run. */
async function runUntilDone(instance: string, seed: number): Promise<void> {
  const next = random(seed);
  const calls: number[] = [];
  let started = 0;
  for (let attempt = 0; calls.length < TOTAL; attempt++) {
    // The first two runs are always stopped (each call takes ≥ 8 ms, so ≤ 300 ms leaves calls to do); later ones
    // only sometimes, so that the member finishes.
    const stop = attempt < 2 ? 50 + Math.floor(next() * 250) : next() < 0.5 ? 50 + Math.floor(next() * 500) : undefined;
    const run = await runMember(instance, calls.length === 0 ? 0 : calls[calls.length - 1]! + 1, stop);
    calls.push(...run.calls);
    if (run.started) started++;
    if (stop === undefined) expect(run.complete).toBe(true);
  }
  done.set(instance, calls);
  runs.set(instance, started);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'localtrail-fleet-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'fleet-logs', configs: [] }] });
  endpoint = `http://127.0.0.1:${(await server.run()).port}`;
  client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  startedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  await Promise.all(MEMBERS.map((m, i) => runUntilDone(m, 7 + i)));
  report = await validateLogs({ source: s3Source(client, 'fleet-logs'), publicKeys: [{ value: PUBLIC_DER }] });
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a fleet of four processes writing one bucket', () => {
  it('did every call exactly once across random stops and restarts', () => {
    for (const m of MEMBERS) {
      expect(done.get(m)).toEqual(Array.from({ length: TOTAL }, (_, k) => k));
      expect(runs.get(m)).toBeGreaterThanOrEqual(2);
    }
  });

  it('leaves one valid chain per process, a run per start and a gap between runs', () => {
    expect(report.ok, formatValidationReport(report)).toBe(true);
    expect(report.chains.map((c) => c.trailName)).toEqual(MEMBERS.map((m) => `audit-${m}`));
    for (const chain of report.chains) {
      const member = chain.trailName.replace('audit-', '');
      expect(chain).toMatchObject({ ok: true, runs: runs.get(member), accountId: '111122223333', region: 'us-east-1' });
      expect(chain.gaps).toHaveLength(runs.get(member)! - 1);
      expect(chain.logFiles.total).toBeGreaterThan(0);
    }
    expect(report.summary).toMatchObject({ chainsValid: 4, chainsTotal: 4 });
    const text = formatValidationReport(report);
    expect(text).toContain('4/4 digest chains valid');
    expect(text).toMatch(/^Chain audit-w1 \(home us-east-1\) 111122223333 us-east-1 in s3:\/\/fleet-logs\/\tvalid\t\d+ runs?, \d+ gaps?, /m);
  });

  it('`localtrail validate s3://…` gives one verdict per chain and the gaps between runs', async () => {
    const keyFile = join(dir, 'fleet-key.pub.pem');
    writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const out: string[] = [];
    const err: string[] = [];
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
    try {
      const status = await runCli(['validate', 's3://fleet-logs', '--public-key', keyFile, '--endpoint-url', endpoint], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
      expect(status, err.join('\n')).toBe(0);
    } finally {
      delete process.env['AWS_ACCESS_KEY_ID'];
      delete process.env['AWS_SECRET_ACCESS_KEY'];
    }
    expect(out.join('\n')).toContain('4/4 digest chains valid');
    const gaps = err.join('\n').split('\n').filter((l) => l.startsWith('No log files were delivered by CloudTrail between'));
    expect(gaps).toHaveLength([...runs.values()].reduce((n, r) => n + r - 1, 0));
    expect(gaps[0]).toMatch(/ \(trail audit-w\d, 111122223333 us-east-1\)$/);
  });

  it('holds every record exactly once, and a Lake query agrees with DuckDB over the bucket', async () => {
    const sql = (table: string): string => `SELECT split_part(requestParameters['tableName'], '-', 1) AS member, count(*) AS calls, count(DISTINCT requestParameters['tableName']) AS tables FROM ${table} WHERE eventName = 'DescribeTable' GROUP BY 1 ORDER BY 1`;
    const overBucket = await queryDeliveredFiles(sql('events'), { source: s3Source(client, 'fleet-logs') });
    expect(overBucket.records).toBe(MEMBERS.length * TOTAL);
    expect(overBucket.rows).toEqual(MEMBERS.map((m) => [m, String(TOTAL), String(TOTAL)]));

    // The same records in a Lake event data store, read back from the bucket object by object.
    const lakeTrail = createLocalTrail({ accountId: '111122223333', region: 'us-east-1', controlPlaneEvents: false });
    const { EventDataStoreArn } = await lakeTrail.createEventDataStore({ Name: 'fleet' });
    const source = s3Source(client, 'fleet-logs');
    for (const location of await source.list()) {
      if (!parseLogFileKey(location.key)) continue;
      const { body } = (await source.get(location))!;
      for (const record of (JSON.parse(gunzipSync(body).toString()) as { Records: CloudTrailRecord[] }).Records) lakeTrail.lake.accept(record);
    }
    const { QueryId } = await lakeTrail.startQuery({ QueryStatement: sql(EventDataStoreArn!.split('/').pop()!) });
    while ((await lakeTrail.describeQuery({ QueryId })).QueryStatus === 'RUNNING') await new Promise((r) => setTimeout(r, 10));
    const lake = await lakeTrail.getQueryResults({ QueryId });
    expect(lake.QueryResultRows?.map((row) => row.map((cell) => Object.values(cell)[0]))).toEqual(overBucket.rows);
    await lakeTrail.shutdown();
  });
});


describe.skipIf(!hasAwsCli())("aws cloudtrail validate-logs on each process's chain", () => {
  let ct: Server;
  let port: number;
  beforeAll(async () => {
    // ListPublicKeys (awsJson1.1) answering with the fleet's one key, which is all aws-cli asks CloudTrail for.
    ct = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(
        JSON.stringify({ PublicKeyList: [{ Value: Buffer.from(PUBLIC_DER).toString('base64'), ValidityStartTime: 0, ValidityEndTime: 4102444800, Fingerprint: publicKeyFingerprint(PUBLIC_DER) }] }),
      );
    });
    await new Promise<void>((resolve) => ct.listen(0, '127.0.0.1', resolve));
    port = (ct.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => ct?.close(resolve)));

  it('accepts every digest and log file, reporting the gaps between runs', async () => {
    for (const m of MEMBERS) {
      const args = ['cloudtrail', 'validate-logs', '--trail-arn', `arn:aws:cloudtrail:us-east-1:111122223333:trail/audit-${m}`, '--s3-bucket', 'fleet-logs',
        '--start-time', startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), '--region', 'us-east-1', '--endpoint-url', `http://127.0.0.1:${port}`];
      const env = { PATH: process.env['PATH'] ?? '', HOME: dir, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_ENDPOINT_URL_S3: endpoint, AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
      const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile('aws', args, { env, timeout: 120_000 }, (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: out, stderr: err })),
      );
      const chain = report.chains.find((c) => c.trailName === `audit-${m}`)!;
      expect(stdout, stderr).toMatch(new RegExp(`^${chain.digests.total}/${chain.digests.total} digest files valid$`, 'm'));
      expect(stdout).toMatch(new RegExp(`^${chain.logFiles.total}/${chain.logFiles.total} log files valid$`, 'm'));
      expect(stderr.split('\n').filter((l) => l.startsWith('No log files were delivered'))).toHaveLength(runs.get(m)! - 1);
      expect(stderr).not.toContain('INVALID');
      expect(code).toBe(0);
    }
  }, 300_000);
});
