// IAM's record rules: a new access key is written without its secret.
import type { ServiceRules } from './types.js';

const CREATE_ACCESS_KEY =
  'https://github.com/elastic/beats/blob/04227fb53e10151be6a0b81d3f1f2c1bfc251649/x-pack/filebeat/module/aws/cloudtrail/test/create-access-key-json.log-expected.json';

export const IAM_RULES: ServiceRules = {
  service: 'iam',
  response: {
    'AccessKey.SecretAccessKey': { source: CREATE_ACCESS_KEY, as: 'omit' },
  },
};
