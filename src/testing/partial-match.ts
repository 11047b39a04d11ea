// Partial-record matching (toMatchObject semantics) that honours the runner's asymmetric matchers, plus closeness.
import type { MatcherRuntime } from './runtime.js';

/** An asymmetric matcher as both runners define it: any object with an `asymmetricMatch` method. */
export interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
}

export function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcherLike {
  return (
    typeof value === 'object' && value !== null && typeof (value as AsymmetricMatcherLike).asymmetricMatch === 'function'
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * True when `received` contains `expected`: objects match on the keys `expected` names (recursively), arrays match
 * element by element with equal length, everything else (and asymmetric matchers) through the runner's `equals`.
 * An `expected` key set to `undefined` matches a missing key, as in `toMatchObject`.
 */
export function matchesPartial(rt: MatcherRuntime, received: unknown, expected: unknown): boolean {
  if (isAsymmetricMatcher(expected)) return rt.equals(received, expected);
  if (isPlainObject(expected)) {
    if (!isPlainObject(received)) return false;
    for (const key of Object.keys(expected)) {
      const want = expected[key];
      if (want === undefined) {
        if (received[key] !== undefined) return false;
      } else if (!(key in received) || !matchesPartial(rt, received[key], want)) {
        return false;
      }
    }
    return true;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(received) || received.length !== expected.length) return false;
    return expected.every((item, i) => matchesPartial(rt, received[i], item));
  }
  return rt.equals(received, expected);
}

/** How much of `expected` a record satisfies: leaves matched out of leaves named. Used to rank "closest" records. */
export interface Closeness {
  matched: number;
  total: number;
}

export function closeness(rt: MatcherRuntime, received: unknown, expected: unknown): Closeness {
  if (isPlainObject(expected) && isPlainObject(received)) {
    const sum = { matched: 0, total: 0 };
    for (const key of Object.keys(expected)) {
      const part = key in received ? closeness(rt, received[key], expected[key]) : { matched: 0, total: leafCount(expected[key]) };
      sum.matched += part.matched;
      sum.total += part.total;
    }
    return sum;
  }
  if (Array.isArray(expected) && Array.isArray(received) && received.length === expected.length) {
    const sum = { matched: 0, total: 0 };
    expected.forEach((item, i) => {
      const part = closeness(rt, received[i], item);
      sum.matched += part.matched;
      sum.total += part.total;
    });
    return sum;
  }
  const total = leafCount(expected);
  return { matched: matchesPartial(rt, received, expected) ? total : 0, total };
}

function leafCount(expected: unknown): number {
  if (isPlainObject(expected)) return Object.values(expected).reduce<number>((n, v) => n + leafCount(v), 0);
  if (Array.isArray(expected)) return Math.max(1, expected.reduce<number>((n, v) => n + leafCount(v), 0));
  return 1;
}

/**
 * The part of `received` that `expected` talks about, shaped like `expected`, so a diff between the two shows only
 * what differs. Where an asymmetric matcher matched, the matcher itself is kept so the diff shows no change there;
 * where it did not, a matcher with `projectForDiff(value)` shows only the part of the value it looked at.
 */
export function projectOnto(rt: MatcherRuntime, received: unknown, expected: unknown): unknown {
  if (isAsymmetricMatcher(expected)) {
    if (rt.equals(received, expected)) return expected;
    const shrink = (expected as { projectForDiff?: (value: unknown) => unknown }).projectForDiff;
    if (typeof shrink === 'function') return shrink.call(expected, received);
    // expect.objectContaining keeps its object as `sample` in both runners: show only those keys.
    const sample = (expected as { sample?: unknown }).sample;
    return isPlainObject(sample) && isPlainObject(received) ? projectOnto(rt, received, sample) : received;
  }
  if (isPlainObject(expected) && isPlainObject(received)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(expected)) {
      if (key in received) out[key] = projectOnto(rt, received[key], expected[key]);
    }
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(received)) {
    return received.map((item, i) => (i < expected.length ? projectOnto(rt, item, expected[i]) : item));
  }
  return received;
}
