// Amazon SNS, Amazon SQS, Amazon Kinesis Data Streams and Amazon EventBridge: CloudTrail eventNames → IAM actions.
// Sources: Service Authorization Reference, Amazon SNS (list_amazonsns.html), Amazon SQS (list_amazonsqs.html),
// Amazon Kinesis (list_amazonkinesis.html), Amazon EventBridge (list_amazoneventbridge.html). Batch calls are
// authorized by their single-message action (SendMessageBatch → sqs:SendMessage, PublishBatch → sns:Publish).
import type { ServiceActions } from '../action-spec.js';
import { same } from '../action-spec.js';

export const snsActions: ServiceActions = {
  eventSource: 'sns.amazonaws.com',
  prefix: 'sns',
  events: {
    ...same(
      'topic',
      'Publish', 'CreateTopic', 'DeleteTopic', 'GetTopicAttributes', 'SetTopicAttributes', 'Subscribe',
      'ListSubscriptionsByTopic', 'AddPermission', 'RemovePermission', 'TagResource', 'UntagResource',
      'ListTagsForResource', 'GetDataProtectionPolicy', 'PutDataProtectionPolicy',
    ),
    PublishBatch: 'Publish@topic',
    ...same('unknown', 'Unsubscribe', 'GetSubscriptionAttributes', 'SetSubscriptionAttributes', 'ConfirmSubscription'),
    ...same(undefined, 'ListTopics', 'ListSubscriptions', 'ListPlatformApplications', 'CheckIfPhoneNumberIsOptedOut', 'GetSMSAttributes'),
  },
};

export const sqsActions: ServiceActions = {
  eventSource: 'sqs.amazonaws.com',
  prefix: 'sqs',
  events: {
    ...same(
      'queue',
      'SendMessage', 'ReceiveMessage', 'DeleteMessage', 'ChangeMessageVisibility', 'GetQueueAttributes',
      'SetQueueAttributes', 'GetQueueUrl', 'CreateQueue', 'DeleteQueue', 'PurgeQueue', 'ListQueueTags', 'TagQueue',
      'UntagQueue', 'ListDeadLetterSourceQueues', 'AddPermission', 'RemovePermission',
    ),
    SendMessageBatch: 'SendMessage@queue',
    DeleteMessageBatch: 'DeleteMessage@queue',
    ChangeMessageVisibilityBatch: 'ChangeMessageVisibility@queue',
    ListQueues: 'ListQueues',
  },
};

export const kinesisActions: ServiceActions = {
  eventSource: 'kinesis.amazonaws.com',
  prefix: 'kinesis',
  events: {
    ...same(
      'stream',
      'PutRecord', 'PutRecords', 'GetRecords', 'GetShardIterator', 'DescribeStream', 'DescribeStreamSummary',
      'ListShards', 'CreateStream', 'DeleteStream', 'AddTagsToStream', 'RemoveTagsFromStream', 'ListTagsForStream',
      'IncreaseStreamRetentionPeriod', 'DecreaseStreamRetentionPeriod', 'UpdateShardCount', 'MergeShards',
      'SplitShard', 'RegisterStreamConsumer', 'ListStreamConsumers',
    ),
    SubscribeToShard: 'SubscribeToShard@unknown',
    ...same(undefined, 'ListStreams', 'DescribeLimits'),
  },
};

export const eventBridgeActions: ServiceActions = {
  eventSource: 'events.amazonaws.com',
  prefix: 'events',
  events: {
    ...same(
      'unknown',
      'PutEvents', 'PutRule', 'DeleteRule', 'DescribeRule', 'EnableRule', 'DisableRule', 'PutTargets',
      'RemoveTargets', 'ListTargetsByRule', 'DescribeEventBus', 'CreateEventBus', 'DeleteEventBus',
    ),
    ...same(undefined, 'ListRules', 'ListEventBuses'),
  },
};
