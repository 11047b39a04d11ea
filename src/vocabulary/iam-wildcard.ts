// IAM's wildcards in Action and Resource: `*` any run of characters (`/` and `:` included), `?` one character;
// actions ignore case. One matcher for the policy evaluator (authorize) and the policy generator.

const cache = new Map<string, RegExp>();

/**
 * The pattern as an anchored RegExp (compile once, test many).
 * @example
 * iamWildcard('arn:aws:cloudtrail:*:*:trail/prod-*').test('arn:aws:cloudtrail:eu-west-1:111122223333:trail/prod-a') // true
 */
export function iamWildcard(pattern: string, ignoreCase = false): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
}

/**
 * Whether `value` matches `pattern` (patterns compiled once, kept in a bounded cache).
 * @example
 * iamGlobMatches('arn:aws:s3:::b/*', 'arn:aws:s3:::b/k') // true
 * iamGlobMatches('S3:Get*', 's3:GetObject', true)      // true
 */
export function iamGlobMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = iamWildcard(pattern, ignoreCase);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, re);
  }
  return re.test(value);
}
