// The trail engine: CloudTrail's control plane, the router every accepted record goes through, and event history.
import type {
  AddTagsRequest,
  AddTagsResponse,
  CreateTrailRequest,
  CreateTrailResponse,
  DeleteTrailRequest,
  DeleteTrailResponse,
  DescribeTrailsRequest,
  DescribeTrailsResponse,
  GetEventSelectorsRequest,
  GetEventSelectorsResponse,
  GetInsightSelectorsRequest,
  GetInsightSelectorsResponse,
  GetTrailRequest,
  GetTrailResponse,
  GetTrailStatusRequest,
  GetTrailStatusResponse,
  ListPublicKeysRequest,
  ListPublicKeysResponse,
  ListTagsRequest,
  ListTagsResponse,
  ListTrailsRequest,
  ListTrailsResponse,
  LookupEventsRequest,
  LookupEventsResponse,
  PutEventSelectorsRequest,
  PutEventSelectorsResponse,
  PutInsightSelectorsRequest,
  PutInsightSelectorsResponse,
  RemoveTagsRequest,
  RemoveTagsResponse,
  StartLoggingRequest,
  StartLoggingResponse,
  StopLoggingRequest,
  StopLoggingResponse,
  UpdateTrailRequest,
  UpdateTrailResponse,
} from './control-plane-shapes.js';
import type { Clock } from '../clock/clock.js';
import { systemClock } from '../clock/clock.js';
import type { DeliveryPort } from '../delivery/port.js';
import type { CloudTrailRecord } from '../event/record.js';
import { InvalidTimeRangeException } from './errors.js';
import { isGlobalServiceEvent } from './global-services.js';
import { EventHistory, RETENTION_MS } from './history/event-history.js';
import { lookupEvents } from './history/lookup.js';
import { noopDelivery } from './noop-delivery.js';
import type { OrganizationConfig } from './organization.js';
import { validateOrganization } from './organization.js';
import type { RouteEntry } from './routing.js';
import { CALL_RATE, computeRoutes, ERROR_RATE, insightBit } from './routing.js';
import type { InsightType } from './insights/insights-detector.js';
import { InsightsDetector } from './insights/insights-detector.js';
import { newEventId } from '../event/event-id.js';
import { SelectorControl } from './selector-control.js';
import { newEventFacts, readEventFacts } from './selectors/types.js';
import { TrailControl } from './trail-control.js';
import type { Caller } from './trail-registry.js';
import { TrailRegistry } from './trail-registry.js';

/** History kept per (account, region) unless `maxHistoryEvents` says otherwise. */
export const DEFAULT_MAX_HISTORY_EVENTS = 10_000;

/**
 * The account and region a control-plane call is made as; each defaults to the engine's.
 * @example
 * await trail.createTrail({ Name: 'x', S3BucketName: 'logs' }, { accountId: '444455556666', region: 'eu-west-1' });
 */
export interface CallerOptions {
  accountId?: string;
  region?: string;
}

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

/** Per (account, region): its routes (recomputed when trails change) and its histories. */
interface Slot {
  generation: number;
  regional: RouteEntry[];
  global: RouteEntry[];
  management: EventHistory;
  insight: EventHistory;
  /** OR of the routes' Insights bits; the detector runs only while some logging trail enabled Insights. */
  insights: number;
  detector?: InsightsDetector;
}

/**
 * CloudTrail in memory: trails and their control plane, routing of records to trails, and event history.
 * @example
 * const engine = new TrailEngine({ clock, delivery });
 * engine.createTrail({ Name: 'audit', S3BucketName: 'logs', IsMultiRegionTrail: true });
 * engine.startLogging({ Name: 'audit' });
 * engine.accept(record); // → delivery.enqueue({ trail, region, accountId }, record)
 */
export class TrailEngine {
  private readonly clock: Clock;
  private readonly defaultAccountId: string;
  private readonly defaultRegion: string;
  private readonly registry: TrailRegistry;
  private readonly trailsControl: TrailControl;
  private readonly selectorsControl: SelectorControl;
  private readonly slots = new Map<string, Map<string, Slot>>();
  private readonly maxHistoryEvents: number;
  private readonly onError: (error: unknown, where: string) => void;
  private delivery: DeliveryPort;
  private accepted = 0;
  private routed = 0;
  /** Reused for every event: the fields selectors read, copied once. */
  private readonly facts = newEventFacts();

  constructor(options: TrailEngineOptions = {}) {
    if (options.organization) validateOrganization(options.organization);
    this.clock = options.clock ?? systemClock;
    this.defaultAccountId = options.accountId ?? '123456789012';
    this.defaultRegion = options.region ?? 'us-east-1';
    this.delivery = options.delivery ?? noopDelivery;
    this.onError = options.onError ?? (() => {});
    this.maxHistoryEvents = options.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS;
    this.registry = new TrailRegistry(options.organization ? structuredClone(options.organization) : undefined);
    this.trailsControl = new TrailControl(this.registry, this.clock, () => this.delivery);
    this.selectorsControl = new SelectorControl(this.registry);
  }

  /** Replaces the delivery port (for a LocalTrail that builds delivery after the engine). */
  useDelivery(delivery: DeliveryPort): void {
    this.delivery = delivery;
  }

  /**
   * Records one finished record: keeps management (and Insights) events in the history of its
   * (recipientAccountId, awsRegion) and hands it to every logging trail that should get it. O(trails), never throws.
   */
  accept(record: CloudTrailRecord): void {
    try {
      this.accepted++;
      const slot = this.slot(record.recipientAccountId, record.awsRegion);
      const category = record.eventCategory;
      if (category === 'Management') slot.management.add(record);
      else if (category === 'Insight') slot.insight.add(record);
      if (slot.generation !== this.registry.generation) this.refresh(slot, record.recipientAccountId, record.awsRegion);
      if (slot.insights !== 0 && category === 'Management') {
        slot.detector!.observe(record, (slot.insights & CALL_RATE) !== 0, (slot.insights & ERROR_RATE) !== 0);
      }
      const routes = slot.global !== slot.regional && isGlobalServiceEvent(record) ? slot.global : slot.regional;
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
    this.slots.clear();
    this.accepted = 0;
    this.routed = 0;
  }

  stats(): TrailEngineStats {
    let historyDropped = 0;
    for (const regions of this.slots.values()) for (const slot of regions.values()) historyDropped += slot.management.dropped + slot.insight.dropped;
    return { accepted: this.accepted, routed: this.routed, historyDropped };
  }

  private slot(accountId: string, region: string): Slot {
    let regions = this.slots.get(accountId);
    if (regions === undefined) this.slots.set(accountId, (regions = new Map()));
    let slot = regions.get(region);
    if (slot === undefined) {
      slot = {
        generation: -1,
        regional: [],
        global: [],
        management: new EventHistory(this.maxHistoryEvents),
        insight: new EventHistory(this.maxHistoryEvents),
        insights: 0,
      };
      regions.set(region, slot);
    }
    return slot;
  }

  private refresh(slot: Slot, accountId: string, region: string): void {
    const routes = computeRoutes(this.registry, accountId, region);
    slot.regional = routes.regional;
    slot.global = routes.global;
    slot.generation = this.registry.generation;
    slot.insights = 0;
    for (const entry of routes.regional) slot.insights |= entry.insights;
    if (slot.insights !== 0 && slot.detector === undefined) {
      slot.detector = new InsightsDetector(accountId, region, this.clock, () => newEventId(this.clock.now()), (type, insight) =>
        this.deliverInsight(slot, type, insight),
      );
    }
  }

  /** An Insights record: into the Insights history and to every logging trail of the slot that enabled the type. */
  private deliverInsight(slot: Slot, type: InsightType, record: CloudTrailRecord): void {
    slot.insight.add(record);
    const bit = insightBit(type);
    for (const entry of slot.regional) {
      if ((entry.insights & bit) !== 0) {
        this.routed++;
        this.delivery.enqueue(entry.route, record);
      }
    }
  }

  private caller(caller: CallerOptions | undefined): Caller {
    return { accountId: caller?.accountId ?? this.defaultAccountId, region: caller?.region ?? this.defaultRegion };
  }

  createTrail(input: CreateTrailRequest, caller?: CallerOptions): CreateTrailResponse {
    return this.trailsControl.createTrail(input, this.caller(caller));
  }
  updateTrail(input: UpdateTrailRequest, caller?: CallerOptions): UpdateTrailResponse {
    return this.trailsControl.updateTrail(input, this.caller(caller));
  }
  deleteTrail(input: DeleteTrailRequest, caller?: CallerOptions): DeleteTrailResponse {
    return this.trailsControl.deleteTrail(input, this.caller(caller));
  }
  getTrail(input: GetTrailRequest, caller?: CallerOptions): GetTrailResponse {
    return this.trailsControl.getTrail(input, this.caller(caller));
  }
  describeTrails(input: DescribeTrailsRequest = {}, caller?: CallerOptions): DescribeTrailsResponse {
    return this.trailsControl.describeTrails(input, this.caller(caller));
  }
  listTrails(input: ListTrailsRequest = {}, caller?: CallerOptions): ListTrailsResponse {
    return this.trailsControl.listTrails(input, this.caller(caller));
  }
  getTrailStatus(input: GetTrailStatusRequest, caller?: CallerOptions): GetTrailStatusResponse {
    return this.trailsControl.getTrailStatus(input, this.caller(caller));
  }
  startLogging(input: StartLoggingRequest, caller?: CallerOptions): StartLoggingResponse {
    return this.trailsControl.startLogging(input, this.caller(caller));
  }
  stopLogging(input: StopLoggingRequest, caller?: CallerOptions): StopLoggingResponse {
    return this.trailsControl.stopLogging(input, this.caller(caller));
  }
  putEventSelectors(input: PutEventSelectorsRequest, caller?: CallerOptions): PutEventSelectorsResponse {
    return this.selectorsControl.putEventSelectors(input, this.caller(caller));
  }
  getEventSelectors(input: GetEventSelectorsRequest, caller?: CallerOptions): GetEventSelectorsResponse {
    return this.selectorsControl.getEventSelectors(input, this.caller(caller));
  }
  putInsightSelectors(input: PutInsightSelectorsRequest, caller?: CallerOptions): PutInsightSelectorsResponse {
    return this.selectorsControl.putInsightSelectors(input, this.caller(caller));
  }
  getInsightSelectors(input: GetInsightSelectorsRequest, caller?: CallerOptions): GetInsightSelectorsResponse {
    return this.selectorsControl.getInsightSelectors(input, this.caller(caller));
  }
  addTags(input: AddTagsRequest, caller?: CallerOptions): AddTagsResponse {
    return this.selectorsControl.addTags(input, this.caller(caller));
  }
  removeTags(input: RemoveTagsRequest, caller?: CallerOptions): RemoveTagsResponse {
    return this.selectorsControl.removeTags(input, this.caller(caller));
  }
  listTags(input: ListTagsRequest, caller?: CallerOptions): ListTagsResponse {
    return this.selectorsControl.listTags(input, this.caller(caller));
  }

  /** LookupEvents over the caller's (account, region) history: 90 days, management events (or Insights). */
  lookupEvents(input: LookupEventsRequest = {}, caller?: CallerOptions): LookupEventsResponse {
    const who = this.caller(caller);
    const slot = this.slot(who.accountId, who.region);
    const now = this.clock.now();
    if (slot.generation !== this.registry.generation) this.refresh(slot, who.accountId, who.region);
    if (slot.insights !== 0) slot.detector?.tick();
    slot.management.expire(now - RETENTION_MS);
    slot.insight.expire(now - RETENTION_MS);
    return lookupEvents(input, slot, now, `${who.accountId}/${who.region}`);
  }

  /** ListPublicKeys: the digest-signing keys delivery used in the caller's region. No times = the current key. */
  listPublicKeys(input: ListPublicKeysRequest = {}, caller?: CallerOptions): ListPublicKeysResponse {
    const who = this.caller(caller);
    const now = this.clock.now();
    const start = input.StartTime !== undefined ? new Date(input.StartTime).getTime() : now;
    const end = input.EndTime !== undefined ? new Date(input.EndTime).getTime() : now;
    if (Number.isNaN(start) || Number.isNaN(end) || start > end) {
      throw new InvalidTimeRangeException('Start time must be equal to or earlier than end time.');
    }
    const keys = this.delivery.listPublicKeys(who.region, start, end);
    return {
      PublicKeyList: keys.map((key) => ({
        Value: key.value,
        ValidityStartTime: new Date(key.validityStartTime),
        ValidityEndTime: new Date(key.validityEndTime),
        Fingerprint: key.fingerprint,
      })),
    };
  }
}
