// A ready-made `authorize` hook: IAM identity-policy evaluation (Allow/Deny, Action/NotAction, Resource/NotResource,
// `*` and `?` wildcards, an explicit deny wins) for cloudtrail:* actions and trail ARNs.
// Logic: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import type { Authorize, AuthorizeCaller } from './authorize.js';

/** One statement of an identity-based policy. Conditions are not evaluated: a statement with one is refused. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
}

/** An IAM policy document (`{ Version, Statement }`), as JSON or parsed. */
export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/** A policy document, parsed or as its JSON text. */
export type PolicyInput = PolicyDocument | string;

/** The outcome of evaluating policies for one request. */
export type PolicyDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** A statement with its patterns compiled once. */
interface CompiledStatement {
  allow: boolean;
  actions: RegExp[];
  negateActions: boolean;
  resources: RegExp[];
  negateResources: boolean;
}

/** IAM wildcards: `*` any run of characters (`/` and `:` included), `?` any one character. */
function wildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
}

function list(value: unknown, what: string): string[] {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) if (typeof v !== 'string' || v.length === 0) throw new TypeError(`localtrail: policy ${what} must be a string or a list of strings`);
  return values as string[];
}

function compileStatement(statement: PolicyStatement): CompiledStatement {
  const s = statement as unknown as Record<string, unknown>;
  if (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny') throw new TypeError(`localtrail: policy statement Effect must be Allow or Deny, got ${String(s['Effect'])}`);
  if ('Condition' in s) throw new TypeError('localtrail: policy Conditions are not evaluated; remove the Condition or decide in your own authorize hook');
  if ('Principal' in s || 'NotPrincipal' in s) throw new TypeError('localtrail: identity-based policies have no Principal; attach the policy to the caller instead');
  const hasAction = 'Action' in s;
  if (hasAction === 'NotAction' in s) throw new TypeError('localtrail: a policy statement needs exactly one of Action and NotAction');
  const hasResource = 'Resource' in s;
  if (hasResource === 'NotResource' in s) throw new TypeError('localtrail: a policy statement needs exactly one of Resource and NotResource');
  return {
    allow: s['Effect'] === 'Allow',
    // Action names are case-insensitive; ARNs are not.
    actions: list(hasAction ? s['Action'] : s['NotAction'], 'Action').map((a) => wildcard(a, true)),
    negateActions: !hasAction,
    resources: list(hasResource ? s['Resource'] : s['NotResource'], 'Resource').map((r) => wildcard(r, false)),
    negateResources: !hasResource,
  };
}

/** Compiles policy documents once (validating them); the result evaluates requests. */
export function compilePolicies(documents: PolicyInput | readonly PolicyInput[]): (action: string, resource: string) => PolicyDecision {
  const docs = (Array.isArray(documents) ? documents : [documents]) as PolicyInput[];
  const statements: CompiledStatement[] = [];
  for (const doc of docs) {
    const parsed = (typeof doc === 'string' ? JSON.parse(doc) : doc) as PolicyDocument;
    if (parsed === null || typeof parsed !== 'object' || parsed.Statement === undefined) throw new TypeError('localtrail: a policy document needs a Statement');
    for (const statement of Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement]) statements.push(compileStatement(statement));
  }
  return (action, resource) => {
    let allowed = false;
    for (const s of statements) {
      if (s.actions.some((p) => p.test(action)) === s.negateActions) continue;
      if (s.resources.some((p) => p.test(resource)) === s.negateResources) continue;
      if (!s.allow) return 'ExplicitDeny';
      allowed = true;
    }
    return allowed ? 'Allow' : 'ImplicitDeny';
  };
}

/**
 * Evaluates identity-based policies for one request: an explicit Deny wins, else any Allow allows, else denied.
 * @example
 * evaluatePolicies({ Statement: [{ Effect: 'Allow', Action: 'cloudtrail:*', Resource: '*' }] }, 'cloudtrail:StopLogging', trailArn) // 'Allow'
 */
export function evaluatePolicies(documents: PolicyInput | readonly PolicyInput[], action: string, resource: string): PolicyDecision {
  return compilePolicies(documents)(action, resource);
}

/**
 * An `authorize` hook from IAM policies: the same documents for every caller, or per caller (by ARN, user name…).
 * Documents are compiled once per distinct list the function returns.
 * @example
 * createLocalTrail({
 *   authorize: policyAuthorizer((caller) => caller.userIdentity.userName === 'admin' ? [adminPolicy] : [readOnlyPolicy]),
 * });
 */
export function policyAuthorizer(policies: PolicyInput | readonly PolicyInput[] | ((caller: AuthorizeCaller) => PolicyInput | readonly PolicyInput[])): Authorize {
  if (typeof policies !== 'function') {
    const evaluate = compilePolicies(policies);
    return (_caller, action, resource) => evaluate(action, resource);
  }
  const compiled = new WeakMap<object, (action: string, resource: string) => PolicyDecision>();
  return (caller, action, resource) => {
    const docs = policies(caller);
    // Documents returned again (the same object) are compiled once; JSON text is compiled each time.
    if (typeof docs === 'string') return compilePolicies(docs)(action, resource);
    let evaluate = compiled.get(docs);
    if (evaluate === undefined) compiled.set(docs, (evaluate = compilePolicies(docs)));
    return evaluate(action, resource);
  };
}
