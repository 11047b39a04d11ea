// Matchers typed and registered by the documented setup alone (setupFiles + one reference line): no import here.
import { ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { createLocalTrail } from 'localtrail';
import { describe, expect, it } from 'vitest';

const requestHandler = {
  async handle() {
    const xml = '<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>';
    return { response: { statusCode: 200, headers: { 'x-amz-request-id': 'R1' }, body: Readable.from([Buffer.from(xml)]) } };
  },
};

describe('localtrail/vitest', () => {
  it('has the matchers and the record serializer', async () => {
    const trail = createLocalTrail();
    const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' }, requestHandler });
    s3.middlewareStack.use(trail.plugin());
    await s3.send(new ListBucketsCommand({}));
    expect(trail).toHaveRecordedCommand(ListBucketsCommand);
    expect(trail).not.toHaveRecordedCommand(PutObjectCommand, { Bucket: 'b' });
    expect(trail).toHaveRecorded({ eventSource: 's3.amazonaws.com', readOnly: true });
    expect(trail.snapshot()[0]?.eventID).toMatch(/^<eventID/);
  });
});
