// The trail engine: CloudTrail's control plane (its operations are the rows of operations.ts), the router every
// accepted record goes through, and event history.
import type { Clock } from '../clock/clock.js';
import { systemClock } from '../clock/clock.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../vocabulary/defaults.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { DeliveryPort } from './delivery-port.js';
import { isGlobalServiceEvent } from './global-services.js';
import { HistoryControl } from './history/history-control.js';
import type { InsightType } from './insights/insights-detector.js';
import { insightBit } from './insights/insights-detector.js';
import type { InsightsOptions } from './insights/insights-options.js';
import { resolveInsightsOptions } from './insights/insights-options.js';
import { KeyControl } from './key-control.js';
import { noopDelivery } from './noop-delivery.js';
import type { ControlPlaneMethods, Controls, CallerOptions, OperationInput, OperationName, OperationOutput } from './operations.js';
import { defineOperationMethods, runOperation } from './operations.js';
import type { OrganizationConfig } from './organization.js';
import { validateOrganization } from './organization.js';
import type { HistoryScope, RegionState } from './region-state.js';
import { RegionStates } from './region-state.js';
import { SelectorControl } from './selector-control.js';
import { newEventFacts, readEventFacts } from './selectors/types.js';
import { TrailControl } from './trail-control.js';
import type { Caller } from './trail-registry.js';
import { TrailRegistry } from './trail-registry.js';

/** History kept per (account, region) unless `maxHistoryEvents` says otherwise. */
export const DEFAULT_MAX_HISTORY_EVENTS = 10_000;

export interface TrailEngineOptions {
  clock?: Clock;
  /** Default calling account. Default `123456789012`. */
  accountId?: string;
  /** Default calling region. Default `us-east-1`. */
  region?: string;
  organization?: OrganizationConfig;
  /** Where routed records go. Default: nowhere ({@link noopDelivery}). */
  delivery?: DeliveryPort;
  /** Failures inside `accept` go here, never to the caller. */
  onError?: (error: unknown, where: string) => void;
  /** Management events kept per (account, region) for LookupEvents (a memory bound next to the 90 days). Default 10,000. */
  maxHistoryEvents?: number;
  /** How Insights are detected (docs/insights.md). */
  insights?: InsightsOptions;
  /** Every Insights record as it is made (the LocalTrail keeps them with the other records). */
  onInsight?: (record: CloudTrailRecord) => void;
}

/**
 * Counters of the engine.
 * @example
 * const { accepted, routed, historyDropped } = trail.stats().engine;
 */
export interface TrailEngineStats {
  accepted: number;
  /** (trail, region, account) deliveries handed to delivery. */
  routed: number;
  /** History records dropped by `maxHistoryEvents` (90-day expiry is not counted). */
  historyDropped: number;
}

/** The control-plane methods (`createTrail` …), one per row of operations.ts, synchronous here. */
export interface TrailEngine extends ControlPlaneMethods<'sync'> {}

/**
 * CloudTrail in memory: trails and their control plane, routing of records to trails, and event history.
 * @example
 * const engine = new TrailEngine({ clock, delivery });
 * engine.createTrail({ Name: 'audit', S3BucketName: 'logs', IsMultiRegionTrail: true });
 * engine.startLogging({ Name: 'audit' });
 * engine.accept(record); // → delivery.enqueue({ trail, region, accountId }, record)
 */
export class TrailEngine {
  private readonly defaultAccountId: string;
  private readonly defaultRegion: string;
  private readonly registry: TrailRegistry;
  private readonly regions: RegionStates;
  private readonly controls: Controls;
  private readonly onError: (error: unknown, where: string) => void;
  private readonly delivery: DeliveryPort;
  private readonly onInsight: (record: CloudTrailRecord) => void;
  private accepted = 0;
  private routed = 0;
  /** Reused for every event: the fields selectors read, copied once. */
  private readonly facts = newEventFacts();

  constructor(options: TrailEngineOptions = {}) {
    if (options.organization) validateOrganization(options.organization);
    const clock = options.clock ?? systemClock;
    this.defaultAccountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    this.defaultRegion = options.region ?? DEFAULT_REGION;
    this.delivery = options.delivery ?? noopDelivery;
    this.onError = options.onError ?? (() => {});
    this.onInsight = options.onInsight ?? (() => {});
    this.registry = new TrailRegistry(options.organization ? structuredClone(options.organization) : undefined);
    this.regions = new RegionStates(this.registry, clock, options.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS, resolveInsightsOptions(options.insights), (state, type, record) =>
      this.deliverInsight(state, type, record),
    );
    this.controls = {
      trails: new TrailControl(this.registry, clock, this.delivery),
      selectors: new SelectorControl(this.registry),
      history: new HistoryControl(this.regions, clock),
      keys: new KeyControl(clock, this.delivery),
    };
  }

  /** Runs one control-plane operation as `caller` (default: the engine's account and region). */
  run<N extends OperationName>(name: N, input: OperationInput<N> | undefined, caller?: CallerOptions): OperationOutput<N> {
    return runOperation(this.controls, name, input, this.caller(caller));
  }

  /**
   * Records one finished record: keeps management (and Insights) events in the history of its
   * (recipientAccountId, awsRegion) and hands it to every logging trail that should get it. O(trails), never throws.
   */
  accept(record: CloudTrailRecord): void {
    try {
      this.accepted++;
      const state = this.regions.current(record.recipientAccountId, record.awsRegion);
      const category = record.eventCategory;
      if (category === 'Management') state.history.management.add(record);
      else if (category === 'Insight') state.history.insight.add(record);
      if (state.insightTypes !== 0 && category === 'Management') state.detector!.observe(record, state.insightTypes);
      const routes = state.global !== state.regional && isGlobalServiceEvent(record) ? state.global : state.regional;
      if (routes.length === 0) return;
      const facts = readEventFacts(this.facts, record);
      for (let i = 0; i < routes.length; i++) {
        const entry = routes[i]!;
        if (entry.match(facts)) {
          this.routed++;
          this.delivery.enqueue(entry.route, record);
        }
      }
    } catch (error) {
      try {
        this.onError(error, 'engine.accept');
      } catch {
        // onError must not throw into the recorder either.
      }
    }
  }

  /** Forgets event history and Insights state (trails, selectors and logging state stay), e.g. for `LocalTrail.reset()`. */
  clearHistory(): void {
    this.regions.clear();
    this.accepted = 0;
    this.routed = 0;
  }

  stats(): TrailEngineStats {
    return { accepted: this.accepted, routed: this.routed, historyDropped: this.regions.historyDropped() };
  }

  /** The (account, region) histories that hold events, with their sizes (for the event-history page). */
  historyScopes(): HistoryScope[] {
    return this.regions.historyScopes();
  }

  /** An Insights record: into the Insights history and to every logging trail of the region that enabled the type. */
  private deliverInsight(_emitting: RegionState, type: InsightType, record: CloudTrailRecord): void {
    // Minutes end on a timer: trails may have changed since the region last routed an event (current() refreshes).
    const state = this.regions.current(record.recipientAccountId, record.awsRegion);
    state.history.insight.add(record);
    this.onInsight(record);
    const bit = insightBit(type);
    for (const entry of state.regional) {
      if ((entry.insightTypes & bit) !== 0) {
        this.routed++;
        this.delivery.enqueue(entry.route, record);
      }
    }
  }

  /** Throws what changing the named trail would (unknown, not in its home region, not the owner's), changing nothing. */
  checkTrailChange(nameOrArn: string | undefined, caller?: CallerOptions): void {
    const who = this.caller(caller);
    this.registry.requireHome(this.registry.resolve(nameOrArn, who), who);
  }

  private caller(caller: CallerOptions | undefined): Caller {
    return { accountId: caller?.accountId ?? this.defaultAccountId, region: caller?.region ?? this.defaultRegion };
  }
}

defineOperationMethods(TrailEngine.prototype, (engine, name, input, caller) => engine.run(name, input as never, caller));
