// A recorded afternoon for the server, page and report tests: real SDK clients (IAM, STS, S3, DynamoDB) through the
// plugin over an HTTP stub, two identities, failures, S3 data events, an IAM write burst that raises an Insights
// event, and a trail with log file validation delivering into a folder.
import { GetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { HttpRequest } from '@smithy/protocol-http';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { FilesystemSink } from '../../src/delivery/sinks/filesystem-sink.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { createLocalTrail } from '../../src/index.js';
import type { LocalTrail } from '../../src/localtrail.js';
import { LONG_TERM, TEMPORARY } from '../support/fixtures.js';
import type { StubReply } from '../support/stub-http.js';
import { jsonError, stubHandler, xmlError } from '../support/stub-http.js';

export const ACCOUNT = '111122223333';
export const START = Date.parse('2026-03-01T13:00:00Z');

function text(request: HttpRequest): string {
  const body = request.body as unknown;
  // The JSON protocols send a Uint8Array subclass that warns when used as a string: decode its bytes.
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return typeof body === 'string' ? body : '';
}

/** Answers like the services: IAM refuses an existing user, DynamoDB a missing table; everything else succeeds. */
function respond(request: HttpRequest): StubReply {
  const body = text(request);
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1];
  if (action === 'CreateUser' && body.includes('UserName=taken')) return xmlError('EntityAlreadyExists', 'User with name taken already exists.', 409);
  if (action === 'GetCallerIdentity') {
    return { headers: { 'content-type': 'text/xml' }, body: `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/alice</Arn><UserId>AIDA</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>` };
  }
  if (action) return { headers: { 'content-type': 'text/xml' }, body: `<${action}Response><${action}Result></${action}Result></${action}Response>` };
  if (request.headers['x-amz-target']?.startsWith('DynamoDB_')) {
    if (body.includes('missing-table')) return jsonError('com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', 'Requested resource not found');
    return { headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' };
  }
  return request.method === 'GET' && request.path.split('/').filter(Boolean).length > 1 ? { headers: { 'content-type': 'text/plain' }, body: 'hello' } : {};
}

export interface Scenario {
  trail: LocalTrail;
  clock: ManualClock;
  /** Runs the afternoon; records (of every category) come back in recording order. */
  run(): Promise<CloudTrailRecord[]>;
}

/** A LocalTrail delivering into `folder` (when given) with the clients and the afternoon's calls ready to run. */
export function scenario(folder?: string): Scenario {
  const clock = new ManualClock(START);
  const trail = createLocalTrail({
    accountId: ACCOUNT,
    clock,
    // The afternoon is SDK traffic: the trail's own control-plane calls stay out of it, and Insights judge a burst
    // against the hour before it rather than waiting for a 7-day baseline.
    controlPlaneEvents: false,
    insights: { baselineMinutes: 30 },
    identities: [
      { accessKeyId: LONG_TERM.accessKeyId, userName: 'alice' },
      { accessKeyId: TEMPORARY.accessKeyId, roleName: 'Deployer', sessionName: 'ci' },
    ],
    ...(folder ? { delivery: { sinks: [new FilesystemSink({ root: folder })] } } : {}),
  });
  const handler = stubHandler(respond);
  const common = { requestHandler: handler, maxAttempts: 1 };
  const iam = new IAMClient({ region: 'us-east-1', credentials: LONG_TERM, ...common });
  const sts = new STSClient({ region: 'eu-west-1', credentials: LONG_TERM, ...common });
  const s3 = new S3Client({ region: 'eu-west-1', credentials: TEMPORARY, ...common });
  const ddb = new DynamoDBClient({ region: 'us-east-1', credentials: TEMPORARY, ...common });
  for (const client of [iam, sts, s3, ddb]) client.middlewareStack.use(trail.plugin());

  async function run(): Promise<CloudTrailRecord[]> {
    await trail.createTrail({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
    await trail.putEventSelectors({
      TrailName: 'audit',
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
    });
    await trail.putInsightSelectors({ TrailName: 'audit', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
    await trail.startLogging({ Name: 'audit' });
    // An hour of one IAM write a minute (the Insights baseline), with reads and S3 traffic around it.
    for (let minute = 0; minute < 60; minute++) {
      await iam.send(new CreateUserCommand({ UserName: `user-${minute}` }));
      if (minute % 10 === 0) await sts.send(new GetCallerIdentityCommand({}));
      if (minute % 15 === 0) {
        await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: `reports/${minute}.csv`, Body: 'a,b' }));
        await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: `reports/${minute}.csv` })).then((out) => out.Body?.transformToString());
      }
      if (minute % 20 === 5) await iam.send(new CreateUserCommand({ UserName: 'taken' })).catch(() => undefined);
      if (minute === 30) await ddb.send(new GetItemCommand({ TableName: 'missing-table', Key: { pk: { S: 'x' } } })).catch(() => undefined);
      await clock.advance(60_000);
    }
    // A burst of IAM writes: an ApiCallRateInsight starts, and ends after a quiet minute.
    for (let i = 0; i < 25; i++) await iam.send(new CreateUserCommand({ UserName: `burst-${i}` }));
    await s3.send(new ListBucketsCommand({}));
    for (let minute = 0; minute < 2; minute++) {
      await clock.advance(60_000);
      await iam.send(new CreateUserCommand({ UserName: `after-${minute}` }));
      await sts.send(new GetCallerIdentityCommand({}));
    }
    return trail.events();
  }
  return { trail, clock, run };
}
