// End to end: real SDK clients → recorder → engine → delivery → FilesystemSink → `localtrail validate`.
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { FilesystemSink } from '../../src/delivery/sinks/filesystem-sink.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { runCli } from '../../src/cli/main.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

async function recordTwoHours() {
  const root = mkdtempSync(join(tmpdir(), 'localtrail-e2e-'));
  dirs.push(root);
  const clock = new ManualClock('2026-03-01T10:00:00Z');
  const trail = createLocalTrail({ accountId: '111122223333', region: 'us-east-1', clock, delivery: { sinks: [new FilesystemSink({ root })] } });
  await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
  await trail.startLogging({ Name: 'audit' });
  const s3 = new S3Client({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '<ListAllMyBucketsResult/>' })) });
  const ddb = new DynamoDBClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '{}' })) });
  s3.middlewareStack.use(trail.plugin());
  ddb.middlewareStack.use(trail.plugin());
  for (let step = 0; step < 12; step++) {
    await s3.send(new ListBucketsCommand({}));
    await ddb.send(new ListTablesCommand({ Limit: step + 1 }));
    await clock.advance(10 * 60_000);
    await trail.flush();
  }
  const result = await trail.shutdown();
  return { root, trail, result };
}

describe('localtrail validate (end to end)', () => {
  it('accepts the folder a real SDK session delivered, per region, and reports like aws-cli', async () => {
    const { root, result, trail } = await recordTwoHours();
    expect(result).toEqual({ complete: true, undelivered: [] });
    const files = walk(root).map((f) => f.slice(root.length + 1));
    expect(files.some((f) => /^audit-logs\/AWSLogs\/111122223333\/CloudTrail\/eu-west-1\/2026\/03\/01\/111122223333_CloudTrail_eu-west-1_20260301T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/.test(f))).toBe(true);
    expect(files).toContain('audit-logs/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/01/111122223333_CloudTrail-Digest_us-east-1_audit_us-east-1_20260301T110000Z.json.gz');
    expect(files.some((f) => f.startsWith('audit-logs/AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/'))).toBe(true);
    expect(files.some((f) => /^_localtrail-public-keys\/us-east-1\/[0-9a-f]{32}\.pem$/.test(f))).toBe(true);
    // Every delivered event is in some log file.
    const logged = files
      .filter((f) => f.includes('/CloudTrail/'))
      .flatMap((f) => (JSON.parse(gunzipSync(readFileSync(join(root, f))).toString()) as { Records: Array<{ eventName: string }> }).Records);
    expect(logged.filter((r) => r.eventName === 'ListTables')).toHaveLength(12);
    expect(trail.stats().delivery.droppedRecords).toBe(0);

    const { io, out } = capture();
    expect(await runCli(['validate', root], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^Validating log files in .* between the first digest and the last digest$/m);
    expect(text).toMatch(/^\d+\/\d+ digest files valid$/m);
    expect(text).not.toMatch(/INVALID/);
    // Limited to one trail and a time range, the header reads like aws-cli's.
    const limited = capture();
    expect(await runCli(['validate', root, '--trail-arn', 'arn:aws:cloudtrail:us-east-1:111122223333:trail/audit', '--start-time', '2026-03-01T10:00:00Z', '--end-time', '2026-03-01T12:00:00Z'], limited.io)).toBe(0);
    expect(limited.out.join('\n')).toMatch(/^Validating log files for trail arn:aws:cloudtrail:us-east-1:111122223333:trail\/audit between 2026-03-01T10:00:00Z and 2026-03-01T12:00:00Z$/m);
    // The bucket folder alone validates too.
    expect(await runCli(['validate', join(root, 'audit-logs')], capture().io)).toBe(0);
  });

  it('exits 1 and names the file when a log file is modified', async () => {
    const { root } = await recordTwoHours();
    const log = walk(root).find((f) => f.includes('/CloudTrail/eu-west-1/'))!;
    writeFileSync(log, readFileSync(log).subarray(0, 40));
    const digest = walk(root).filter((f) => f.includes('/CloudTrail-Digest/us-east-1/') && f.endsWith('.json.gz')).sort()[0]!;
    unlinkSync(digest);
    const { io, out, err } = capture();
    expect(await runCli(['validate', root], io)).toBe(1);
    const text = err.join('\n'); // INVALID lines go to stderr, as with aws-cli
    expect(out.join('\n')).toMatch(/^\d+\/\d+ digest files valid, 1\/\d+ digest files INVALID$/m);
    expect(text).toContain(`Log file\ts3://audit-logs/${log.slice(root.length + 12)}\tINVALID: invalid format: truncated gzip stream`);
    expect(text).toContain(`Digest file\ts3://audit-logs/${digest.slice(root.length + 12)}\tINVALID: not found (previous digest of`);
  });

  it('--expect-end catches a deleted newest digest; --json prints the report', async () => {
    const { root, trail } = await recordTwoHours();
    const ends = trail.delivery.chainEndsDelivered();
    const newest = ends.find((e) => e.key.includes('/us-east-1/'))!;
    unlinkSync(join(root, newest.bucket, newest.key));
    const args = ends.flatMap((e) => ['--expect-end', `s3://${e.bucket}/${e.key}`]);
    const plain = capture();
    expect(await runCli(['validate', root], plain.io), plain.out.join('\n')).toBe(0); // as aws-cli: invisible without the expected end
    const { io, out } = capture();
    expect(await runCli(['validate', root, ...args, '--json'], io)).toBe(1);
    const report = JSON.parse(out.join('\n')) as { ok: boolean; digests: Array<{ key: string; status: string; reason?: string }> };
    expect(report.ok).toBe(false);
    expect(report.digests.filter((d) => d.status !== 'valid')).toEqual([
      { kind: 'digest', bucket: 'audit-logs', key: newest.key, status: 'not-found', reason: 'not found (the newest digest of its chain was deleted)' },
    ]);
  });

  it('gives garbage on disk a verdict with a reason, never a crash', async () => {
    const { root } = await recordTwoHours();
    const digests = walk(root).filter((f) => f.includes('/CloudTrail-Digest/us-east-1/') && f.endsWith('.json.gz')).sort();
    writeFileSync(`${digests[0]}.metadata.json`, '{not json');
    const fake = digests[1]!.replace(/\d{6}Z\.json\.gz$/, '123456Z.json.gz');
    writeFileSync(fake, Buffer.from([0x1f, 0x8b, 0x08]));
    writeFileSync(join(root, 'audit-logs', 'stray.txt'), 'hello');
    const { io, err } = capture();
    expect(await runCli(['validate', root], io)).toBe(1);
    const text = err.join('\n');
    expect(text).toContain(`${digests[0]!.slice(root.length + 12)}\tINVALID: invalid format: unreadable object metadata`);
    expect(text).toContain(`${fake.slice(root.length + 12)}\tINVALID: invalid format: truncated gzip stream`);
  });

  it('--public-key trusts only the given keys: a digest re-signed with a key planted in the folder is caught', async () => {
    const { root, trail } = await recordTwoHours();
    const trusted = trail.delivery.keys.all().map((k, i) => {
      const file = join(root, `..`, `trusted-${i}-${process.pid}.pem`);
      writeFileSync(file, k.pem);
      dirs.push(file);
      return file;
    });
    // An attacker rewrites a digest, re-signs it with their own key and plants that key in the folder.
    const { generateKeyPairSync, createHash, createSign } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = publicKey.export({ type: 'pkcs1', format: 'der' });
    const fp = createHash('md5').update(der).digest('hex');
    writeFileSync(join(root, '_localtrail-public-keys', 'us-east-1', `${fp}.pem`), String(publicKey.export({ type: 'pkcs1', format: 'pem' })));
    const digest = walk(root).filter((f) => f.includes('/CloudTrail-Digest/us-east-1/') && f.endsWith('.json.gz')).sort().at(-1)!;
    const body = JSON.parse(gunzipSync(readFileSync(digest)).toString()) as Record<string, unknown> & { logFiles: unknown[] };
    body['logFiles'] = [];
    body['digestPublicKeyFingerprint'] = fp;
    const json = Buffer.from(JSON.stringify(body));
    const { digestSigningString } = await import('../../src/integrity/digest-file.js');
    const sig = createSign('RSA-SHA256').update(digestSigningString(body as never, createHash('sha256').update(json).digest('hex'))).sign(privateKey).toString('hex');
    const { gzipSync } = await import('node:zlib');
    writeFileSync(digest, gzipSync(json));
    writeFileSync(`${digest}.metadata.json`, JSON.stringify({ signature: sig, 'signature-algorithm': 'SHA256withRSA' }));
    // Trusting the folder's own keys, the forged digest itself passes (only the files it dropped show up, as unlisted).
    const planted = capture();
    await runCli(['validate', root, '--json'], planted.io);
    const plantedReport = JSON.parse(planted.out.join('\n')) as { digests: Array<{ key: string; status: string }> };
    expect(plantedReport.digests.find((d) => digest.endsWith(d.key))!.status).toBe('valid');
    const { io, err } = capture();
    expect(await runCli(['validate', root, ...trusted.flatMap((f) => ['--public-key', f])], io)).toBe(1);
    expect(err.join('\n')).toContain(`${digest.slice(root.length + 12)}\tINVALID: public key not found in region us-east-1 for fingerprint ${fp}`);
  });

  it('exits 2 with a one-line error on mistakes', async () => {
    const { io, err } = capture();
    expect(await runCli(['validate'], io)).toBe(2);
    expect(err).toEqual(['localtrail validate: validate takes exactly one folder or s3:// location (run "localtrail validate --help" for usage)']);
    expect(await runCli(['nope'], io)).toBe(2);
    expect(await runCli(['validate', '.', '--bogus'], io)).toBe(2);
    expect(err.join('\n')).toContain('unknown option --bogus');
  });
});
