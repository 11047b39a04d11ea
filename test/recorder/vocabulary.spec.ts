// Each service's CloudTrail vocabulary from the model the SDK carries (EC2 and S3 wire names) and the record rules.
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { RunInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ListObjectsV2Command, PutBucketPolicyCommand, PutBucketTaggingCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { LocalTrailOptions } from '../../src/index.js';
import { createLocalTrail } from '../../src/index.js';
import { plansForOperation } from '../../src/recorder/schema-plan.js';
import { LONG_TERM } from '../support/fixtures.js';
import type { StubResponder } from '../support/stub-http.js';
import { jsonError, stubHandler } from '../support/stub-http.js';

type Client = { middlewareStack: { use(p: unknown): void }; send(c: unknown): Promise<unknown> };

function recorded<C extends Client>(Ctor: new (config: object) => C, respond: StubResponder, options: LocalTrailOptions = {}) {
  const trail = createLocalTrail({ accountId: '111122223333', ...options });
  const client = new Ctor({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(respond) });
  client.middlewareStack.use(trail.plugin());
  return { trail, client };
}

const xml = (body: string) => () => ({ headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-x' }, body });

describe('EC2: its own XML names, sets as {items: [...]}', () => {
  it('writes RunInstances as CloudTrail does, request and response', async () => {
    const body =
      '<RunInstancesResponse><requestId>req-x</requestId><reservationId>r-1</reservationId><ownerId>111122223333</ownerId><groupSet/>' +
      '<instancesSet><item><instanceId>i-1</instanceId><imageId>ami-1</imageId><instanceState><code>0</code><name>pending</name></instanceState>' +
      '<launchTime>2024-04-02T15:13:06.000Z</launchTime><groupSet><item><groupId>sg-1</groupId><groupName>ssh</groupName></item></groupSet>' +
      '<tagSet><item><key>Name</key><value>web</value></item></tagSet></item></instancesSet></RunInstancesResponse>';
    const { trail, client } = recorded(EC2Client, xml(body));
    await client.send(
      new RunInstancesCommand({
        ImageId: 'ami-1',
        MinCount: 1,
        MaxCount: 1,
        KeyName: 'k',
        InstanceType: 't3.micro',
        SecurityGroupIds: ['sg-1'],
        Monitoring: { Enabled: false },
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
      }),
    );
    const [record] = trail.events();
    expect(record!.requestParameters).toEqual({
      instancesSet: { items: [{ imageId: 'ami-1', minCount: 1, maxCount: 1, keyName: 'k' }] },
      instanceType: 't3.micro',
      groupSet: { items: [{ groupId: 'sg-1' }] },
      monitoring: { enabled: false },
      tagSpecificationSet: { items: [{ resourceType: 'instance', tags: [{ key: 'Name', value: 'web' }] }] },
      blockDeviceMapping: {},
    });
    expect(record!.responseElements).toEqual({
      requestId: 'req-x',
      reservationId: 'r-1',
      ownerId: '111122223333',
      groupSet: {},
      instancesSet: {
        items: [
          {
            instanceId: 'i-1',
            imageId: 'ami-1',
            instanceState: { code: 0, name: 'pending' },
            launchTime: 1712070786000,
            groupSet: { items: [{ groupId: 'sg-1', groupName: 'ssh' }] },
            tagSet: { items: [{ key: 'Name', value: 'web' }] },
          },
        ],
      },
    });
  });
});

describe('EC2: the request id written first', () => {
  it('is decided once per operation: written as text unless the output has a RequestId member it would meet', async () => {
    const client = new EC2Client({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(xml('<RunInstancesResponse/>')) });
    let schema: unknown[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        schema = context.__smithy_context?.['operationSchema'] as unknown[];
        return next(args);
      },
      { step: 'initialize', name: 'seeSchema' },
    );
    await client.send(new RunInstancesCommand({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1 }));
    const plans = plansForOperation(schema)!;
    expect([plans.responseRequestId, plans.outputHasRequestId]).toEqual([true, false]);
    // The same operation with an output that has a RequestId member of its own (no EC2 output has one today).
    const output = (schema[5] as () => unknown[])();
    const withRequestId = [...schema.slice(0, 5), [3, output[1], output[2], output[3], [...(output[4] as string[]), 'RequestId'], [...(output[5] as unknown[]), 0]]];
    expect(plansForOperation(withRequestId)!.outputHasRequestId).toBe(true);
  });
});

describe('S3: HTTP bindings, subresource markers and the XML payload as sent', () => {
  const s3 = () => recorded(S3Client, () => ({ headers: { 'x-amz-request-id': 'R1' } }));

  it('writes a bucket subresource call with its marker, the payload in XML names and its namespace', async () => {
    const { trail, client } = s3();
    await client.send(new PutBucketVersioningCommand({ Bucket: 'reports', VersioningConfiguration: { Status: 'Enabled' } }));
    expect(trail.events()[0]!.requestParameters).toEqual({
      bucketName: 'reports',
      versioning: '',
      VersioningConfiguration: { Status: 'Enabled', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Host: 'reports.s3.us-east-1.amazonaws.com',
    });
    expect(trail.events()[0]!.userAgent).toMatch(/^\[.*\]$/);
  });

  it('writes a bucket policy parsed, lists as XML reads them, and query parameters by their query names', async () => {
    const { trail, client } = s3();
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] };
    await client.send(new PutBucketPolicyCommand({ Bucket: 'reports', Policy: JSON.stringify(policy) }));
    await client.send(new PutBucketTaggingCommand({ Bucket: 'reports', Tagging: { TagSet: [{ Key: 'team', Value: 'data' }] } }));
    await client.send(new ListObjectsV2Command({ Bucket: 'reports', Prefix: 'q1/', MaxKeys: 10 }));
    const [put, tag, list] = trail.events();
    expect(put!.requestParameters).toMatchObject({ bucketName: 'reports', policy: '', bucketPolicy: policy });
    expect(tag!.requestParameters).toMatchObject({ tagging: '', Tagging: { TagSet: { Tag: { Key: 'team', Value: 'data' } }, xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } });
    expect(list!.requestParameters).toMatchObject({ bucketName: 'reports', 'list-type': '2', prefix: 'q1/', 'max-keys': 10 });
  });
});

describe('JSON and query services: member names with the first letter lower-cased, Java dates', () => {
  it('writes IAM dates as CloudTrail does and a new access key without its secret', async () => {
    const user = xml('<CreateUserResponse><CreateUserResult><User><Path>/</Path><UserName>bob</UserName><UserId>AIDA1</UserId><Arn>arn:aws:iam::111122223333:user/bob</Arn><CreateDate>2014-03-24T21:11:59Z</CreateDate></User></CreateUserResult></CreateUserResponse>');
    const key = xml('<CreateAccessKeyResponse><CreateAccessKeyResult><AccessKey><UserName>bob</UserName><AccessKeyId>AKIANEW</AccessKeyId><Status>Active</Status><SecretAccessKey>NEWSECRET</SecretAccessKey><CreateDate>2014-03-24T21:12:00Z</CreateDate></AccessKey></CreateAccessKeyResult></CreateAccessKeyResponse>');
    const { trail, client } = recorded(IAMClient, (_r, n) => (n === 1 ? user() : key()));
    await client.send(new CreateUserCommand({ UserName: 'bob' }));
    await client.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    const [created, accessKey] = trail.events();
    expect(created!.responseElements).toEqual({ user: { path: '/', userName: 'bob', userId: 'AIDA1', arn: 'arn:aws:iam::111122223333:user/bob', createDate: 'Mar 24, 2014, 9:11:59 PM' } });
    expect(accessKey!.responseElements).toEqual({ accessKey: { userName: 'bob', accessKeyId: 'AKIANEW', status: 'Active', createDate: 'Mar 24, 2014, 9:12:00 PM' } });
  });

  it('lower-cases only the first letter, as the services’ own models name their fields', async () => {
    const { trail, client } = recorded(SQSClient, () => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ MessageId: 'm-1', MD5OfMessageBody: 'd41d8cd98f00b204e9800998ecf8427e' }) }));
    (client as unknown as { config: { md5: boolean } }).config.md5 = false;
    await client.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/q', MessageBody: 'hello' }));
    expect(trail.events()[0]!.responseElements).toEqual({ messageId: 'm-1', mD5OfMessageBody: 'd41d8cd98f00b204e9800998ecf8427e' });
  });

  it('writes GetCallerIdentity with requestParameters null', async () => {
    const { trail, client } = recorded(STSClient, xml('<GetCallerIdentityResponse><GetCallerIdentityResult><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>'));
    await client.send(new GetCallerIdentityCommand({}));
    expect(trail.events()[0]).toMatchObject({ eventName: 'GetCallerIdentity', requestParameters: null, responseElements: null });
  });

  it("spells an error as the service's records do: Lambda's AccessDenied, with requestParameters null", async () => {
    const { trail, client } = recorded(LambdaClient, () => jsonError('AccessDeniedException', 'User is not authorized to perform: lambda:GetFunction', 403));
    await client.send(new GetFunctionCommand({ FunctionName: 'fn' })).catch(() => undefined);
    expect(trail.events()[0]).toMatchObject({ errorCode: 'AccessDenied', requestParameters: null });
  });
});

describe('DynamoDB: PutItem `key` once the table’s key schema is known', () => {
  const ddb = (options?: LocalTrailOptions) => recorded(DynamoDBClient, () => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' }), options);
  const item = { Artist: { S: 'No One You Know' }, SongTitle: { S: 'Call Me Today' }, AlbumTitle: { S: 'Somewhat Famous' } };

  it('learns it from a CreateTable call it recorded', async () => {
    const { trail, client } = ddb();
    await client.send(new PutItemCommand({ TableName: 'Music', Item: item }));
    await client.send(
      new CreateTableCommand({
        TableName: 'Music',
        KeySchema: [{ AttributeName: 'Artist', KeyType: 'HASH' }, { AttributeName: 'SongTitle', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'Artist', AttributeType: 'S' }, { AttributeName: 'SongTitle', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await client.send(new PutItemCommand({ TableName: 'Music', Item: item }));
    const [before, , after] = trail.events();
    expect(before!.requestParameters).toEqual({ tableName: 'Music', item: ['Artist', 'SongTitle', 'AlbumTitle'] });
    expect(after!.requestParameters).toEqual({ tableName: 'Music', key: { Artist: 'No One You Know', SongTitle: 'Call Me Today' }, item: ['Artist', 'SongTitle', 'AlbumTitle'] });
  });

  it('takes it from the dynamoDbTableKeys option, and writes a GetItem key with plain values', async () => {
    const { trail, client } = ddb({ dynamoDbTableKeys: { Music: ['Artist', 'SongTitle'] } });
    await client.send(new PutItemCommand({ TableName: 'Music', Item: item }));
    await client.send(new GetItemCommand({ TableName: 'Music', Key: { Artist: { S: 'No One You Know' }, SongTitle: { S: 'Call Me Today' } } }));
    const [put, get] = trail.events();
    expect(put!.requestParameters).toMatchObject({ key: { Artist: 'No One You Know', SongTitle: 'Call Me Today' } });
    expect(get!.requestParameters).toEqual({ tableName: 'Music', key: { Artist: 'No One You Know', SongTitle: 'Call Me Today' } });
  });
});
