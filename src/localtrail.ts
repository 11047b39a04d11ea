// The LocalTrail: one object that records SDK calls, holds the trail engine and owns delivery.
import type { MetadataBearer, Pluggable } from '@smithy/types';
import type { CloudTrailRecord } from './vocabulary/record.js';
import type { LocalTrailOptions, ResolvedLocalTrailOptions } from './localtrail-options.js';
import { resolveLocalTrailOptions } from './localtrail-options.js';
import type { Actor } from './recorder/call-context.js';
import { runAsActor } from './recorder/call-context.js';
import { getLocalTrailPlugin } from './recorder/middleware.js';
import type { RecordSink } from './recorder/recorder.js';
import { Recorder } from './recorder/recorder.js';
import { EventRing } from './recorder/event-ring.js';
import type { CallerOptions } from './engine/operations.js';
import type { CloudTrailControlPlane } from './engine/control-plane-api.js';
import type { OperationInput, OperationName, OperationOutput } from './engine/operations.js';
import { defineOperationMethods } from './engine/operations.js';
import type { TrailEngineStats } from './engine/trail-engine.js';
import { TrailEngine } from './engine/trail-engine.js';
import type { SnapshotOptions } from './testing/snapshot.js';
import { stabilizeRecords } from './testing/snapshot.js';
import type { DeliveryStats } from './delivery/delivery-stats.js';
import type { DestinationStats } from './delivery/destinations/destination.js';
import { DeliveryService } from './delivery/delivery-service.js';
import type { DeliveryShutdownResult } from './delivery/delivery-service.js';
import type { ControlPlaneCaller } from './engine/control-plane-gate.js';
import { ControlPlaneGate } from './engine/control-plane-gate.js';
import { compileRedaction } from './event/redaction.js';
import type { ListenOptions, LocalTrailServer } from './server/http-server.js';
import { listenLive } from './server/listen-live.js';
import { Lake } from './lake/lake.js';
import type * as L from './lake/lake-shapes.js';

/**
 * Counters of what happened inside a LocalTrail; nothing is ever dropped silently.
 * @example
 * const { recorded, errors, droppedFromMemory } = trail.stats();
 */
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
 * CloudTrail's control plane on the LocalTrail: `createTrail`, `lookupEvents` … (the rows of src/engine/operations.ts,
 * documented one by one in {@link CloudTrailControlPlane}),
 * with @aws-sdk/client-cloudtrail's input and output shapes (without $metadata) and exception names. Async like
 * `client.send`; the last argument is the caller, `{ accountId?, region?, accessKeyId? … }` (default: the options'
 * account and region, the account's localtrail-user). Each call passes the gate: authorize, run, record.
 * @example
 * await trail.createTrail({ Name: 'audit', S3BucketName: 'logs', IsMultiRegionTrail: true });
 */
export interface LocalTrail extends CloudTrailControlPlane {}

/**
 * An in-process CloudTrail. Create one with {@link createLocalTrail}, add `trail.plugin()` to any SDK v3 client.
 * @example
 * const trail = createLocalTrail();
 * s3.middlewareStack.use(trail.plugin());
 * await s3.send(new ListBucketsCommand({}));
 * trail.events()[0].eventName; // 'ListBuckets'
 */
export class LocalTrail implements RecordSink {
  /** The options with their defaults filled in. */
  readonly options: ResolvedLocalTrailOptions;
  private readonly ring: EventRing;
  /** @internal The recorder behind `plugin()`; exposed for `localTrailMiddleware(trail)`. */
  readonly recorder: Recorder;
  private readonly counters = { recorded: 0, errors: 0, suppressed: 0 };
  /** @internal Trails, routing and event history (src/engine). */
  readonly engine: TrailEngine;
  /** Delivery of log files and digests to the sinks of `options.delivery` (the engine's DeliveryPort). */
  readonly delivery: DeliveryService;
  /** CloudTrail Lake: event data stores and SQL queries on DuckDB (loaded on the first query). */
  readonly lake: Lake;
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
    this.lake = new Lake({
      clock: this.options.clock,
      accountId: this.options.accountId,
      region: this.options.region,
      ...(this.options.organization ? { organization: this.options.organization } : {}),
      onError: (error, where) => this.reportError(error, where),
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

  /**
   * Counters: records built, dropped from memory, failures, suppressed calls, engine and delivery figures.
   * @example
   * const { recorded, errors } = trail.stats();
   */
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
   * Forgets the in-memory records, the event history behind `lookupEvents`, and the recording and engine counters of
   * `stats()` (one trail per test, or `reset()` in `beforeEach`). Trails, their configuration and delivery stay:
   * records already routed are still delivered, and `stats().delivery` keeps counting what is in flight.
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
  async shutdown(): Promise<DeliveryShutdownResult> {
    const result = await this.delivery.shutdown();
    await this.lake.close();
    return result;
  }

  /**
   * Serves this trail's control plane and LookupEvents over CloudTrail's own HTTP API (awsJson1.1), so the AWS CLI and
   * any SDK reach it with an endpoint URL, plus the event-history page at `/`. Loopback only unless `host` says
   * otherwise; any credentials are accepted (and, through the gate, authorized and recorded like method calls).
   * @example
   * const { url, close } = await trail.listen({ port: 0 });
   * // aws cloudtrail lookup-events --endpoint-url <url>
   * await close();
   */
  listen(options?: ListenOptions): Promise<LocalTrailServer> {
    return listenLive(this.engine, this, { accountId: this.options.accountId, region: this.options.region }, options);
  }

  /**
   * Runs one control-plane operation as `caller` through the gate (authorize, run, record): the one path of the
   * methods (`createTrail` …), the wire handler and `listen()`.
   */
  async run<N extends OperationName>(name: N, input: OperationInput<N> | undefined, caller?: ControlPlaneCaller): Promise<OperationOutput<N>> {
    return this.gate.run(name, input, caller, async (c) => {
      // CloudTrail always has a current key per region: one is made (and published to the sinks) if none signed yet.
      if (name === 'ListPublicKeys') await this.delivery.keys.keyFor(c.region!, this.options.clock.now());
      return this.engine.run(name, input, c);
    });
  }

  /** @internal Called by the recorder with each finished record (and the input kept beside it for matchers). */
  accept(record: CloudTrailRecord, input?: Readonly<Record<string, unknown>>): void {
    // A plugin on a CloudTrailClient served by this LocalTrail's wire handler: the handler recorded the call already.
    if (this.gate.isDuplicate(record)) return;
    this.counters.recorded++;
    this.ring.push(record, input);
    this.engine.accept(record);
    this.lake.accept(record);
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

  // CloudTrail Lake (docs/lake.md): event data stores keep the records their selectors select from creation on;
  // queries run on DuckDB, an optional peer dependency loaded by the first startQuery.
  async createEventDataStore(input: L.CreateEventDataStoreRequest, caller?: CallerOptions): Promise<L.CreateEventDataStoreResponse> { return this.lake.createEventDataStore(input, caller); }
  async getEventDataStore(input: L.GetEventDataStoreRequest, caller?: CallerOptions): Promise<L.GetEventDataStoreResponse> { return this.lake.getEventDataStore(input, caller); }
  async listEventDataStores(input: L.ListEventDataStoresRequest = {}, caller?: CallerOptions): Promise<L.ListEventDataStoresResponse> { return this.lake.listEventDataStores(input, caller); }
  async updateEventDataStore(input: L.UpdateEventDataStoreRequest, caller?: CallerOptions): Promise<L.UpdateEventDataStoreResponse> { return this.lake.updateEventDataStore(input, caller); }
  async deleteEventDataStore(input: L.DeleteEventDataStoreRequest, caller?: CallerOptions): Promise<L.DeleteEventDataStoreResponse> { return this.lake.deleteEventDataStore(input, caller); }
  async startQuery(input: L.StartQueryRequest, caller?: CallerOptions): Promise<L.StartQueryResponse> { return this.lake.startQuery(input, caller); }
  async describeQuery(input: L.DescribeQueryRequest, caller?: CallerOptions): Promise<L.DescribeQueryResponse> { return this.lake.describeQuery(input, caller); }
  async getQueryResults(input: L.GetQueryResultsRequest, caller?: CallerOptions): Promise<L.GetQueryResultsResponse> { return this.lake.getQueryResults(input, caller); }
  async cancelQuery(input: L.CancelQueryRequest, caller?: CallerOptions): Promise<L.CancelQueryResponse> { return this.lake.cancelQuery(input, caller); }
  async listQueries(input: L.ListQueriesRequest, caller?: CallerOptions): Promise<L.ListQueriesResponse> { return this.lake.listQueries(input, caller); }
}

// `run` is async: an operation's error (a denial included) becomes a rejection, as from `client.send`.
defineOperationMethods(LocalTrail.prototype, (trail, name, input, caller) => trail.run(name, input as never, caller));

/**
 * Creates a LocalTrail. See {@link LocalTrailOptions} for the options and their defaults.
 * @example
 * const trail = createLocalTrail({ accountId: '111122223333', region: 'eu-west-1' });
 * client.middlewareStack.use(trail.plugin());
 */
export function createLocalTrail(options?: LocalTrailOptions): LocalTrail {
  return new LocalTrail(options);
}
