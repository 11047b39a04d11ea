// A LocalTrail with an unchanged CloudTrailClient wired to it (Lake operations included), and SDK calls to fill it.
import { CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { cloudTrailRequestHandler } from '../../src/engine/cloudtrail-handler.js';
import { createLocalTrail } from '../../src/localtrail.js';
import type { LocalTrail } from '../../src/localtrail.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

export const ACCOUNT = '111111111111';

export function lakeSetup(region = 'eu-west-1') {
  const clock = new ManualClock('2026-08-01T09:00:00Z');
  const trail = createLocalTrail({ clock, accountId: ACCOUNT, region });
  const client = new CloudTrailClient({
    region,
    credentials: LONG_TERM,
    requestHandler: cloudTrailRequestHandler(trail.engine, { lake: trail.lake }),
    maxAttempts: 1,
  });
  return { clock, trail, client };
}

/** A DynamoDB client recorded by `trail`, answering every call from a stub. */
export function recordedDynamo(trail: LocalTrail, region = 'eu-west-1'): DynamoDBClient {
  const dynamo = new DynamoDBClient({ region, credentials: LONG_TERM, requestHandler: stubHandler(() => ({ body: '{}' })), maxAttempts: 1 });
  dynamo.middlewareStack.use(trail.plugin());
  return dynamo;
}

/** `n` DescribeTable calls (management reads) on tables `t-0`…, then `m` PutItem calls (data events). */
export async function someCalls(dynamo: DynamoDBClient, n: number, m = 0): Promise<void> {
  for (let i = 0; i < n; i++) await dynamo.send(new DescribeTableCommand({ TableName: `t-${i}` }));
  for (let i = 0; i < m; i++) await dynamo.send(new PutItemCommand({ TableName: 'items', Item: { id: { S: `i-${i}` } } }));
}

/** Polls DescribeQuery until the query is no longer QUEUED or RUNNING, then returns every result row. */
export async function finish(client: CloudTrailClient, queryId: string): Promise<{ status: string; rows: Record<string, string>[][]; error?: string }> {
  for (;;) {
    const d = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
    if (d.QueryStatus !== 'QUEUED' && d.QueryStatus !== 'RUNNING') break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const rows: Record<string, string>[][] = [];
  let token: string | undefined;
  let status = '';
  let error: string | undefined;
  do {
    const page = await client.send(new GetQueryResultsCommand({ QueryId: queryId, ...(token ? { NextToken: token } : {}) }));
    rows.push(...(page.QueryResultRows ?? []));
    status = page.QueryStatus!;
    error = page.ErrorMessage;
    token = page.NextToken;
  } while (token);
  return { status, rows, ...(error ? { error } : {}) };
}

export function storeId(arn: string | undefined): string {
  return arn!.slice(arn!.lastIndexOf('/') + 1);
}
