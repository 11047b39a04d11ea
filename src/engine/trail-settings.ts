// Validation and normalisation of the CreateTrail/UpdateTrail settings other than the name (cloudtrail-facts §5.1, §5.3).
import type { Tag } from './control-plane-shapes.js';
import {
  InvalidCloudWatchLogsLogGroupArnException,
  InvalidCloudWatchLogsRoleArnException,
  InvalidKmsKeyIdException,
  InvalidS3BucketNameException,
  InvalidS3PrefixException,
  InvalidSnsTopicNameException,
  InvalidTagParameterException,
  TagsLimitExceededException,
} from './errors.js';
import { partitionOf } from './names.js';

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SNS_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const SNS_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[\w#./-]{1,512}:\*$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
export const MAX_TAGS = 50;

export function validateBucketName(bucket: string | undefined): string {
  if (typeof bucket !== 'string' || !BUCKET.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) {
    throw new InvalidS3BucketNameException(`${String(bucket)} is not a valid S3 bucket name.`);
  }
  return bucket;
}

export function validateKeyPrefix(prefix: string | undefined): string | undefined {
  if (prefix === undefined || prefix === '') return undefined;
  if (prefix.length > 200) throw new InvalidS3PrefixException(`S3 key prefix is too long: ${prefix.length} characters; the maximum is 200.`);
  return prefix;
}

/** Returns `{ name, arn }` for a topic given by name or ARN. */
export function resolveSnsTopic(topic: string | undefined, region: string, accountId: string): { name?: string; arn?: string } {
  if (topic === undefined || topic === '') return {};
  if (SNS_ARN.test(topic)) return { name: topic, arn: topic };
  if (!SNS_NAME.test(topic)) throw new InvalidSnsTopicNameException(`${topic} is not a valid SNS topic name.`);
  return { name: topic, arn: `arn:${partitionOf(region)}:sns:${region}:${accountId}:${topic}` };
}

/** CloudTrail reports KMS keys as full key ARNs; ids and aliases are expanded in the trail's home region. */
export function resolveKmsKeyId(keyId: string | undefined, region: string, accountId: string): string | undefined {
  if (keyId === undefined || keyId === '') return undefined;
  if (/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/.test(keyId)) return keyId;
  if (/^alias\/[\w/-]+$/.test(keyId)) return `arn:${partitionOf(region)}:kms:${region}:${accountId}:${keyId}`;
  if (/^[A-Za-z0-9-]{1,128}$/.test(keyId)) return `arn:${partitionOf(region)}:kms:${region}:${accountId}:key/${keyId}`;
  throw new InvalidKmsKeyIdException(`${keyId} is not a valid KMS key id, key ARN, alias name or alias ARN.`);
}

export function validateLogGroupArn(arn: string | undefined): string | undefined {
  if (arn === undefined || arn === '') return undefined;
  if (!LOG_GROUP_ARN.test(arn)) throw new InvalidCloudWatchLogsLogGroupArnException(`${arn} is not a valid CloudWatch Logs log group ARN.`);
  return arn;
}

export function validateRoleArn(arn: string | undefined): string | undefined {
  if (arn === undefined || arn === '') return undefined;
  if (!ROLE_ARN.test(arn)) throw new InvalidCloudWatchLogsRoleArnException(`${arn} is not a valid IAM role ARN.`);
  return arn;
}

/** Validates tags (key 1–128, value ≤ 256) and that the trail would hold at most 50. */
export function applyTags(target: Map<string, string>, tags: Tag[] | undefined): void {
  const next = new Map(target);
  for (const tag of tags ?? []) {
    const key = tag.Key;
    if (typeof key !== 'string' || key.length < 1 || key.length > 128) {
      throw new InvalidTagParameterException('Tag keys must be 1 to 128 characters long.');
    }
    const value = tag.Value ?? '';
    if (typeof value !== 'string' || value.length > 256) throw new InvalidTagParameterException('Tag values can be at most 256 characters long.');
    next.set(key, value);
  }
  if (next.size > MAX_TAGS) throw new TagsLimitExceededException(`A trail can have at most ${MAX_TAGS} tags; this request would give it ${next.size}.`);
  target.clear();
  for (const [k, v] of next) target.set(k, v);
}
