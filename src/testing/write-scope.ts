// "No write outside these resources": every write record's resources must lie inside the given ARN patterns.
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { ArnPattern } from './arn-pattern.js';
import { compileArnPattern } from './arn-pattern.js';
import { countOf, describeRecord } from './describe.js';
import type { MatchResult, MatcherRuntime } from './runtime.js';

/** A write that is not provably inside the allowed resources, and why. */
interface Violation {
  position: number;
  /** The resource ARNs (or ARN prefixes) outside every pattern; empty when the record named no resource at all. */
  outside: string[];
}

/** The ARNs (or ARN prefixes) a record names in `resources`. */
export function resourceArnsOf(record: CloudTrailRecord): string[] {
  return (record.resources ?? []).flatMap((r) => (r.ARN ? [r.ARN] : r.ARNPrefix ? [r.ARNPrefix] : []));
}

/**
 * Passes when every write (`readOnly: false`, failed ones included: the code still tried) names only resources
 * matching one of `patterns`. A write that names no resource cannot be shown to be inside, so it counts as outside.
 */
export function checkWrittenOnlyTo(
  rt: MatcherRuntime,
  records: readonly CloudTrailRecord[],
  patterns: readonly ArnPattern[],
  matcherName: string,
): MatchResult {
  if (patterns.length === 0) throw new TypeError(`${matcherName}: give at least one ARN pattern`);
  const compiled = patterns.map(compileArnPattern);
  const inside = (arn: string) => compiled.some((p) => p.test(arn));
  const writes: number[] = [];
  const violations: Violation[] = [];
  records.forEach((record, position) => {
    if (record.readOnly !== false) return;
    writes.push(position);
    const arns = resourceArnsOf(record);
    const outside = arns.filter((arn) => !inside(arn));
    if (arns.length === 0 || outside.length > 0) violations.push({ position, outside });
  });
  const pass = violations.length === 0;
  return {
    pass,
    message: () => {
      const allowed = patterns.map((p) => `  ${String(p)}`).join('\n');
      const head = `${rt.matcherHint(matcherName, 'received', '...arnPatterns')}\n\n`;
      if (pass) {
        return `${head}Expected: a write outside\n${allowed}\nReceived: ${countOf(writes.length, 'write')}, all inside`;
      }
      const lines = violations.slice(0, 10).map(({ position, outside }) => {
        const why = outside.length > 0 ? outside.map((arn) => `      ${arn}`).join('\n') : '      (no resources recorded)';
        return `  ${describeRecord(records[position]!, position)}\n${why}`;
      });
      if (violations.length > 10) lines.push(`  … and ${violations.length - 10} more`);
      return `${head}Expected: every write to stay inside\n${allowed}\nReceived: ${countOf(writes.length, 'write')}, ${violations.length} outside\n${lines.join('\n')}`;
    },
  };
}
