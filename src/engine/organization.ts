// The AWS Organization a LocalTrail can simulate: a management account and its members (cloudtrail-facts §5.5).
import { LocalTrailConfigError } from '../vocabulary/config-error.js';

/**
 * An organization for organization trails.
 * @example
 * createLocalTrail({ organization: { id: 'o-a1b2c3d4e5', managementAccountId: '111111111111', memberAccountIds: ['222222222222'] } });
 */
export interface OrganizationConfig {
  /** `o-` followed by 10–32 lowercase letters or digits. */
  id: string;
  managementAccountId: string;
  memberAccountIds: string[];
}

const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const ACCOUNT = /^\d{12}$/;

/** Throws a LocalTrailConfigError naming the problem when the organization option is malformed. */
export function validateOrganization(org: OrganizationConfig): void {
  if (!ORG_ID.test(org.id)) throw new LocalTrailConfigError('organization.id', `localtrail: organization.id must look like o-a1b2c3d4e5, got "${org.id}"`);
  if (!ACCOUNT.test(org.managementAccountId)) {
    throw new LocalTrailConfigError('organization.managementAccountId', `localtrail: organization.managementAccountId must be 12 digits, got "${org.managementAccountId}"`);
  }
  for (const id of org.memberAccountIds ?? []) {
    if (!ACCOUNT.test(id)) throw new LocalTrailConfigError('organization.memberAccountIds', `localtrail: organization.memberAccountIds must be 12-digit ids, got "${id}"`);
  }
}

/** Whether `accountId` belongs to the organization (management account or member). */
export function inOrganization(org: OrganizationConfig | undefined, accountId: string): boolean {
  if (org === undefined) return false;
  return org.managementAccountId === accountId || org.memberAccountIds.includes(accountId);
}
