// Compares the permissions recorded calls needed with a given policy: what it is missing, and what it grants that
// no call used. Behind `expect(trail).toNeedOnly(policy)`.
import { iamGlobMatches } from './iam-glob.js';
import type { CallCount, GeneratedPolicy, NeededPermission } from './policy-builder.js';
import type { PolicyDocument, PolicyStatement } from './policy-document.js';
import { asList } from './policy-document.js';

/**
 * What a policy misses and what it grants that no call used.
 * @example
 * const { missing, unused } = checkPolicy(generatePolicy(trail), policyJson);
 */
export interface PolicyCheck {
  /** Needed but not allowed (or explicitly denied). */
  missing: NeededPermission[];
  /** Allowed by a statement but needed by no call: an action pattern with the statement's resources. */
  unused: Array<{ action: string; resources: string[] }>;
  /** Calls the mapping does not know: the policy cannot be checked for them. */
  unmapped: CallCount[];
  ok: boolean;
}

interface Compiled {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: string[];
}

/**
 * Reads a policy document (object or JSON text). Statements with `NotAction`/`NotResource` are refused (their
 * meaning depends on the whole account); `Condition`s are not evaluated.
 */
export function readPolicy(policy: PolicyDocument | string): Compiled[] {
  const doc = (typeof policy === 'string' ? JSON.parse(policy) : policy) as { Statement?: unknown };
  const statements = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : undefined;
  if (!statements) throw new TypeError('not an IAM policy document: no Statement');
  return statements.map((s: Partial<PolicyStatement> & { NotAction?: unknown; NotResource?: unknown }, i: number) => {
    if (s.NotAction !== undefined || s.NotResource !== undefined) throw new TypeError(`statement ${i + 1}: NotAction and NotResource are not supported`);
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new TypeError(`statement ${i + 1}: Effect must be Allow or Deny`);
    return { effect: s.Effect, actions: asList(s.Action), resources: asList(s.Resource) };
  });
}

function grants(statement: Compiled, action: string, resource: string): boolean {
  return statement.actions.some((a) => iamGlobMatches(a, action, true)) && statement.resources.some((r) => iamGlobMatches(r, resource));
}

/**
 * Compares what the recorded calls needed with a policy document: what it misses, and what it grants unused.
 * @example
 * const { missing, unused } = checkPolicy(generatePolicy(trail), JSON.parse(readFileSync('policy.json', 'utf8')));
 */
export function checkPolicy(needed: GeneratedPolicy, policy: PolicyDocument | string): PolicyCheck {
  const statements = readPolicy(policy);
  const allows = statements.filter((s) => s.effect === 'Allow');
  const denies = statements.filter((s) => s.effect === 'Deny');
  const missing = needed.permissions.filter(
    (p) => !allows.some((s) => grants(s, p.action, p.resource)) || denies.some((s) => grants(s, p.action, p.resource)),
  );
  const unused: PolicyCheck['unused'] = [];
  for (const s of allows) {
    for (const action of s.actions) {
      const used = needed.permissions.some((p) => iamGlobMatches(action, p.action, true) && s.resources.some((r) => iamGlobMatches(r, p.resource)));
      if (!used) unused.push({ action, resources: s.resources });
    }
  }
  return { missing, unused, unmapped: needed.unmapped, ok: missing.length === 0 && unused.length === 0 && needed.unmapped.length === 0 };
}
