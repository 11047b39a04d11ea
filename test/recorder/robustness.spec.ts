// Recording never gets in the application's way: results and errors pass through untouched whatever fails inside.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../src/index.js';
import { createLocalTrail, runWithoutRecording, systemClock } from '../../src/index.js';
import { LONG_TERM } from '../support/fixtures.js';
import { connectionRefused, stubHandler } from '../support/stub-http.js';

const ok = () => ({ headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });

function dynamo(trail: ReturnType<typeof createLocalTrail>, respond = ok, extra: object = {}) {
  const http = stubHandler(respond);
  const ddb = new DynamoDBClient({ region: 'us-east-2', credentials: LONG_TERM, requestHandler: http, ...extra });
  ddb.middlewareStack.use(trail.plugin());
  return { ddb, http };
}

describe('pass-through', () => {
  it('returns the very output object the SDK produced', async () => {
    const trail = createLocalTrail();
    const { ddb } = dynamo(trail);
    const spy = vi.fn((x: unknown) => x);
    ddb.middlewareStack.add((next) => async (args) => spy(await next(args)) as never, { step: 'initialize', priority: 'high', name: 'outer-spy' });
    const out = await ddb.send(new PutItemCommand({ TableName: 't', Item: { a: { S: 'b' } } }));
    expect(spy.mock.results[0]!.value.output).toBe(out);
    expect(trail.events()).toHaveLength(1);
  });

  it('rethrows the same error object with its class and $metadata', async () => {
    const trail = createLocalTrail();
    const { ddb } = dynamo(trail, () => ({ status: 400, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ __type: 'ValidationException', message: 'bad' }) }));
    let inner: unknown;
    ddb.middlewareStack.add((next) => async (args) => next(args).catch((e: unknown) => { inner = e; throw e; }), { step: 'serialize', name: 'inner-spy' });
    const outer = await ddb.send(new PutItemCommand({ TableName: 't', Item: {} })).catch((e: unknown) => e);
    expect(outer).toBe(inner);
    expect(outer).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
  });

  it('keeps working when onError throws, the clock throws, and the input is circular', async () => {
    let clockBroken = true;
    const clock: Clock = { ...systemClock, now: () => { if (clockBroken) throw new Error('clock down'); return Date.now(); } };
    const onError = vi.fn(() => { throw new Error('listener down'); });
    const trail = createLocalTrail({ clock, onError });
    const { ddb } = dynamo(trail);
    const out = await ddb.send(new PutItemCommand({ TableName: 't', Item: { a: { S: 'b' } } }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'clock down' }), 'record');
    expect(trail.stats()).toMatchObject({ errors: 1, recorded: 0 });

    clockBroken = false;
    const s3 = new S3Client({ region: 'us-east-2', credentials: LONG_TERM, requestHandler: stubHandler() });
    s3.middlewareStack.use(trail.plugin());
    // The SDK serialises only modelled members, and the record holds only those: an unmodelled cycle is never walked.
    const input: Record<string, unknown> = { Bucket: 'b', Key: 'k', Body: 'x' };
    input['Self'] = input;
    const out2 = await s3.send(new PutObjectCommand(input as never));
    expect(out2.$metadata.httpStatusCode).toBe(200);
    const record = trail.events().at(-1)!;
    expect(record.requestParameters).toMatchObject({ bucketName: 'b', key: 'k' });
    expect(record.requestParameters).not.toHaveProperty('self');
    expect(() => JSON.stringify(trail.events())).not.toThrow();
  });

  it('caps a huge input at CloudTrail’s 100 KB without buffering it twice', async () => {
    const trail = createLocalTrail();
    const { ddb } = dynamo(trail);
    const big = 'x'.repeat(300 * 1024);
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { id: { S: '1' } }, ConditionExpression: big }));
    const size = JSON.stringify(trail.events()[0]!.requestParameters).length;
    expect(size).toBeLessThanOrEqual(100 * 1024 + 200);
    expect(size).toBeGreaterThan(90 * 1024);
  });

  it('records a network failure after the retries, and the app sees the network error', async () => {
    const trail = createLocalTrail();
    const { ddb, http } = dynamo(trail, () => { throw connectionRefused(); }, { maxAttempts: 2 });
    const error = await ddb.send(new PutItemCommand({ TableName: 't', Item: {} })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(http.requests).toHaveLength(2);
    expect(trail.events()).toHaveLength(1);
    expect(trail.events()[0]).toMatchObject({ errorCode: 'ECONNREFUSED', errorMessage: 'connect ECONNREFUSED 127.0.0.1:9' });
  });

  it('records a credential provider failure (the call never reached the wire)', async () => {
    const trail = createLocalTrail({ region: 'us-east-2' });
    const credentials = async () => { throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }); };
    const { ddb, http } = dynamo(trail, ok, { credentials });
    const error = await ddb.send(new PutItemCommand({ TableName: 't', Item: {} })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CredentialsProviderError' });
    expect(http.requests).toHaveLength(0);
    expect(trail.events()[0]).toMatchObject({
      eventSource: 'dynamodb.amazonaws.com',
      eventName: 'PutItem',
      errorCode: 'CredentialsProviderError',
      userIdentity: { type: 'Unknown', accountId: '123456789012' },
    });
  });
});

describe('bounded memory and suppression', () => {
  it('keeps the newest maxEvents records and counts the dropped ones', async () => {
    const trail = createLocalTrail({ maxEvents: 3 });
    const { ddb } = dynamo(trail);
    for (let i = 0; i < 5; i++) await ddb.send(new PutItemCommand({ TableName: `t${i}`, Item: {} }));
    expect(trail.events().map((e) => (e.requestParameters as { tableName: string }).tableName)).toEqual(['t2', 't3', 't4']);
    expect(trail.stats()).toMatchObject({ recorded: 5, droppedFromMemory: 2 });
  });

  it('does not record calls made inside runWithoutRecording', async () => {
    const trail = createLocalTrail();
    const { ddb } = dynamo(trail);
    await runWithoutRecording(() => ddb.send(new PutItemCommand({ TableName: 't', Item: {} })));
    await ddb.send(new PutItemCommand({ TableName: 'u', Item: {} }));
    expect(trail.events()).toHaveLength(1);
    expect(trail.stats().suppressed).toBe(1);
  });

  it('rejects bad options at construction with a clear message', () => {
    expect(() => createLocalTrail({ accountId: '12' })).toThrowErrorMatchingInlineSnapshot(`[LocalTrailConfigError: localtrail: accountId must be 12 digits, got "12"]`);
    expect(() => createLocalTrail({ maxEvents: -1 })).toThrowErrorMatchingInlineSnapshot(`[LocalTrailConfigError: localtrail: maxEvents must be a whole number >= 0, got -1]`);
    expect(() => createLocalTrail({ redact: [''] })).toThrowErrorMatchingInlineSnapshot(`[LocalTrailConfigError: localtrail: invalid redact path ""]`);
  });
});
