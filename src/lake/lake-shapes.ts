// CloudTrail Lake's API shapes, as @aws-sdk/client-cloudtrail declares them (without $metadata), declared here because
// that package is an optional peer: code typed against the SDK's shapes accepts these and the other way round. An event
// data store's selectors are the trails' advanced event selectors (one shape in the SDK too).
import type { AdvancedEventSelector } from '../engine/control-plane-shapes.js';

/**
 * A tag on an event data store.
 * @example
 * await trail.createEventDataStore({ Name: 'api-activity', TagsList: [{ Key: 'team', Value: 'platform' }] });
 */
export interface LakeTag {
  Key: string | undefined;
  Value?: string | undefined;
}

/**
 * An event data store's lifecycle status; localtrail's stores are `ENABLED` (`STOPPED_INGESTION` when created with `StartIngestion: false`) until deleted (`PENDING_DELETION`, seven days).
 * @example
 * const { Status } = await trail.getEventDataStore({ EventDataStore: arn }); // 'ENABLED'
 */
export type EventDataStoreStatus = 'CREATED' | 'ENABLED' | 'PENDING_DELETION' | 'STARTING_INGESTION' | 'STOPPED_INGESTION' | 'STOPPING_INGESTION';

/**
 * An event data store's pricing option; it bounds `RetentionPeriod` (up to 3653 days extendable, 2557 fixed).
 * @example
 * await trail.createEventDataStore({ Name: 'long-term', BillingMode: 'FIXED_RETENTION_PRICING', RetentionPeriod: 2557 });
 */
export type BillingMode = 'EXTENDABLE_RETENTION_PRICING' | 'FIXED_RETENTION_PRICING';

/**
 * A query's status, from `QUEUED` through `RUNNING` to `FINISHED`, `FAILED`, `CANCELLED` or `TIMED_OUT`.
 * @example
 * const done: QueryStatus[] = ['FINISHED', 'FAILED', 'CANCELLED', 'TIMED_OUT'];
 */
export type QueryStatus = 'CANCELLED' | 'FAILED' | 'FINISHED' | 'QUEUED' | 'RUNNING' | 'TIMED_OUT';

/**
 * What Create/Get/UpdateEventDataStore and ListEventDataStores return about a store.
 * @example
 * const { EventDataStores = [] } = await trail.listEventDataStores();
 * const names = EventDataStores.map((d: EventDataStoreDescription) => d.Name);
 */
export interface EventDataStoreDescription {
  EventDataStoreArn?: string | undefined;
  Name?: string | undefined;
  Status?: EventDataStoreStatus | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
  MultiRegionEnabled?: boolean | undefined;
  OrganizationEnabled?: boolean | undefined;
  RetentionPeriod?: number | undefined;
  TerminationProtectionEnabled?: boolean | undefined;
  CreatedTimestamp?: Date | undefined;
  UpdatedTimestamp?: Date | undefined;
  KmsKeyId?: string | undefined;
  BillingMode?: BillingMode | undefined;
}

/**
 * CreateEventDataStore's input: a name, and optionally selectors (default: every management event), retention in days (default 366, `EXTENDABLE_RETENTION_PRICING`), termination protection (default on).
 * @example
 * const request: CreateEventDataStoreRequest = { Name: 'api-activity', RetentionPeriod: 30, TerminationProtectionEnabled: false };
 * await trail.createEventDataStore(request);
 */
export interface CreateEventDataStoreRequest {
  Name: string | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
  MultiRegionEnabled?: boolean | undefined;
  OrganizationEnabled?: boolean | undefined;
  RetentionPeriod?: number | undefined;
  TerminationProtectionEnabled?: boolean | undefined;
  TagsList?: LakeTag[] | undefined;
  KmsKeyId?: string | undefined;
  StartIngestion?: boolean | undefined;
  BillingMode?: BillingMode | undefined;
}

/**
 * CreateEventDataStore's output: the new store, with its ARN (whose last part is the id queries name after `FROM`).
 * @example
 * const { EventDataStoreArn } = await trail.createEventDataStore({ Name: 'api-activity' });
 * const storeId = EventDataStoreArn!.split('/').pop();
 */
export interface CreateEventDataStoreResponse extends EventDataStoreDescription {
  TagsList?: LakeTag[] | undefined;
}

/**
 * GetEventDataStore's input: the store's ARN or id.
 * @example
 * await trail.getEventDataStore({ EventDataStore: storeId });
 */
export interface GetEventDataStoreRequest {
  /** The store's ARN or ID. */
  EventDataStore: string | undefined;
}

/**
 * GetEventDataStore's output: the store's description.
 * @example
 * const { RetentionPeriod, AdvancedEventSelectors } = await trail.getEventDataStore({ EventDataStore: arn });
 */
export type GetEventDataStoreResponse = EventDataStoreDescription;

/**
 * ListEventDataStores' input: paging.
 * @example
 * const page = await trail.listEventDataStores({ MaxResults: 10, NextToken: previous.NextToken });
 */
export interface ListEventDataStoresRequest {
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}

/**
 * ListEventDataStores' output: one page of stores and the token of the next.
 * @example
 * const { EventDataStores = [], NextToken } = await trail.listEventDataStores();
 */
export interface ListEventDataStoresResponse {
  EventDataStores?: EventDataStoreDescription[] | undefined;
  NextToken?: string | undefined;
}

/**
 * UpdateEventDataStore's input: the store, and the settings to change (left-out settings stay).
 * @example
 * await trail.updateEventDataStore({ EventDataStore: arn, RetentionPeriod: 90 });
 */
export interface UpdateEventDataStoreRequest {
  EventDataStore: string | undefined;
  Name?: string | undefined;
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
  MultiRegionEnabled?: boolean | undefined;
  OrganizationEnabled?: boolean | undefined;
  RetentionPeriod?: number | undefined;
  TerminationProtectionEnabled?: boolean | undefined;
  KmsKeyId?: string | undefined;
  BillingMode?: BillingMode | undefined;
}

/**
 * UpdateEventDataStore's output: the store as it is now.
 * @example
 * const { RetentionPeriod } = await trail.updateEventDataStore({ EventDataStore: arn, RetentionPeriod: 90 }); // 90
 */
export type UpdateEventDataStoreResponse = EventDataStoreDescription;

/**
 * DeleteEventDataStore's input: the store's ARN or id.
 * @example
 * await trail.updateEventDataStore({ EventDataStore: arn, TerminationProtectionEnabled: false });
 * await trail.deleteEventDataStore({ EventDataStore: arn });
 */
export interface DeleteEventDataStoreRequest {
  EventDataStore: string | undefined;
}

/**
 * DeleteEventDataStore's output: empty.
 * @example
 * const nothing: DeleteEventDataStoreResponse = await trail.deleteEventDataStore({ EventDataStore: arn }); // {}
 */
export type DeleteEventDataStoreResponse = Record<string, never>;

/**
 * StartQuery's input: the SQL (CloudTrail Lake's Trino dialect subset) naming event data store ids after `FROM`.
 * @example
 * await trail.startQuery({ QueryStatement: `SELECT eventSource, count(*) FROM ${storeId} GROUP BY 1` });
 */
export interface StartQueryRequest {
  QueryStatement?: string | undefined;
  DeliveryS3Uri?: string | undefined;
  QueryAlias?: string | undefined;
  QueryParameters?: string[] | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

/**
 * StartQuery's output: the query's id, for describeQuery and getQueryResults.
 * @example
 * const { QueryId } = await trail.startQuery({ QueryStatement: `SELECT eventName FROM ${storeId}` });
 */
export interface StartQueryResponse {
  QueryId?: string | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

/**
 * DescribeQuery's input: the query's id.
 * @example
 * const { QueryStatus } = await trail.describeQuery({ QueryId });
 */
export interface DescribeQueryRequest {
  EventDataStore?: string | undefined;
  QueryId?: string | undefined;
  QueryAlias?: string | undefined;
  RefreshId?: string | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

/**
 * What DescribeQuery reports a query matched, scanned and took.
 * @example
 * const { QueryStatistics } = await trail.describeQuery({ QueryId });
 * console.log(QueryStatistics?.EventsScanned, QueryStatistics?.ExecutionTimeInMillis);
 */
export interface QueryStatisticsForDescribeQuery {
  EventsMatched?: number | undefined;
  EventsScanned?: number | undefined;
  BytesScanned?: number | undefined;
  ExecutionTimeInMillis?: number | undefined;
  CreationTime?: Date | undefined;
}

/**
 * DescribeQuery's output: status, statistics and, for a failed query, the error message.
 * @example
 * const { QueryStatus, ErrorMessage } = await trail.describeQuery({ QueryId });
 * if (QueryStatus === 'FAILED') throw new Error(ErrorMessage);
 */
export interface DescribeQueryResponse {
  QueryId?: string | undefined;
  QueryString?: string | undefined;
  QueryStatus?: QueryStatus | undefined;
  QueryStatistics?: QueryStatisticsForDescribeQuery | undefined;
  ErrorMessage?: string | undefined;
  DeliveryS3Uri?: string | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

/**
 * GetQueryResults' input: the query's id and paging.
 * @example
 * const page = await trail.getQueryResults({ QueryId, MaxQueryResults: 100 });
 */
export interface GetQueryResultsRequest {
  EventDataStore?: string | undefined;
  QueryId: string | undefined;
  NextToken?: string | undefined;
  /** 1–1000; default 1000. */
  MaxQueryResults?: number | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

/**
 * How many rows a page of GetQueryResults holds, of how many in all.
 * @example
 * const { QueryStatistics } = await trail.getQueryResults({ QueryId });
 * console.log(`${QueryStatistics?.ResultsCount} of ${QueryStatistics?.TotalResultsCount}`);
 */
export interface QueryStatistics {
  ResultsCount?: number | undefined;
  TotalResultsCount?: number | undefined;
  BytesScanned?: number | undefined;
}

/**
 * GetQueryResults' output: one page of rows, each a list of one-entry objects (column name → string value).
 * @example
 * const { QueryResultRows = [] } = await trail.getQueryResults({ QueryId });
 * const names = QueryResultRows.map((row) => row[0]!['eventName']);
 */
export interface GetQueryResultsResponse {
  QueryStatus?: QueryStatus | undefined;
  QueryStatistics?: QueryStatistics | undefined;
  /** Rows; each row a list of one-entry objects `{ column: value }`, every value a string. */
  QueryResultRows?: Record<string, string>[][] | undefined;
  NextToken?: string | undefined;
  ErrorMessage?: string | undefined;
}

/**
 * CancelQuery's input: the id of a query still `QUEUED` or `RUNNING`.
 * @example
 * await trail.cancelQuery({ QueryId });
 */
export interface CancelQueryRequest {
  EventDataStore?: string | undefined;
  QueryId: string | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

/**
 * CancelQuery's output: the query, now `CANCELLED`.
 * @example
 * const { QueryStatus } = await trail.cancelQuery({ QueryId }); // 'CANCELLED'
 */
export interface CancelQueryResponse {
  QueryId: string | undefined;
  QueryStatus: QueryStatus | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

/**
 * ListQueries' input: the store, optionally a time window and a status.
 * @example
 * await trail.listQueries({ EventDataStore: arn, QueryStatus: 'FINISHED' });
 */
export interface ListQueriesRequest {
  EventDataStore: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
  StartTime?: Date | undefined;
  EndTime?: Date | undefined;
  QueryStatus?: QueryStatus | undefined;
}

/**
 * One query as ListQueries lists it.
 * @example
 * const { Queries = [] } = await trail.listQueries({ EventDataStore: arn });
 * const running = Queries.filter((q: LakeQuerySummary) => q.QueryStatus === 'RUNNING');
 */
export interface LakeQuerySummary {
  QueryId?: string | undefined;
  QueryStatus?: QueryStatus | undefined;
  CreationTime?: Date | undefined;
}

/**
 * ListQueries' output: one page of queries, newest first, and the token of the next.
 * @example
 * const { Queries = [], NextToken } = await trail.listQueries({ EventDataStore: arn });
 */
export interface ListQueriesResponse {
  Queries?: LakeQuerySummary[] | undefined;
  NextToken?: string | undefined;
}
