// Example: pinning the IAM permissions a piece of code needs in a unit test, with toNeedOnly. When the code starts
// calling something new, or stops using a permission, the test fails and prints the policy it now needs.
// In your project: `import 'localtrail/vitest'` (or list it in setupFiles) and `from 'localtrail'`.
import '../src/testing/vitest.js';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { HttpResponse } from '@smithy/protocol-http';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLocalTrail } from '../src/index.js';

/** The code under test: copies yesterday's report to an archive prefix. Knows nothing of localtrail. */
async function archiveReport(s3: S3Client, day: string): Promise<void> {
  const report = await s3.send(new GetObjectCommand({ Bucket: 'reports', Key: `daily/${day}.csv` }));
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: `archive/${day}.csv`, Body: await report.Body!.transformToString() }));
}

/** The policy deployed with the code (kept in a file next to it in a real project). */
const ARCHIVER_POLICY = {
  Version: '2012-10-17' as const,
  Statement: [
    { Effect: 'Allow' as const, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/daily/*' },
    { Effect: 'Allow' as const, Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports/archive/*' },
  ],
};

it('archiving a report needs exactly the archiver policy', async () => {
  const trail = createLocalTrail();
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' },
    requestHandler: { handle: async () => ({ response: new HttpResponse({ statusCode: 200, headers: {}, body: Readable.from([Buffer.from('a,b\n')]) }) }) },
  });
  s3.middlewareStack.use(trail.plugin());

  await archiveReport(s3, '2026-03-01');

  expect(trail).toNeedOnly(ARCHIVER_POLICY);
});
