// Which operations are data events, and the resources.type a data event is selected by (cloudtrail-facts §7.4).

const S3_OBJECT_OPERATIONS = [
  'GetObject', 'PutObject', 'DeleteObject', 'DeleteObjects', 'HeadObject', 'CopyObject', 'ListObjects', 'ListObjectsV2',
  'ListObjectVersions', 'GetObjectAcl', 'PutObjectAcl', 'GetObjectTagging', 'PutObjectTagging', 'DeleteObjectTagging',
  'GetObjectAttributes', 'RestoreObject', 'SelectObjectContent', 'CreateMultipartUpload', 'UploadPart', 'UploadPartCopy',
  'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts', 'ListMultipartUploads', 'GetObjectRetention',
  'PutObjectRetention', 'GetObjectLegalHold', 'PutObjectLegalHold', 'GetObjectTorrent', 'WriteGetObjectResponse',
];

const DYNAMODB_ITEM_OPERATIONS = [
  'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem',
  'TransactGetItems', 'TransactWriteItems', 'ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction',
];

const SQS_MESSAGE_OPERATIONS = [
  'SendMessage', 'SendMessageBatch', 'ReceiveMessage', 'DeleteMessage', 'DeleteMessageBatch',
  'ChangeMessageVisibility', 'ChangeMessageVisibilityBatch',
];

/** eventSource → operation → resources.type of the data event. */
const DATA_EVENTS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['s3.amazonaws.com', typed(S3_OBJECT_OPERATIONS, 'AWS::S3::Object')],
  ['dynamodb.amazonaws.com', typed(DYNAMODB_ITEM_OPERATIONS, 'AWS::DynamoDB::Table')],
  ['lambda.amazonaws.com', typed(['Invoke', 'InvokeAsync', 'InvokeWithResponseStream'], 'AWS::Lambda::Function')],
  ['sns.amazonaws.com', typed(['Publish', 'PublishBatch'], 'AWS::SNS::Topic')],
  ['sqs.amazonaws.com', typed(SQS_MESSAGE_OPERATIONS, 'AWS::SQS::Queue')],
  ['kinesis.amazonaws.com', typed(['PutRecord', 'PutRecords', 'GetRecords', 'GetShardIterator', 'SubscribeToShard'], 'AWS::Kinesis::Stream')],
  ['states.amazonaws.com', typed(['StartExecution', 'StartSyncExecution', 'SendTaskSuccess', 'SendTaskFailure', 'SendTaskHeartbeat'], 'AWS::StepFunctions::StateMachine')],
  ['cloudtrail-data.amazonaws.com', typed(['PutAuditEvents'], 'AWS::CloudTrail::Channel')],
]);

function typed(operations: string[], type: string): ReadonlyMap<string, string> {
  return new Map(operations.map((op) => [op, type]));
}

/** The data-event resource type of an operation, or undefined for a management event. */
export function dataEventType(eventSource: string, operation: string): string | undefined {
  return DATA_EVENTS.get(eventSource)?.get(operation);
}
