// CloudTrail Lake's exceptions, one class per exception name, on the control plane's CloudTrailError base.
import { errorClass as lakeError } from '../engine/errors.js';

/**
 * An event data store of that name already exists in the account and region.
 * @example
 * await trail.createEventDataStore({ Name: 'api-activity' }); // a second time: EventDataStoreAlreadyExistsException
 */
export class EventDataStoreAlreadyExistsException extends lakeError('EventDataStoreAlreadyExistsException') {}
/**
 * The `EventDataStore` given is neither an event data store ARN nor an id.
 * @example
 * await trail.getEventDataStore({ EventDataStore: 'arn:aws:s3:::not-a-store' }).catch((e) => e instanceof EventDataStoreARNInvalidException); // true
 */
export class EventDataStoreARNInvalidException extends lakeError('EventDataStoreARNInvalidException') {}
/**
 * The account already has 10 event data stores in the region (stores pending deletion count).
 * @example
 * for (let i = 0; i < 11; i++) await trail.createEventDataStore({ Name: `store-${i}` }); // the 11th: EventDataStoreMaxLimitExceededException
 */
export class EventDataStoreMaxLimitExceededException extends lakeError('EventDataStoreMaxLimitExceededException') {}
/**
 * No event data store of that ARN or id (in an API call, or after `FROM` in a query).
 * @example
 * await trail.getEventDataStore({ EventDataStore: '00000000-0000-0000-0000-000000000000' }).catch((e) => e.name); // 'EventDataStoreNotFoundException'
 */
export class EventDataStoreNotFoundException extends lakeError('EventDataStoreNotFoundException') {}
/**
 * Deleting a store whose termination protection is on (the default): turn it off first.
 * @example
 * await trail.deleteEventDataStore({ EventDataStore: arn }).catch((e) => e instanceof EventDataStoreTerminationProtectedException); // true unless protection was turned off
 */
export class EventDataStoreTerminationProtectedException extends lakeError('EventDataStoreTerminationProtectedException') {}
/**
 * The store is pending deletion: it can be described, not updated or queried.
 * @example
 * await trail.deleteEventDataStore({ EventDataStore: arn });
 * await trail.startQuery({ QueryStatement: `SELECT * FROM ${storeId}` }); // InactiveEventDataStoreException
 */
export class InactiveEventDataStoreException extends lakeError('InactiveEventDataStoreException') {}
/**
 * A query CloudTrail Lake refuses: not a single SELECT, no store after `FROM`, or SQL DuckDB cannot run.
 * @example
 * await trail.startQuery({ QueryStatement: `DELETE FROM ${storeId}` }).catch((e) => e.name); // 'InvalidQueryStatementException'
 */
export class InvalidQueryStatementException extends lakeError('InvalidQueryStatementException') {}
/**
 * Too many queries queued or running at once in the account; wait for some to finish.
 * @example
 * const { QueryId } = await trail.startQuery({ QueryStatement }).catch((e) => (e instanceof MaxConcurrentQueriesException ? retryLater() : Promise.reject(e)));
 */
export class MaxConcurrentQueriesException extends lakeError('MaxConcurrentQueriesException') {}
/**
 * No query of that id (for that event data store, when one is named).
 * @example
 * await trail.describeQuery({ QueryId: 'nope' }).catch((e) => e instanceof QueryIdNotFoundException); // true
 */
export class QueryIdNotFoundException extends lakeError('QueryIdNotFoundException') {}
/**
 * Cancelling a query that is no longer queued or running.
 * @example
 * await trail.cancelQuery({ QueryId: finishedQueryId }).catch((e) => e.name); // 'InactiveQueryException'
 */
export class InactiveQueryException extends lakeError('InactiveQueryException') {}
/**
 * ListQueries' `StartTime` is not before its `EndTime`.
 * @example
 * await trail.listQueries({ EventDataStore: arn, StartTime: new Date('2026-03-02'), EndTime: new Date('2026-03-01') }); // InvalidDateRangeException
 */
export class InvalidDateRangeException extends lakeError('InvalidDateRangeException') {}
/**
 * ListQueries' `QueryStatus` is not one of CloudTrail's query statuses.
 * @example
 * await trail.listQueries({ EventDataStore: arn, QueryStatus: 'DONE' as QueryStatus }); // InvalidQueryStatusException
 */
export class InvalidQueryStatusException extends lakeError('InvalidQueryStatusException') {}
