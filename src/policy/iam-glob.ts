// IAM's wildcards in Action and Resource: `*` any run of characters, `?` one character; actions ignore case.

const cache = new Map<string, RegExp>();

/**
 * @example
 * iamGlobMatches('arn:aws:s3:::b/*', 'arn:aws:s3:::b/k') // true
 * iamGlobMatches('S3:Get*', 's3:GetObject', true)      // true
 */
export function iamGlobMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (cache.size > 10_000) cache.clear();
    cache.set(key, re);
  }
  return re.test(value);
}
