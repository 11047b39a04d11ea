// CloudTrail Lake in process: event data stores fed by every record the LocalTrail accepts, queried with SQL on
// DuckDB. Nothing of DuckDB loads until the first query (or a store's backlog needs a table).
import type { Clock } from '../clock/clock.js';
import type { CallerOptions } from '../engine/operations.js';
import type { OrganizationConfig } from '../engine/organization.js';
import type { Caller } from '../engine/trail-registry.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import type { EventDataStore } from './event-data-store.js';
import { LakeDatabase } from './lake-database.js';
import { LAKE_OPERATIONS } from './lake-operations.js';
import type * as L from './lake-shapes.js';
import { QueryRegistry } from './query-registry.js';
import { StoreRegistry } from './store-registry.js';

/** Pending records per store beyond which they are loaded into DuckDB in the background (bounds memory). */
export const LOAD_BATCH = 100_000;
/** Pending records a store keeps while DuckDB cannot load them (missing package): beyond, records are dropped. */
export const MAX_PENDING = 1_000_000;

export interface LakeOptions {
  clock: Clock;
  accountId: string;
  region: string;
  organization?: OrganizationConfig;
  onError: (error: unknown, where: string) => void;
  /** Default {@link LOAD_BATCH}. */
  loadBatch?: number;
  /** Default {@link MAX_PENDING}. */
  maxPending?: number;
}

/**
 * Event data stores and queries, with `@aws-sdk/client-cloudtrail`'s shapes and exception names.
 * @example
 * const { EventDataStoreArn } = await trail.createEventDataStore({ Name: 'all-management' });
 * const id = EventDataStoreArn!.split('/').pop();
 * const { QueryId } = await trail.startQuery({ QueryStatement: `SELECT eventName, count(*) FROM ${id} GROUP BY 1` });
 */
export class Lake {
  private readonly stores: StoreRegistry;
  private readonly queries: QueryRegistry;
  private readonly database = new LakeDatabase();
  private readonly loading = new Set<EventDataStore>();
  /** A background load failed (e.g. @duckdb/node-api missing): no more background loads, reported once. */
  private loadFailed = false;
  /** Records a store could not keep because DuckDB could not take its backlog. */
  droppedRecords = 0;

  constructor(private readonly options: LakeOptions) {
    this.stores = new StoreRegistry(options.clock, options.organization, (store) => {
      this.database.drop(store.id).catch((error: unknown) => options.onError(error, 'lake.drop'));
    });
    this.queries = new QueryRegistry(options.clock, this.stores, this.database);
  }

  /** Whether DuckDB has been loaded. */
  get databaseOpen(): boolean {
    return this.database.isOpen;
  }

  /** Hot path: hands the record to every ingesting store that selects it. O(stores), no I/O, never throws. */
  accept(record: CloudTrailRecord): void {
    const live = this.stores.live;
    for (let i = 0; i < live.length; i++) {
      const store = live[i]!;
      try {
        if (store.pending.length >= (this.options.maxPending ?? MAX_PENDING)) {
          this.droppedRecords++;
          continue;
        }
        if (store.offer(record, this.stores.inOrganization) && store.pending.length >= (this.options.loadBatch ?? LOAD_BATCH) && !this.loadFailed && !this.loading.has(store)) {
          this.loadLater(store);
        }
      } catch (error) {
        this.options.onError(error, 'lake.accept');
      }
    }
  }

  private loadLater(store: EventDataStore): void {
    this.loading.add(store);
    setImmediate(() => {
      this.database
        .sync(store)
        .catch((error: unknown) => {
          this.loadFailed = true;
          this.options.onError(error, 'lake.load');
        })
        .finally(() => this.loading.delete(store));
    });
  }

  private caller(caller: CallerOptions | undefined): Caller {
    return { accountId: caller?.accountId ?? this.options.accountId, region: caller?.region ?? this.options.region };
  }

  createEventDataStore(input: L.CreateEventDataStoreRequest, caller?: CallerOptions): L.CreateEventDataStoreResponse {
    return this.stores.create(input, this.caller(caller));
  }
  getEventDataStore(input: L.GetEventDataStoreRequest, caller?: CallerOptions): L.GetEventDataStoreResponse {
    return this.stores.get(input, this.caller(caller));
  }
  listEventDataStores(input: L.ListEventDataStoresRequest = {}, caller?: CallerOptions): L.ListEventDataStoresResponse {
    return this.stores.list(input, this.caller(caller));
  }
  updateEventDataStore(input: L.UpdateEventDataStoreRequest, caller?: CallerOptions): L.UpdateEventDataStoreResponse {
    return this.stores.update(input, this.caller(caller));
  }
  deleteEventDataStore(input: L.DeleteEventDataStoreRequest, caller?: CallerOptions): L.DeleteEventDataStoreResponse {
    return this.stores.delete(input, this.caller(caller));
  }
  startQuery(input: L.StartQueryRequest, caller?: CallerOptions): Promise<L.StartQueryResponse> {
    return this.queries.start(input, this.caller(caller));
  }
  describeQuery(input: L.DescribeQueryRequest, caller?: CallerOptions): L.DescribeQueryResponse {
    return this.queries.describe(input, this.caller(caller));
  }
  getQueryResults(input: L.GetQueryResultsRequest, caller?: CallerOptions): L.GetQueryResultsResponse {
    return this.queries.results(input, this.caller(caller));
  }
  cancelQuery(input: L.CancelQueryRequest, caller?: CallerOptions): L.CancelQueryResponse {
    return this.queries.cancel(input, this.caller(caller));
  }
  listQueries(input: L.ListQueriesRequest, caller?: CallerOptions): L.ListQueriesResponse {
    return this.queries.list(input, this.caller(caller));
  }

  /** @internal A connection to the Lake's DuckDB database, whose tables are named by store ID (benchmarks, tests). */
  connectDatabase(): ReturnType<LakeDatabase['connect']> {
    return this.database.connect();
  }

  /** @internal Loads a store's pending records now (benchmarks: the load time apart from the first query). */
  loadPending(storeArn: string, caller?: CallerOptions): Promise<void> {
    return this.database.sync(this.stores.resolve(storeArn, this.caller(caller)));
  }

  /** @internal The operation a wire request names (`StartQuery` …), for `cloudTrailRequestHandler`. */
  wireOperation(name: string): ((input: Record<string, unknown>, caller: CallerOptions) => unknown) | undefined {
    const operation = Object.hasOwn(LAKE_OPERATIONS, name) ? LAKE_OPERATIONS[name] : undefined;
    return operation && ((input, caller) => operation(this, input, caller));
  }

  /** Cancels running queries and closes DuckDB (if it was loaded). */
  async close(): Promise<void> {
    this.queries.cancelAll();
    await this.database.close();
  }
}
