// The record rules of every service that has some, by the Smithy namespace's last segment.
import { DYNAMODB_RULES } from './dynamodb.js';
import { EC2_RULES } from './ec2.js';
import { IAM_RULES } from './iam.js';
import { KMS_RULES } from './kms.js';
import { LAMBDA_RULES } from './lambda.js';
import { LOGS_RULES } from './logs.js';
import { S3_RULES } from './s3.js';
import { SECRETS_MANAGER_RULES } from './secretsmanager.js';
import { SNS_RULES } from './sns.js';
import { SQS_RULES } from './sqs.js';
import { STS_RULES } from './sts.js';
import type { ServiceRules } from './types.js';

const RULES: ReadonlyMap<string, ServiceRules> = new Map(
  [DYNAMODB_RULES, EC2_RULES, IAM_RULES, KMS_RULES, LAMBDA_RULES, LOGS_RULES, S3_RULES, SECRETS_MANAGER_RULES, SNS_RULES, SQS_RULES, STS_RULES].map((rules) => [rules.service, rules]),
);

/** The rules of a service (`dynamodb`, `ec2` …), or undefined when its records follow the wire vocabulary alone. */
export function recordRulesFor(service: string): ServiceRules | undefined {
  return RULES.get(service);
}
