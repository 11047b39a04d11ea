// An unchanged @aws-sdk/client-cloudtrail client managing local trails through cloudTrailRequestHandler.
import {
  CloudTrailClient,
  CreateTrailCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListPublicKeysCommand,
  LookupEventsCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  TrailNotFoundException,
  MaximumNumberOfTrailsExceededException,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { cloudTrailRequestHandler } from '../../src/engine/cloudtrail-handler.js';
import { TrailEngine } from '../../src/engine/trail-engine.js';
import { LONG_TERM } from '../support/fixtures.js';
import { makeRecord, RecordingDelivery } from './helpers.js';
import { localTrailParts } from '../../src/localtrail-internals.js';

function setup(region = 'eu-west-1') {
  const clock = new ManualClock('2026-08-01T09:00:00Z');
  const delivery = new RecordingDelivery();
  const engine = new TrailEngine({ clock, delivery, accountId: '111111111111' });
  const client = new CloudTrailClient({ region, credentials: LONG_TERM, requestHandler: cloudTrailRequestHandler(engine), maxAttempts: 1 });
  return { clock, delivery, engine, client };
}

describe('CloudTrailClient against the engine', () => {
  it('creates, starts and describes a trail in the client region; status times arrive as Dates', async () => {
    const { client, engine, clock } = setup();
    const created = await client.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'audit-logs', IsMultiRegionTrail: true }));
    expect(created.TrailARN).toBe('arn:aws:cloudtrail:eu-west-1:111111111111:trail/audit');
    await client.send(new StartLoggingCommand({ Name: 'audit' }));
    const status = await client.send(new GetTrailStatusCommand({ Name: 'audit' }));
    expect(status.IsLogging).toBe(true);
    expect(status.StartLoggingTime).toEqual(new Date(clock.now()));
    expect((await client.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.HomeRegion)).toEqual(['eu-west-1']);
    expect(engine.getTrail({ Name: 'audit' }, { region: 'eu-west-1' }).Trail?.IsMultiRegionTrail).toBe(true);
  });

  it('errors are the SDK\'s own exception classes with CloudTrail\'s messages', async () => {
    const { client } = setup();
    const error = await client.send(new StartLoggingCommand({ Name: 'missing' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrailNotFoundException);
    expect((error as Error).message).toBe('Unknown trail: missing for the user: 111111111111');
    for (const name of ['t-1', 't-2', 't-3', 't-4', 't-5']) await client.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
    await expect(client.send(new CreateTrailCommand({ Name: 't-6', S3BucketName: 'audit-logs' }))).rejects.toBeInstanceOf(MaximumNumberOfTrailsExceededException);
  });

  it('selectors round-trip and LookupEvents returns Dates and JSON strings', async () => {
    const { client, engine } = setup('us-east-1');
    await client.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'audit-logs' }));
    const selectors = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] }];
    await client.send(new PutEventSelectorsCommand({ TrailName: 'audit', AdvancedEventSelectors: selectors }));
    expect((await client.send(new GetEventSelectorsCommand({ TrailName: 'audit' }))).AdvancedEventSelectors).toEqual(selectors);
    const record = makeRecord({ recipientAccountId: '111111111111', eventTime: '2026-08-01T08:59:00Z' });
    engine.accept(record);
    const { Events } = await client.send(new LookupEventsCommand({ StartTime: new Date('2026-08-01T08:00:00Z'), MaxResults: 5 }));
    expect(Events?.map((e) => [e.EventId, e.EventTime, e.ReadOnly])).toEqual([[record.eventID, new Date('2026-08-01T08:59:00Z'), 'true']]);
    expect(JSON.parse(Events![0]!.CloudTrailEvent!)).toEqual(record);
  });

  it('public keys arrive as bytes', async () => {
    const { client, delivery, clock } = setup();
    delivery.keys = [{ value: new Uint8Array([48, 130, 1, 10]), validityStartTime: clock.now() - 1000, validityEndTime: clock.now() + 1000, fingerprint: 'f00d' }];
    const { PublicKeyList } = await client.send(new ListPublicKeysCommand({}));
    expect(PublicKeyList?.[0]?.Value).toEqual(new Uint8Array([48, 130, 1, 10]));
    expect(PublicKeyList?.[0]?.Fingerprint).toBe('f00d');
  });
});

describe('CloudTrailClient with the localtrail plugin', () => {
  it('its own control-plane calls are recorded and show in event history, as in CloudTrail', async () => {
    const { createLocalTrail } = await import('../../src/localtrail.js');
    const trail = createLocalTrail({ accountId: '111111111111', region: 'us-east-1', clock: new ManualClock('2026-08-01T09:00:00Z') });
    const client = new CloudTrailClient({ region: 'us-east-1', credentials: LONG_TERM, requestHandler: cloudTrailRequestHandler(localTrailParts(trail).engine) });
    client.middlewareStack.use(trail.plugin());
    await client.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'audit-logs' }));
    await client.send(new StartLoggingCommand({ Name: 'nope' })).catch(() => undefined);
    expect(trail.events().map((e) => [e.eventSource, e.eventName, e.errorCode])).toEqual([
      ['cloudtrail.amazonaws.com', 'CreateTrail', undefined],
      ['cloudtrail.amazonaws.com', 'StartLogging', 'TrailNotFoundException'],
    ]);
    const history = await trail.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'cloudtrail.amazonaws.com' }] });
    expect(history.Events?.map((e) => e.EventName)).toEqual(['StartLogging', 'CreateTrail']);
  });
});
