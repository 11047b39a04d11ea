// Per-protocol coverage: json (DynamoDB, Lambda rest-json, KMS, Secrets Manager), query (IAM, STS, SNS, SQS), ec2.
import { DynamoDBClient, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import type { StubResponder } from '../support/stub-http.js';
import { jsonError, stubHandler, xmlError } from '../support/stub-http.js';

function client<C extends { middlewareStack: { use(p: unknown): void } }>(
  Ctor: new (config: object) => C,
  respond: StubResponder,
  config: object = {},
) {
  const trail = createLocalTrail({ accountId: '111122223333' });
  const http = stubHandler(respond);
  const c = new Ctor({ region: 'eu-central-1', credentials: LONG_TERM, requestHandler: http, ...config });
  c.middlewareStack.use(trail.plugin());
  return { trail, http, client: c as C & { send(command: unknown): Promise<any> } };
}

const json = (body: object) => () => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(body) });

describe('DynamoDB (awsJson1.0)', () => {
  it('records PutItem as a data event on the table: attribute names, never values, and the apiVersion', async () => {
    const { trail, client: ddb } = client(DynamoDBClient, json({}));
    await ddb.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: 'o#1' }, Total: { N: '12' } } }));
    expect(trail.events()[0]).toMatchObject({
      eventSource: 'dynamodb.amazonaws.com',
      eventName: 'PutItem',
      awsRegion: 'eu-central-1',
      readOnly: false,
      managementEvent: false,
      eventCategory: 'Data',
      requestID: 'req-0001',
      // CloudTrail writes an item's attribute names only, never its values.
      requestParameters: { tableName: 'Orders', item: ['pk', 'Total'] },
      responseElements: null,
      apiVersion: '2012-08-10',
      resources: [{ accountId: '111122223333', type: 'AWS::DynamoDB::Table', ARN: 'arn:aws:dynamodb:eu-central-1:111122223333:table/Orders' }],
    });
  });

  it('records a service error with its code, message and request id, and rethrows the same object', async () => {
    let thrown: unknown;
    const { trail, client: ddb } = client(DynamoDBClient, () => jsonError('com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', 'Requested resource not found'));
    await ddb.send(new GetItemCommand({ TableName: 'Nope', Key: { pk: { S: '1' } } })).catch((e: unknown) => (thrown = e));
    expect(thrown).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(trail.events()[0]).toMatchObject({
      eventName: 'GetItem',
      errorCode: 'ResourceNotFoundException',
      errorMessage: 'Requested resource not found',
      requestID: 'err-req-1',
      responseElements: null,
    });
  });

  it('records one event for a call throttled twice then retried to success', async () => {
    const { trail, http, client: ddb } = client(
      DynamoDBClient,
      (_req, attempt) => (attempt < 3 ? jsonError('ThrottlingException', 'Rate exceeded') : json({})()),
      { maxAttempts: 3, retryStrategy: undefined },
    );
    const out = await ddb.send(new PutItemCommand({ TableName: 'T', Item: { pk: { S: '1' } } }));
    expect(http.requests).toHaveLength(3);
    expect(out.$metadata.attempts).toBe(3);
    expect(trail.events()).toHaveLength(1);
    expect(trail.events()[0]!.errorCode).toBeUndefined();
  });

  it('records throttling that outlasts the retries as the final error', async () => {
    const { trail, http, client: ddb } = client(DynamoDBClient, () => jsonError('ThrottlingException', 'Rate exceeded'), { maxAttempts: 2 });
    await expect(ddb.send(new PutItemCommand({ TableName: 'T', Item: { pk: { S: '1' } } }))).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(http.requests).toHaveLength(2);
    expect(trail.events()).toHaveLength(1);
    expect(trail.events()[0]).toMatchObject({ errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded' });
  });
});

describe('Lambda (rest-json)', () => {
  it('names control-plane events with the API version of the path, and Invoke without one', async () => {
    const { trail, client: lambda } = client(LambdaClient, () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }));
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'fn', Role: 'arn:aws:iam::111122223333:role/r', Code: { ZipFile: new Uint8Array(10) } }));
    await lambda.send(new GetFunctionCommand({ FunctionName: 'fn' }));
    await lambda.send(new InvokeCommand({ FunctionName: 'fn', Payload: new TextEncoder().encode('{"a":1}') }));
    const [create, get, invoke] = trail.events();
    expect(create).toMatchObject({ eventName: 'CreateFunction20150331', readOnly: false, managementEvent: true });
    // The zip file is a body: left out, as CloudTrail leaves it out (`code: {}`).
    expect(create!.requestParameters).toMatchObject({ functionName: 'fn', code: {} });
    expect(get).toMatchObject({ eventName: 'GetFunction20150331v2', readOnly: true });
    expect(invoke).toMatchObject({
      eventName: 'Invoke',
      eventCategory: 'Data',
      managementEvent: false,
      resources: [{ type: 'AWS::Lambda::Function', ARN: 'arn:aws:lambda:eu-central-1:111122223333:function:fn' }],
    });
  });
});

describe('SNS and SQS', () => {
  it('records Publish as a data event on the topic', async () => {
    const { trail, client: sns } = client(SNSClient, () => ({
      headers: { 'content-type': 'text/xml' },
      body: '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>sns-1</RequestId></ResponseMetadata></PublishResponse>',
    }));
    const topic = 'arn:aws:sns:eu-central-1:111122223333:alerts';
    await sns.send(new PublishCommand({ TopicArn: topic, Message: 'hi' }));
    expect(trail.events()[0]).toMatchObject({
      eventSource: 'sns.amazonaws.com',
      eventName: 'Publish',
      eventCategory: 'Data',
      readOnly: false,
      responseElements: { messageId: 'm-1' },
      resources: [{ type: 'AWS::SNS::Topic', ARN: topic, accountId: '111122223333' }],
    });
  });

  it('records SendMessage with the queue ARN derived from the queue URL', async () => {
    const { trail, client: sqs } = client(SQSClient, () => ({
      headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: JSON.stringify({ MessageId: 'q-1', MD5OfMessageBody: '49f68a5c8493ec2c0bf489821c21fc3b' }),
    }));
    await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.eu-central-1.amazonaws.com/111122223333/jobs', MessageBody: 'hi' }));
    expect(trail.events()[0]).toMatchObject({
      eventName: 'SendMessage',
      eventCategory: 'Data',
      resources: [{ type: 'AWS::SQS::Queue', ARN: 'arn:aws:sqs:eu-central-1:111122223333:jobs', accountId: '111122223333' }],
    });
  });
});

describe('IAM and STS (query; global routing)', () => {
  const iamUser = '<GetUserResponse><GetUserResult><User><UserName>bob</UserName><UserId>AIDA1</UserId><Arn>arn:aws:iam::111122223333:user/bob</Arn><Path>/</Path><CreateDate>2020-01-01T00:00:00Z</CreateDate></User></GetUserResult></GetUserResponse>';

  it('records IAM calls in us-east-1 whatever the client region', async () => {
    const { trail, client: iam } = client(IAMClient, () => ({ headers: { 'content-type': 'text/xml' }, body: iamUser }), { region: 'ap-southeast-2' });
    await iam.send(new GetUserCommand({ UserName: 'bob' }));
    expect(trail.events()[0]).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      eventName: 'GetUser',
      awsRegion: 'us-east-1',
      readOnly: true,
      resources: [{ type: 'AWS::IAM::User', ARN: 'arn:aws:iam::111122223333:user/bob' }],
    });
  });

  it('records an IAM write with responseElements and a modelled error with its code', async () => {
    const { trail, client: iam } = client(IAMClient, (_r, n) =>
      n === 1 ? { headers: { 'content-type': 'text/xml' }, body: iamUser.replace(/GetUser/g, 'CreateUser') } : xmlError('EntityAlreadyExists', 'User with name bob already exists.', 409),
    );
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new CreateUserCommand({ UserName: 'bob' })).catch(() => undefined);
    const [ok, failed] = trail.events();
    expect(ok).toMatchObject({ eventName: 'CreateUser', readOnly: false, responseElements: { user: { userName: 'bob', arn: 'arn:aws:iam::111122223333:user/bob' } } });
    expect(failed).toMatchObject({ eventName: 'CreateUser', errorCode: 'EntityAlreadyExistsException', errorMessage: 'User with name bob already exists.', responseElements: null });
  });

  const callerIdentity = '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/x</Arn><UserId>AIDA</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>';

  it('keeps STS regional-endpoint events in their region', async () => {
    const { trail, http, client: sts } = client(STSClient, () => ({ headers: { 'content-type': 'text/xml' }, body: callerIdentity }));
    await sts.send(new GetCallerIdentityCommand({}));
    expect(http.requests[0]!.hostname).toBe('sts.eu-central-1.amazonaws.com');
    expect(trail.events()[0]).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      awsRegion: 'eu-central-1',
      readOnly: true,
      additionalEventData: { RequestDetails: { endpointType: 'regional', awsServingRegion: 'eu-central-1' } },
    });
  });

  it('records STS global-endpoint events in us-east-1', async () => {
    const { trail, http, client: sts } = client(STSClient, () => ({ headers: { 'content-type': 'text/xml' }, body: callerIdentity }), { region: 'aws-global' });
    await sts.send(new GetCallerIdentityCommand({}));
    expect(http.requests[0]!.hostname).toBe('sts.amazonaws.com');
    expect(trail.events()[0]).toMatchObject({ awsRegion: 'us-east-1', additionalEventData: { RequestDetails: { endpointType: 'global' } } });
  });

  it('records AssumeRole as a read with the role as resource, the issued key id and expiry, never the secret or token', async () => {
    const body =
      '<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIANEW</AccessKeyId><SecretAccessKey>NEWSECRETxyz</SecretAccessKey><SessionToken>NEWTOKENxyz</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/R/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>';
    const { trail, client: sts } = client(STSClient, () => ({ headers: { 'content-type': 'text/xml' }, body }));
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/R', RoleSessionName: 's' }));
    expect(out.Credentials?.SecretAccessKey).toBe('NEWSECRETxyz');
    const record = trail.events()[0]!;
    expect(record).toMatchObject({ eventName: 'AssumeRole', readOnly: true, resources: [{ type: 'AWS::IAM::Role', ARN: 'arn:aws:iam::111122223333:role/R' }] });
    expect(record.responseElements).toEqual({
      credentials: { accessKeyId: 'ASIANEW', sessionToken: 'HIDDEN_DUE_TO_SECURITY_REASONS', expiration: 'Jan 1, 2030, 12:00:00 AM' },
      assumedRoleUser: { arn: 'arn:aws:sts::111122223333:assumed-role/R/s', assumedRoleId: 'AROA:s' },
    });
    expect(JSON.stringify(record)).not.toMatch(/NEWSECRETxyz|NEWTOKENxyz/);
  });
});

describe('EC2 (ec2 protocol)', () => {
  it('records Describe* as reads and errors with the Client. prefix CloudTrail uses', async () => {
    const { trail, client: ec2 } = client(EC2Client, (_r, n) =>
      n === 1
        ? { headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'ec2-1' }, body: '<DescribeInstancesResponse><requestId>ec2-1</requestId><reservationSet/></DescribeInstancesResponse>' }
        : {
            status: 400,
            headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'ec2-err' },
            body: '<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID i-1 does not exist</Message></Error></Errors><RequestID>ec2-err</RequestID></Response>',
          },
    );
    await ec2.send(new DescribeInstancesCommand({}));
    await ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-1'] })).catch(() => undefined);
    const [ok, failed] = trail.events();
    expect(ok).toMatchObject({ eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', readOnly: true, requestID: 'ec2-1' });
    expect(failed).toMatchObject({
      errorCode: 'Client.InvalidInstanceID.NotFound',
      errorMessage: 'The instance ID i-1 does not exist',
      requestID: 'ec2-err',
      resources: [{ type: 'AWS::EC2::Instance', ARN: 'arn:aws:ec2:eu-central-1:111122223333:instance/i-1' }],
    });
  });
});

describe('KMS and Secrets Manager (redaction)', () => {
  it('leaves plaintext out, logs the algorithm, and hides secret values that the models mark sensitive', async () => {
    const kms = client(KMSClient, json({ KeyId: 'k', CiphertextBlob: 'AAAA', Plaintext: Buffer.from('TOP-SECRET-PLAINTEXT-VALUE').toString('base64') }));
    await kms.client.send(new EncryptCommand({ KeyId: 'alias/app', Plaintext: new TextEncoder().encode('TOP-SECRET-PLAINTEXT-VALUE') }));
    await kms.client.send(new DecryptCommand({ CiphertextBlob: new Uint8Array([1, 2, 3]) }));
    const [encrypt, decrypt] = kms.trail.events();
    expect(encrypt).toMatchObject({
      eventName: 'Encrypt',
      readOnly: true,
      responseElements: null,
      requestParameters: { keyId: 'alias/app', encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      resources: [{ type: 'AWS::KMS::Key', ARN: 'arn:aws:kms:eu-central-1:111122223333:alias/app' }],
    });
    expect(encrypt!.requestParameters).not.toHaveProperty('plaintext');
    expect(decrypt).toMatchObject({ eventName: 'Decrypt', readOnly: true, responseElements: null, requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' } });
    expect(decrypt!.requestParameters).not.toHaveProperty('ciphertextBlob');

    const sm = client(SecretsManagerClient, json({ ARN: 'arn:aws:secretsmanager:eu-central-1:111122223333:secret:db-AbCdEf', Name: 'db', SecretString: 's3cr3t-database-password!' }));
    await sm.client.send(new CreateSecretCommand({ Name: 'db', SecretString: 's3cr3t-database-password!' }));
    const value = await sm.client.send(new GetSecretValueCommand({ SecretId: 'db' }));
    expect(value.SecretString).toBe('s3cr3t-database-password!');
    const [create, get] = sm.trail.events();
    expect(create).toMatchObject({
      requestParameters: { name: 'db', secretString: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      responseElements: { arn: 'arn:aws:secretsmanager:eu-central-1:111122223333:secret:db-AbCdEf', name: 'db' },
    });
    expect(get).toMatchObject({ eventName: 'GetSecretValue', readOnly: true, managementEvent: true, responseElements: null });
  });
});
