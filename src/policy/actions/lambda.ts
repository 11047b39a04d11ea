// AWS Lambda: CloudTrail eventNames (with their API version suffix dropped: CreateFunction20150331 → CreateFunction,
// GetFunction20150331v2 → GetFunction) → IAM actions.
// Source: Service Authorization Reference, AWS Lambda (list_awslambda.html): Invoke is authorized by
// lambda:InvokeFunction, and creating a function or changing its role needs iam:PassRole on the execution role.
import type { ServiceActions } from '../action-spec.js';
import { same } from '../action-spec.js';

export const lambdaActions: ServiceActions = {
  eventSource: 'lambda.amazonaws.com',
  prefix: 'lambda',
  normalize: (eventName) => eventName.replace(/\d{8}(?:v\d+)?$/, ''),
  events: {
    ...same(
      'function',
      'GetFunction', 'GetFunctionConfiguration', 'UpdateFunctionCode', 'DeleteFunction', 'AddPermission',
      'RemovePermission', 'GetPolicy', 'PublishVersion', 'ListVersionsByFunction', 'CreateAlias', 'DeleteAlias',
      'GetAlias', 'UpdateAlias', 'ListAliases', 'PutFunctionConcurrency', 'DeleteFunctionConcurrency',
      'GetFunctionConcurrency', 'PutFunctionEventInvokeConfig', 'GetFunctionEventInvokeConfig',
      'DeleteFunctionEventInvokeConfig', 'CreateFunctionUrlConfig', 'GetFunctionUrlConfig', 'UpdateFunctionUrlConfig',
      'DeleteFunctionUrlConfig', 'TagResource', 'UntagResource', 'ListTags', 'PutProvisionedConcurrencyConfig',
      'GetProvisionedConcurrencyConfig', 'DeleteProvisionedConcurrencyConfig', 'GetFunctionCodeSigningConfig',
    ),
    CreateFunction: ['CreateFunction@function', 'iam:PassRole@passRole'],
    UpdateFunctionConfiguration: ['UpdateFunctionConfiguration@function', 'iam:PassRole@passRole'],
    Invoke: 'InvokeFunction@function',
    InvokeWithResponseStream: 'InvokeFunction@function',
    InvokeAsync: 'InvokeAsync@function',
    ...same(undefined, 'ListFunctions', 'GetAccountSettings', 'ListEventSourceMappings', 'CreateEventSourceMapping', 'ListLayers', 'ListLayerVersions'),
    ...same('unknown', 'GetEventSourceMapping', 'UpdateEventSourceMapping', 'DeleteEventSourceMapping', 'GetLayerVersion', 'PublishLayerVersion'),
  },
};
