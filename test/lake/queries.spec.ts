// Lake queries through an unchanged CloudTrailClient: Lake's SQL on recorded SDK calls, restrictions, paging, cancel.
import {
  CancelQueryCommand,
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  DescribeQueryCommand,
  EventDataStoreNotFoundException,
  GetQueryResultsCommand,
  InactiveEventDataStoreException,
  InactiveQueryException,
  InvalidMaxResultsException,
  InvalidQueryStatementException,
  ListQueriesCommand,
  QueryIdNotFoundException,
  StartQueryCommand,
  UpdateEventDataStoreCommand,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { finish, lakeSetup, recordedDynamo, someCalls, storeId } from './helpers.js';

async function filledStore(extra: { data?: boolean } = {}) {
  const setup = lakeSetup();
  const selectors = extra.data
    ? [
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] },
      ]
    : undefined;
  const { EventDataStoreArn } = await setup.client.send(new CreateEventDataStoreCommand({ Name: 'calls', ...(selectors ? { AdvancedEventSelectors: selectors } : {}) }));
  const dynamo = recordedDynamo(setup.trail);
  return { ...setup, arn: EventDataStoreArn!, id: storeId(EventDataStoreArn), dynamo };
}

describe('Lake queries on recorded calls', () => {
  it("runs CloudTrail Lake's example aggregation with eventTime comparisons and Trino column names", async () => {
    const { client, clock, id, dynamo } = await filledStore();
    await someCalls(dynamo, 3);
    clock.advance(3600_000);
    await someCalls(dynamo, 2, 4);
    const { QueryId } = await client.send(
      new StartQueryCommand({ QueryStatement: `SELECT eventName, count(*) FROM ${id} WHERE eventTime > '2026-08-01 09:30:00' GROUP BY 1;` }),
    );
    const result = await finish(client, QueryId!);
    // PutItem is a data event: the default selectors keep management events only.
    expect(result).toEqual({ status: 'FINISHED', rows: [[{ eventName: 'DescribeTable' }, { _col1: '2' }]] });
    const described = await client.send(new DescribeQueryCommand({ QueryId }));
    expect(described.QueryStatistics).toMatchObject({ EventsMatched: 1, EventsScanned: 5 });
    expect(described.QueryStatistics!.BytesScanned).toBeGreaterThan(1000);
    expect(described.QueryString).toContain('GROUP BY 1');
  });

  it('reads nested fields: userIdentity.arn, requestParameters as a map, resources as an array, element_at', async () => {
    const { client, id, dynamo } = await filledStore({ data: true });
    await someCalls(dynamo, 1, 2);
    const sql =
      `SELECT eventName, userIdentity.arn AS who, requestParameters['tableName'] AS tbl, element_at(requestParameters, 'item') AS item, ` +
      `resources[1].arn AS arn, readOnly FROM ${id} WHERE eventCategory = 'Data' ORDER BY item`;
    const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: sql }));
    const { rows } = await finish(client, QueryId!);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      { eventName: 'PutItem' },
      { who: 'arn:aws:iam::111111111111:user/localtrail-user' },
      { tbl: 'items' },
      { item: '["id"]' }, // PutItem records only the item's attribute names, never its values
      { arn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/items' },
      { readOnly: 'false' },
    ]);
  });

  it('answers the documented restrictions with InvalidQueryStatementException', async () => {
    const { client, id } = await filledStore();
    const message = async (sql: string): Promise<string> => {
      const error = await client.send(new StartQueryCommand({ QueryStatement: sql })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidQueryStatementException);
      return (error as Error).message;
    };
    expect(await message(`DELETE FROM ${id}`)).toBe('Only SELECT statements are allowed. No query strings can change or mutate data.');
    expect(await message(`SELECT 1 FROM ${id}; SELECT 2 FROM ${id}`)).toBe('A query must be exactly one SELECT statement.');
    expect(await message(`SELECT * FROM ${id}, ${id}`)).toBe(
      'Only one event data store can be named in a FROM clause; combine event data stores with INNER, LEFT or RIGHT JOIN, UNION, EXCEPT or INTERSECT.',
    );
    expect(await message(`SELECT * FROM read_csv('/etc/passwd')`)).toBe('Only event data store IDs can follow FROM; table functions are not allowed.');
    expect(await message(`SELECT * FROM ${id} WHERE ${'eventName IS NOT NULL AND '.repeat(400)} true`)).toMatch(/^The query statement is \d+ characters long; the maximum is 10000\.$/);
    expect(await message('SELECT 1')).toBe('A query must name an event data store ID after FROM.');
    expect(await message(`SELEC eventName FROM ${id}`)).toMatch(/^The query has a syntax error: syntax error at or near "SELEC"/);
    expect(await message(`SELECT nosuchcolumn FROM ${id}`)).toMatch(/^The query is not valid: Binder Error: Referenced column "nosuchcolumn" not found/);
    const unknown = await client.send(new StartQueryCommand({ QueryStatement: 'SELECT * FROM 00000000-0000-4000-8000-000000000000' })).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(EventDataStoreNotFoundException);
  });

  it('joins and unions stores, and refuses a store pending deletion', async () => {
    const { client, id, dynamo } = await filledStore();
    const { EventDataStoreArn } = await client.send(new CreateEventDataStoreCommand({ Name: 'second', TerminationProtectionEnabled: false }));
    const second = storeId(EventDataStoreArn);
    await someCalls(dynamo, 2);
    const union = await client.send(new StartQueryCommand({ QueryStatement: `SELECT eventID FROM ${id} UNION ALL SELECT eventID FROM ${second}` }));
    expect((await finish(client, union.QueryId!)).rows).toHaveLength(4);
    const join = await client.send(
      new StartQueryCommand({ QueryStatement: `SELECT a.eventName, b.eventName AS other FROM ${id} AS a INNER JOIN ${second} AS b ON a.eventID = b.eventID` }),
    );
    expect((await finish(client, join.QueryId!)).rows).toEqual([
      [{ eventName: 'DescribeTable' }, { other: 'DescribeTable' }],
      [{ eventName: 'DescribeTable' }, { other: 'DescribeTable' }],
    ]);
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: EventDataStoreArn }));
    await expect(client.send(new StartQueryCommand({ QueryStatement: `SELECT * FROM ${second}` }))).rejects.toBeInstanceOf(InactiveEventDataStoreException);
  });

  it('pages results with QueryStatistics, lists queries, and refuses to cancel a finished one', async () => {
    const { client, id, arn, dynamo } = await filledStore();
    await someCalls(dynamo, 25);
    const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: `SELECT eventID, requestParameters FROM ${id}` }));
    await finish(client, QueryId!);
    const page1 = await client.send(new GetQueryResultsCommand({ QueryId, MaxQueryResults: 10 }));
    expect(page1.QueryStatistics).toMatchObject({ ResultsCount: 10, TotalResultsCount: 25 });
    expect(page1.QueryResultRows?.[0]?.[1]).toEqual({ requestParameters: '{tableName=t-0}' });
    const page3 = await client.send(new GetQueryResultsCommand({ QueryId, MaxQueryResults: 10, NextToken: (await client.send(new GetQueryResultsCommand({ QueryId, MaxQueryResults: 10, NextToken: page1.NextToken }))).NextToken }));
    expect(page3.QueryStatistics).toMatchObject({ ResultsCount: 5, TotalResultsCount: 25 });
    expect(page3.NextToken).toBeUndefined();
    await expect(client.send(new GetQueryResultsCommand({ QueryId, MaxQueryResults: 1001 }))).rejects.toBeInstanceOf(InvalidMaxResultsException);
    await expect(client.send(new CancelQueryCommand({ QueryId }))).rejects.toBeInstanceOf(InactiveQueryException);
    await expect(client.send(new DescribeQueryCommand({ QueryId: 'nope' }))).rejects.toBeInstanceOf(QueryIdNotFoundException);
    const listed = await client.send(new ListQueriesCommand({ EventDataStore: arn, QueryStatus: 'FINISHED' }));
    expect(listed.Queries?.map((q) => q.QueryId)).toEqual([QueryId]);
    expect(listed.Queries?.[0]?.CreationTime).toBeInstanceOf(Date);
  });

  it('cancels a running query', async () => {
    const { client, id, dynamo, arn } = await filledStore();
    await someCalls(dynamo, 3);
    // A recursive CTE counting to a billion keeps DuckDB busy for minutes unless interrupted.
    const slow = `WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000) SELECT count(*) FROM ${id} AS a INNER JOIN r ON true`;
    const started = await client.send(new StartQueryCommand({ QueryStatement: slow }));
    expect((await client.send(new DescribeQueryCommand({ QueryId: started.QueryId }))).QueryStatus).toBe('RUNNING');
    const cancelled = await client.send(new CancelQueryCommand({ QueryId: started.QueryId }));
    expect(cancelled).toMatchObject({ QueryId: started.QueryId, QueryStatus: 'CANCELLED' });
    expect((await finish(client, started.QueryId!)).status).toBe('CANCELLED');
    expect((await client.send(new ListQueriesCommand({ EventDataStore: arn, QueryStatus: 'CANCELLED' }))).Queries).toHaveLength(1);
  });

  it('keeps only what the selectors select, from creation on, and drops events past the retention period', async () => {
    const { client, clock, trail, id, arn, dynamo } = await filledStore();
    await someCalls(dynamo, 2);
    await client.send(new UpdateEventDataStoreCommand({ EventDataStore: arn, RetentionPeriod: 7 }));
    clock.advance(8 * 86_400_000);
    await someCalls(dynamo, 1);
    const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: `SELECT count(*) AS n FROM ${id}` }));
    expect((await finish(client, QueryId!)).rows).toEqual([[{ n: '1' }]]);
    expect(trail.stats().errors).toBe(0);
  });
});
