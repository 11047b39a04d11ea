// All trails of all accounts: visibility per (account, region), name/ARN resolution, and the five-per-region limit.
import { CloudTrailARNInvalidException, InvalidHomeRegionException, MaximumNumberOfTrailsExceededException, NotOrganizationMasterAccountException, TrailNotFoundException } from './errors.js';
import { looksLikeArn, parseTrailArn, trailArn, validateTrailName } from './names.js';
import type { OrganizationConfig } from './organization.js';
import { inOrganization } from './organization.js';
import type { TrailState } from './trail-model.js';

/** Who calls a control-plane operation. */
export interface Caller {
  accountId: string;
  region: string;
}

export const MAX_TRAILS_PER_REGION = 5;

export class TrailRegistry {
  /** By home-region ARN. */
  readonly trails = new Map<string, TrailState>();
  /** Bumped on every change that can alter routing. */
  generation = 0;

  constructor(readonly organization: OrganizationConfig | undefined) {}

  changed(): void {
    this.generation++;
  }

  /** Whether `trail` is visible (logs) in the caller's region and account: home, shadow or organization copy. */
  isVisible(trail: TrailState, caller: Caller): boolean {
    if (trail.homeRegion !== caller.region && !trail.isMultiRegionTrail) return false;
    if (trail.accountId === caller.accountId) return true;
    return trail.isOrganizationTrail && inOrganization(this.organization, caller.accountId) && this.organization!.managementAccountId === trail.accountId;
  }

  /** Trails visible to the caller, home trails first. */
  visible(caller: Caller): TrailState[] {
    const home: TrailState[] = [];
    const shadows: TrailState[] = [];
    for (const trail of this.trails.values()) {
      if (!this.isVisible(trail, caller)) continue;
      if (trail.homeRegion === caller.region && trail.accountId === caller.accountId) home.push(trail);
      else shadows.push(trail);
    }
    return [...home, ...shadows];
  }

  /**
   * Resolves `Name`/`TrailName`: a name finds only the caller's trail homed in the caller's region; an ARN also finds
   * shadows of multi-region trails and organization trails. Throws CloudTrail's errors otherwise.
   */
  resolve(nameOrArn: string | undefined, caller: Caller): TrailState {
    const input = nameOrArn ?? '';
    if (looksLikeArn(input)) {
      const parts = parseTrailArn(input);
      const trail = this.trails.get(trailArn(parts.region, parts.accountId, parts.name));
      if (trail && this.isVisible(trail, caller)) return trail;
      if (parts.region !== caller.region) {
        throw new CloudTrailARNInvalidException(`Region in ARN is wrong, you can only access resources in region ${caller.region}.`);
      }
      throw notFound(input, caller);
    }
    validateTrailName(input);
    const trail = this.trails.get(trailArn(caller.region, caller.accountId, input));
    if (!trail) throw notFound(input, caller);
    return trail;
  }

  /** Mutations (update, delete, start/stop, selectors, tags) are for the owner, in the home region. */
  requireHome(trail: TrailState, caller: Caller): void {
    if (trail.accountId !== caller.accountId) {
      throw new NotOrganizationMasterAccountException(
        `The organization trail ${trail.arn} can only be changed by the organization's management account ${trail.accountId}.`,
      );
    }
    if (trail.homeRegion !== caller.region) {
      throw new InvalidHomeRegionException(
        `This operation must be called from the trail's home region ${trail.homeRegion}; it was called in ${caller.region}.`,
      );
    }
  }

  /** Number of the account's trails that count in `region`: those homed there plus every multi-region trail. */
  countIn(accountId: string, region: string, except?: TrailState): number {
    let n = 0;
    for (const trail of this.trails.values()) {
      if (trail === except || trail.accountId !== accountId) continue;
      if (trail.isMultiRegionTrail || trail.homeRegion === region) n++;
    }
    return n;
  }

  /**
   * Throws `MaximumNumberOfTrailsExceededException` if a trail homed in `homeRegion` (multi-region or not) would be
   * the sixth in any region it counts in. `except` is the trail being changed, if any.
   */
  checkLimit(accountId: string, homeRegion: string, multiRegion: boolean, except?: TrailState): void {
    const regions = new Set([homeRegion]);
    if (multiRegion) for (const trail of this.trails.values()) if (trail.accountId === accountId) regions.add(trail.homeRegion);
    for (const region of regions) {
      if (this.countIn(accountId, region, except) >= MAX_TRAILS_PER_REGION) {
        throw new MaximumNumberOfTrailsExceededException(
          `User: ${accountId} already has ${MAX_TRAILS_PER_REGION} trails in ${region}.`,
        );
      }
    }
  }
}

function notFound(nameOrArn: string, caller: Caller): TrailNotFoundException {
  return new TrailNotFoundException(`Unknown trail: ${nameOrArn} for the user: ${caller.accountId}`);
}
