// Lake queries: StartQuery checks and binds the statement, runs it on its own DuckDB connection in the background;
// DescribeQuery, GetQueryResults (paged, all values as strings), CancelQuery and ListQueries read the result.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import { InvalidMaxResultsException, InvalidNextTokenException } from '../engine/errors.js';
import type { Caller } from '../engine/trail-registry.js';
import type { DuckConnection, DuckPrepared } from './duckdb-loader.js';
import type { EventDataStore } from './event-data-store.js';
import type { LakeDatabase } from './lake-database.js';
import {
  EventDataStoreNotFoundException,
  InactiveQueryException,
  InvalidDateRangeException,
  InvalidQueryStatementException,
  InvalidQueryStatusException,
  MaxConcurrentQueriesException,
  QueryIdNotFoundException,
} from './lake-errors.js';
import type * as L from './lake-shapes.js';
import type { CheckedStatement } from './lake-sql.js';
import { asTextSql, checkStatement, resultColumns } from './lake-sql.js';
import type { StoreRegistry } from './store-registry.js';

export const MAX_CONCURRENT_QUERIES = 10;
/** Query results stay readable for seven days. */
export const RESULTS_KEPT_MS = 7 * 86_400_000;
const STATUSES: readonly L.QueryStatus[] = ['QUEUED', 'RUNNING', 'FINISHED', 'FAILED', 'CANCELLED', 'TIMED_OUT'];

interface LakeQuery {
  id: string;
  statement: string;
  accountId: string;
  region: string;
  storeArns: string[];
  status: L.QueryStatus;
  createdAt: number;
  executionMillis?: number;
  error?: string;
  columns: string[];
  rows: Array<Array<string | null>>;
  eventsScanned: number;
  bytesScanned: number;
  connection?: DuckConnection;
}

export class QueryRegistry {
  private readonly queries = new Map<string, LakeQuery>();

  constructor(
    private readonly clock: Clock,
    private readonly stores: StoreRegistry,
    private readonly database: LakeDatabase,
  ) {}

  async start(input: L.StartQueryRequest, caller: Caller): Promise<L.StartQueryResponse> {
    this.purge();
    const running = [...this.queries.values()].filter((q) => q.accountId === caller.accountId && (q.status === 'QUEUED' || q.status === 'RUNNING'));
    if (running.length >= MAX_CONCURRENT_QUERIES) {
      throw new MaxConcurrentQueriesException(`You are already running the maximum number of concurrent queries (${MAX_CONCURRENT_QUERIES}). Wait a minute for some queries to finish, and then run the query again.`);
    }
    const ids = new Set(this.stores.all().filter((s) => s.accountId === caller.accountId && s.region === caller.region).map((s) => s.id.toLowerCase()));
    const connection = await this.database.connect();
    let checked: CheckedStatement;
    let targets: EventDataStore[];
    let prepared: DuckPrepared;
    try {
      checked = await checkStatement(connection, input.QueryStatement, (token) => ids.has(token.toLowerCase()));
      if (checked.tables.length === 0) throw new InvalidQueryStatementException('A query must name an event data store ID after FROM.');
      targets = checked.tables.map((table) => {
        try {
          return this.stores.resolveActive(table, caller);
        } catch (error) {
          if (error instanceof EventDataStoreNotFoundException || (error as Error).name === 'EventDataStoreARNInvalidException') {
            throw new EventDataStoreNotFoundException(`The event data store ${table} named in the query was not found.`);
          }
          throw error;
        }
      });
      const now = this.clock.now();
      for (const store of new Set(targets)) await this.database.sync(store, store.retainedFrom(now));
      // Binding catches unknown columns and type errors now, as StartQuery does, instead of a FAILED query later;
      // the prepared statement is what runs.
      prepared = await connection.prepare(asTextSql(checked)).catch((error: unknown) => {
        throw new InvalidQueryStatementException(`The query is not valid: ${firstLine(error)}`);
      });
    } catch (error) {
      connection.closeSync();
      throw error;
    }
    const query: LakeQuery = {
      id: randomUUID(),
      statement: input.QueryStatement!,
      accountId: caller.accountId,
      region: caller.region,
      storeArns: [...new Set(targets.map((s) => s.arn))],
      status: 'QUEUED',
      createdAt: this.clock.now(),
      columns: [],
      rows: [],
      eventsScanned: targets.reduce((n, s) => n + s.loadedRows, 0),
      bytesScanned: targets.reduce((n, s) => n + s.loadedBytes, 0),
      connection,
    };
    this.queries.set(query.id, query);
    void this.run(query, checked, prepared);
    return { QueryId: query.id };
  }

  private async run(query: LakeQuery, checked: CheckedStatement, prepared: DuckPrepared): Promise<void> {
    const connection = query.connection!;
    const started = performance.now();
    query.status = 'RUNNING';
    try {
      const reader = await prepared.runAndReadAll();
      if (query.status !== 'RUNNING') return;
      query.columns = resultColumns(checked, reader.columnNames());
      query.rows = reader.getRows() as Array<Array<string | null>>;
      query.status = 'FINISHED';
    } catch (error) {
      if (query.status !== 'RUNNING') return;
      query.status = 'FAILED';
      query.error = firstLine(error);
    } finally {
      query.executionMillis = Math.round(performance.now() - started);
      delete query.connection;
      connection.closeSync();
    }
  }

  describe(input: L.DescribeQueryRequest, caller: Caller): L.DescribeQueryResponse {
    const q = this.find(input.QueryId, input.EventDataStore, caller);
    return {
      QueryId: q.id,
      QueryString: q.statement,
      QueryStatus: q.status,
      QueryStatistics: {
        EventsMatched: q.status === 'FINISHED' ? q.rows.length : 0,
        EventsScanned: q.status === 'FINISHED' ? q.eventsScanned : 0,
        BytesScanned: q.status === 'FINISHED' ? q.bytesScanned : 0,
        ExecutionTimeInMillis: q.executionMillis ?? 0,
        CreationTime: new Date(q.createdAt),
      },
      ...(q.error ? { ErrorMessage: q.error } : {}),
    };
  }

  results(input: L.GetQueryResultsRequest, caller: Caller): L.GetQueryResultsResponse {
    const q = this.find(input.QueryId, input.EventDataStore, caller);
    const max = input.MaxQueryResults ?? 1000;
    if (!Number.isInteger(max) || max < 1 || max > 1000) throw new InvalidMaxResultsException('MaxQueryResults must be between 1 and 1000.');
    let start = 0;
    if (input.NextToken !== undefined) {
      const [id, offset] = Buffer.from(input.NextToken, 'base64url').toString().split(':');
      start = Number(offset);
      if (id !== q.id || !Number.isInteger(start) || start < 0 || start > q.rows.length) throw new InvalidNextTokenException('The NextToken is not valid for this query.');
    }
    const page = q.rows.slice(start, start + max);
    const next = start + page.length;
    return {
      QueryStatus: q.status,
      QueryStatistics: { ResultsCount: page.length, TotalResultsCount: q.rows.length, BytesScanned: q.status === 'FINISHED' ? q.bytesScanned : 0 },
      QueryResultRows: page.map((row) => toResultRow(q.columns, row)),
      ...(next < q.rows.length ? { NextToken: Buffer.from(`${q.id}:${next}`).toString('base64url') } : {}),
      ...(q.error ? { ErrorMessage: q.error } : {}),
    };
  }

  cancel(input: L.CancelQueryRequest, caller: Caller): L.CancelQueryResponse {
    const q = this.find(input.QueryId, input.EventDataStore, caller);
    if (q.status !== 'QUEUED' && q.status !== 'RUNNING') {
      throw new InactiveQueryException(`The query ${q.id} cannot be canceled because it is in the ${q.status} state.`);
    }
    q.status = 'CANCELLED';
    q.connection?.interrupt();
    return { QueryId: q.id, QueryStatus: q.status };
  }

  list(input: L.ListQueriesRequest, caller: Caller): L.ListQueriesResponse {
    this.purge();
    const store = this.stores.resolve(input.EventDataStore, caller);
    const start = input.StartTime === undefined ? -Infinity : new Date(input.StartTime).getTime();
    const end = input.EndTime === undefined ? Infinity : new Date(input.EndTime).getTime();
    if (Number.isNaN(start) || Number.isNaN(end) || start > end) throw new InvalidDateRangeException('The StartTime must be earlier than the EndTime.');
    if (input.QueryStatus !== undefined && !STATUSES.includes(input.QueryStatus)) {
      throw new InvalidQueryStatusException(`QueryStatus ${String(input.QueryStatus)} is not valid. Valid values are ${STATUSES.join(', ')}.`);
    }
    const max = input.MaxResults ?? 1000;
    if (!Number.isInteger(max) || max < 1 || max > 1000) throw new InvalidMaxResultsException('MaxResults must be between 1 and 1000.');
    const matching = [...this.queries.values()]
      .filter((q) => q.storeArns.includes(store.arn) && q.createdAt >= start && q.createdAt <= end && (input.QueryStatus === undefined || q.status === input.QueryStatus))
      .sort((a, b) => b.createdAt - a.createdAt);
    const offset = input.NextToken === undefined ? 0 : Number(Buffer.from(input.NextToken, 'base64url').toString());
    if (!Number.isInteger(offset) || offset < 0 || offset > matching.length) throw new InvalidNextTokenException('The NextToken is not valid.');
    const page = matching.slice(offset, offset + max);
    const next = offset + page.length;
    return {
      Queries: page.map((q) => ({ QueryId: q.id, QueryStatus: q.status, CreationTime: new Date(q.createdAt) })),
      ...(next < matching.length ? { NextToken: Buffer.from(String(next)).toString('base64url') } : {}),
    };
  }

  /** Interrupts every query still running (shutdown). */
  cancelAll(): void {
    for (const q of this.queries.values()) if (q.status === 'QUEUED' || q.status === 'RUNNING') this.cancel({ QueryId: q.id }, q);
  }

  private find(queryId: string | undefined, storeArn: string | undefined, caller: Caller): LakeQuery {
    this.purge();
    const q = queryId === undefined ? undefined : this.queries.get(queryId);
    if (!q || q.accountId !== caller.accountId || q.region !== caller.region) {
      throw new QueryIdNotFoundException(`The query ID ${String(queryId)} does not exist or does not map to a query.`);
    }
    if (storeArn !== undefined && !q.storeArns.includes(this.stores.resolve(storeArn, caller).arn)) {
      throw new QueryIdNotFoundException(`The query ID ${q.id} does not map to a query of event data store ${storeArn}.`);
    }
    return q;
  }

  private purge(): void {
    const oldest = this.clock.now() - RESULTS_KEPT_MS;
    for (const [id, q] of this.queries) if (q.createdAt < oldest && q.status !== 'QUEUED' && q.status !== 'RUNNING') this.queries.delete(id);
  }
}

/** A result row: one `{ column: value }` per column; NULLs are left out. */
function toResultRow(columns: string[], row: Array<string | null>): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let i = 0; i < columns.length; i++) {
    const value = row[i];
    if (value !== null && value !== undefined) out.push({ [columns[i]!]: value });
  }
  return out;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
