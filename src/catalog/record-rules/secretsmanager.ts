// Secrets Manager's record rules: the secret's ARN is written `arn` (before February 2024 it was `aRN`).
import type { ServiceRules } from './types.js';

const ENTRIES = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/cloudtrail_log_entries.html';

export const SECRETS_MANAGER_RULES: ServiceRules = {
  service: 'secretsmanager',
  request: { ARN: { source: ENTRIES, key: 'arn' } },
  response: { ARN: { source: ENTRIES, key: 'arn' } },
};
