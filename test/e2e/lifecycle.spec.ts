// LocalTrail lifecycle as tests use it: reset between tests forgets records and history, limits are options.
import { DynamoDBClient, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

function client(trail: ReturnType<typeof createLocalTrail>) {
  const ddb = new DynamoDBClient({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' })) });
  ddb.middlewareStack.use(trail.plugin());
  return ddb;
}

const create = (name: string) => new CreateTableCommand({ TableName: name, KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' });

describe('LocalTrail lifecycle', () => {
  it('reset() forgets records, event history and counters, and keeps recording', async () => {
    const trail = createLocalTrail({ controlPlaneEvents: false }); // counts SDK calls only (not LookupEvents itself)
    const ddb = client(trail);
    await ddb.send(create('a'));
    expect((await trail.lookupEvents({})).Events).toHaveLength(1);
    trail.reset();
    expect(trail.events()).toEqual([]);
    expect((await trail.lookupEvents({})).Events).toEqual([]);
    expect(trail.stats()).toMatchObject({ recorded: 0, errors: 0 });
    await ddb.send(create('b'));
    expect(trail.events().map((e) => e.requestParameters?.['tableName'])).toEqual(['b']);
    expect((await trail.lookupEvents({})).Events?.map((e) => JSON.parse(e.CloudTrailEvent!).requestParameters.tableName)).toEqual(['b']);
  });

  it('bounds event history with maxHistoryEvents and counts what it drops', async () => {
    const trail = createLocalTrail({ maxHistoryEvents: 2 });
    const ddb = client(trail);
    for (const name of ['a', 'b', 'c']) await ddb.send(create(name));
    const names = (await trail.lookupEvents({})).Events?.map((e) => JSON.parse(e.CloudTrailEvent!).requestParameters.tableName);
    expect(names).toEqual(['c', 'b']);
    expect(trail.stats().engine.historyDropped).toBe(1);
    expect(() => createLocalTrail({ maxHistoryEvents: 1.5 })).toThrowErrorMatchingInlineSnapshot(`[LocalTrailConfigError: localtrail: maxHistoryEvents must be a whole number >= 0, got 1.5]`);
  });
});
