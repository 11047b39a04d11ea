// S3's record rules: where CloudTrail departs from the HTTP bindings and XML names.
import type { ServiceRules } from './types.js';

const S3_ENTRIES = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html';

export const S3_RULES: ServiceRules = {
  service: 's3',
  request: {
    // The bucket policy document is written parsed, under `bucketPolicy`.
    'PutBucketPolicyRequest.Policy': { source: S3_ENTRIES, key: 'bucketPolicy', as: 'json' },
  },
};
