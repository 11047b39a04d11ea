// What the engine keeps per (account, region): the routes of the trails logging there, the event histories behind
// LookupEvents, and the Insights detector.
import type { Clock } from '../clock/clock.js';
import { newEventId } from '../event/event-id.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { Histories } from './history/event-history.js';
import { EventHistory } from './history/event-history.js';
import type { InsightType } from './insights/insights-detector.js';
import { InsightsDetector } from './insights/insights-detector.js';
import type { ResolvedInsightsOptions } from './insights/insights-options.js';
import type { RouteEntry } from './routing.js';
import { computeRoutes } from './routing.js';
import type { TrailRegistry } from './trail-registry.js';

/** One (account, region). */
export interface RegionState {
  /** The registry generation the routes were computed for. */
  generation: number;
  regional: RouteEntry[];
  global: RouteEntry[];
  /** What LookupEvents reads: management events, and Insights events (`EventCategory: 'insight'`). */
  history: Histories;
  /** The Insights types some logging trail enabled (OR of the routes' bits); the detector runs only while not 0. */
  insightTypes: number;
  detector?: InsightsDetector;
}

/** One (account, region) whose history holds events, with its sizes. */
export interface HistoryScope {
  accountId: string;
  region: string;
  events: number;
  insights: number;
}

/** Called with every Insights record a region's detector emits. */
export type InsightHandler = (state: RegionState, type: InsightType, record: CloudTrailRecord) => void;

export class RegionStates {
  private readonly byAccount = new Map<string, Map<string, RegionState>>();

  constructor(
    private readonly registry: TrailRegistry,
    private readonly clock: Clock,
    private readonly maxHistoryEvents: number,
    private readonly insightsOptions: ResolvedInsightsOptions,
    private readonly onInsight: InsightHandler,
  ) {}

  /** The state of (account, region), its routes recomputed when trails changed since they were last computed. */
  current(accountId: string, region: string): RegionState {
    let regions = this.byAccount.get(accountId);
    if (regions === undefined) this.byAccount.set(accountId, (regions = new Map()));
    let state = regions.get(region);
    if (state === undefined) {
      state = {
        generation: -1,
        regional: [],
        global: [],
        history: { management: new EventHistory(this.maxHistoryEvents), insight: new EventHistory(this.maxHistoryEvents) },
        insightTypes: 0,
      };
      regions.set(region, state);
    }
    if (state.generation !== this.registry.generation) this.refresh(state, accountId, region);
    return state;
  }

  /** Forgets every history and Insights state; routes are recomputed on next use. */
  clear(): void {
    // Detectors run minute timers: stop them before forgetting them.
    for (const regions of this.byAccount.values()) for (const state of regions.values()) state.detector?.dispose();
    this.byAccount.clear();
  }

  /** History records dropped by `maxHistoryEvents`, all regions. */
  historyDropped(): number {
    let dropped = 0;
    for (const regions of this.byAccount.values()) for (const state of regions.values()) dropped += state.history.management.dropped + state.history.insight.dropped;
    return dropped;
  }

  /** The (account, region) histories that hold events, with their sizes. */
  historyScopes(): HistoryScope[] {
    const out: HistoryScope[] = [];
    for (const [accountId, regions] of this.byAccount) {
      for (const [region, state] of regions) {
        const { management, insight } = state.history;
        if (management.size + insight.size > 0) out.push({ accountId, region, events: management.size, insights: insight.size });
      }
    }
    return out;
  }

  private refresh(state: RegionState, accountId: string, region: string): void {
    const routes = computeRoutes(this.registry, accountId, region);
    state.regional = routes.regional;
    state.global = routes.global;
    state.generation = this.registry.generation;
    state.insightTypes = 0;
    for (const entry of routes.regional) state.insightTypes |= entry.insightTypes;
    if (state.insightTypes !== 0 && state.detector === undefined) {
      state.detector = new InsightsDetector(accountId, region, this.clock, this.insightsOptions, () => newEventId(this.clock.now()), (type, record) =>
        this.onInsight(state, type, record),
      );
    }
  }
}
