// CloudTrail Lake's API shapes, as @aws-sdk/client-cloudtrail declares them (without $metadata), declared here because
// that package is an optional peer: code typed against the SDK's shapes accepts these and the other way round.

/** One condition of an advanced event selector (`Field` plus operators). */
export interface LakeFieldSelector {
  Field: string | undefined;
  Equals?: string[] | undefined;
  StartsWith?: string[] | undefined;
  EndsWith?: string[] | undefined;
  NotEquals?: string[] | undefined;
  NotStartsWith?: string[] | undefined;
  NotEndsWith?: string[] | undefined;
}

/** An advanced event selector: what an event data store keeps. */
export interface LakeEventSelector {
  Name?: string | undefined;
  FieldSelectors: LakeFieldSelector[] | undefined;
}

export interface LakeTag {
  Key: string | undefined;
  Value?: string | undefined;
}

export type EventDataStoreStatus = 'CREATED' | 'ENABLED' | 'PENDING_DELETION' | 'STARTING_INGESTION' | 'STOPPED_INGESTION' | 'STOPPING_INGESTION';
export type BillingMode = 'EXTENDABLE_RETENTION_PRICING' | 'FIXED_RETENTION_PRICING';
export type QueryStatus = 'CANCELLED' | 'FAILED' | 'FINISHED' | 'QUEUED' | 'RUNNING' | 'TIMED_OUT';

/** What Create/Get/UpdateEventDataStore return about a store. */
export interface EventDataStoreDescription {
  EventDataStoreArn?: string | undefined;
  Name?: string | undefined;
  Status?: EventDataStoreStatus | undefined;
  AdvancedEventSelectors?: LakeEventSelector[] | undefined;
  MultiRegionEnabled?: boolean | undefined;
  OrganizationEnabled?: boolean | undefined;
  RetentionPeriod?: number | undefined;
  TerminationProtectionEnabled?: boolean | undefined;
  CreatedTimestamp?: Date | undefined;
  UpdatedTimestamp?: Date | undefined;
  KmsKeyId?: string | undefined;
  BillingMode?: BillingMode | undefined;
}

export interface CreateEventDataStoreRequest {
  Name: string | undefined;
  AdvancedEventSelectors?: LakeEventSelector[] | undefined;
  MultiRegionEnabled?: boolean | undefined;
  OrganizationEnabled?: boolean | undefined;
  RetentionPeriod?: number | undefined;
  TerminationProtectionEnabled?: boolean | undefined;
  TagsList?: LakeTag[] | undefined;
  KmsKeyId?: string | undefined;
  StartIngestion?: boolean | undefined;
  BillingMode?: BillingMode | undefined;
}
export interface CreateEventDataStoreResponse extends EventDataStoreDescription {
  TagsList?: LakeTag[] | undefined;
}

export interface GetEventDataStoreRequest {
  /** The store's ARN or ID. */
  EventDataStore: string | undefined;
}
export type GetEventDataStoreResponse = EventDataStoreDescription;

export interface ListEventDataStoresRequest {
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface ListEventDataStoresResponse {
  EventDataStores?: EventDataStoreDescription[] | undefined;
  NextToken?: string | undefined;
}

export interface UpdateEventDataStoreRequest {
  EventDataStore: string | undefined;
  Name?: string | undefined;
  AdvancedEventSelectors?: LakeEventSelector[] | undefined;
  MultiRegionEnabled?: boolean | undefined;
  OrganizationEnabled?: boolean | undefined;
  RetentionPeriod?: number | undefined;
  TerminationProtectionEnabled?: boolean | undefined;
  KmsKeyId?: string | undefined;
  BillingMode?: BillingMode | undefined;
}
export type UpdateEventDataStoreResponse = EventDataStoreDescription;

export interface DeleteEventDataStoreRequest {
  EventDataStore: string | undefined;
}
export type DeleteEventDataStoreResponse = Record<string, never>;

export interface StartQueryRequest {
  QueryStatement?: string | undefined;
  DeliveryS3Uri?: string | undefined;
  QueryAlias?: string | undefined;
  QueryParameters?: string[] | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}
export interface StartQueryResponse {
  QueryId?: string | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

export interface DescribeQueryRequest {
  EventDataStore?: string | undefined;
  QueryId?: string | undefined;
  QueryAlias?: string | undefined;
  RefreshId?: string | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}
export interface QueryStatisticsForDescribeQuery {
  EventsMatched?: number | undefined;
  EventsScanned?: number | undefined;
  BytesScanned?: number | undefined;
  ExecutionTimeInMillis?: number | undefined;
  CreationTime?: Date | undefined;
}
export interface DescribeQueryResponse {
  QueryId?: string | undefined;
  QueryString?: string | undefined;
  QueryStatus?: QueryStatus | undefined;
  QueryStatistics?: QueryStatisticsForDescribeQuery | undefined;
  ErrorMessage?: string | undefined;
  DeliveryS3Uri?: string | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

export interface GetQueryResultsRequest {
  EventDataStore?: string | undefined;
  QueryId: string | undefined;
  NextToken?: string | undefined;
  /** 1–1000; default 1000. */
  MaxQueryResults?: number | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}
export interface QueryStatistics {
  ResultsCount?: number | undefined;
  TotalResultsCount?: number | undefined;
  BytesScanned?: number | undefined;
}
export interface GetQueryResultsResponse {
  QueryStatus?: QueryStatus | undefined;
  QueryStatistics?: QueryStatistics | undefined;
  /** Rows; each row a list of one-entry objects `{ column: value }`, every value a string. */
  QueryResultRows?: Record<string, string>[][] | undefined;
  NextToken?: string | undefined;
  ErrorMessage?: string | undefined;
}

export interface CancelQueryRequest {
  EventDataStore?: string | undefined;
  QueryId: string | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}
export interface CancelQueryResponse {
  QueryId: string | undefined;
  QueryStatus: QueryStatus | undefined;
  EventDataStoreOwnerAccountId?: string | undefined;
}

export interface ListQueriesRequest {
  EventDataStore: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
  StartTime?: Date | undefined;
  EndTime?: Date | undefined;
  QueryStatus?: QueryStatus | undefined;
}
export interface LakeQuerySummary {
  QueryId?: string | undefined;
  QueryStatus?: QueryStatus | undefined;
  CreationTime?: Date | undefined;
}
export interface ListQueriesResponse {
  Queries?: LakeQuerySummary[] | undefined;
  NextToken?: string | undefined;
}
