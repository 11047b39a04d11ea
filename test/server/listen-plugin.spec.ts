// A CloudTrailClient that carries trail.plugin() and calls the same LocalTrail over trail.listen(): CloudTrail shows one
// event per call (the service's own, attributed to the signer), not one from the server and one from the plugin.
import {
  AccessDeniedException,
  CloudTrailClient,
  CreateTrailCommand,
  GetTrailCommand,
  ListChannelsCommand,
  StopLoggingCommand,
  TrailNotFoundException,
  UnsupportedOperationException,
} from '@aws-sdk/client-cloudtrail';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import type { LocalTrailOptions } from '../../src/index.js';
import { createLocalTrail } from '../../src/index.js';
import type { LocalTrailServer } from '../../src/server/http-server.js';
import { LONG_TERM } from '../support/fixtures.js';

const ACCT = '111122223333';
const servers: LocalTrailServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function pluggedClient(options: LocalTrailOptions = {}) {
  const trail = createLocalTrail({
    accountId: ACCT,
    clock: new ManualClock('2026-03-01T10:00:00Z'),
    identities: [{ accessKeyId: LONG_TERM.accessKeyId, userName: 'alice' }],
    ...options,
  });
  const server = await trail.listen({ port: 0 });
  servers.push(server);
  const client = new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials: LONG_TERM, maxAttempts: 1 });
  client.middlewareStack.use(trail.plugin());
  return { trail, client };
}

const cloudTrailEvents = (trail: ReturnType<typeof createLocalTrail>) => trail.events().filter((e) => e.eventSource === 'cloudtrail.amazonaws.com');

describe('a plugged CloudTrailClient calling trail.listen()', () => {
  it('records each call once: the server\'s record, with the request id the client saw', async () => {
    const { trail, client } = await pluggedClient();
    const created = await client.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'audit-logs' }));
    const got = await client.send(new GetTrailCommand({ Name: 'audit' }));
    await expect(client.send(new StopLoggingCommand({ Name: 'missing' }))).rejects.toBeInstanceOf(TrailNotFoundException);

    const events = cloudTrailEvents(trail);
    expect(events.map((e) => [e.eventName, e.errorCode])).toEqual([['CreateTrail', undefined], ['GetTrail', undefined], ['StopLogging', 'TrailNotFoundException']]);
    expect(events.map((e) => e.requestID)).toEqual([created.$metadata.requestId, got.$metadata.requestId, expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)]);
    expect(events[0]).toMatchObject({
      userIdentity: { type: 'IAMUser', userName: 'alice', accessKeyId: LONG_TERM.accessKeyId },
      userAgent: expect.stringContaining('aws-sdk-js/'),
      requestParameters: { name: 'audit', s3BucketName: 'audit-logs' },
      responseElements: expect.objectContaining({ trailARN: `arn:aws:cloudtrail:us-east-1:${ACCT}:trail/audit` }),
    });
    expect(trail.stats().recorded).toBe(3);
  });

  it('a denial is one AccessDeniedException event', async () => {
    const { trail, client } = await pluggedClient({ authorize: (_caller, action) => action !== 'cloudtrail:StopLogging' });
    await client.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'audit-logs' }));
    await expect(client.send(new StopLoggingCommand({ Name: 'audit' }))).rejects.toBeInstanceOf(AccessDeniedException);
    expect(cloudTrailEvents(trail).map((e) => [e.eventName, e.errorCode])).toEqual([['CreateTrail', undefined], ['StopLogging', 'AccessDeniedException']]);
  });

  it('a call the server refuses before running it is recorded once, by the plugin', async () => {
    const { trail, client } = await pluggedClient();
    // Channels (CloudTrail Lake integrations) are not implemented: the handler answers without running anything.
    await expect(client.send(new ListChannelsCommand({}))).rejects.toBeInstanceOf(UnsupportedOperationException);
    const events = cloudTrailEvents(trail);
    expect(events.map((e) => [e.eventName, e.errorCode])).toEqual([['ListChannels', 'UnsupportedOperationException']]);
    expect(trail.stats().recorded).toBe(1);
  });

  it('two LocalTrails: the caller\'s plugin records its call, the served trail records the call it served', async () => {
    const caller = createLocalTrail({ accountId: ACCT, clock: new ManualClock('2026-03-01T10:00:00Z') });
    const served = createLocalTrail({ accountId: ACCT, clock: new ManualClock('2026-03-01T10:00:00Z') });
    const server = await served.listen({ port: 0 });
    servers.push(server);
    const client = new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials: LONG_TERM, maxAttempts: 1 });
    client.middlewareStack.use(caller.plugin());
    const created = await client.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'audit-logs' }));
    expect(cloudTrailEvents(served).map((e) => [e.eventName, e.requestID])).toEqual([['CreateTrail', created.$metadata.requestId]]);
    expect(cloudTrailEvents(caller).map((e) => [e.eventName, e.requestID])).toEqual([['CreateTrail', created.$metadata.requestId]]);
  });
});
