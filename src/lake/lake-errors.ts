// CloudTrail Lake's exceptions, one class per exception name, on the control plane's CloudTrailError base.
import { errorClass as lakeError } from '../engine/errors.js';

export class EventDataStoreAlreadyExistsException extends lakeError('EventDataStoreAlreadyExistsException') {}
export class EventDataStoreARNInvalidException extends lakeError('EventDataStoreARNInvalidException') {}
export class EventDataStoreMaxLimitExceededException extends lakeError('EventDataStoreMaxLimitExceededException') {}
export class EventDataStoreNotFoundException extends lakeError('EventDataStoreNotFoundException') {}
export class EventDataStoreTerminationProtectedException extends lakeError('EventDataStoreTerminationProtectedException') {}
export class InactiveEventDataStoreException extends lakeError('InactiveEventDataStoreException') {}
export class InvalidQueryStatementException extends lakeError('InvalidQueryStatementException') {}
export class MaxConcurrentQueriesException extends lakeError('MaxConcurrentQueriesException') {}
export class QueryIdNotFoundException extends lakeError('QueryIdNotFoundException') {}
export class InactiveQueryException extends lakeError('InactiveQueryException') {}
export class InvalidDateRangeException extends lakeError('InvalidDateRangeException') {}
export class InvalidQueryStatusException extends lakeError('InvalidQueryStatusException') {}
