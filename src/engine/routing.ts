// Which trails get an event of one (account, region): region rules, global service rules, organization trails.
import type { DeliveryRoute, DeliveryTrail } from './delivery-port.js';
import { GLOBAL_SERVICE_REGION } from '../catalog/services.js';
import { insightBit } from './insights/insights-detector.js';
import { inOrganization } from './organization.js';
import type { FactsPredicate } from './selectors/types.js';
import type { TrailRegistry } from './trail-registry.js';

/** One logging trail that sees the (account, region): its compiled selectors and its prebuilt delivery route. */
export interface RouteEntry {
  match: FactsPredicate;
  route: DeliveryRoute;
  /** The Insights types the trail enabled on management events, as bits (`insightBit`). */
  insightTypes: number;
}

/** One route object per (trail snapshot, region, account), so delivery can key caches on route identity. */
const routeObjects = new WeakMap<DeliveryTrail, Map<string, DeliveryRoute>>();

function routeFor(trail: DeliveryTrail, region: string, accountId: string): DeliveryRoute {
  let byPlace = routeObjects.get(trail);
  if (byPlace === undefined) routeObjects.set(trail, (byPlace = new Map()));
  const key = `${region}|${accountId}`;
  let route = byPlace.get(key);
  if (route === undefined) byPlace.set(key, (route = Object.freeze({ trail, region, accountId })));
  return route;
}

/** The routes of one (account, region), for regional events and for global service events. */
export interface Routes {
  regional: RouteEntry[];
  /** The same array as `regional` outside us-east-1, so the router can skip the global-service test there. */
  global: RouteEntry[];
}

/**
 * Computes the routes of events whose `recipientAccountId` is `accountId` and `awsRegion` is `region`:
 * - the account's logging trails homed in the region, and its logging multi-region trails (each exactly once);
 * - the organization's logging organization trails when the account is in the organization, with the account
 *   folder set to that account;
 * - global service events (always recorded in us-east-1) go to multi-region trails and to single-region trails
 *   homed in us-east-1 with IncludeGlobalServiceEvents; never to other single-region trails.
 */
export function computeRoutes(registry: TrailRegistry, accountId: string, region: string): Routes {
  const regional: RouteEntry[] = [];
  const global: RouteEntry[] = [];
  const org = registry.organization;
  const orgManager = org && inOrganization(org, accountId) ? org.managementAccountId : undefined;
  for (const trail of registry.trails.values()) {
    if (!trail.isLogging) continue;
    const owned = trail.accountId === accountId;
    const viaOrganization = !owned && trail.isOrganizationTrail && trail.accountId === orgManager;
    if (!owned && !viaOrganization) continue;
    if (!trail.isMultiRegionTrail && trail.homeRegion !== region) continue;
    const entry: RouteEntry = {
      match: trail.selectors.matchFacts,
      route: routeFor(trail.delivery, region, accountId),
      insightTypes: 0,
    };
    for (const selector of trail.insightSelectors) {
      if (!(selector.EventCategories ?? ['Management']).includes('Management')) continue;
      entry.insightTypes |= insightBit(selector.InsightType);
    }
    regional.push(entry);
    if (trail.isMultiRegionTrail || trail.includeGlobalServiceEvents) global.push(entry);
  }
  // `global` is a subset of `regional`: when nothing is left out, share the array so the router skips the test.
  return { regional, global: region === GLOBAL_SERVICE_REGION && global.length !== regional.length ? global : regional };
}
