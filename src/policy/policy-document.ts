// The IAM policy document shapes the generator writes and the checker reads.

/**
 * One statement. `Action`/`Resource` are a string when single, as IAM writes them.
 * @example
 * const s: PolicyStatement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' };
 */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, unknown>;
}

/**
 * `{"Version":"2012-10-17","Statement":[…]}`
 * @example
 * const doc: PolicyDocument = generatePolicy(trail).policy;
 */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** A value as a list (`"s3:GetObject"` → `["s3:GetObject"]`). */
export function asList(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}
