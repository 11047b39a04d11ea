// AWS CloudTrail, Amazon CloudWatch Logs, Amazon CloudWatch and AWS Systems Manager Parameter Store: eventNames →
// IAM actions. Sources: Service Authorization Reference, AWS CloudTrail (list_awscloudtrail.html), Amazon CloudWatch
// Logs (list_amazoncloudwatchlogs.html), Amazon CloudWatch (list_amazoncloudwatch.html), AWS Systems Manager
// (list_awssystemsmanager.html). Their records name no resources, so resource-level actions are granted on * with a note.
import type { ServiceActions } from '../action-spec.js';
import { same } from '../action-spec.js';

export const cloudTrailActions: ServiceActions = {
  eventSource: 'cloudtrail.amazonaws.com',
  prefix: 'cloudtrail',
  events: {
    ...same(
      'trail',
      'CreateTrail', 'DeleteTrail', 'UpdateTrail', 'GetTrail', 'GetTrailStatus', 'StartLogging', 'StopLogging',
      'PutEventSelectors', 'GetEventSelectors', 'PutInsightSelectors', 'GetInsightSelectors', 'AddTags', 'RemoveTags', 'ListTags',
    ),
    ...same(undefined, 'DescribeTrails', 'ListTrails', 'LookupEvents', 'ListPublicKeys'),
  },
};

export const logsActions: ServiceActions = {
  eventSource: 'logs.amazonaws.com',
  prefix: 'logs',
  events: {
    ...same(
      'unknown',
      'CreateLogGroup', 'DeleteLogGroup', 'CreateLogStream', 'DeleteLogStream', 'PutLogEvents', 'GetLogEvents',
      'FilterLogEvents', 'DescribeLogStreams', 'PutRetentionPolicy', 'DeleteRetentionPolicy', 'StartQuery',
      'TagResource', 'UntagResource', 'ListTagsForResource', 'PutSubscriptionFilter', 'DescribeSubscriptionFilters',
      'PutMetricFilter', 'DescribeMetricFilters',
    ),
    ...same(undefined, 'DescribeLogGroups'),
  },
};

export const cloudWatchActions: ServiceActions = {
  eventSource: 'monitoring.amazonaws.com',
  prefix: 'cloudwatch',
  events: {
    ...same(undefined, 'PutMetricData', 'GetMetricData', 'GetMetricStatistics', 'ListMetrics', 'DescribeAlarmsForMetric', 'GetMetricWidgetImage'),
    ...same('unknown', 'PutMetricAlarm', 'DeleteAlarms', 'DescribeAlarms', 'SetAlarmState', 'EnableAlarmActions', 'DisableAlarmActions', 'DescribeAlarmHistory', 'TagResource', 'ListTagsForResource'),
  },
};

export const ssmActions: ServiceActions = {
  eventSource: 'ssm.amazonaws.com',
  prefix: 'ssm',
  events: {
    ...same(
      'unknown',
      'GetParameter', 'GetParameters', 'GetParametersByPath', 'PutParameter', 'DeleteParameter', 'DeleteParameters',
      'GetParameterHistory', 'LabelParameterVersion', 'AddTagsToResource', 'ListTagsForResource',
    ),
    DescribeParameters: 'DescribeParameters',
  },
};
