// Amazon DynamoDB: CloudTrail eventNames → IAM actions.
// Source: Service Authorization Reference, Amazon DynamoDB (list_amazondynamodb.html); PartiQL actions: "IAM
// security policies with PartiQL for DynamoDB" (amazondynamodb/latest/developerguide/ql-iam.html).
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { PermissionSpec, ServiceActions } from '../action-spec.js';
import { param, same } from '../action-spec.js';

const TRANSACT_WRITE: Readonly<Record<string, string>> = {
  put: 'PutItem',
  update: 'UpdateItem',
  delete: 'DeleteItem',
  conditionCheck: 'ConditionCheckItem',
};

/** TransactWriteItems needs the item action of each kind of write it holds, on its tables. */
function transactWrite(record: CloudTrailRecord): PermissionSpec[] | undefined {
  const items = param(record, 'transactItems');
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const actions = new Set<string>();
  for (const item of items) {
    if (!item || typeof item !== 'object') return undefined;
    for (const kind of Object.keys(item as object)) {
      const action = TRANSACT_WRITE[kind];
      if (!action) return undefined;
      actions.add(`${action}@table`);
    }
  }
  return [...actions];
}

const PARTIQL: Readonly<Record<string, string>> = { SELECT: 'PartiQLSelect', INSERT: 'PartiQLInsert', UPDATE: 'PartiQLUpdate', DELETE: 'PartiQLDelete' };

/** ExecuteStatement is authorized by the PartiQL action of its statement's verb, on the table it names. */
function executeStatement(record: CloudTrailRecord): PermissionSpec[] | undefined {
  const statement = param(record, 'statement');
  if (typeof statement !== 'string') return undefined;
  const action = PARTIQL[statement.trim().split(/\s+/, 1)[0]!.toUpperCase()];
  return action ? [`${action}@statementTable`] : undefined;
}

export const dynamodbActions: ServiceActions = {
  eventSource: 'dynamodb.amazonaws.com',
  prefix: 'dynamodb',
  events: {
    ...same(
      'table',
      'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem',
      'CreateTable', 'DeleteTable', 'DescribeTable', 'UpdateTable', 'DescribeTimeToLive', 'UpdateTimeToLive',
      'DescribeContinuousBackups', 'UpdateContinuousBackups', 'ListTagsOfResource', 'TagResource', 'UntagResource',
      'CreateBackup', 'DescribeKinesisStreamingDestination', 'EnableKinesisStreamingDestination',
      'DisableKinesisStreamingDestination', 'DescribeContributorInsights', 'UpdateContributorInsights',
    ),
    Query: 'Query@tableOrIndex',
    Scan: 'Scan@tableOrIndex',
    TransactGetItems: 'GetItem@table',
    TransactWriteItems: transactWrite,
    ExecuteStatement: executeStatement,
    ...same(undefined, 'ListTables', 'DescribeLimits', 'ListBackups', 'ListGlobalTables', 'ListStreams'),
    // The SDK calls it to find endpoints; no policy controls it.
    DescribeEndpoints: null,
  },
};
