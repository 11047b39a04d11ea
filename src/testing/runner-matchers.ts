// The checks wrapped as `expect.extend` matchers: each reads the runner's `this` (equals, diff, printers, isNot).
import { checks } from './matchers.js';
import type { MatchResult, RunnerMatcherContext } from './runtime.js';
import { runtimeFromContext } from './runtime.js';

/** A matcher function as `expect.extend` takes it in vitest and jest. */
export type RunnerMatcher = (this: RunnerMatcherContext, received: unknown, ...args: unknown[]) => MatchResult;

function wrap(check: (...args: never[]) => MatchResult): RunnerMatcher {
  return function localtrailMatcher(this: RunnerMatcherContext, received: unknown, ...args: unknown[]): MatchResult {
    return (check as (...all: unknown[]) => MatchResult)(runtimeFromContext(this), received, ...args);
  };
}

/**
 * All localtrail matchers, ready for `expect.extend(...)` in any runner whose matcher context offers `equals` and
 * `utils` the way vitest and jest do. `localtrail/vitest` and `localtrail/jest` call this for you.
 * @example
 * import { expect } from 'vitest';
 * expect.extend(localtrailMatchers);
 */
export const localtrailMatchers: Record<keyof typeof checks, RunnerMatcher> = Object.fromEntries(
  Object.entries(checks).map(([name, check]) => [name, wrap(check)]),
) as Record<keyof typeof checks, RunnerMatcher>;
