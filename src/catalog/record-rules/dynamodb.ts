// DynamoDB's record rules: keys with plain values, items as attribute names, no attribute values anywhere.
import type { OperationRule, ServiceRules } from './types.js';

const LOG_ENTRIES = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/understanding-ddb-log-entries.html';
/** "Non key attribute values … will not appear in logs of actions using the classic API" (same page). */
const NO_VALUES = `${LOG_ENTRIES} (note: non-key attribute values do not appear)`;

/** Item operations: CloudTrail writes responseElements null for every one of them (PutItem, TransactWriteItems …). */
const ITEM_OPERATION: OperationRule = { source: LOG_ENTRIES, responseElements: 'null' };

export const DYNAMODB_RULES: ServiceRules = {
  service: 'dynamodb',
  apiVersion: { value: '2012-08-10', source: LOG_ENTRIES },
  request: {
    Key: { source: LOG_ENTRIES, as: 'plain-attributes' },
    ExclusiveStartKey: { source: NO_VALUES, as: 'plain-attributes' },
    'KeysAndAttributes.Keys': { source: NO_VALUES, as: 'plain-attributes' },
    Item: { source: LOG_ENTRIES, as: 'names' },
    // TransactWriteItems writes a Put's attribute names as `items`.
    'Put.Item': { source: `${LOG_ENTRIES} (TransactWriteItems)`, key: 'items', as: 'names' },
    ExpressionAttributeValues: { source: LOG_ENTRIES, as: 'omit' },
    'ExpectedAttributeValue.Value': { source: NO_VALUES, as: 'omit' },
    'ExpectedAttributeValue.AttributeValueList': { source: NO_VALUES, as: 'omit' },
    'Condition.AttributeValueList': { source: NO_VALUES, as: 'omit' },
    'AttributeValueUpdate.Value': { source: NO_VALUES, as: 'omit' },
    'TransactWriteItemsInput.TransactItems': { source: `${LOG_ENTRIES} (TransactWriteItems)`, key: 'requestItems' },
    'TransactGetItemsInput.TransactItems': { source: `${LOG_ENTRIES} (TransactWriteItems)`, key: 'requestItems' },
    TransactWriteItem: { source: `${LOG_ENTRIES} (TransactWriteItems)`, as: 'tagged' },
    TransactGetItem: { source: `${LOG_ENTRIES} (TransactWriteItems)`, as: 'tagged' },
    Statement: { source: `${LOG_ENTRIES} (ExecuteStatement)`, as: 'statement' },
    'BatchExecuteStatementInput.Statements': { source: `${LOG_ENTRIES} (BatchExecuteStatement)`, key: 'requestItems' },
    Parameters: { source: `${LOG_ENTRIES} (ExecuteStatement)`, as: 'omit' },
  },
  response: {
    // Control-plane responses never hold items; these keep a read's output free of values wherever it is written.
    Item: { source: NO_VALUES, as: 'names' },
    Items: { source: NO_VALUES, as: 'omit' },
    Attributes: { source: NO_VALUES, as: 'omit' },
    Responses: { source: NO_VALUES, as: 'omit' },
    LastEvaluatedKey: { source: NO_VALUES, as: 'plain-attributes' },
    UnprocessedItems: { source: NO_VALUES, as: 'omit' },
    UnprocessedKeys: { source: NO_VALUES, as: 'omit' },
    ItemCollectionMetrics: { source: NO_VALUES, as: 'omit' },
  },
  operations: {
    PutItem: ITEM_OPERATION,
    GetItem: ITEM_OPERATION,
    UpdateItem: ITEM_OPERATION,
    DeleteItem: ITEM_OPERATION,
    Query: ITEM_OPERATION,
    Scan: ITEM_OPERATION,
    BatchGetItem: ITEM_OPERATION,
    BatchWriteItem: ITEM_OPERATION,
    TransactGetItems: ITEM_OPERATION,
    TransactWriteItems: ITEM_OPERATION,
    ExecuteStatement: ITEM_OPERATION,
    BatchExecuteStatement: ITEM_OPERATION,
    ExecuteTransaction: ITEM_OPERATION,
    CreateTable: { source: LOG_ENTRIES, learnsTableKeys: 'input' },
    DescribeTable: { source: LOG_ENTRIES, learnsTableKeys: 'output' },
  },
  itemKeys: {
    PutItemInput: { item: 'Item', table: 'TableName', source: `${LOG_ENTRIES} (PutItem)` },
    Put: { item: 'Item', table: 'TableName', source: `${LOG_ENTRIES} (TransactWriteItems)` },
  },
};
