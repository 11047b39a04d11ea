// ARN patterns for "no write outside these resources": IAM-style wildcards, compiled once per assertion.

/** An ARN with IAM wildcards (`*` any run of characters, `?` one character), or a RegExp. */
export type ArnPattern = string | RegExp;

/** A compiled pattern: `test(arn)` says whether a resource ARN lies inside it. */
export interface CompiledArnPattern {
  source: ArnPattern;
  test(arn: string): boolean;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Compiles a pattern. A glob ending in `/*` also admits its container itself, so `arn:aws:s3:::reports/*` covers the
 * bucket ARN `arn:aws:s3:::reports` that CloudTrail lists next to each object written into it.
 * @example
 * compileArnPattern('arn:aws:s3:::reports/*').test('arn:aws:s3:::reports/2024/q1.csv'); // true
 */
export function compileArnPattern(pattern: ArnPattern): CompiledArnPattern {
  if (pattern instanceof RegExp) {
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    return { source: pattern, test: (arn) => re.test(arn) };
  }
  if (typeof pattern !== 'string' || pattern.length === 0) {
    throw new TypeError(`ARN pattern must be a non-empty string or a RegExp, got ${JSON.stringify(pattern)}`);
  }
  const re = globToRegExp(pattern);
  const container = pattern.endsWith('/*') ? globToRegExp(pattern.slice(0, -2)) : undefined;
  return { source: pattern, test: (arn) => re.test(arn) || container?.test(arn) === true };
}
