// The curated eventName → IAM action tables: well-formed, every resource kind known, and the mappings the issue
// names (and the tricky ones) pinned call by call.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { SERVICE_ACTIONS, parseSpec, permissionsFor } from '../../src/policy/action-table.js';
import { RESOURCE_KINDS } from '../../src/policy/resource-kinds.js';

const ACCOUNT = '111122223333';

function call(eventSource: string, eventName: string, extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.11',
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, userName: 'alice' },
    eventTime: '2026-03-01T10:00:00Z',
    eventSource,
    eventName,
    awsRegion: 'eu-west-1',
    eventID: 'id',
    eventType: 'AwsApiCall',
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...extra,
  };
}

const bucket = { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::b' };
const object = (key: string) => ({ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::b/${key}` });
const mapped = (record: CloudTrailRecord) => {
  const result = permissionsFor(record);
  return result.kind === 'mapped' ? result.permissions.map((p) => `${p.action} ${p.resources.join(',')}${p.resolved ? '' : ' (unresolved)'}`) : result.kind;
};

describe('the action tables', () => {
  it('are well-formed: one table per eventSource, actions prefix:Name, every @kind resolvable', () => {
    const sources = SERVICE_ACTIONS.map((s) => s.eventSource);
    expect(new Set(sources).size).toBe(sources.length);
    let specs = 0;
    for (const service of SERVICE_ACTIONS) {
      expect(service.prefix).toMatch(/^[a-z0-9-]+$/);
      for (const [eventName, mapping] of Object.entries(service.events)) {
        expect(eventName).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        if (mapping === null || typeof mapping === 'function') continue;
        for (const spec of typeof mapping === 'string' ? [mapping] : mapping) {
          const { action, kind } = parseSpec(spec, service.prefix);
          expect(action, `${service.prefix} ${eventName}`).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
          if (kind !== undefined) expect(Object.keys(RESOURCE_KINDS), `${service.prefix} ${eventName}`).toContain(kind);
          specs++;
        }
      }
    }
    expect(specs).toBeGreaterThan(400);
  });
});

describe('permissionsFor', () => {
  it('maps the calls the issue names', () => {
    expect(mapped(call('s3.amazonaws.com', 'ListObjects', { resources: [{ type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::b/in/' }, bucket] }))).toEqual(['s3:ListBucket arn:aws:s3:::b']);
    expect(mapped(call('s3.amazonaws.com', 'GetObject', { resources: [object('k'), bucket] }))).toEqual(['s3:GetObject arn:aws:s3:::b/k']);
    expect(mapped(call('lambda.amazonaws.com', 'Invoke', { resources: [{ type: 'AWS::Lambda::Function', ARN: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:fn` }] }))).toEqual([`lambda:InvokeFunction arn:aws:lambda:eu-west-1:${ACCOUNT}:function:fn`]);
    expect(mapped(call('lambda.amazonaws.com', 'CreateFunction20150331', { requestParameters: { functionName: 'fn', role: `arn:aws:iam::${ACCOUNT}:role/exec` } }))).toEqual([
      `lambda:CreateFunction arn:aws:lambda:eu-west-1:${ACCOUNT}:function:fn`,
      `iam:PassRole arn:aws:iam::${ACCOUNT}:role/exec`,
    ]);
    expect(mapped(call('lambda.amazonaws.com', 'GetFunction20150331v2', { requestParameters: { functionName: 'fn' } }))).toEqual([`lambda:GetFunction arn:aws:lambda:eu-west-1:${ACCOUNT}:function:fn`]);
    expect(mapped(call('sts.amazonaws.com', 'GetCallerIdentity'))).toBe('none');
    expect(mapped(call('sts.amazonaws.com', 'GetSessionToken'))).toBe('none');
  });

  it('leaves calls it does not know unmapped instead of guessing', () => {
    expect(mapped(call('s3.amazonaws.com', 'SomeFutureOperation'))).toBe('unmapped');
    expect(mapped(call('appsync.amazonaws.com', 'ListGraphqlApis'))).toBe('unmapped');
    expect(mapped(call('dynamodb.amazonaws.com', 'TransactWriteItems'))).toBe('unmapped');
    expect(mapped(call('s3.amazonaws.com', 'toString'))).toBe('unmapped');
  });

  it('uses resources from request parameters when a real record lists none', () => {
    expect(mapped(call('s3.amazonaws.com', 'HeadObject', { requestParameters: { bucketName: 'b', key: 'a/b.txt' } }))).toEqual(['s3:GetObject arn:aws:s3:::b/a/b.txt']);
    expect(mapped(call('s3.amazonaws.com', 'HeadBucket', { requestParameters: { bucketName: 'b' } }))).toEqual(['s3:ListBucket arn:aws:s3:::b']);
    expect(mapped(call('dynamodb.amazonaws.com', 'DescribeTable', { requestParameters: { tableName: 'T' } }))).toEqual([`dynamodb:DescribeTable arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/T`]);
    expect(mapped(call('sqs.amazonaws.com', 'GetQueueUrl', { requestParameters: { queueName: 'jobs' } }))).toEqual([`sqs:GetQueueUrl arn:aws:sqs:eu-west-1:${ACCOUNT}:jobs`]);
    // The User Guide's StartInstances example names its instances in instancesSet.
    expect(mapped(call('ec2.amazonaws.com', 'StartInstances', { requestParameters: { instancesSet: { items: [{ instanceId: 'i-1' }, { instanceId: 'i-2' }] } } as never }))).toEqual([
      `ec2:StartInstances arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-1,arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-2`,
    ]);
  });

  it('knows the calls that need other or several actions', () => {
    expect(mapped(call('s3.amazonaws.com', 'CopyObject', { requestParameters: { bucketName: 'b', key: 'copy', copySource: 'src/a%20b.txt?versionId=1' } }))).toEqual([
      's3:PutObject arn:aws:s3:::b/copy',
      's3:GetObject arn:aws:s3:::src/a b.txt',
    ]);
    expect(mapped(call('s3.amazonaws.com', 'DeleteObjects', { resources: [{ type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::b/' }, bucket] }))).toEqual(['s3:DeleteObject arn:aws:s3:::b/*']);
    expect(mapped(call('s3.amazonaws.com', 'ListBuckets'))).toEqual(['s3:ListAllMyBuckets *']);
    expect(mapped(call('dynamodb.amazonaws.com', 'Query', { requestParameters: { tableName: 'T', indexName: 'byC' } }))).toEqual([`dynamodb:Query arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/T/index/byC`]);
    expect(mapped(call('dynamodb.amazonaws.com', 'TransactWriteItems', {
      requestParameters: { transactItems: [{ put: { tableName: 'T' } }, { conditionCheck: { tableName: 'T' } }] } as never,
      resources: [{ type: 'AWS::DynamoDB::Table', ARN: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/T` }],
    }))).toEqual([`dynamodb:PutItem arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/T`, `dynamodb:ConditionCheckItem arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/T`]);
    expect(mapped(call('dynamodb.amazonaws.com', 'ExecuteStatement', { requestParameters: { statement: 'SELECT * FROM "Orders" WHERE pk = ?' } }))).toEqual([`dynamodb:PartiQLSelect arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders`]);
    expect(mapped(call('sqs.amazonaws.com', 'SendMessageBatch', { resources: [{ type: 'AWS::SQS::Queue', ARN: `arn:aws:sqs:eu-west-1:${ACCOUNT}:jobs` }] }))).toEqual([`sqs:SendMessage arn:aws:sqs:eu-west-1:${ACCOUNT}:jobs`]);
    expect(mapped(call('sts.amazonaws.com', 'AssumeRole', { requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/r`, tags: [{ key: 'k', value: 'v' }] } as never }))).toEqual([
      `sts:AssumeRole arn:aws:iam::${ACCOUNT}:role/r`,
      `sts:TagSession arn:aws:iam::${ACCOUNT}:role/r`,
    ]);
    expect(mapped(call('lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', { requestParameters: { functionName: 'fn' } }))).toEqual([`lambda:UpdateFunctionConfiguration arn:aws:lambda:eu-west-1:${ACCOUNT}:function:fn`]);
  });

  it('grants * with a note where the record names no usable resource', () => {
    expect(mapped(call('kms.amazonaws.com', 'Decrypt', { resources: [{ type: 'AWS::KMS::Key', ARN: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/app` }] }))).toEqual(['kms:Decrypt * (unresolved)']);
    expect(mapped(call('kms.amazonaws.com', 'Decrypt', { resources: [{ type: 'AWS::KMS::Key', ARN: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234` }] }))).toEqual([`kms:Decrypt arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234`]);
    expect(mapped(call('ssm.amazonaws.com', 'GetParameter', { requestParameters: { name: '/app/db' } }))).toEqual(['ssm:GetParameter * (unresolved)']);
    expect(mapped(call('secretsmanager.amazonaws.com', 'GetSecretValue', { requestParameters: { secretId: 'db' } }))).toEqual([`secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db-??????`]);
    expect(mapped(call('secretsmanager.amazonaws.com', 'GetSecretValue', { requestParameters: { secretId: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db-AbCdEf` } }))).toEqual([`secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db-AbCdEf`]);
  });
});
