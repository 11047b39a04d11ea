// The LocalTrail: one object that records SDK calls, holds the trail engine and owns delivery.
import type { MetadataBearer, Pluggable } from '@smithy/types';
import type { CloudTrailRecord } from './event/record.js';
import type { LocalTrailOptions, ResolvedLocalTrailOptions } from './localtrail-options.js';
import { resolveLocalTrailOptions } from './localtrail-options.js';
import type { Actor } from './recorder/call-context.js';
import { runAsActor } from './recorder/call-context.js';
import { getLocalTrailPlugin } from './recorder/middleware.js';
import type { RecordSink } from './recorder/recorder.js';
import { Recorder } from './recorder/recorder.js';
import { EventRing } from './recorder/event-ring.js';
import type * as CT from '@aws-sdk/client-cloudtrail';
import type { TrailEngineStats } from './engine/trail-engine.js';
import { TrailEngine } from './engine/trail-engine.js';
import type { SnapshotOptions } from './testing/snapshot.js';
import { stabilizeRecords } from './testing/snapshot.js';
import type { DeliveryStats } from './delivery/channel.js';
import type { DestinationStats } from './delivery/destinations/destination.js';
import { DeliveryService } from './delivery/delivery-service.js';
import type { DeliveryShutdownResult } from './delivery/delivery-service.js';
import type { ControlPlaneCaller } from './engine/control-plane-gate.js';
import { ControlPlaneGate } from './engine/control-plane-gate.js';
import { compileRedaction } from './event/redaction.js';

/** Counters of what happened inside a LocalTrail; nothing is ever dropped silently. */
export interface LocalTrailStats {
  /** Records built from SDK calls. */
  recorded: number;
  /** Records pushed out of the in-memory ring by `maxEvents`. */
  droppedFromMemory: number;
  /** Failures inside localtrail (each also went to `onError`). */
  errors: number;
  /** SDK calls not recorded because recording was suppressed (localtrail's own delivery). */
  suppressed: number;
  /** The engine: events accepted and routed, history kept and dropped by `maxHistoryEvents`. */
  engine: TrailEngineStats;
  /** Log file and digest delivery: queued, delivered, dropped (full queue) and failed attempts. */
  delivery: DeliveryStats;
  /** Each destination (CloudWatch Logs, EventBridge, SNS) by name: queued, delivered, dropped, skipped, failed attempts. */
  destinations: Record<string, DestinationStats>;
}

/**
 * An in-process CloudTrail. Create one with {@link createLocalTrail}, add `trail.plugin()` to any SDK v3 client.
 * @example
 * const trail = createLocalTrail();
 * s3.middlewareStack.use(trail.plugin());
 * await s3.send(new ListBucketsCommand({}));
 * trail.events()[0].eventName; // 'ListBuckets'
 */
export class LocalTrail implements RecordSink {
  readonly options: ResolvedLocalTrailOptions;
  private readonly ring: EventRing;
  /** @internal The recorder behind `plugin()`; exposed for `localTrailMiddleware(trail)`. */
  readonly recorder: Recorder;
  private readonly counters = { recorded: 0, errors: 0, suppressed: 0 };
  /** @internal Trails, routing and event history (src/engine). */
  readonly engine: TrailEngine;
  /** Delivery of log files and digests to the sinks of `options.delivery` (the engine's DeliveryPort). */
  readonly delivery: DeliveryService;
  /** Authorizes and records every control-plane call (CloudTrail's own API calls are events). */
  private readonly gate: ControlPlaneGate;

  constructor(options: LocalTrailOptions = {}) {
    this.options = resolveLocalTrailOptions(options);
    this.ring = new EventRing(this.options.maxEvents);
    this.recorder = new Recorder(this.options, this);
    this.delivery = new DeliveryService(this.options.delivery, {
      clock: this.options.clock,
      onError: (error, where) => this.reportError(error, where),
    });
    this.engine = new TrailEngine({
      delivery: this.delivery,
      clock: this.options.clock,
      accountId: this.options.accountId,
      region: this.options.region,
      ...(this.options.organization ? { organization: this.options.organization } : {}),
      maxHistoryEvents: this.options.maxHistoryEvents,
      onError: (error, where) => this.reportError(error, where),
      ...(this.options.insights ? { insights: this.options.insights } : {}),
      // Insights records join the others, so events() and the matchers see them.
      onInsight: (record) => this.ring.push(record),
    });
    this.gate = new ControlPlaneGate({
      clock: this.options.clock,
      accountId: this.options.accountId,
      region: this.options.region,
      sourceIpAddress: this.options.sourceIpAddress,
      identities: this.recorder.identities,
      redaction: compileRedaction(this.options.redact),
      ...(this.options.authorize ? { authorize: this.options.authorize } : {}),
      record: this.options.controlPlaneEvents,
      accept: (record) => this.accept(record),
      countSuppressed: () => this.countSuppressed(),
      reportError: (error, where) => this.reportError(error, where),
      checkChange: (name, caller) => this.engine.checkTrailChange(name, caller),
    });
  }

  /** The account records fall back to when credentials carry none. */
  get accountId(): string {
    return this.options.accountId;
  }

  /**
   * The plugin for `client.middlewareStack.use(...)`: records every call the client (or a command) sends. Using it
   * twice on one client records once; a second LocalTrail's plugin takes over from the first.
   */
  plugin<Input extends object = object, Output extends MetadataBearer = MetadataBearer>(): Pluggable<Input, Output> {
    return getLocalTrailPlugin<Input, Output>(this);
  }

  /** Every record still in memory, oldest first, as plain JSON-serialisable objects. */
  events(): CloudTrailRecord[] {
    return this.ring.toArray();
  }

  /** Runs `fn` with `actor` as the application's acting end user for every SDK call inside it. */
  runAs<T>(actor: Actor, fn: () => T): T {
    return runAsActor(actor, fn);
  }

  stats(): LocalTrailStats {
    return { ...this.counters, droppedFromMemory: this.ring.dropped, engine: this.engine.stats(), delivery: { ...this.delivery.stats }, destinations: this.delivery.destinationStats() };
  }

  /**
   * The records with volatile fields (eventID, eventTime, requestID, sharedEventID, user-agent versions, source
   * address …) replaced by stable placeholders, for `toMatchSnapshot()`.
   * @example
   * expect(trail.snapshot()).toMatchSnapshot();
   */
  snapshot(options?: SnapshotOptions): CloudTrailRecord[] {
    return stabilizeRecords(this.ring.toArray(), options);
  }

  /**
   * Forgets the in-memory records, the event history behind `lookupEvents` and the counters (one trail per test, or
   * `reset()` in `beforeEach`). Trails and their configuration stay.
   */
  reset(): void {
    this.ring.clear();
    this.engine.clearHistory();
    this.counters.recorded = 0;
    this.counters.errors = 0;
    this.counters.suppressed = 0;
  }

  /** Delivers everything queued (log files of every logging trail) now. */
  async flush(): Promise<void> {
    await this.delivery.flush();
  }

  /**
   * Delivers everything queued, closes every digest chain with a final digest and stops timers. Run-once.
   * Resolves to what could not be delivered (also reported to `onError`).
   */
  shutdown(): Promise<DeliveryShutdownResult> {
    return this.delivery.shutdownAndReport();
  }

  /** @internal Called by the recorder with each finished record. */
  accept(record: CloudTrailRecord): void {
    // A plugin on a CloudTrailClient served by this LocalTrail's wire handler: the handler recorded the call already.
    if (this.gate.isDuplicate(record)) return;
    this.counters.recorded++;
    this.ring.push(record);
    this.engine.accept(record);
  }

  /** @internal Called by the recorder for failures inside localtrail. */
  reportError(error: unknown, where: string): void {
    this.counters.errors++;
    try {
      this.options.onError(error, where);
    } catch {
      // A throwing onError must not reach the application either.
    }
  }

  /** @internal */
  countSuppressed(): void {
    this.counters.suppressed++;
  }

  // CloudTrail's control plane, with @aws-sdk/client-cloudtrail's input and output shapes (without $metadata) and
  // exception names. Async like `client.send`; `caller` is the calling account, region and principal (default: the
  // options' account and region, the account's localtrail-user). Each call passes the gate: authorize, run, record.
  // e.g. await trail.createTrail({ Name: 'audit', S3BucketName: 'logs', IsMultiRegionTrail: true });
  async createTrail(input: CT.CreateTrailRequest, caller?: ControlPlaneCaller): Promise<CT.CreateTrailResponse> { return this.gate.run('CreateTrail', input, caller, (c) => this.engine.createTrail(input, c)); }
  async updateTrail(input: CT.UpdateTrailRequest, caller?: ControlPlaneCaller): Promise<CT.UpdateTrailResponse> { return this.gate.run('UpdateTrail', input, caller, (c) => this.engine.updateTrail(input, c)); }
  async deleteTrail(input: CT.DeleteTrailRequest, caller?: ControlPlaneCaller): Promise<CT.DeleteTrailResponse> { return this.gate.run('DeleteTrail', input, caller, (c) => this.engine.deleteTrail(input, c)); }
  async getTrail(input: CT.GetTrailRequest, caller?: ControlPlaneCaller): Promise<CT.GetTrailResponse> { return this.gate.run('GetTrail', input, caller, (c) => this.engine.getTrail(input, c)); }
  async describeTrails(input: CT.DescribeTrailsRequest = {}, caller?: ControlPlaneCaller): Promise<CT.DescribeTrailsResponse> { return this.gate.run('DescribeTrails', input, caller, (c) => this.engine.describeTrails(input, c)); }
  async listTrails(input: CT.ListTrailsRequest = {}, caller?: ControlPlaneCaller): Promise<CT.ListTrailsResponse> { return this.gate.run('ListTrails', input, caller, (c) => this.engine.listTrails(input, c)); }
  async getTrailStatus(input: CT.GetTrailStatusRequest, caller?: ControlPlaneCaller): Promise<CT.GetTrailStatusResponse> { return this.gate.run('GetTrailStatus', input, caller, (c) => this.engine.getTrailStatus(input, c)); }
  async startLogging(input: CT.StartLoggingRequest, caller?: ControlPlaneCaller): Promise<CT.StartLoggingResponse> { return this.gate.run('StartLogging', input, caller, (c) => this.engine.startLogging(input, c)); }
  async stopLogging(input: CT.StopLoggingRequest, caller?: ControlPlaneCaller): Promise<CT.StopLoggingResponse> { return this.gate.run('StopLogging', input, caller, (c) => this.engine.stopLogging(input, c)); }
  async putEventSelectors(input: CT.PutEventSelectorsRequest, caller?: ControlPlaneCaller): Promise<CT.PutEventSelectorsResponse> { return this.gate.run('PutEventSelectors', input, caller, (c) => this.engine.putEventSelectors(input, c)); }
  async getEventSelectors(input: CT.GetEventSelectorsRequest, caller?: ControlPlaneCaller): Promise<CT.GetEventSelectorsResponse> { return this.gate.run('GetEventSelectors', input, caller, (c) => this.engine.getEventSelectors(input, c)); }
  async putInsightSelectors(input: CT.PutInsightSelectorsRequest, caller?: ControlPlaneCaller): Promise<CT.PutInsightSelectorsResponse> { return this.gate.run('PutInsightSelectors', input, caller, (c) => this.engine.putInsightSelectors(input, c)); }
  async getInsightSelectors(input: CT.GetInsightSelectorsRequest, caller?: ControlPlaneCaller): Promise<CT.GetInsightSelectorsResponse> { return this.gate.run('GetInsightSelectors', input, caller, (c) => this.engine.getInsightSelectors(input, c)); }
  async addTags(input: CT.AddTagsRequest, caller?: ControlPlaneCaller): Promise<CT.AddTagsResponse> { return this.gate.run('AddTags', input, caller, (c) => this.engine.addTags(input, c)); }
  async removeTags(input: CT.RemoveTagsRequest, caller?: ControlPlaneCaller): Promise<CT.RemoveTagsResponse> { return this.gate.run('RemoveTags', input, caller, (c) => this.engine.removeTags(input, c)); }
  async listTags(input: CT.ListTagsRequest, caller?: ControlPlaneCaller): Promise<CT.ListTagsResponse> { return this.gate.run('ListTags', input, caller, (c) => this.engine.listTags(input, c)); }
  async lookupEvents(input: CT.LookupEventsRequest = {}, caller?: ControlPlaneCaller): Promise<CT.LookupEventsResponse> { return this.gate.run('LookupEvents', input, caller, (c) => this.engine.lookupEvents(input, c)); }
  // CloudTrail always has a current key per region: one is made (and published to the sinks) if none signed yet.
  async listPublicKeys(input: CT.ListPublicKeysRequest = {}, caller?: ControlPlaneCaller): Promise<CT.ListPublicKeysResponse> {
    return this.gate.run('ListPublicKeys', input, caller, async (c) => {
      await this.delivery.keys.keyFor(c.region!, this.options.clock.now());
      return this.engine.listPublicKeys(input, c);
    });
  }
}

/** Creates a LocalTrail. See {@link LocalTrailOptions} for the options and their defaults. */
export function createLocalTrail(options?: LocalTrailOptions): LocalTrail {
  return new LocalTrail(options);
}
