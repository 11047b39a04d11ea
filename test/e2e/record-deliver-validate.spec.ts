// The whole product as a user runs it: real SDK calls → trail → log files and digests on disk → validation, with no
// clock tricks (shutdown right after the calls, as a test run or `npm run demo` does), and no secret in any byte.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { FilesystemSink } from '../../src/delivery/sinks/filesystem-sink.js';
import { folderSource } from '../../src/validation/object-source.js';
import { validateLogs } from '../../src/validation/validate-logs.js';
import { FORBIDDEN, LONG_TERM, SECRET_VALUES, TEMPORARY } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('record → deliver → validate', () => {
  it('leaves a complete, valid chain whose digests list every delivered log file, with no secret anywhere', async () => {
    const root = mkdtempSync(join(tmpdir(), 'localtrail-e2e-'));
    folders.push(root);
    const trail = createLocalTrail({ accountId: '111122223333', controlPlaneEvents: false, delivery: { sinks: [new FilesystemSink({ root })] } });
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-bucket', IsMultiRegionTrail: true, EnableLogFileValidation: true });
    await trail.putEventSelectors({ TrailName: 'audit', EventSelectors: [{ IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] });
    await trail.startLogging({ Name: 'audit' });

    const json = () => ({ headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db', Name: 'db' }) });
    for (const credentials of [LONG_TERM, TEMPORARY]) {
      const s3 = new S3Client({ region: 'eu-west-1', credentials, requestHandler: stubHandler() });
      const ddb = new DynamoDBClient({ region: 'us-east-2', credentials, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' })) });
      const sm = new SecretsManagerClient({ region: 'eu-west-1', credentials, requestHandler: stubHandler(json) });
      for (const c of [s3, ddb, sm]) c.middlewareStack.use(trail.plugin());
      await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: SECRET_VALUES[0] }));
      await ddb.send(new PutItemCommand({ TableName: 't', Item: { password: { S: SECRET_VALUES[2]! } } }));
      await sm.send(new CreateSecretCommand({ Name: 'db', SecretString: SECRET_VALUES[1] }));
    }

    const result = await trail.shutdown();
    expect(result).toEqual({ complete: true, undelivered: [] });

    const report = await validateLogs({ source: folderSource(root) });
    expect(report.ok).toBe(true);
    // S3 PutObject ×2 + CreateSecret ×2 in eu-west-1; the DynamoDB data events are not selected, so us-east-2 has
    // no log file (its digest chain is not opened either).
    expect(report.summary.logFilesTotal).toBeGreaterThanOrEqual(1);
    expect(report.summary.logFilesValid).toBe(report.summary.logFilesTotal);
    const delivered = report.logFiles.map((f) => f.key);
    for (const file of filesUnder(root).filter((f) => /_CloudTrail_[a-z0-9-]+_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/.test(f))) {
      expect(delivered.some((key) => file.endsWith(key))).toBe(true);
    }

    // Every delivered byte, decompressed where gzip, holds no credential or secret value.
    let records = 0;
    for (const file of filesUnder(root)) {
      const raw = readFileSync(file);
      const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      if (file.includes('/CloudTrail/')) records += (JSON.parse(text) as { Records: unknown[] }).Records.length;
      for (const secret of FORBIDDEN) expect(text, file).not.toContain(secret);
    }
    expect(records).toBe(4);
  });
});
