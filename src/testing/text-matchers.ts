// localtrail's own asymmetric matchers for shortcut arguments: text (string | RegExp | matcher), identity, all-of.
import type { UserIdentity } from '../vocabulary/record.js';
import type { AsymmetricMatcherLike } from './partial-match.js';
import { isAsymmetricMatcher, isPlainObject, matchesPartial, projectOnto } from './partial-match.js';
import type { MatcherRuntime } from './runtime.js';

/** A string to compare exactly, a RegExp to test, or any asymmetric matcher (`expect.stringMatching(...)`). */
export type TextPattern = string | RegExp | AsymmetricMatcherLike;

const ASYMMETRIC = Symbol.for('jest.asymmetricMatcher');

/** Base for matchers that both runners' `equals` and pretty-format recognise. */
abstract class LocaltrailMatcher implements AsymmetricMatcherLike {
  readonly $$typeof = ASYMMETRIC;
  abstract asymmetricMatch(other: unknown): boolean;
  abstract toAsymmetricMatcher(): string;
  toString(): string {
    return this.constructor.name;
  }
}

export function textMatches(pattern: TextPattern, value: unknown): boolean {
  if (typeof pattern === 'string') return value === pattern;
  if (pattern instanceof RegExp) return typeof value === 'string' && new RegExp(pattern.source, pattern.flags).test(value);
  return pattern.asymmetricMatch(value);
}

function showPattern(pattern: TextPattern): string {
  if (typeof pattern === 'string') return JSON.stringify(pattern);
  if (pattern instanceof RegExp) return String(pattern);
  const custom = (pattern as { toAsymmetricMatcher?: () => string }).toAsymmetricMatcher;
  return typeof custom === 'function' ? custom.call(pattern) : String(pattern);
}

function showAny(value: unknown): string {
  if (isAsymmetricMatcher(value)) return showPattern(value);
  if (value instanceof RegExp) return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Any string, or one matching the pattern: used where a shortcut's argument is optional or a RegExp. */
export class TextMatching extends LocaltrailMatcher {
  constructor(private readonly pattern?: TextPattern) {
    super();
  }
  asymmetricMatch(other: unknown): boolean {
    return this.pattern === undefined ? typeof other === 'string' && other.length > 0 : textMatches(this.pattern, other);
  }
  toAsymmetricMatcher(): string {
    return this.pattern === undefined ? 'AnyText' : `TextMatching ${showPattern(this.pattern)}`;
  }
}

/** Keeps plain strings and the runner's own matchers as they are; wraps RegExps and "anything" for equality use. */
export function textValue(pattern?: TextPattern): unknown {
  if (pattern === undefined || pattern instanceof RegExp) return new TextMatching(pattern);
  return pattern;
}

/** The names a caller can be known by in a record: user name, ARNs, access key id, principal id, role name. */
export function identityNames(identity: UserIdentity): string[] {
  const issuer = identity.sessionContext?.sessionIssuer;
  const names = [identity.userName, identity.arn, identity.accessKeyId, identity.principalId, issuer?.userName, issuer?.arn];
  return names.filter((n): n is string => typeof n === 'string' && n.length > 0);
}

/** A `userIdentity` whose user name, ARN, access key id, principal id or role matches the pattern. */
export class IdentityMatching extends LocaltrailMatcher {
  constructor(private readonly pattern: TextPattern) {
    super();
  }
  asymmetricMatch(other: unknown): boolean {
    if (!isPlainObject(other)) return false;
    return identityNames(other as UserIdentity).some((name) => textMatches(this.pattern, name));
  }
  toAsymmetricMatcher(): string {
    return `IdentityMatching ${showPattern(this.pattern)}`;
  }
  /** In a failure diff, only the members an identity is known by, not the whole userIdentity. */
  projectForDiff(value: unknown): unknown {
    if (!isPlainObject(value)) return value;
    const identity = value as UserIdentity;
    const out: Record<string, unknown> = {};
    for (const key of ['type', 'userName', 'arn', 'accessKeyId'] as const) if (identity[key] !== undefined) out[key] = identity[key];
    return out;
  }
}

/** Both (all) partials must match: used when a shortcut and the user's extra partial name the same field. */
export class AllOf extends LocaltrailMatcher {
  constructor(
    private readonly rt: MatcherRuntime,
    readonly parts: readonly unknown[],
  ) {
    super();
  }
  asymmetricMatch(other: unknown): boolean {
    return this.parts.every((part) => matchesPartial(this.rt, other, part));
  }
  toAsymmetricMatcher(): string {
    return `AllOf(${this.parts.map(showAny).join(', ')})`;
  }
  /** In a failure diff, the fields the parts name (not the whole record). */
  projectForDiff(value: unknown): unknown {
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const part of this.parts) {
      const projected = projectOnto(this.rt, value, part);
      if (isPlainObject(projected)) Object.assign(out, projected);
    }
    return out;
  }
}

/**
 * Deep-merges the constraints of a shortcut into the user's extra partial. Where both name the same field and the
 * values are not both plain objects, the record must satisfy both ({@link AllOf}).
 */
export function mergePartials(
  rt: MatcherRuntime,
  extra: Record<string, unknown> | AsymmetricMatcherLike | undefined,
  constraints: Record<string, unknown>,
): Record<string, unknown> | AsymmetricMatcherLike {
  if (isAsymmetricMatcher(extra)) return new AllOf(rt, [constraints, extra]);
  const out: Record<string, unknown> = { ...(extra ?? {}) };
  for (const [key, value] of Object.entries(constraints)) {
    const mine = out[key];
    if (!(key in out)) out[key] = value;
    else if (isPlainObject(mine) && isPlainObject(value)) out[key] = mergePartials(rt, mine, value) as Record<string, unknown>;
    else if (!isAsymmetricMatcher(mine) && !isAsymmetricMatcher(value) && Object.is(mine, value)) out[key] = value;
    else out[key] = new AllOf(rt, [mine, value]);
  }
  return out;
}
