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
import type { ChainEnd, DeliveryShutdownResult } from './delivery/delivery-service.js';
import type { ControlPlaneCaller } from './engine/control-plane-gate.js';
import { ControlPlaneGate } from './engine/control-plane-gate.js';
import type { WireOperations } from './engine/cloudtrail-handler.js';
import { WIRE_OPERATIONS } from './engine/cloudtrail-handler.js';
import { compileRedaction } from './event/redaction.js';
import type { ListenOptions, LocalTrailServer } from './server/http-server.js';
import { listenLive } from './server/listen-live.js';
import { Lake } from './lake/lake.js';
import { attachRecorder } from './recorder/recorder-of.js';
import { registerLocalTrailParts } from './localtrail-internals.js';
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
export class LocalTrail {
  // Internals live in #fields (off the public type); localtrail-internals.ts and recorder-of.ts reach the parts the
  // rest of localtrail needs.
  readonly #options: ResolvedLocalTrailOptions;
  readonly #ring: EventRing;
  readonly #counters = { recorded: 0, errors: 0, suppressed: 0 };
  readonly #engine: TrailEngine;
  readonly #delivery: DeliveryService;
  /** Authorizes and records every control-plane call (CloudTrail's own API calls are events). */
  readonly #gate: ControlPlaneGate;
  /** CloudTrail Lake's stores and queries, behind the Lake methods (which pass the gate; the Lake's own do not). */
  readonly #lake: Lake;

  constructor(options: LocalTrailOptions = {}) {
    const resolved = (this.#options = resolveLocalTrailOptions(options));
    this.#ring = new EventRing(resolved.maxEvents);
    const reportError = (error: unknown, where: string): void => this.#reportError(error, where);
    // The recorder hands finished records to this sink, not to the LocalTrail, whose type keeps only the public methods.
    const sink: RecordSink = {
      accept: (record, input) => this.#accept(record, input),
      reportError,
      countSuppressed: () => {
        this.#counters.suppressed++;
      },
    };
    const recorder = new Recorder(resolved, sink);
    attachRecorder(this, recorder);
    this.#delivery = new DeliveryService(resolved.delivery, { clock: resolved.clock, onError: reportError });
    this.#engine = new TrailEngine({
      delivery: this.#delivery,
      clock: resolved.clock,
      accountId: resolved.accountId,
      region: resolved.region,
      ...(resolved.organization ? { organization: resolved.organization } : {}),
      maxHistoryEvents: resolved.maxHistoryEvents,
      onError: reportError,
      ...(resolved.insights ? { insights: resolved.insights } : {}),
      // Insights records join the others, so events() and the matchers see them.
      onInsight: (record) => this.#ring.push(record),
    });
    this.#gate = new ControlPlaneGate({
      clock: resolved.clock,
      accountId: resolved.accountId,
      region: resolved.region,
      sourceIpAddress: resolved.sourceIpAddress,
      identities: recorder.identities,
      redaction: compileRedaction(resolved.redact),
      ...(resolved.authorize ? { authorize: resolved.authorize } : {}),
      record: resolved.controlPlaneEvents,
      accept: sink.accept,
      countSuppressed: sink.countSuppressed,
      reportError,
      checkChange: (name, caller) => this.#engine.checkTrailChange(name, caller),
    });
    this.#lake = new Lake({
      clock: resolved.clock,
      accountId: resolved.accountId,
      region: resolved.region,
      ...(resolved.organization ? { organization: resolved.organization } : {}),
      onError: reportError,
    });
    registerLocalTrailParts(this, { options: resolved, engine: this.#engine, delivery: this.#delivery, lake: this.#lake });
    // The Lake operation a wire request names, through the gate: what `cloudTrailRequestHandler(trail)` and `listen()`
    // serve beside the trail operations (off the public type, as the recorder is).
    const lakeOperation: WireOperations = (name) => {
      const operation = this.#lake.wireOperation(name);
      return operation && ((input, caller) => this.#gate.run(name, input, caller, (c) => operation(input, c)));
    };
    Object.defineProperty(this, WIRE_OPERATIONS, { value: lakeOperation, enumerable: false });
  }

  /**
   * The account records fall back to when credentials carry none (the `accountId` option, default `123456789012`).
   * @example
   * const bucketArn = `arn:aws:s3:::logs-${trail.accountId}`;
   */
  get accountId(): string {
    return this.#options.accountId;
  }

  /**
   * The plugin for `client.middlewareStack.use(...)`: records every call the client (or a command) sends. Using it
   * twice on one client records once; a second LocalTrail's plugin takes over from the first.
   * @example
   * const s3 = new S3Client({ region: 'eu-west-1' });
   * s3.middlewareStack.use(trail.plugin()); // before the first send
   */
  plugin<Input extends object = object, Output extends MetadataBearer = MetadataBearer>(): Pluggable<Input, Output> {
    return getLocalTrailPlugin<Input, Output>(this);
  }

  /**
   * Every record still in memory (the last `maxEvents`), oldest first, as plain JSON-serialisable objects.
   * @example
   * const writes = trail.events().filter((e) => !e.readOnly).map((e) => e.eventName);
   */
  events(): CloudTrailRecord[] {
    return this.#ring.toArray();
  }

  /**
   * Runs `fn` with `actor` as the application's acting end user for every SDK call inside it (across awaits): their
   * records carry `additionalEventData.actor`, and the actor's address becomes `sourceIPAddress`.
   * @example
   * await trail.runAs({ userId: 'u-42', sourceIpAddress: '203.0.113.7' }, () => s3.send(new ListBucketsCommand({})));
   */
  runAs<T>(actor: Actor, fn: () => T): T {
    return runAsActor(actor, fn);
  }

  /**
   * Counters: records built, dropped from memory, failures, suppressed calls, engine and delivery figures.
   * @example
   * const { recorded, errors } = trail.stats();
   */
  stats(): LocalTrailStats {
    return { ...this.#counters, droppedFromMemory: this.#ring.dropped, engine: this.#engine.stats(), delivery: { ...this.#delivery.stats }, destinations: this.#delivery.destinationStats() };
  }

  /**
   * The records with volatile fields (eventID, eventTime, requestID, sharedEventID, user-agent versions, source
   * address …) replaced by stable placeholders, for `toMatchSnapshot()`.
   * @example
   * expect(trail.snapshot()).toMatchSnapshot();
   */
  snapshot(options?: SnapshotOptions): CloudTrailRecord[] {
    return stabilizeRecords(this.#ring.toArray(), options);
  }

  /**
   * Forgets the in-memory records, the event history behind `lookupEvents`, and the recording and engine counters of
   * `stats()` (one trail per test, or `reset()` in `beforeEach`). Trails, their configuration and delivery stay:
   * records already routed are still delivered, and `stats().delivery` keeps counting what is in flight.
   * @example
   * beforeEach(() => trail.reset());
   */
  reset(): void {
    this.#ring.clear();
    this.#engine.clearHistory();
    this.#counters.recorded = 0;
    this.#counters.errors = 0;
    this.#counters.suppressed = 0;
  }

  /**
   * Delivers everything queued (log files of every logging trail) now.
   * @example
   * await trail.flush();
   * const logFiles = [...sink.objects.keys()].filter((key) => key.includes('/CloudTrail/'));
   */
  async flush(): Promise<void> {
    await this.#delivery.flush();
  }

  /**
   * Delivers everything queued, closes every digest chain with a final digest and stops timers. Run-once.
   * Resolves to what could not be delivered (also reported to `onError`).
   * @example
   * const { complete, undelivered } = await trail.shutdown();
   * if (!complete) console.error(undelivered);
   */
  async shutdown(): Promise<DeliveryShutdownResult> {
    const result = await this.#delivery.shutdown();
    await this.#lake.close();
    return result;
  }

  /**
   * The newest digest delivered of each digest chain (one per trail, region and account), for
   * `validateLogs({ expectedChainEnds })`: a chain whose end was deleted then fails validation.
   * @example
   * await trail.shutdown();
   * const report = await validateLogs({ source: folderSource('./.localtrail'), expectedChainEnds: trail.chainEnds() });
   */
  chainEnds(): ChainEnd[] {
    return this.#delivery.chainEndsDelivered();
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
    return listenLive(this.#engine, this, { accountId: this.#options.accountId, region: this.#options.region }, options);
  }

  /**
   * Runs one control-plane operation as `caller` through the gate (authorize, run, record): the one path of the
   * methods (`createTrail` …), the wire handler and `listen()`.
   * @example
   * const { trailList } = await trail.run('DescribeTrails', {}, { region: 'eu-west-1' });
   */
  async run<N extends OperationName>(name: N, input: OperationInput<N> | undefined, caller?: ControlPlaneCaller): Promise<OperationOutput<N>> {
    return this.#gate.run(name, input, caller, async (c) => {
      // CloudTrail always has a current key per region: one is made (and published to the sinks) if none signed yet.
      if (name === 'ListPublicKeys') await this.#delivery.keys.keyFor(c.region!, this.#options.clock.now());
      return this.#engine.run(name, input, c);
    });
  }

  /** Each finished record (and the input kept beside it for matchers), from the recorder and the gate. */
  #accept(record: CloudTrailRecord, input?: Readonly<Record<string, unknown>>): void {
    // A plugin on a CloudTrailClient served by this LocalTrail's wire handler: the handler recorded the call already.
    if (this.#gate.isDuplicate(record)) return;
    this.#counters.recorded++;
    this.#ring.push(record, input);
    this.#engine.accept(record);
    this.#lake.accept(record);
  }

  /** Failures inside localtrail: counted, and handed to `onError`, which must not reach the application either. */
  #reportError(error: unknown, where: string): void {
    this.#counters.errors++;
    try {
      this.#options.onError(error, where);
    } catch {
      // A throwing onError must not reach the application either.
    }
  }

  // CloudTrail Lake (docs/lake.md): event data stores keep the records their selectors select from creation on;
  // queries run on DuckDB, an optional peer dependency loaded by the first startQuery. Lake calls are CloudTrail API
  // calls too: authorized and recorded through the gate like the trail operations.
  /**
   * Creates an event data store; from then on it keeps every record its selectors select (default: all management events).
   * @example
   * const { EventDataStoreArn } = await trail.createEventDataStore({ Name: 'api-activity', RetentionPeriod: 30 });
   */
  async createEventDataStore(input: L.CreateEventDataStoreRequest, caller?: ControlPlaneCaller): Promise<L.CreateEventDataStoreResponse> { return this.#gate.run('CreateEventDataStore', input, caller, (c) => this.#lake.createEventDataStore(input, c)); }
  /**
   * One event data store by ARN or id.
   * @example
   * const { Status, AdvancedEventSelectors } = await trail.getEventDataStore({ EventDataStore: arn });
   */
  async getEventDataStore(input: L.GetEventDataStoreRequest, caller?: ControlPlaneCaller): Promise<L.GetEventDataStoreResponse> { return this.#gate.run('GetEventDataStore', input, caller, (c) => this.#lake.getEventDataStore(input, c)); }
  /**
   * The caller's event data stores, paginated by `NextToken`.
   * @example
   * const { EventDataStores } = await trail.listEventDataStores();
   */
  async listEventDataStores(input: L.ListEventDataStoresRequest = {}, caller?: ControlPlaneCaller): Promise<L.ListEventDataStoresResponse> { return this.#gate.run('ListEventDataStores', input, caller, (c) => this.#lake.listEventDataStores(input, c)); }
  /**
   * Changes an event data store's name, selectors, retention or termination protection.
   * @example
   * await trail.updateEventDataStore({ EventDataStore: arn, TerminationProtectionEnabled: false });
   */
  async updateEventDataStore(input: L.UpdateEventDataStoreRequest, caller?: ControlPlaneCaller): Promise<L.UpdateEventDataStoreResponse> { return this.#gate.run('UpdateEventDataStore', input, caller, (c) => this.#lake.updateEventDataStore(input, c)); }
  /**
   * Deletes an event data store (refused while termination protection is on).
   * @example
   * await trail.deleteEventDataStore({ EventDataStore: arn });
   */
  async deleteEventDataStore(input: L.DeleteEventDataStoreRequest, caller?: ControlPlaneCaller): Promise<L.DeleteEventDataStoreResponse> { return this.#gate.run('DeleteEventDataStore', input, caller, (c) => this.#lake.deleteEventDataStore(input, c)); }
  /**
   * Starts a SQL query on DuckDB (loaded by the first query); the `FROM` names the event data store's id.
   * @example
   * const { QueryId } = await trail.startQuery({ QueryStatement: `SELECT eventName, count(*) FROM ${storeId} GROUP BY 1` });
   */
  async startQuery(input: L.StartQueryRequest, caller?: ControlPlaneCaller): Promise<L.StartQueryResponse> { return this.#gate.run('StartQuery', input, caller, (c) => this.#lake.startQuery(input, c)); }
  /**
   * A query's status (`QUEUED` … `FINISHED`, `FAILED`) and statistics.
   * @example
   * const { QueryStatus, ErrorMessage } = await trail.describeQuery({ QueryId });
   */
  async describeQuery(input: L.DescribeQueryRequest, caller?: ControlPlaneCaller): Promise<L.DescribeQueryResponse> { return this.#gate.run('DescribeQuery', input, caller, (c) => this.#lake.describeQuery(input, c)); }
  /**
   * A finished query's rows, each a list of one-entry objects (column → string), paginated by `NextToken`.
   * @example
   * const { QueryResultRows } = await trail.getQueryResults({ QueryId }); // [[{ eventName: 'PutObject' }, { _col1: '42' }]]
   */
  async getQueryResults(input: L.GetQueryResultsRequest, caller?: ControlPlaneCaller): Promise<L.GetQueryResultsResponse> { return this.#gate.run('GetQueryResults', input, caller, (c) => this.#lake.getQueryResults(input, c)); }
  /**
   * Cancels a query that is still queued or running.
   * @example
   * await trail.cancelQuery({ QueryId });
   */
  async cancelQuery(input: L.CancelQueryRequest, caller?: ControlPlaneCaller): Promise<L.CancelQueryResponse> { return this.#gate.run('CancelQuery', input, caller, (c) => this.#lake.cancelQuery(input, c)); }
  /**
   * The queries run on one event data store, newest first.
   * @example
   * const { Queries } = await trail.listQueries({ EventDataStore: arn });
   */
  async listQueries(input: L.ListQueriesRequest, caller?: ControlPlaneCaller): Promise<L.ListQueriesResponse> { return this.#gate.run('ListQueries', input, caller, (c) => this.#lake.listQueries(input, c)); }

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
