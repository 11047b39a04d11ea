// No application data in any record or file: planted item values, message bodies, object bodies and payloads are
// searched for in events(), snapshot(), lookupEvents() and every delivered byte — while matchers still see them.
import '../../src/testing/vitest.js';
import {
  BatchExecuteStatementCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { PublishBatchCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createLocalTrail, MemorySink } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

/** One distinct planted value per place application data goes; none may appear anywhere a record is written. */
const PLANTED = {
  item: 'planted-item-value-1',
  itemNumber: '987654321012',
  update: 'planted-update-value-2',
  condition: 'planted-condition-value-3',
  query: 'planted-query-value-4',
  scan: 'planted-scan-value-5',
  batch: 'planted-batch-item-6',
  transact: 'planted-transact-value-7',
  statement: 'planted-partiql-literal-8',
  parameter: 'planted-partiql-parameter-9',
  document: 'planted-document-client-10',
  snsMessage: 'planted-sns-message-11',
  snsSubject: 'planted-sns-subject-12',
  snsAttribute: 'planted-sns-attribute-13',
  sqsBody: 'planted-sqs-body-14',
  sqsAttribute: 'planted-sqs-attribute-15',
  sqsBatchBody: 'planted-sqs-batch-body-16',
  objectBody: 'planted-object-body-17',
  partBody: 'planted-part-body-18',
  payload: 'planted-lambda-payload-19',
  legacy: 'planted-legacy-expected-20',
  snsBatch: 'planted-sns-batch-21',
} as const;

const json = (version: string, body: object = {}) => () => ({ headers: { 'content-type': `application/x-amz-json-${version}` }, body: JSON.stringify(body) });
const S = (s: string) => ({ S: s });

async function plantEverywhere() {
  const sink = new MemorySink();
  const trail = createLocalTrail({ accountId: '111122223333', controlPlaneEvents: false, delivery: { sinks: [sink] } });
  await trail.createTrail({ Name: 'all', S3BucketName: 'audit', IsMultiRegionTrail: true });
  const data = (type: string) => ({ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: [type] }] });
  await trail.putEventSelectors({
    TrailName: 'all',
    AdvancedEventSelectors: [
      { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      ...['AWS::S3::Object', 'AWS::DynamoDB::Table', 'AWS::Lambda::Function', 'AWS::SNS::Topic', 'AWS::SQS::Queue'].map(data),
    ],
  });
  await trail.startLogging({ Name: 'all' });
  const common = { region: 'eu-west-1', credentials: LONG_TERM };
  const ddb = new DynamoDBClient({ ...common, requestHandler: stubHandler(json('1.0')) });
  const sns = new SNSClient({
    ...common,
    requestHandler: stubHandler(() => ({ headers: { 'content-type': 'text/xml' }, body: '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>' })),
  });
  // md5: false: the stub's reply carries no checksum of the body it never saw.
  const sqs = new SQSClient({ ...common, md5: false, requestHandler: stubHandler(json('1.0', { MessageId: 'q-1' })) });
  const s3 = new S3Client({ ...common, requestHandler: stubHandler(() => ({ headers: { 'x-amz-request-id': 'R1', etag: '"e"' } })) });
  const lambda = new LambdaClient({ ...common, requestHandler: stubHandler(() => ({ headers: { 'x-amz-executed-version': '$LATEST' }, body: `{"echo":"${PLANTED.payload}"}` })) });
  for (const c of [ddb, sns, sqs, s3, lambda]) c.middlewareStack.use(trail.plugin());

  const table = 'Orders';
  await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: S('o-1'), secret: S(PLANTED.item), total: { N: PLANTED.itemNumber } } }));
  await ddb.send(
    new UpdateItemCommand({
      TableName: table,
      Key: { pk: S('o-1') },
      UpdateExpression: 'SET #s = :s',
      ConditionExpression: '#c = :c',
      ExpressionAttributeNames: { '#s': 'secret', '#c': 'state' },
      ExpressionAttributeValues: { ':s': S(PLANTED.update), ':c': S(PLANTED.condition) },
    }),
  );
  await ddb.send(new DeleteItemCommand({ TableName: table, Key: { pk: S('o-2') }, Expected: { secret: { Value: S(PLANTED.legacy) } } }));
  await ddb.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :v', ExpressionAttributeValues: { ':v': S(PLANTED.query) } }));
  await ddb.send(new ScanCommand({ TableName: table, ScanFilter: { secret: { ComparisonOperator: 'EQ', AttributeValueList: [S(PLANTED.scan)] } } }));
  await ddb.send(new BatchWriteItemCommand({ RequestItems: { [table]: [{ PutRequest: { Item: { pk: S('o-3'), secret: S(PLANTED.batch) } } }] } }));
  await ddb.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: table, Item: { pk: S('o-4'), secret: S(PLANTED.transact) } } },
        { Update: { TableName: table, Key: { pk: S('o-5') }, UpdateExpression: 'SET s = :s', ExpressionAttributeValues: { ':s': S(PLANTED.transact) } } },
      ],
    }),
  );
  await ddb.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "${table}" VALUE {'pk': 'o-6', 'secret': '${PLANTED.statement}'}`, Parameters: [S(PLANTED.parameter)] }));
  await ddb.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: `UPDATE "${table}" SET s = '${PLANTED.statement}' WHERE pk = 'o-7'`, Parameters: [S(PLANTED.parameter)] }] }));
  await DynamoDBDocumentClient.from(ddb).send(new PutCommand({ TableName: table, Item: { pk: 'o-8', secret: PLANTED.document } }));

  const topic = 'arn:aws:sns:eu-west-1:111122223333:orders';
  await sns.send(new PublishCommand({ TopicArn: topic, Message: PLANTED.snsMessage, Subject: PLANTED.snsSubject, MessageAttributes: { a: { DataType: 'String', StringValue: PLANTED.snsAttribute } } }));
  await sns.send(new PublishBatchCommand({ TopicArn: topic, PublishBatchRequestEntries: [{ Id: '1', Message: PLANTED.snsBatch }] })).catch(() => undefined);
  const queue = 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders';
  await sqs.send(new SendMessageCommand({ QueueUrl: queue, MessageBody: PLANTED.sqsBody, MessageAttributes: { a: { DataType: 'String', StringValue: PLANTED.sqsAttribute } } }));
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: queue, Entries: [{ Id: '1', MessageBody: PLANTED.sqsBatchBody }] })).catch(() => undefined);
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: PLANTED.objectBody }));
  await s3.send(new UploadPartCommand({ Bucket: 'b', Key: 'k', UploadId: 'u', PartNumber: 1, Body: new TextEncoder().encode(PLANTED.partBody) }));
  await lambda.send(new InvokeCommand({ FunctionName: 'fn', Payload: new TextEncoder().encode(`{"in":"${PLANTED.payload}"}`) }));
  await trail.flush();
  return { trail, sink };
}

describe('privacy by default', () => {
  it('writes no planted value in events(), snapshot(), lookupEvents() or any delivered byte', async () => {
    const { trail, sink } = await plantEverywhere();
    expect(trail.stats().errors).toBe(0);
    const delivered = [...sink.objects.values()].map((o) => (o.kind === 'log' ? gunzipSync(o.body).toString('utf8') : Buffer.from(o.body).toString('utf8')));
    expect(delivered.length).toBeGreaterThan(0);
    const places: Record<string, string> = {
      events: JSON.stringify(trail.events()),
      snapshot: JSON.stringify(trail.snapshot()),
      lookupEvents: JSON.stringify(await trail.lookupEvents({ MaxResults: 50 })),
      delivered: delivered.join('\n'),
    };
    // Every call a data selector can match (those naming a resource) is in the delivered files: the scan covers them.
    const deliveredNames = [...delivered.join('\n').matchAll(/"eventName":"(\w+)"/g)].map((m) => m[1]).sort();
    expect(deliveredNames).toEqual(trail.events().filter((e) => e.resources).map((e) => e.eventName).sort());
    for (const [place, text] of Object.entries(places)) {
      for (const value of Object.values(PLANTED)) expect(text, `${value} in ${place}`).not.toContain(value);
    }
    await trail.shutdown();
  });

  it('writes DynamoDB keys with plain values, items as attribute names, and no expression values', async () => {
    const { trail } = await plantEverywhere();
    const byName = (name: string) => trail.events().filter((e) => e.eventName === name).map((e) => e.requestParameters);
    expect(byName('PutItem')[0]).toEqual({ tableName: 'Orders', item: ['pk', 'secret', 'total'] });
    expect(byName('UpdateItem')[0]).toEqual({
      tableName: 'Orders',
      key: { pk: 'o-1' },
      updateExpression: 'SET #s = :s',
      conditionExpression: '#c = :c',
      expressionAttributeNames: { '#s': 'secret', '#c': 'state' },
    });
    expect(byName('BatchWriteItem')[0]).toEqual({ requestItems: { Orders: [{ putRequest: { item: ['pk', 'secret'] } }] } });
    expect(byName('TransactWriteItems')[0]).toEqual({
      requestItems: [
        { operation: 'Put', tableName: 'Orders', items: ['pk', 'secret'] },
        { operation: 'Update', tableName: 'Orders', key: { pk: 'o-5' }, updateExpression: 'SET s = :s' },
      ],
    });
    expect(byName('ExecuteStatement')[0]).toEqual({ statement: `INSERT INTO "Orders" VALUE {'pk': ***(Redacted), 'secret': ***(Redacted)}` });
    // The DocumentClient's native item: names too.
    expect(byName('PutItem')[1]).toEqual({ tableName: 'Orders', item: ['pk', 'secret'] });
    for (const e of trail.events().filter((r) => r.eventSource === 'dynamodb.amazonaws.com')) {
      expect(e).toMatchObject({ apiVersion: '2012-08-10', responseElements: null });
    }
    await trail.shutdown();
  });

  it('hides message bodies and leaves object bodies and payloads out', async () => {
    const { trail } = await plantEverywhere();
    const find = (name: string) => trail.events().find((e) => e.eventName === name)!;
    expect(find('Publish').requestParameters).toMatchObject({
      message: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      subject: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      messageAttributes: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    });
    expect(find('SendMessage').requestParameters).toMatchObject({ messageBody: 'HIDDEN_DUE_TO_SECURITY_REASONS' });
    expect(find('PutObject').requestParameters).toEqual({ bucketName: 'b', key: 'k', Host: 's3.eu-west-1.amazonaws.com' });
    expect(find('Invoke')).toMatchObject({ requestParameters: null, responseElements: null });
    await trail.shutdown();
  });

  it('lets the command matchers match on the values the records never held', async () => {
    const { trail } = await plantEverywhere();
    expect(trail).toHaveRecordedCommand(PutItemCommand, { Item: { pk: S('o-1'), secret: S(PLANTED.item), total: { N: PLANTED.itemNumber } } });
    expect(trail).toHaveRecordedCommand(UpdateItemCommand, { ExpressionAttributeValues: { ':s': S(PLANTED.update), ':c': expect.anything() } });
    expect(trail).toHaveRecordedCommand(PutCommand, { Item: { pk: 'o-8', secret: PLANTED.document } });
    expect(trail).toHaveRecordedCommand(PublishCommand, { Message: PLANTED.snsMessage });
    expect(trail).toHaveRecordedCommand(SendMessageCommand, { MessageBody: expect.stringContaining('sqs-body') });
    // A body is compared by its size only: the kept input holds no body.
    expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'b', Body: 'x'.repeat(PLANTED.objectBody.length) });
    expect(trail).not.toHaveRecordedCommand(PutObjectCommand, { Body: 'too short' });
    expect(trail).not.toHaveRecordedCommand(PublishCommand, { Message: 'another message' });
    // Records read back as plain JSON (a log file) carry no input: nothing matches an input there.
    const parsed = JSON.parse(JSON.stringify(trail.events())) as unknown[];
    expect(parsed).toHaveRecordedCommand(PublishCommand);
    expect(parsed).not.toHaveRecordedCommand(PublishCommand, { Message: PLANTED.snsMessage });
    await trail.shutdown();
  });
});
