// The `@kind` of a permission spec → the resource ARNs a record names for it: its `resources` of that type first,
// else the same ARNs derived from its request parameters (real CloudTrail management events often list none).
import { resourcesFor } from '../catalog/resources.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { param } from './action-spec.js';
import { unpacked } from '../vocabulary/packed-json.js';

/**
 * ARNs for one kind: undefined when the record does not say (the action is then granted on `*`, with a note), an
 * empty list when this call does not need the permission at all (iam:PassRole without a role).
 */
export type ResourceResolver = (record: CloudTrailRecord) => string[] | undefined;

interface Scope {
  partition: string;
  region: string;
  account: string;
}

function scopeOf(record: CloudTrailRecord): Scope {
  const arn = record.userIdentity?.arn ?? record.resources?.find((r) => r.ARN)?.ARN;
  const partition = arn?.startsWith('arn:') ? arn.split(':')[1] || 'aws' : 'aws';
  return { partition, region: record.awsRegion, account: record.recipientAccountId };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const nonEmpty = (list: string[]): string[] | undefined => (list.length > 0 ? [...new Set(list)] : undefined);

/** The record's own resources of a type, else those the catalog derives from its request parameters. */
function ofType(record: CloudTrailRecord, type: string): string[] {
  const own = (record.resources ?? []).filter((r) => r.type === type);
  const list = own.length > 0 ? own : derived(record).filter((r) => r.type === type);
  return list.flatMap((r) => (r.ARN ? [r.ARN] : r.ARNPrefix !== undefined ? [`${r.ARNPrefix}*`] : []));
}

/** The catalog reads SDK inputs (`Bucket`, `TableName`); request parameters are their lowerCamel (S3: `bucketName`). */
function derived(record: CloudTrailRecord) {
  const params = unpacked(record.requestParameters);
  if (!params || typeof params !== 'object' || !record.eventSource || !record.eventName) return [];
  const input: Record<string, unknown> = { ...params };
  for (const [k, v] of Object.entries(params)) input[k.charAt(0).toUpperCase() + k.slice(1)] = v;
  if (record.eventSource === 's3.amazonaws.com') input['Bucket'] = params['bucketName'];
  const { partition, region, account } = scopeOf(record);
  try {
    return resourcesFor({ eventSource: record.eventSource, operation: record.eventName, input, region, accountId: account, partition });
  } catch {
    return [];
  }
}

function typed(type: string, fallback?: (record: CloudTrailRecord, scope: Scope) => string | undefined): ResourceResolver {
  return (record) => {
    const arns = ofType(record, type);
    if (arns.length === 0 && fallback) {
      const arn = fallback(record, scopeOf(record));
      if (arn) arns.push(arn);
    }
    return nonEmpty(arns);
  };
}

/** `bucket/key` of CopyObject's source (`x-amz-copy-source` in real records), URL-decoded, without `?versionId=`. */
function copySource(record: CloudTrailRecord): string[] | undefined {
  const raw = str(param(record, 'copySource')) ?? str(param(record, 'x-amz-copy-source'));
  if (!raw || raw.startsWith('arn:')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(raw.split('?')[0]!.replace(/^\//, ''));
  } catch {
    return undefined;
  }
  return path.includes('/') ? [`arn:${scopeOf(record).partition}:s3:::${path}`] : undefined;
}

const tables = typed('AWS::DynamoDB::Table');

function tableOrIndex(record: CloudTrailRecord): string[] | undefined {
  const index = str(param(record, 'indexName'));
  const arns = tables(record);
  return index && arns ? arns.map((arn) => `${arn}/index/${index}`) : arns;
}

/** The table a PartiQL statement reads or writes: `SELECT … FROM "Orders"`, `INSERT INTO "Orders"`, `UPDATE Orders`. */
function statementTable(record: CloudTrailRecord): string[] | undefined {
  const statement = str(param(record, 'statement'));
  const m = statement && /\b(?:from|into|update)\s+(?:"([^"]+)"|([A-Za-z0-9_.-]+))/i.exec(statement);
  const name = m ? (m[1] ?? m[2]) : undefined;
  if (!name) return tables(record);
  const { partition, region, account } = scopeOf(record);
  return [`arn:${partition}:dynamodb:${region}:${account}:table/${name}`];
}

/** The role a call hands to a service; none given: this call needs no iam:PassRole. */
function passRole(record: CloudTrailRecord): string[] {
  const role = str(param(record, 'role')) ?? str(param(record, 'roleArn'));
  return role ? [role] : [];
}

/** EC2 instances: the record's resources, or real CloudTrail's `instancesSet.items[].instanceId`. */
function instances(record: CloudTrailRecord): string[] | undefined {
  const own = ofType(record, 'AWS::EC2::Instance');
  if (own.length > 0) return nonEmpty(own);
  const items = (param(record, 'instancesSet') as { items?: Array<{ instanceId?: unknown }> } | undefined)?.items;
  const { partition, region, account } = scopeOf(record);
  const ids = Array.isArray(items) ? items.map((i) => str(i?.instanceId)).filter((id): id is string => id !== undefined) : [];
  return nonEmpty(ids.map((id) => `arn:${partition}:ec2:${region}:${account}:instance/${id}`));
}

/** KMS authorizes on the key, never on an alias: an alias ARN says nothing about which key. */
function keys(record: CloudTrailRecord): string[] | undefined {
  return nonEmpty(ofType(record, 'AWS::KMS::Key').filter((arn) => !arn.includes(':alias/')));
}

/** A secret ARN ends in `-` and six random characters; one built from a name gets `-??????`, as AWS advises. */
function secrets(record: CloudTrailRecord): string[] | undefined {
  return nonEmpty(ofType(record, 'AWS::SecretsManager::Secret').map((arn) => (/-[A-Za-z0-9]{6}$/.test(arn) ? arn : `${arn}-??????`)));
}

/** Lambda tagging calls name the function by `resource` ARN. */
function functions(record: CloudTrailRecord): string[] | undefined {
  const own = ofType(record, 'AWS::Lambda::Function');
  const resource = str(param(record, 'resource'));
  if (own.length === 0 && resource && /^arn:[^:]+:lambda:[^:]*:\d{12}:function:/.test(resource)) own.push(resource);
  return nonEmpty(own);
}

export const RESOURCE_KINDS: Readonly<Record<string, ResourceResolver>> = {
  object: typed('AWS::S3::Object'),
  bucket: typed('AWS::S3::Bucket'),
  copySource,
  table: tables,
  tableOrIndex,
  statementTable,
  function: functions,
  passRole,
  instance: instances,
  stateMachine: typed('AWS::StepFunctions::StateMachine'),
  topic: typed('AWS::SNS::Topic', (r, s) => (r.eventName === 'CreateTopic' && str(param(r, 'name')) ? `arn:${s.partition}:sns:${s.region}:${s.account}:${String(param(r, 'name'))}` : undefined)),
  queue: typed('AWS::SQS::Queue', (r, s) => (str(param(r, 'queueName')) ? `arn:${s.partition}:sqs:${s.region}:${s.account}:${String(param(r, 'queueName'))}` : undefined)),
  stream: typed('AWS::Kinesis::Stream'),
  user: typed('AWS::IAM::User'),
  role: typed('AWS::IAM::Role'),
  policy: typed('AWS::IAM::Policy', (r, s) => (str(param(r, 'policyName')) ? `arn:${s.partition}:iam::${s.account}:policy${str(param(r, 'path')) ?? '/'}${String(param(r, 'policyName'))}` : undefined)),
  group: (r) => {
    const name = str(param(r, 'groupName'));
    return name ? [`arn:${scopeOf(r).partition}:iam::${r.recipientAccountId}:group/${name}`] : undefined;
  },
  key: keys,
  secret: secrets,
  trail: typed('AWS::CloudTrail::Trail'),
  // The action supports resource-level permissions, but records of this service do not name its resources.
  unknown: () => undefined,
};
