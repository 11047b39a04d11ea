// Who may manage trails: the `authorize(caller, action, resource)` hook, the resources an operation acts on, and
// CloudTrail's AccessDeniedException for a denial.
import type { UserIdentity } from '../vocabulary/record.js';
import { AccessDeniedException } from './errors.js';
import { partitionOf } from './names.js';

/** The principal making a control-plane call, as the hook sees it. */
export interface AuthorizeCaller {
  accountId: string;
  region: string;
  /** The principal's ARN (`arn:aws:iam::…:user/alice`, `arn:aws:sts::…:assumed-role/Role/session`, `…:root`). */
  principalArn: string;
  userIdentity: UserIdentity;
}

/**
 * A decision: `true`/`'Allow'` allows; `false`/`'ImplicitDeny'` denies because nothing allows;
 * `'ExplicitDeny'` denies because a statement denies (the message says which).
 */
export type AuthorizationDecision = boolean | 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/**
 * Decides whether `caller` may perform `action` (`cloudtrail:StopLogging`) on `resource` (a trail ARN, or `*` for
 * operations on no one trail). May be async. Runs before the operation, once per resource it acts on.
 * @example
 * createLocalTrail({ authorize: (caller, action) => !(action === 'cloudtrail:StopLogging' && caller.userIdentity.userName === 'intern') });
 */
export type Authorize = (caller: AuthorizeCaller, action: string, resource: string) => AuthorizationDecision | Promise<AuthorizationDecision>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function trailResource(nameOrArn: string, caller: { accountId: string; region: string }): string {
  if (nameOrArn.startsWith('arn:')) return nameOrArn;
  return `arn:${partitionOf(caller.region)}:cloudtrail:${caller.region}:${caller.accountId}:trail/${nameOrArn}`;
}

/**
 * The resources IAM checks `operation` against: the trail ARN it names (a name resolves in the caller's account and
 * region), each trail of ListTags, or `*` for operations that name no trail (DescribeTrails, ListTrails,
 * LookupEvents, ListPublicKeys).
 */
export function resourcesOf(operation: string, input: Record<string, unknown>, caller: { accountId: string; region: string }): string[] {
  if (operation === 'ListTags') {
    const ids = Array.isArray(input['ResourceIdList']) ? input['ResourceIdList'].map(str).filter((id): id is string => id !== undefined) : [];
    return ids.length > 0 ? ids.map((id) => trailResource(id, caller)) : ['*'];
  }
  const named = str(input['Name']) ?? str(input['TrailName']) ?? str(input['ResourceId']);
  return named === undefined ? ['*'] : [trailResource(named, caller)];
}

/** CloudTrail's (IAM's) denial, with IAM's wording for an implicit and an explicit deny. */
export function accessDenied(principalArn: string, action: string, resource: string, explicit: boolean): AccessDeniedException {
  const why = explicit ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${action} action`;
  return new AccessDeniedException(`User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} ${why}`);
}

/** Whether a decision allows. */
export function allows(decision: AuthorizationDecision): boolean {
  return decision === true || decision === 'Allow';
}
