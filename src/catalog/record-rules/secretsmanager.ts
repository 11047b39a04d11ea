// Secrets Manager's record rules: the secret's ARN is written `arn` (before February 2024 `aRN`); denials `AccessDenied`.
import type { ServiceRules } from './types.js';

const ENTRIES = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/cloudtrail_log_entries.html';
const DENIED =
  'https://github.com/panther-labs/panther-analysis/blob/daa10c888566839e9918dfba1cd652743781e5fe/rules/aws_cloudtrail_rules/aws_secretsmanager_retrieve_secrets.yml';

export const SECRETS_MANAGER_RULES: ServiceRules = {
  service: 'secretsmanager',
  errorCodes: { codes: { AccessDeniedException: 'AccessDenied' }, source: DENIED },
  request: { ARN: { source: ENTRIES, key: 'arn' } },
  response: { ARN: { source: ENTRIES, key: 'arn' } },
};
