// CloudTrail Lake's operations by wire name, for the LocalTrail's wire handler: one entry per operation, timestamps
// converted from awsJson's epoch seconds.
import type { CallerOptions } from '../engine/operations.js';
import type { Lake } from './lake.js';
import type * as L from './lake-shapes.js';

export type LakeOperation = (lake: Lake, input: Record<string, unknown>, caller: CallerOptions) => unknown;

function withDates<T>(input: Record<string, unknown>, keys: string[]): T {
  const out: Record<string, unknown> = { ...input };
  for (const key of keys) {
    const v = out[key];
    if (typeof v === 'number') out[key] = new Date(v * 1000);
    else if (typeof v === 'string') out[key] = new Date(v);
  }
  return out as T;
}

export const LAKE_OPERATIONS: Readonly<Record<string, LakeOperation>> = {
  CreateEventDataStore: (lake, i, c) => lake.createEventDataStore(i as unknown as L.CreateEventDataStoreRequest, c),
  GetEventDataStore: (lake, i, c) => lake.getEventDataStore(i as unknown as L.GetEventDataStoreRequest, c),
  ListEventDataStores: (lake, i, c) => lake.listEventDataStores(i as L.ListEventDataStoresRequest, c),
  UpdateEventDataStore: (lake, i, c) => lake.updateEventDataStore(i as unknown as L.UpdateEventDataStoreRequest, c),
  DeleteEventDataStore: (lake, i, c) => lake.deleteEventDataStore(i as unknown as L.DeleteEventDataStoreRequest, c),
  StartQuery: (lake, i, c) => lake.startQuery(i as L.StartQueryRequest, c),
  DescribeQuery: (lake, i, c) => lake.describeQuery(i as L.DescribeQueryRequest, c),
  GetQueryResults: (lake, i, c) => lake.getQueryResults(i as unknown as L.GetQueryResultsRequest, c),
  CancelQuery: (lake, i, c) => lake.cancelQuery(i as unknown as L.CancelQueryRequest, c),
  ListQueries: (lake, i, c) => lake.listQueries(withDates<L.ListQueriesRequest>(i, ['StartTime', 'EndTime']), c),
};
