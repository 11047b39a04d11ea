// trail.listen(): CloudTrail's API over real HTTP on 127.0.0.1 for an unchanged CloudTrailClient, the same answers as the
// in-process handler, and protocol errors (never a crash) for whatever else arrives.
import {
  CloudTrailClient,
  CreateTrailCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  InvalidLookupAttributesException,
  LookupEventsCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  TrailNotFoundException,
} from '@aws-sdk/client-cloudtrail';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { cloudTrailRequestHandler } from '../../src/engine/cloudtrail-handler.js';
import type { CloudTrailRecord } from '../../src/vocabulary/record.js';
import { createLocalTrail } from '../../src/index.js';
import type { LocalTrailServer } from '../../src/server/http-server.js';
import { serveRecords } from '../../src/server/serve-records.js';
import { LONG_TERM } from '../support/fixtures.js';
import { stubHandler } from '../support/stub-http.js';

const TARGET = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.';
const servers: LocalTrailServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function live(options: Parameters<ReturnType<typeof createLocalTrail>['listen']>[0] = {}) {
  const trail = createLocalTrail({ accountId: '111122223333', clock: new ManualClock('2026-03-01T10:00:00Z') });
  const server = await trail.listen({ port: 0, ...options });
  servers.push(server);
  const client = new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials: LONG_TERM, maxAttempts: 1 });
  return { trail, server, client };
}

function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/x-amz-json-1.1', ...headers } });
}

describe('CloudTrailClient over HTTP', () => {
  it('manages trails and looks events up on 127.0.0.1, with any credentials', async () => {
    const { trail, server, client } = await live();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const iam = new IAMClient({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: stubHandler(() => ({ headers: { 'content-type': 'text/xml' }, body: '<CreateUserResponse><CreateUserResult/></CreateUserResponse>' })) });
    iam.middlewareStack.use(trail.plugin());
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));

    expect((await client.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'logs' }))).TrailARN).toBe('arn:aws:cloudtrail:us-east-1:111122223333:trail/audit');
    await client.send(new StartLoggingCommand({ Name: 'audit' }));
    expect((await client.send(new GetTrailStatusCommand({ Name: 'audit' }))).IsLogging).toBe(true);
    const selectors = [{ ReadWriteType: 'WriteOnly' as const, IncludeManagementEvents: true }];
    await client.send(new PutEventSelectorsCommand({ TrailName: 'audit', EventSelectors: selectors }));
    expect((await client.send(new GetEventSelectorsCommand({ TrailName: 'audit' }))).EventSelectors).toMatchObject(selectors);
    expect((await client.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.Name)).toEqual(['audit']);
    const { Events } = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }));
    expect(Events?.map((e) => [e.EventName, e.Username, e.EventTime])).toEqual([['CreateUser', 'localtrail-user', new Date('2026-03-01T10:00:00Z')]]);
    // The server's calls are the in-process handler's: the LocalTrail itself changed.
    expect((await trail.getTrailStatus({ Name: 'audit' })).IsLogging).toBe(true);
  });

  it("errors arrive as the SDK's own exception classes", async () => {
    const { client } = await live();
    const missing = await client.send(new StartLoggingCommand({ Name: 'nope' })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TrailNotFoundException);
    expect((missing as Error).message).toBe('Unknown trail: nope for the user: 111122223333');
    expect((missing as TrailNotFoundException).$metadata.httpStatusCode).toBe(400);
    await expect(client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Bogus' as never, AttributeValue: 'x' }] }))).rejects.toBeInstanceOf(InvalidLookupAttributesException);
  });

  it('answers exactly as the in-process cloudTrailRequestHandler does', async () => {
    const { trail, server } = await live();
    await trail.createTrail({ Name: 'audit', S3BucketName: 'logs', IsMultiRegionTrail: true });
    const inProcess = new CloudTrailClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: cloudTrailRequestHandler(trail.engine) });
    const overHttp = new CloudTrailClient({ region: 'eu-west-1', endpoint: server.url, credentials: LONG_TERM });
    const strip = ({ $metadata: _m, ...rest }: { $metadata: unknown }) => rest;
    expect(strip(await overHttp.send(new DescribeTrailsCommand({})))).toEqual(strip(await inProcess.send(new DescribeTrailsCommand({}))));
    // A shadow trail in another region answers to its ARN; to its bare name it is not found, on both paths alike.
    const arn = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/audit';
    expect(strip(await overHttp.send(new GetTrailStatusCommand({ Name: arn })))).toEqual(strip(await inProcess.send(new GetTrailStatusCommand({ Name: arn }))));
    const errors = await Promise.all([overHttp, inProcess].map((c) => c.send(new GetTrailStatusCommand({ Name: 'audit' })).catch((e: Error) => [e.name, e.message])));
    expect(errors[0]).toEqual(errors[1]);
    expect(errors[0]).toEqual(['TrailNotFoundException', 'Unknown trail: audit for the user: 111122223333']);
  });

  it('a 12-digit access key id selects that account; the signing region is the region', async () => {
    const { trail, server } = await live();
    await trail.createTrail({ Name: 'theirs', S3BucketName: 'logs' }, { accountId: '444455556666', region: 'eu-west-1' });
    const other = new CloudTrailClient({ region: 'eu-west-1', endpoint: server.url, credentials: { accessKeyId: '444455556666', secretAccessKey: 'x' } });
    expect((await other.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.TrailARN)).toEqual(['arn:aws:cloudtrail:eu-west-1:444455556666:trail/theirs']);
    const mine = new CloudTrailClient({ region: 'eu-west-1', endpoint: server.url, credentials: LONG_TERM });
    expect((await mine.send(new DescribeTrailsCommand({}))).trailList).toEqual([]);
  });
});

describe('protocol errors, never a crash', () => {
  it('malformed JSON, a body that is not an object, an unknown or missing target', async () => {
    const { server } = await live();
    const cases: Array<[string, string | Buffer, Record<string, string>, number, string]> = [
      ['broken JSON', '{"Name":', { 'x-amz-target': `${TARGET}GetTrail` }, 400, 'SerializationException'],
      ['an array', '[1,2]', { 'x-amz-target': `${TARGET}GetTrail` }, 400, 'SerializationException'],
      ['null', 'null', { 'x-amz-target': `${TARGET}GetTrail` }, 400, 'SerializationException'],
      ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x01]), { 'x-amz-target': `${TARGET}GetTrail` }, 400, 'SerializationException'],
      ['no target', '{}', {}, 400, 'UnknownOperationException'],
      ["another service's target", '{}', { 'x-amz-target': 'DynamoDB_20120810.GetItem' }, 400, 'UnknownOperationException'],
      ['an operation CloudTrail has but localtrail not', '{}', { 'x-amz-target': `${TARGET}CreateEventDataStore` }, 400, 'UnsupportedOperationException'],
      ['a member of the wrong type', '{"Name": 42}', { 'x-amz-target': `${TARGET}GetTrail` }, 400, 'SerializationException'],
      ["the JavaScript SDK's short target, a missing trail", '{"Name": "nope"}', { 'x-amz-target': 'CloudTrail_20131101.GetTrail' }, 400, 'TrailNotFoundException'],
    ];
    for (const [what, body, headers, status, type] of cases) {
      const res = await post(server.url, body, headers);
      const json = (await res.json()) as { __type: string };
      expect([what, res.status, json.__type, res.headers.get('content-type')]).toEqual([what, status, type, 'application/x-amz-json-1.1']);
    }
    // Still serving.
    expect((await post(server.url, '{}', { 'x-amz-target': `${TARGET}ListTrails` })).status).toBe(200);
  });

  it('a body over maxRequestBytes gets 413, declared or streamed, and the server goes on', async () => {
    const { server } = await live({ maxRequestBytes: 1024 });
    const big = JSON.stringify({ Name: 'x'.repeat(5000) });
    const declared = await post(server.url, big, { 'x-amz-target': `${TARGET}GetTrail` });
    expect([declared.status, ((await declared.json()) as { __type: string }).__type]).toEqual([413, 'RequestEntityTooLargeException']);
    // Chunked: no content-length, the limit applies while reading.
    const streamed = await fetch(server.url, {
      method: 'POST',
      headers: { 'x-amz-target': `${TARGET}GetTrail` },
      body: new ReadableStream({ start(c) { for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('x'.repeat(500))); c.close(); } }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await post(server.url, '{}', { 'x-amz-target': `${TARGET}ListTrails` })).status).toBe(200);
  });

  it('bytes that are not HTTP get a 400 and a closed connection', async () => {
    const { server } = await live();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('\x00\x01GARBAGE / NOT-HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect((await post(server.url, '{}', { 'x-amz-target': `${TARGET}ListTrails` })).status).toBe(200);
  });

  it('answers only to loopback host names (no DNS rebinding) and only GET, HEAD and POST', async () => {
    const { server } = await live();
    const rebound = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('end', () => resolve(text));
    });
    expect(rebound).toMatch(/^HTTP\/1\.1 403 /);
    expect(rebound).toContain('AccessDeniedException');
    expect((await fetch(server.url.replace('127.0.0.1', 'localhost'))).status).toBe(200);
    expect((await fetch(server.url, { method: 'DELETE' })).status).toBe(405);
  });

  it('binds 127.0.0.1 by default and frees the port on close()', async () => {
    const { server } = await live();
    await server.close();
    await server.close(); // twice is fine
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('rejects options it cannot honour before listening', async () => {
    const trail = createLocalTrail();
    await expect(trail.listen({ port: 70000 })).rejects.toThrow('port must be 0 to 65535');
    await expect(trail.listen({ port: 70000 })).rejects.toMatchObject({ code: 'LOCALTRAIL_INVALID_OPTION', option: 'listen.port' });
    await expect(trail.listen({ maxRequestBytes: 0 })).rejects.toThrow('maxRequestBytes must be a positive integer');
  });
});

describe('the page and its facts', () => {
  it('GET / is the event-history page under a policy that loads nothing from elsewhere; /localtrail/info describes the histories', async () => {
    const { trail, server } = await live();
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/localtrail/page.js" defer></script>');
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    expect((await fetch(`${server.url}/localtrail/page.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    trail.engine.accept({ eventVersion: '1.11', eventTime: '2026-03-01T10:00:00Z', awsRegion: 'eu-west-1', eventID: 'e1', eventType: 'AwsApiCall', recipientAccountId: '111122223333', eventCategory: 'Management' });
    expect(await (await fetch(`${server.url}/localtrail/info`)).json()).toEqual({
      mode: 'live',
      description: `LocalTrail in process ${process.pid}`,
      defaultScope: { accountId: '111122223333', region: 'us-east-1' },
      scopes: [{ accountId: '111122223333', region: 'eu-west-1', events: 1, insights: 0 }],
    });
  });
});

describe('serveRecords: delivered records, read-only', () => {
  it('answers LookupEvents from the records with time at the newest one, and refuses changes', async () => {
    const records = [
      { eventVersion: '1.05', eventTime: '2025-01-10T08:00:00Z', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', awsRegion: 'us-east-1', eventID: 'old', eventType: 'AwsApiCall' as const, recipientAccountId: '111122223333' },
      { eventVersion: '1.11', eventTime: '2025-01-10T09:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', managementEvent: false, awsRegion: 'us-east-1', eventID: 'data', eventType: 'AwsApiCall' as const, recipientAccountId: '111122223333' },
      { eventVersion: '1.11', eventTime: '2025-01-10T10:00:00Z', eventSource: 'iam.amazonaws.com', eventName: 'DeleteUser', awsRegion: 'us-east-1', eventID: 'new', eventType: 'AwsApiCall' as const, recipientAccountId: '111122223333', eventCategory: 'Management' as const },
      { eventTime: 7 },
    ] as unknown as CloudTrailRecord[];
    const server = await serveRecords({ description: 'fixture records', records: () => records }, { port: 0 });
    servers.push(server);
    expect([server.records, server.skipped]).toEqual([3, 1]);
    const client = new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials: LONG_TERM });
    // Records without eventCategory (before eventVersion 1.08) are management events unless managementEvent is false.
    expect((await client.send(new LookupEventsCommand({}))).Events?.map((e) => e.EventId)).toEqual(['new', 'old']);
    expect((await client.send(new DescribeTrailsCommand({}))).trailList).toEqual([]);
    const refused = (await client.send(new CreateTrailCommand({ Name: 'x', S3BucketName: 'y' })).catch((e: unknown) => e)) as Error;
    expect([refused.name, refused.message]).toEqual(['UnsupportedOperationException', 'CreateTrail is not available: this localtrail server serves delivered files and changes nothing.']);
    expect(((await (await fetch(`${server.url}/localtrail/info`)).json()) as { mode: string }).mode).toBe('files');
  });
});
