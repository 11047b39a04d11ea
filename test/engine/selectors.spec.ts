import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { compileAdvancedEventSelectors } from '../../src/engine/selectors/advanced-compile.js';
import { interpretAdvancedEventSelectors } from '../../src/engine/selectors/advanced-interpret.js';
import { validateAdvancedEventSelectors } from '../../src/engine/selectors/advanced-validate.js';
import { compileEventSelectors, validateEventSelectors } from '../../src/engine/selectors/basic-selectors.js';
import { DEFAULT_SELECTORS } from '../../src/engine/selectors/types.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { makeRecord, s3DataRecord, thrown } from './helpers.js';

const mgmtRead = makeRecord({ eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', readOnly: true });
const mgmtWrite = makeRecord({ eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', readOnly: false });
const kmsRead = makeRecord({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true });
const rdsData = makeRecord({ eventSource: 'rdsdata.amazonaws.com', eventName: 'ExecuteStatement', readOnly: false });
const s3Get = s3DataRecord('amzn-s3-demo-bucket', 'reports/q1.csv');
const s3Put = s3DataRecord('amzn-s3-demo-bucket', 'logs/today.log', { eventName: 'PutObject', readOnly: false });
const s3List = makeRecord({
  eventSource: 's3.amazonaws.com',
  eventName: 'ListObjects',
  eventCategory: 'Data',
  managementEvent: false,
  resources: [{ type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::amzn-s3-demo-bucket/reports/' }, { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::amzn-s3-demo-bucket' }],
});
const lambda = (name: string) =>
  makeRecord({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'Invoke',
    readOnly: false,
    eventCategory: 'Data',
    managementEvent: false,
    resources: [{ type: 'AWS::Lambda::Function', ARN: `arn:aws:lambda:us-east-1:111111111111:function:${name}` }],
  });
const ddbGet = makeRecord({
  eventSource: 'dynamodb.amazonaws.com',
  eventName: 'GetItem',
  eventCategory: 'Data',
  managementEvent: false,
  resources: [{ type: 'AWS::DynamoDB::Table', ARN: 'arn:aws:dynamodb:us-east-1:111111111111:table/Orders' }],
});
const snsPublish = makeRecord({
  eventSource: 'sns.amazonaws.com',
  eventName: 'Publish',
  readOnly: false,
  eventCategory: 'Data',
  managementEvent: false,
  resources: [{ type: 'AWS::SNS::Topic', ARN: 'arn:aws:sns:us-east-1:111111111111:alerts' }],
});
const network = makeRecord({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', eventCategory: 'NetworkActivity', errorCode: 'VpceAccessDenied', vpcEndpointId: 'vpce-123' });

const ALL: Record<string, CloudTrailRecord> = { mgmtRead, mgmtWrite, kmsRead, rdsData, s3Get, s3Put, s3List, lambdaHello: lambda('helloworld'), lambdaHello2: lambda('helloworld2'), ddbGet, snsPublish, network };

function selected(match: (r: CloudTrailRecord) => boolean): string[] {
  return Object.entries(ALL)
    .filter(([, r]) => match(r))
    .map(([name]) => name);
}

describe('default selection (cloudtrail-facts §7.1)', () => {
  it('all management events, no data events', () => {
    expect(selected(DEFAULT_SELECTORS.match)).toEqual(['mgmtRead', 'mgmtWrite', 'kmsRead', 'rdsData']);
  });
});

// cloudtrail-facts §7.2: each row is [case, selectors, the records they select].
const BASIC: Array<[string, EventSelector[], string[]]> = [
  ['All (default fields)', [{}], ['mgmtRead', 'mgmtWrite', 'kmsRead', 'rdsData']],
  ['ReadOnly', [{ ReadWriteType: 'ReadOnly' }], ['mgmtRead', 'kmsRead']],
  ['WriteOnly', [{ ReadWriteType: 'WriteOnly' }], ['mgmtWrite', 'rdsData']],
  ['no management events', [{ IncludeManagementEvents: false }], []],
  ['exclude KMS', [{ ExcludeManagementEventSources: ['kms.amazonaws.com'] }], ['mgmtRead', 'mgmtWrite', 'rdsData']],
  ['exclude KMS and RDS Data API', [{ ExcludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }], ['mgmtRead', 'mgmtWrite']],
  ['exclusion in one selector, not the other (OR)', [{ ExcludeManagementEventSources: ['kms.amazonaws.com'] }, { ReadWriteType: 'ReadOnly' }], ['mgmtRead', 'mgmtWrite', 'kmsRead', 'rdsData']],
  ['all S3 buckets (arn:aws:s3)', [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }], ['s3Get', 's3Put', 's3List']],
  ['whole bucket (trailing slash)', [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::amzn-s3-demo-bucket/'] }] }], ['s3Get', 's3Put', 's3List']],
  ['key prefix', [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::amzn-s3-demo-bucket/reports'] }] }], ['s3Get', 's3List']],
  ['other bucket', [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::other-bucket/'] }] }], []],
  ['S3 writes only', [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }], ['s3Put']],
  ['all Lambda functions', [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }] }], ['lambdaHello', 'lambdaHello2']],
  ['exact Lambda ARN (not helloworld2)', [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda:us-east-1:111111111111:function:helloworld'] }] }], ['lambdaHello']],
  ['all DynamoDB tables', [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb'] }] }], ['ddbGet']],
  ['one DynamoDB table', [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb:us-east-1:111111111111:table/Users'] }] }], []],
];

describe('basic event selectors select (cloudtrail-facts §7.2)', () => {
  it.each(BASIC)('%s', (_case, selectors, expected) => {
    validateEventSelectors(selectors);
    expect(selected(compileEventSelectors(selectors).match)).toEqual(expected);
  });
});

const INVALID_BASIC: Array<[string, EventSelector[]]> = [
  ['no selectors', []],
  ['six selectors', Array.from({ length: 6 }, () => ({}))],
  ['lower-case enum', [{ ReadWriteType: 'read-only' as never }]],
  ['excluding another source', [{ ExcludeManagementEventSources: ['s3.amazonaws.com'] }]],
  ['an advanced-only resource type', [{ DataResources: [{ Type: 'AWS::SNS::Topic', Values: ['arn:aws:sns'] }] }]],
  ['a resource without values', [{ DataResources: [{ Type: 'AWS::S3::Object', Values: [] }] }]],
  ['a malformed S3 value', [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['s3://bucket/'] }] }]],
  ['a Lambda value that is not a function ARN', [{ DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda:us-east-1:111111111111:layer:x'] }] }]],
  ['251 data resource values', [{ DataResources: [{ Type: 'AWS::S3::Object', Values: Array.from({ length: 251 }, (_, i) => `arn:aws:s3:::bucket-${i}/`) }] }]],
];

describe('basic event selectors are validated at put time with CloudTrail\'s limits (cloudtrail-facts §5.4, §7.2)', () => {
  it.each(INVALID_BASIC)('rejects %s', (_case, selectors) => {
    expect(thrown(() => validateEventSelectors(selectors)).name).toBe('InvalidEventSelectorsException');
  });
  it('250 values and "all" forms are fine', () => {
    expect(() =>
      validateEventSelectors([
        { DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3', ...Array.from({ length: 250 }, (_, i) => `arn:aws:s3:::bucket-${i}/`)] }] },
      ]),
    ).not.toThrow();
  });
});

const mgmt = { Field: 'eventCategory', Equals: ['Management'] };
const data = { Field: 'eventCategory', Equals: ['Data'] };
const s3Type = { Field: 'resources.type', Equals: ['AWS::S3::Object'] };

// cloudtrail-facts §7.3: AND within a selector, OR across selectors; every trail field and operator.
const ADVANCED: Array<[string, AdvancedEventSelector[], string[]]> = [
  ['management, all', [{ FieldSelectors: [mgmt] }], ['mgmtRead', 'mgmtWrite', 'kmsRead', 'rdsData']],
  ['management, readOnly true', [{ FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['true'] }] }], ['mgmtRead', 'kmsRead']],
  ['management, no KMS, no RDS Data', [{ FieldSelectors: [mgmt, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }] }], ['mgmtRead', 'mgmtWrite']],
  ['S3 objects, all', [{ FieldSelectors: [data, s3Type] }], ['s3Get', 's3Put', 's3List']],
  ['S3 bucket by StartsWith', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::amzn-s3-demo-bucket/reports/'] }] }], ['s3Get', 's3List']],
  ['S3 by NotStartsWith', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::amzn-s3-demo-bucket/reports/'] }] }], ['s3Put']],
  ['S3 by EndsWith', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', EndsWith: ['.log'] }] }], ['s3Put']],
  ['S3 by NotEndsWith', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', NotEndsWith: ['.log', '.csv'] }] }], ['s3List']],
  ['S3 by Equals (full ARN)', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', Equals: ['arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv'] }] }], ['s3Get']],
  ['S3 by NotEquals', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', NotEquals: ['arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv'] }] }], ['s3Put', 's3List']],
  ['S3 writes by eventName', [{ FieldSelectors: [data, s3Type, { Field: 'eventName', Equals: ['PutObject', 'DeleteObject'] }] }], ['s3Put']],
  ['S3 eventName StartsWith + NotEquals (AND in one field)', [{ FieldSelectors: [data, s3Type, { Field: 'eventName', StartsWith: ['Get', 'List'], NotEquals: ['ListObjects'] }] }], ['s3Get']],
  ['S3 reads by readOnly', [{ FieldSelectors: [data, s3Type, { Field: 'readOnly', Equals: ['true'] }] }], ['s3Get', 's3List']],
  ['SNS topics (advanced only)', [{ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::SNS::Topic'] }] }], ['snsPublish']],
  ['exact Lambda ARN', [{ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }, { Field: 'resources.ARN', Equals: ['arn:aws:lambda:us-east-1:111111111111:function:helloworld'] }] }], ['lambdaHello']],
  ['OR across selectors', [{ FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['false'] }] }, { FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] }], ['mgmtWrite', 'rdsData', 'ddbGet']],
  ['network activity', [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }, { Field: 'eventSource', Equals: ['kms.amazonaws.com'] }, { Field: 'errorCode', Equals: ['VpceAccessDenied'] }, { Field: 'vpcEndpointId', StartsWith: ['vpce-'] }] }], ['network']],
];

describe('advanced event selectors select (cloudtrail-facts §7.3)', () => {
  it.each(ADVANCED)('%s', (_case, selectors, expected) => {
    validateAdvancedEventSelectors(selectors);
    expect(selected(compileAdvancedEventSelectors(selectors).match)).toEqual(expected);
    expect(selected((r) => interpretAdvancedEventSelectors(selectors, r))).toEqual(expected);
  });
});

const INVALID_ADVANCED: Array<[string, AdvancedEventSelector[]]> = [
  ['no eventCategory', [{ FieldSelectors: [s3Type] }]],
  ['two categories', [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }]],
  ['eventCategory with NotEquals', [{ FieldSelectors: [{ Field: 'eventCategory', NotEquals: ['Data'] }] }]],
  ['an event-data-store-only field', [{ FieldSelectors: [mgmt, { Field: 'userIdentity.arn', Equals: ['x'] }] }]],
  ['eventName on management events', [{ FieldSelectors: [mgmt, { Field: 'eventName', Equals: ['RunInstances'] }] }]],
  ['eventSource Equals on management events', [{ FieldSelectors: [mgmt, { Field: 'eventSource', Equals: ['kms.amazonaws.com'] }] }]],
  ['readOnly with another value', [{ FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['yes'] }] }]],
  ['data without resources.type', [{ FieldSelectors: [data] }]],
  ['two resource types', [{ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::S3::Object', 'AWS::Lambda::Function'] }] }]],
  ['resources.ARN Equals with a partial ARN', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', Equals: ['amzn-s3-demo-bucket'] }] }]],
  ['an empty operator list', [{ FieldSelectors: [data, s3Type, { Field: 'eventName', Equals: [] }] }]],
  ['a field without operators', [{ FieldSelectors: [data, s3Type, { Field: 'eventName' }] }]],
  ['a wildcard', [{ FieldSelectors: [data, s3Type, { Field: 'eventName', StartsWith: ['Get*'] }] }]],
  ['a bad field name', [{ FieldSelectors: [mgmt, { Field: 'event-name', Equals: ['x'] }] }]],
  ['a network selector without eventSource', [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }] }]],
  ['errorCode other than VpceAccessDenied', [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }, { Field: 'eventSource', Equals: ['ec2.amazonaws.com'] }, { Field: 'errorCode', Equals: ['AccessDenied'] }] }]],
  ['501 values', [{ FieldSelectors: [data, s3Type, { Field: 'eventName', Equals: Array.from({ length: 500 }, (_, i) => `Op${i}`) }] }]],
  ['a 2049-character value', [{ FieldSelectors: [data, s3Type, { Field: 'eventName', Equals: ['x'.repeat(2049)] }] }]],
];

describe('advanced event selectors are validated at put time (cloudtrail-facts §7.3)', () => {
  it.each(INVALID_ADVANCED)('rejects %s', (_case, selectors) => {
    expect(thrown(() => validateAdvancedEventSelectors(selectors)).name).toBe('InvalidEventSelectorsException');
  });
});

describe('PutEventSelectors / GetEventSelectors', () => {
  it('default, basic replaces advanced and vice versa, one kind per request', () => {
    const engine = new TrailEngine();
    engine.createTrail({ Name: 'audit', S3BucketName: 'logs-bucket' });
    expect(engine.getEventSelectors({ TrailName: 'audit' }).EventSelectors).toEqual([
      { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
    ]);
    const advanced = [{ Name: 'writes', FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['false'] }] }];
    engine.putEventSelectors({ TrailName: 'audit', AdvancedEventSelectors: advanced });
    expect(engine.getEventSelectors({ TrailName: 'audit' })).toEqual({ TrailARN: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/audit', AdvancedEventSelectors: advanced });
    expect(engine.getTrail({ Name: 'audit' }).Trail?.HasCustomEventSelectors).toBe(true);
    engine.putEventSelectors({ TrailName: 'audit', EventSelectors: [{ ReadWriteType: 'ReadOnly' }] });
    expect(engine.getEventSelectors({ TrailName: 'audit' })).toEqual({ TrailARN: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/audit', EventSelectors: [{ ReadWriteType: 'ReadOnly' }] });
    expect(thrown(() => engine.putEventSelectors({ TrailName: 'audit', EventSelectors: [{}], AdvancedEventSelectors: advanced })).name).toBe(
      'InvalidParameterCombinationException',
    );
    expect(thrown(() => engine.putEventSelectors({ TrailName: 'audit', EventSelectors: [{ ReadWriteType: 'read-only' as never }] }))).toMatchInlineSnapshot(`
      {
        "message": "Value read-only for ReadWriteType is invalid. Valid values are ReadOnly, WriteOnly and All.",
        "name": "InvalidEventSelectorsException",
      }
    `);
    // A rejected put leaves the selectors as they were.
    expect(engine.getEventSelectors({ TrailName: 'audit' }).EventSelectors).toEqual([{ ReadWriteType: 'ReadOnly' }]);
  });
});

describe('compiled and uncompiled evaluation agree', () => {
  it('on random selectors and records', () => {
    let seed = 42;
    const rand = (n: number) => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0;
    };
    const pick = <T,>(xs: T[]): T => xs[rand(xs.length)]!;
    const names = ['GetObject', 'PutObject', 'DeleteObject', 'ListObjects', 'Invoke', 'GetItem'];
    const arns = ['arn:aws:s3:::a/x', 'arn:aws:s3:::a/y.log', 'arn:aws:s3:::b/x', 'arn:aws:lambda:us-east-1:111111111111:function:f'];
    const types = ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table'];
    for (let round = 0; round < 200; round++) {
      const selectors: AdvancedEventSelector[] = Array.from({ length: 1 + rand(3) }, () => {
        if (rand(3) === 0) return { FieldSelectors: [mgmt, ...(rand(2) ? [{ Field: 'readOnly', Equals: [pick(['true', 'false'])] }] : [])] };
        const fields = [data, { Field: 'resources.type', Equals: [pick(types)] }];
        if (rand(2)) fields.push({ Field: 'eventName', [pick(['Equals', 'StartsWith', 'NotEquals', 'NotStartsWith', 'EndsWith', 'NotEndsWith'])]: [pick(names).slice(0, 3 + rand(4))] } as never);
        if (rand(2)) fields.push({ Field: 'resources.ARN', [pick(['StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith'])]: [pick(arns).slice(0, 12 + rand(10))] } as never);
        return { FieldSelectors: fields };
      });
      validateAdvancedEventSelectors(selectors);
      const compiled = compileAdvancedEventSelectors(selectors);
      for (let i = 0; i < 20; i++) {
        const category = pick(['Management', 'Data'] as const);
        const record = makeRecord({
          eventCategory: category,
          eventName: pick(names),
          readOnly: rand(2) === 0,
          resources: category === 'Data' ? [{ type: pick(types), ARN: pick(arns) }] : undefined,
        });
        expect(compiled.match(record)).toBe(interpretAdvancedEventSelectors(selectors, record));
      }
    }
  });
});
