// The small slice of a test runner's matcher context the runner-neutral matchers need (vitest and jest both fit).

/** What every check returns: a verdict and a message built only when the runner asks for it. */
export interface MatchResult {
  pass: boolean;
  message: () => string;
}

/**
 * The runner services a check uses. Built from `this` inside a vitest or jest matcher by {@link runtimeFromContext};
 * `equals` is the runner's own, so asymmetric matchers (`expect.any`, `expect.stringMatching` …) and custom
 * equality testers keep working inside partial records.
 */
export interface MatcherRuntime {
  /** True when the assertion is negated with `.not`; messages read accordingly. */
  isNot: boolean;
  /** Deep equality honouring asymmetric matchers in `expected`. */
  equals(received: unknown, expected: unknown): boolean;
  /** A "- Expected / + Received" diff, or nothing when the runner sees no visual difference. */
  diff(expected: unknown, received: unknown): string | null | undefined;
  /** The runner's pretty printer for values in messages (expected-side colouring). */
  printExpected(value: unknown): string;
  /** The runner's pretty printer for values in messages (received-side colouring). */
  printReceived(value: unknown): string;
  /** The grey `expect(received).not.matcher(expected)` headline. */
  matcherHint(matcherName: string, received?: string, expected?: string): string;
}

/** The shape of `this` inside a vitest or jest matcher, as far as localtrail reads it. */
export interface RunnerMatcherContext {
  isNot?: boolean;
  promise?: string;
  customTesters?: unknown[];
  equals(a: unknown, b: unknown, customTesters?: never[], strictCheck?: boolean): boolean;
  utils: {
    diff(a: unknown, b: unknown, options?: never): string | null | undefined;
    printExpected(value: unknown): string;
    printReceived(value: unknown): string;
    matcherHint(matcherName: string, received?: string, expected?: string, options?: never): string;
  };
}

/**
 * Adapts a runner's matcher `this` to a {@link MatcherRuntime}.
 * @example
 * expect.extend({ toHaveRecorded(received, partial) { return checks.toHaveRecorded(runtimeFromContext(this), received, partial); } });
 */
export function runtimeFromContext(context: RunnerMatcherContext): MatcherRuntime {
  const isNot = context.isNot === true;
  const testers = (context.customTesters ?? []) as never[];
  const hintOptions = { isNot, promise: context.promise ?? '' } as never;
  return {
    isNot,
    equals: (received, expected) => context.equals(received, expected, testers),
    diff: (expected, received) => context.utils.diff(expected, received),
    printExpected: (value) => context.utils.printExpected(value),
    printReceived: (value) => context.utils.printReceived(value),
    matcherHint: (name, received, expected) => context.utils.matcherHint(name, received, expected, hintOptions),
  };
}
