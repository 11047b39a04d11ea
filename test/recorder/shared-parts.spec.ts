// Records of repeated calls share their invariant parts (kept small for the garbage collector); shared parts are frozen.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

describe('shared record parts', () => {
  it('repeated calls share user agent, resources and tlsDetails; a different table gets its own frozen list', async () => {
    const trail = createLocalTrail();
    const handler = stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' }));
    const ddb = new DynamoDBClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: handler });
    ddb.middlewareStack.use(trail.plugin());
    const get = (table: string) => ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: '1' } } }));
    await get('users');
    await get('users');
    await get('orders');
    const [a, b, c] = trail.events();
    expect(b!.resources).toBe(a!.resources);
    expect(b!.tlsDetails).toBe(a!.tlsDetails);
    expect(b!.userAgent).toBe(handler.requests[1]!.headers['user-agent']);
    expect(c!.resources).not.toBe(a!.resources);
    expect(c!.resources).toEqual([{ accountId: expect.any(String), type: 'AWS::DynamoDB::Table', ARN: expect.stringMatching(/:table\/orders$/) }]);
    expect(Object.isFrozen(a!.resources)).toBe(true);
    expect(Object.isFrozen(a!.resources![0])).toBe(true);
    // The same table in another region or account is another resource.
    const west = new DynamoDBClient({ region: 'us-west-2', credentials: { ...LONG_TERM, accountId: '444455556666' }, requestHandler: handler });
    west.middlewareStack.use(trail.plugin());
    await west.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: '1' } } }));
    await get('orders');
    const [, , , d, e] = trail.events();
    expect(d!.resources![0]).toEqual({ accountId: '444455556666', type: 'AWS::DynamoDB::Table', ARN: 'arn:aws:dynamodb:us-west-2:444455556666:table/orders' });
    expect(e!.resources).toEqual(c!.resources);
    // Every eventID is one flat GUID-form string, distinct per record.
    expect(new Set([a, b, c].map((e) => e!.eventID)).size).toBe(3);
    for (const e of [a, b, c]) expect(e!.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
