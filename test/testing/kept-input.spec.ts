// The command input kept beside each record: what command matchers compare, bounded like the ring, never in a record.
import '../../src/testing/vitest.js';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createLocalTrail } from '../../src/index.js';
import { keptInputOf } from '../../src/recorder/event-ring.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

function dynamo(maxEvents?: number) {
  const trail = createLocalTrail(maxEvents === undefined ? {} : { maxEvents });
  const ddb = new DynamoDBClient({
    region: 'us-east-1',
    credentials: LONG_TERM,
    requestHandler: stubHandler(() => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' })),
  });
  ddb.middlewareStack.use(trail.plugin());
  const put = (n: number) => ddb.send(new PutItemCommand({ TableName: 'T', Item: { pk: { S: `p-${n}` }, value: { S: `value-${n}` } } }));
  return { trail, put };
}

describe('the input kept beside a record', () => {
  it('is the input as the SDK received it, outside the record', async () => {
    const { trail, put } = dynamo();
    await put(1);
    const [record] = trail.events();
    expect(keptInputOf(record!)).toEqual({ TableName: 'T', Item: { pk: { S: 'p-1' }, value: { S: 'value-1' } } });
    expect(record).not.toHaveProperty('input');
    expect(JSON.stringify(record)).not.toContain('value-1');
  });

  it('goes when its record leaves the ring (maxEvents), and with reset()', async () => {
    const { trail, put } = dynamo(2);
    const first = await put(1).then(() => trail.events()[0]!);
    await put(2);
    await put(3);
    expect(keptInputOf(first)).toBeUndefined();
    expect(trail).not.toHaveRecordedCommand(PutItemCommand, { Item: expect.objectContaining({ value: { S: 'value-1' } }) });
    expect(trail).toHaveRecordedCommand(PutItemCommand, { Item: expect.objectContaining({ value: { S: 'value-3' } }) });
    const kept = trail.events()[1]!;
    trail.reset();
    expect(keptInputOf(kept)).toBeUndefined();
  });

  it('is not kept at all with maxEvents: 0', async () => {
    const { trail, put } = dynamo(0);
    await put(1);
    expect(trail.events()).toEqual([]);
    expect(trail.stats().droppedFromMemory).toBe(1);
  });

  it('is found for records of every live trail, as arrays of records too', async () => {
    const a = dynamo();
    const b = dynamo();
    await a.put(1);
    await b.put(2);
    expect([...a.trail.events(), ...b.trail.events()]).toHaveRecordedCommandTimes(PutItemCommand, 1, { Item: expect.objectContaining({ pk: { S: 'p-2' } }) });
  });
});
