// The resources[] of a record, read from the command input per service (cloudtrail-facts §1.2, §7.4).
import type { CloudTrailResource } from '../vocabulary/record.js';

export interface ResourceContext {
  eventSource: string;
  operation: string;
  input: Record<string, unknown>;
  region: string;
  accountId: string;
  partition: string;
}

type Extractor = (ctx: ResourceContext) => CloudTrailResource[];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const isArn = (v: string): boolean => v.startsWith('arn:');

function s3(ctx: ResourceContext): CloudTrailResource[] {
  const bucket = str(ctx.input['Bucket']);
  if (!bucket) return [];
  const bucketArn = isArn(bucket) ? bucket : `arn:${ctx.partition}:s3:::${bucket}`;
  const bucketResource: CloudTrailResource = { accountId: ctx.accountId, type: 'AWS::S3::Bucket', ARN: bucketArn };
  const key = str(ctx.input['Key']);
  if (key !== undefined) return [{ type: 'AWS::S3::Object', ARN: `${bucketArn}/${key}` }, bucketResource];
  if (ctx.operation.startsWith('ListObject') || ctx.operation === 'DeleteObjects' || ctx.operation === 'ListMultipartUploads') {
    const prefix = str(ctx.input['Prefix']) ?? '';
    return [{ type: 'AWS::S3::Object', ARNPrefix: `${bucketArn}/${prefix}` }, bucketResource];
  }
  return [bucketResource];
}

function dynamodbTableArn(ctx: ResourceContext, table: string): string {
  return isArn(table) ? table : `arn:${ctx.partition}:dynamodb:${ctx.region}:${ctx.accountId}:table/${table}`;
}

/** The last single-table answer: calls come in runs against one table, and the same list is then shared anyway. */
let lastTable: { table: string; region: string; accountId: string; partition: string; resources: CloudTrailResource[] } | undefined;

function dynamodb(ctx: ResourceContext): CloudTrailResource[] {
  const table = str(ctx.input['TableName']) ?? str(ctx.input['TableArn']) ?? str(ctx.input['ResourceArn']);
  const requestItems = ctx.input['RequestItems'];
  const transactItems = ctx.input['TransactItems'];
  if (requestItems === undefined && transactItems === undefined) {
    if (!table) return [];
    const last = lastTable;
    if (last && last.table === table && last.region === ctx.region && last.accountId === ctx.accountId && last.partition === ctx.partition) {
      return last.resources;
    }
    const resources = [{ accountId: ctx.accountId, type: 'AWS::DynamoDB::Table', ARN: dynamodbTableArn(ctx, table) }];
    lastTable = { table, region: ctx.region, accountId: ctx.accountId, partition: ctx.partition, resources };
    return resources;
  }
  const tables = new Set<string>();
  if (table) tables.add(table);
  if (requestItems && typeof requestItems === 'object') for (const name of Object.keys(requestItems)) tables.add(name);
  if (Array.isArray(transactItems)) {
    for (const item of transactItems) {
      if (!item || typeof item !== 'object') continue;
      for (const action of Object.values(item as Record<string, unknown>)) {
        const name = action && typeof action === 'object' ? str((action as Record<string, unknown>)['TableName']) : undefined;
        if (name) tables.add(name);
      }
    }
  }
  return [...tables].map((t) => ({ accountId: ctx.accountId, type: 'AWS::DynamoDB::Table', ARN: dynamodbTableArn(ctx, t) }));
}

function lambda(ctx: ResourceContext): CloudTrailResource[] {
  const name = str(ctx.input['FunctionName']);
  if (!name) return [];
  let arn: string;
  if (isArn(name)) arn = name;
  else if (/^\d{12}:function:/.test(name)) arn = `arn:${ctx.partition}:lambda:${ctx.region}:${name}`;
  else arn = `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${name}`;
  const qualifier = str(ctx.input['Qualifier']);
  if (qualifier && arn.split(':').length === 7) arn = `${arn}:${qualifier}`;
  return [{ accountId: arnAccount(arn) ?? ctx.accountId, type: 'AWS::Lambda::Function', ARN: arn }];
}

function sns(ctx: ResourceContext): CloudTrailResource[] {
  const arn = str(ctx.input['TopicArn']) ?? str(ctx.input['TargetArn']);
  return arn ? [{ accountId: arnAccount(arn) ?? ctx.accountId, type: 'AWS::SNS::Topic', ARN: arn }] : [];
}

function sqs(ctx: ResourceContext): CloudTrailResource[] {
  const url = str(ctx.input['QueueUrl']);
  if (!url) return [];
  // https://sqs.<region>.amazonaws.com/<account>/<name> (or a local endpoint with the same path).
  const match = /\/(\d{12})\/([^/?#]+)\/?$/.exec(url);
  if (!match) return [];
  const arn = `arn:${ctx.partition}:sqs:${ctx.region}:${match[1]}:${match[2]}`;
  return [{ accountId: match[1]!, type: 'AWS::SQS::Queue', ARN: arn }];
}

function kms(ctx: ResourceContext): CloudTrailResource[] {
  const key = str(ctx.input['KeyId']) ?? str(ctx.input['DestinationKeyId']);
  if (!key) return [];
  const arn = isArn(key) ? key : key.startsWith('alias/')
    ? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:${key}`
    : `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${key}`;
  return [{ accountId: arnAccount(arn) ?? ctx.accountId, type: 'AWS::KMS::Key', ARN: arn }];
}

function secretsManager(ctx: ResourceContext): CloudTrailResource[] {
  const id = str(ctx.input['SecretId']) ?? str(ctx.input['Name']);
  if (!id) return [];
  const arn = isArn(id) ? id : `arn:${ctx.partition}:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${id}`;
  return [{ accountId: arnAccount(arn) ?? ctx.accountId, type: 'AWS::SecretsManager::Secret', ARN: arn }];
}

function iam(ctx: ResourceContext): CloudTrailResource[] {
  const out: CloudTrailResource[] = [];
  const user = str(ctx.input['UserName']);
  const role = str(ctx.input['RoleName']);
  const policy = str(ctx.input['PolicyArn']);
  if (user) out.push({ accountId: ctx.accountId, type: 'AWS::IAM::User', ARN: `arn:${ctx.partition}:iam::${ctx.accountId}:user/${user}` });
  if (role) out.push({ accountId: ctx.accountId, type: 'AWS::IAM::Role', ARN: `arn:${ctx.partition}:iam::${ctx.accountId}:role/${role}` });
  if (policy) out.push({ accountId: arnAccount(policy) ?? ctx.accountId, type: 'AWS::IAM::Policy', ARN: policy });
  return out;
}

function sts(ctx: ResourceContext): CloudTrailResource[] {
  const role = str(ctx.input['RoleArn']);
  return role ? [{ accountId: arnAccount(role) ?? ctx.accountId, type: 'AWS::IAM::Role', ARN: role }] : [];
}

function ec2(ctx: ResourceContext): CloudTrailResource[] {
  const ids = ctx.input['InstanceIds'];
  const list = Array.isArray(ids) ? ids : str(ctx.input['InstanceId']) ? [ctx.input['InstanceId']] : [];
  return list
    .filter((id): id is string => typeof id === 'string')
    .map((id) => ({ accountId: ctx.accountId, type: 'AWS::EC2::Instance', ARN: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:instance/${id}` }));
}

function cloudtrail(ctx: ResourceContext): CloudTrailResource[] {
  const name = str(ctx.input['Name']) ?? str(ctx.input['TrailName']);
  if (!name) return [];
  const arn = isArn(name) ? name : `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${name}`;
  return [{ accountId: arnAccount(arn) ?? ctx.accountId, type: 'AWS::CloudTrail::Trail', ARN: arn }];
}

function kinesis(ctx: ResourceContext): CloudTrailResource[] {
  const arn = str(ctx.input['StreamARN']);
  const name = str(ctx.input['StreamName']);
  const resolved = arn ?? (name ? `arn:${ctx.partition}:kinesis:${ctx.region}:${ctx.accountId}:stream/${name}` : undefined);
  return resolved ? [{ accountId: arnAccount(resolved) ?? ctx.accountId, type: 'AWS::Kinesis::Stream', ARN: resolved }] : [];
}

function stepFunctions(ctx: ResourceContext): CloudTrailResource[] {
  const arn = str(ctx.input['stateMachineArn']);
  return arn ? [{ accountId: arnAccount(arn) ?? ctx.accountId, type: 'AWS::StepFunctions::StateMachine', ARN: arn }] : [];
}

/**
 * SSM names the document of DeleteDocument
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html); its other
 * operations (SendCommand, parameters) are written without resources.
 */
function ssm(ctx: ResourceContext): CloudTrailResource[] {
  const name = ctx.operation === 'DeleteDocument' ? str(ctx.input['Name']) : undefined;
  if (!name) return [];
  const arn = isArn(name) ? name : `arn:${ctx.partition}:ssm:${ctx.region}:${ctx.accountId}:document/${name}`;
  return [{ accountId: arnAccount(arn) ?? ctx.accountId, type: 'AWS::SSM::Document', ARN: arn }];
}

const EXTRACTORS: Readonly<Record<string, Extractor>> = {
  's3.amazonaws.com': s3,
  'dynamodb.amazonaws.com': dynamodb,
  'lambda.amazonaws.com': lambda,
  'sns.amazonaws.com': sns,
  'sqs.amazonaws.com': sqs,
  'kms.amazonaws.com': kms,
  'secretsmanager.amazonaws.com': secretsManager,
  'iam.amazonaws.com': iam,
  'sts.amazonaws.com': sts,
  'ec2.amazonaws.com': ec2,
  'cloudtrail.amazonaws.com': cloudtrail,
  'kinesis.amazonaws.com': kinesis,
  'states.amazonaws.com': stepFunctions,
  'ssm.amazonaws.com': ssm,
};

/** Resources named by a call's input; empty when the service is not catalogued or names none. */
export function resourcesFor(ctx: ResourceContext): CloudTrailResource[] {
  const extract = EXTRACTORS[ctx.eventSource];
  return extract ? extract(ctx) : [];
}

function arnAccount(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}
