import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLocalTrail, localTrailMiddleware, localTrailMiddlewareOptions, ManualClock } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

function setup(respond?: Parameters<typeof stubHandler>[0]) {
  const clock = new ManualClock('2026-03-04T09:16:41.250Z');
  const trail = createLocalTrail({ accountId: '111122223333', clock, sourceIpAddress: '198.51.100.23' });
  const http = stubHandler(respond);
  const s3 = new S3Client({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: http, maxAttempts: 3 });
  s3.middlewareStack.use(trail.plugin());
  return { trail, http, s3, clock };
}

describe('S3 (rest-xml) through the real middleware stack', () => {
  it('records PutObject as a data event with every field CloudTrail writes', async () => {
    const { trail, http, s3 } = setup(() => ({ headers: { 'x-amz-request-id': 'R1', 'x-amz-id-2': 'ID2==' } }));
    await s3.send(new PutObjectCommand({ Bucket: 'amzn-s3-demo-bucket', Key: 'reports/q1.csv', Body: 'a,b,c\n' }));
    const [record] = trail.events();
    const sent = http.requests[0]!;
    expect(record).toEqual({
      eventVersion: '1.11',
      userIdentity: {
        type: 'IAMUser',
        principalId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
        arn: 'arn:aws:iam::111122223333:user/localtrail-user',
        accountId: '111122223333',
        accessKeyId: LONG_TERM.accessKeyId,
        userName: 'localtrail-user',
      },
      eventTime: '2026-03-04T09:16:41Z',
      eventSource: 's3.amazonaws.com',
      eventName: 'PutObject',
      awsRegion: 'eu-west-1',
      sourceIPAddress: '198.51.100.23',
      userAgent: `[${sent.headers['user-agent']}]`,
      requestParameters: {
        bucketName: 'amzn-s3-demo-bucket',
        key: 'reports/q1.csv',
        // No body entry: CloudTrail never logs an object's content.
        Host: sent.headers['host'],
      },
      responseElements: null,
      additionalEventData: {
        SignatureVersion: 'SigV4',
        AuthenticationMethod: 'AuthHeader',
        bytesTransferredIn: 6,
        bytesTransferredOut: 0,
        'x-amz-id-2': 'ID2==',
      },
      requestID: 'R1',
      eventID: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      readOnly: false,
      resources: [
        { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv' },
        { accountId: '111122223333', type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::amzn-s3-demo-bucket' },
      ],
      eventType: 'AwsApiCall',
      managementEvent: false,
      recipientAccountId: '111122223333',
      eventCategory: 'Data',
      tlsDetails: { clientProvidedHostHeader: sent.headers['host'] },
    });
    // Key order as CloudTrail writes it, and a plain object (records are made by a constructor; see build-record.ts).
    expect(Object.keys(record!)).toEqual([
      'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent',
      'requestParameters', 'responseElements', 'additionalEventData', 'requestID', 'eventID', 'readOnly', 'resources',
      'eventType', 'managementEvent', 'recipientAccountId', 'eventCategory', 'tlsDetails',
    ]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(record!.constructor).toBe(Object);
    expect(sent.headers['user-agent']).toMatch(/^aws-sdk-js\/3\.[\d.]+ .*api\/s3#/);
  });

  it('passes a GetObject stream body through unread and records its size from the response', async () => {
    const { trail, s3 } = setup(() => ({ body: 'x'.repeat(1234), headers: { 'content-type': 'text/plain' } }));
    const out = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    expect(await out.Body!.transformToString()).toBe('x'.repeat(1234));
    const [record] = trail.events();
    expect(record).toMatchObject({ eventName: 'GetObject', readOnly: true, eventCategory: 'Data', responseElements: null });
    expect(record!.additionalEventData).toMatchObject({ bytesTransferredOut: 1234 });
  });

  it('never reads a stream input body', async () => {
    const { trail, s3 } = setup();
    const body = Readable.from(['chunk']);
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: body, ContentLength: 5 }));
    // The body is never read nor described; Content-Length is a plain HTTP header, not a request parameter.
    expect(trail.events()[0]!.requestParameters).toEqual({ bucketName: 'b', key: 'k', Host: 's3.eu-west-1.amazonaws.com' });
  });

  it('logs ListObjectsV2 as ListObjects with an ARNPrefix resource', async () => {
    const { trail, s3 } = setup(() => ({ body: '<ListBucketResult></ListBucketResult>' }));
    await s3.send(new ListObjectsV2Command({ Bucket: 'b', Prefix: 'logs/' }));
    expect(trail.events()[0]).toMatchObject({
      eventName: 'ListObjects',
      readOnly: true,
      resources: [{ type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::b/logs/' }, { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::b' }],
    });
  });

  it('records a HeadObject 404 as errorCode NotFound and rethrows the same error', async () => {
    const { trail, s3 } = setup(() => ({ status: 404, headers: { 'x-amz-request-id': 'R404' } }));
    const error = await s3.send(new HeadObjectCommand({ Bucket: 'b', Key: 'missing' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    expect(trail.events()[0]).toMatchObject({ eventName: 'HeadObject', errorCode: 'NotFound', requestID: 'R404', responseElements: null });
  });

  it('records every field with a plain middlewareStack.add of the exported middleware and options', async () => {
    const trail = createLocalTrail();
    const http = stubHandler();
    const s3 = new S3Client({ region: 'us-west-2', credentials: LONG_TERM, requestHandler: http });
    s3.middlewareStack.add(localTrailMiddleware(trail), localTrailMiddlewareOptions);
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
    const record = trail.events()[0]!;
    expect(record.userAgent).toBe(`[${http.requests[0]!.headers['user-agent']}]`);
    expect(record.requestParameters).toMatchObject({ Host: http.requests[0]!.headers['host'] });
    expect(record).toMatchObject({ awsRegion: 'us-west-2', userIdentity: { accessKeyId: LONG_TERM.accessKeyId } });
  });

  it('records once when the plugin is added twice', async () => {
    const { trail, s3 } = setup();
    s3.middlewareStack.use(trail.plugin());
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
    expect(trail.events()).toHaveLength(1);
  });
});
