// A LocalTrail's parts that stay off its public type (its engine, delivery and resolved options): reachable from
// inside the repository (tests, tooling), never exported by a package entry.
import type { ResolvedLocalTrailOptions } from './localtrail-options.js';
import type { TrailEngine } from './engine/trail-engine.js';
import type { DeliveryService } from './delivery/delivery-service.js';
import type { Lake } from './lake/lake.js';

/** What a LocalTrail is made of, beside what its methods offer. */
export interface LocalTrailParts {
  /** The options with their defaults filled in. */
  readonly options: ResolvedLocalTrailOptions;
  /** Trails, routing and event history; its control-plane calls bypass the gate (not authorized, not recorded). */
  readonly engine: TrailEngine;
  /** Delivery of log files and digests: the engine's DeliveryPort. */
  readonly delivery: DeliveryService;
  /** CloudTrail Lake's stores; its own methods bypass the gate. */
  readonly lake: Lake;
}

const parts = new WeakMap<object, LocalTrailParts>();

/** Done once, by the LocalTrail's constructor. */
export function registerLocalTrailParts(trail: object, own: LocalTrailParts): void {
  parts.set(trail, own);
}

/** The parts of `trail`; throws for anything that is not a LocalTrail. */
export function localTrailParts(trail: object): LocalTrailParts {
  const own = parts.get(trail);
  if (!own) throw new TypeError('Expected a LocalTrail (from createLocalTrail()).');
  return own;
}
