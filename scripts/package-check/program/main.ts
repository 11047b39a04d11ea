// A user's program, compiled as ESM and as CommonJS: records an S3 call, manages a trail, delivers log files and
// digests to a folder, validates them (API and CLI). The S3 client answers in-process: no network.
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createLocalTrail, FilesystemSink, folderSource, LocalTrailConfigError, ManualClock, validateLogs } from 'localtrail';
import type { CloudTrailRecord, CreateTrailRequest } from 'localtrail';
import { runCli } from 'localtrail/cli';
import type { S3SinkOptions } from 'localtrail/sinks/s3';
import { stabilizeRecords } from 'localtrail/testing';

const requestHandler = {
  async handle() {
    const xml = '<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>';
    return { response: { statusCode: 200, headers: { 'x-amz-request-id': 'R1' }, body: Readable.from([Buffer.from(xml)]) } };
  },
};

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'localtrail-scratch-'));
  try {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const trail = createLocalTrail({ clock, delivery: { sinks: [new FilesystemSink({ root })] } });
    const audit: CreateTrailRequest = { Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true };
    await trail.createTrail(audit);
    await trail.startLogging({ Name: 'audit' });

    const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' }, requestHandler });
    s3.middlewareStack.use(trail.plugin());
    await s3.send(new ListBucketsCommand({}));
    // CloudTrail's own CreateTrail and StartLogging are events too: the SDK call is the one from s3.amazonaws.com.
    const events: CloudTrailRecord[] = trail.events();
    const record = events.find((r) => r.eventSource === 's3.amazonaws.com');
    if (record?.eventName !== 'ListBuckets') throw new Error(`recorded ${JSON.stringify(events.map((r) => r.eventName))}`);
    if (stabilizeRecords(events).length !== events.length) throw new Error('stabilizeRecords lost a record');

    await trail.shutdown();
    const report = await validateLogs({ source: folderSource(root) });
    if (!report.ok || report.summary.logFilesTotal === 0) throw new Error(`validation: ${JSON.stringify(report.summary)}`);
    const quiet = { stdout: () => {}, stderr: (text: string) => console.error(text) };
    if ((await runCli(['validate', root], quiet)) !== 0) throw new Error('localtrail validate failed');

    try {
      createLocalTrail({ maxEvents: -1 });
      throw new Error('maxEvents -1 was accepted');
    } catch (error) {
      if (!(error instanceof LocalTrailConfigError) || error.option !== 'maxEvents') throw error;
    }
    const sinkOptions: Partial<S3SinkOptions> = {};
    console.log(`program ok: ${record.eventName}, ${report.summary.logFilesTotal} log file(s), ${report.summary.digestsTotal} digest(s), ${Object.keys(sinkOptions).length}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
