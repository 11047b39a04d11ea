// CloudWatch Logs' record rules: its records carry the API version, written without dashes.
import type { ServiceRules } from './types.js';

/** The CreateExportTask example (eventVersion 1.03) and a 2023 DeleteLogGroup record (1.09) both write `20140328`. */
const LOG_ENTRIES = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/logging_cw_api_calls_cwl.html';

export const LOGS_RULES: ServiceRules = {
  service: 'cloudwatchlogs',
  apiVersion: { value: '20140328', source: LOG_ENTRIES },
};
