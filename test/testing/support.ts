// Shared by the vitest and jest matcher tests: real SDK clients over an HTTP-level stub, and message capture.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { HttpResponse } from '@smithy/protocol-http';
import type { HttpRequest } from '@smithy/protocol-http';
import { Readable } from 'node:stream';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { createLocalTrail } from '../../src/localtrail.js';
import type { LocalTrail } from '../../src/localtrail.js';

export const CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
export const ROLE_CREDENTIALS = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'tmpSecretKeyDoNotLeak/abcdefghijklmnop0123',
  sessionToken: 'FwoGZXIvYXdzEDoaDONOTLEAKSESSIONTOKEN0123456789abcdef',
};

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Answers every request: S3 NoSuchBucket for buckets named `missing`, DynamoDB `{}`, IAM a CreateUser result. */
function reply(request: HttpRequest): Reply {
  const host = request.hostname;
  if (host.startsWith('missing.')) {
    return {
      status: 404,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'REQ404' },
      body: '<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>missing</BucketName></Error>',
    };
  }
  if (host.startsWith('dynamodb.')) return { headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'DDBREQ1' }, body: '{}' };
  if (host.startsWith('iam.')) {
    return {
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'IAMREQ1' },
      body:
        '<CreateUserResponse><CreateUserResult><User><Path>/</Path><UserName>bob</UserName><UserId>AIDAEXAMPLEBOB</UserId>' +
        '<Arn>arn:aws:iam::123456789012:user/bob</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></User></CreateUserResult>' +
        '<ResponseMetadata><RequestId>IAMREQ1</RequestId></ResponseMetadata></CreateUserResponse>',
    };
  }
  return { headers: { 'x-amz-request-id': 'S3REQ1', etag: '"abc"' }, body: '' };
}

/** A request handler that never touches the network: the real middleware stack (sign, retry, parse) still runs. */
export const stubHandler = {
  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const { status = 200, headers = {}, body = '' } = reply(request);
    const bytes = Buffer.from(body);
    return {
      response: new HttpResponse({
        statusCode: status,
        headers: { 'content-length': String(bytes.length), ...headers },
        body: Readable.from([bytes]),
      }),
    };
  },
};

/** A fresh trail on a manual clock, and clients recording into it (one trail per test). */
export function setup(): { trail: LocalTrail; s3: S3Client; ddb: DynamoDBClient; iam: IAMClient; s3EuAsRole: S3Client } {
  const trail = createLocalTrail({
    clock: new ManualClock(Date.UTC(2024, 0, 2, 3, 4, 5)),
    sourceIpAddress: '198.51.100.7',
    identities: [
      { accessKeyId: CREDENTIALS.accessKeyId, userName: 'alice' },
      { accessKeyId: ROLE_CREDENTIALS.accessKeyId, roleName: 'Deployer', sessionName: 'ci' },
    ],
  });
  const common = { credentials: CREDENTIALS, requestHandler: stubHandler, maxAttempts: 1, region: 'us-east-1' };
  const s3 = new S3Client(common);
  const s3EuAsRole = new S3Client({ ...common, credentials: ROLE_CREDENTIALS, region: 'eu-west-1' });
  const ddb = new DynamoDBClient(common);
  const iam = new IAMClient(common);
  for (const client of [s3, s3EuAsRole, ddb, iam]) client.middlewareStack.use(trail.plugin());
  return { trail, s3, ddb, iam, s3EuAsRole };
}

/**
 * The calls the matcher tests assert on, recorded in this order:
 * #1 S3 PutObject reports/q1.csv (alice) · #2 S3 GetObject missing/x → NoSuchBucket · #3 DynamoDB PutItem Orders ·
 * #4 IAM CreateUser bob · #5 S3 PutObject reports-eu/q2.csv in eu-west-1 as role Deployer/ci.
 */
export async function runScenario(): Promise<LocalTrail> {
  const { trail, s3, ddb, iam, s3EuAsRole } = setup();
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'q1.csv', Body: 'hello' }));
  await s3.send(new GetObjectCommand({ Bucket: 'missing', Key: 'x' })).catch(() => undefined);
  await ddb.send(new PutItemCommand({ TableName: 'Orders', Item: { id: { S: 'o-1' } } }));
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await s3EuAsRole.send(new PutObjectCommand({ Bucket: 'reports-eu', Key: 'q2.csv', Body: 'x' }));
  return trail;
}

/** The message an assertion failed with, without colours (runners colour only on a terminal). */
export function failureOf(assertion: () => unknown): string {
  try {
    assertion();
  } catch (error) {
    // eslint-disable-next-line no-control-regex
    return String((error as Error).message).replace(/\u001b\[[0-9;]*m/g, '');
  }
  throw new Error('expected the assertion to fail, it passed');
}
