// `expect(trail).toNeedOnly(policy)`: the calls a test recorded need exactly the permissions a policy grants —
// none missing, none granted in vain — so a unit test pins the IAM permissions its code needs.
import { checkPolicy } from '../policy/check-policy.js';
import type { PolicyOptions } from '../policy/generate-policy.js';
import { generatePolicy } from '../policy/generate-policy.js';
import type { PolicyDocument } from '../policy/policy-document.js';
import { recordsOf } from './received.js';
import type { RunnerMatcher } from './runner-matchers.js';
import type { MatchResult, MatcherRuntime, RunnerMatcherContext } from './runtime.js';
import { runtimeFromContext } from './runtime.js';

/** The policy matchers' signatures, merged into vitest's and jest's `expect` types. */
export interface PolicyMatchers<R = void> {
  /**
   * The recorded calls need exactly this policy: every permission they needed is granted (and not denied), every
   * granted action was used on a granted resource, and every call could be mapped to IAM actions. Options as
   * `generatePolicy` (one principal, a time range, failed calls too).
   */
  toNeedOnly(policy: PolicyDocument | string, options?: PolicyOptions): R;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The check behind `toNeedOnly`, runner-neutral.
 * @example
 * policyChecks.toNeedOnly(runtimeFromContext(this), trail, policy);
 */
export const policyChecks = {
  toNeedOnly(rt: MatcherRuntime, received: unknown, policy: PolicyDocument | string, options?: PolicyOptions): MatchResult {
    const records = recordsOf(received, 'toNeedOnly');
    const needed = generatePolicy(records, options);
    const result = checkPolicy(needed, policy);
    return {
      pass: result.ok,
      message: () => {
        const head = `${rt.matcherHint('toNeedOnly', 'received', 'policy')}\n\n`;
        if (result.ok) {
          return `${head}Expected the recorded calls not to need exactly this policy, but they do (${plural(needed.permissions.length, 'permission')}).`;
        }
        const parts: string[] = [];
        if (result.missing.length > 0) {
          parts.push(`Needed but not granted:\n${result.missing.map((p) => `  ${p.action} on ${p.resource} (${plural(p.calls, 'call')})`).join('\n')}`);
        }
        if (result.unused.length > 0) {
          parts.push(`Granted but not needed:\n${result.unused.map((u) => `  ${u.action} on ${u.resources.join(', ')}`).join('\n')}`);
        }
        if (result.unmapped.length > 0) {
          parts.push(
            `Calls not mapped to IAM actions (their permissions cannot be checked):\n` +
              result.unmapped.map((c) => `  ${c.eventSource} ${c.eventName} (${plural(c.calls, 'call')})`).join('\n'),
          );
        }
        // Plain JSON, not the runner's printer: ready to paste into a policy file.
        parts.push(`The policy the recorded calls need:\n${JSON.stringify(needed.policy, null, 2)}`);
        return head + parts.join('\n\n');
      },
    };
  },
};

/**
 * The policy matchers ready for `expect.extend(...)`; `localtrail/vitest` and `localtrail/jest` register them.
 * @example
 * expect.extend(policyMatchers);
 */
export const policyMatchers: Record<keyof typeof policyChecks, RunnerMatcher> = {
  toNeedOnly(this: RunnerMatcherContext, received: unknown, ...args: unknown[]): MatchResult {
    return policyChecks.toNeedOnly(runtimeFromContext(this), received, args[0] as PolicyDocument | string, args[1] as PolicyOptions | undefined);
  },
};
