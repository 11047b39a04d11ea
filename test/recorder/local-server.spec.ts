// Against a real HTTP server on 127.0.0.1 with the SDK's default Node handler (real sockets, real headers).
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';

const seen: { method?: string; url?: string; userAgent?: string }[] = [];
const server = createServer((req, res) => {
  seen.push({ method: req.method, url: req.url, userAgent: req.headers['user-agent'] });
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'x-amz-request-id': `LOCAL${seen.length}`, 'content-length': '0' });
    res.end();
  });
});
let endpoint = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('local HTTP server on 127.0.0.1', () => {
  it('records the calls the server really received, with the user agent it really got', async () => {
    const trail = createLocalTrail();
    const s3 = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: LONG_TERM });
    s3.middlewareStack.use(trail.plugin());
    await s3.send(new CreateBucketCommand({ Bucket: 'local-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'local-bucket', Key: 'a.txt', Body: 'hello' }));
    s3.destroy();
    expect(seen.map((s) => `${s.method} ${s.url?.split('?')[0]}`)).toEqual(['PUT /local-bucket/', 'PUT /local-bucket/a.txt']);
    const [create, put] = trail.events();
    // S3 writes the user agent in brackets on bucket operations too.
    expect(create).toMatchObject({ eventName: 'CreateBucket', managementEvent: true, readOnly: false, requestID: 'LOCAL1', userAgent: `[${seen[0]!.userAgent}]` });
    expect(put).toMatchObject({
      eventName: 'PutObject',
      eventCategory: 'Data',
      requestID: 'LOCAL2',
      userAgent: `[${seen[1]!.userAgent}]`,
      requestParameters: { bucketName: 'local-bucket', key: 'a.txt', Host: endpoint.slice('http://'.length) },
    });
    // Plain http: no TLS details.
    expect(put!.tlsDetails).toBeUndefined();
  });
});
