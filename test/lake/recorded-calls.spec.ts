// Lake calls are CloudTrail API calls: each is recorded as its cloudtrail.amazonaws.com management event and passes the
// authorize hook, whether made as a LocalTrail method or through an unchanged CloudTrailClient.
import { AccessDeniedException, CloudTrailClient, CreateEventDataStoreCommand, GetEventDataStoreCommand, ListEventDataStoresCommand } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { cloudTrailRequestHandler } from '../../src/engine/cloudtrail-handler.js';
import { createLocalTrail } from '../../src/localtrail.js';
import { LONG_TERM } from '../support/fixtures.js';
import { ACCOUNT, lakeSetup, storeId } from './helpers.js';

describe('Lake calls as CloudTrail events', () => {
  it('records a client’s CreateEventDataStore and GetEventDataStore once each, with the store in the response', async () => {
    const { client, trail } = lakeSetup();
    const created = await client.send(new CreateEventDataStoreCommand({ Name: 'audit-store', RetentionPeriod: 30 }));
    await client.send(new GetEventDataStoreCommand({ EventDataStore: storeId(created.EventDataStoreArn) }));
    const lake = trail.events().filter((r) => r.eventSource === 'cloudtrail.amazonaws.com');
    expect(lake.map((r) => r.eventName)).toEqual(['CreateEventDataStore', 'GetEventDataStore']);
    const [create, get] = lake;
    expect(create).toMatchObject({
      eventType: 'AwsApiCall',
      eventCategory: 'Management',
      managementEvent: true,
      readOnly: false,
      awsRegion: 'eu-west-1',
      recipientAccountId: ACCOUNT,
      requestParameters: { name: 'audit-store', retentionPeriod: 30 },
      responseElements: { eventDataStoreArn: created.EventDataStoreArn, name: 'audit-store' },
    });
    expect(create?.userIdentity?.accessKeyId).toBe(LONG_TERM.accessKeyId);
    expect(get).toMatchObject({ readOnly: true, requestParameters: { eventDataStore: storeId(created.EventDataStoreArn) } });
  });

  it('records a failed Lake call with CloudTrail’s error code', async () => {
    const { trail } = lakeSetup();
    await expect(trail.getEventDataStore({ EventDataStore: 'no-such-store-id-0000000000000000000' })).rejects.toThrow();
    const [failed] = trail.events().filter((r) => r.eventName === 'GetEventDataStore');
    expect(failed?.errorCode).toMatch(/EventDataStore(NotFound|ARNInvalid)Exception/);
  });

  it('asks the authorize hook with the event data store’s ARN, and denies as IAM does', async () => {
    const asked: string[] = [];
    const trail = createLocalTrail({
      clock: new ManualClock('2026-08-01T09:00:00Z'),
      accountId: ACCOUNT,
      region: 'eu-west-1',
      authorize: (_caller, action, resource) => {
        asked.push(`${action} ${resource}`);
        return action !== 'cloudtrail:ListEventDataStores';
      },
    });
    const client = new CloudTrailClient({ region: 'eu-west-1', credentials: LONG_TERM, requestHandler: cloudTrailRequestHandler(trail), maxAttempts: 1 });
    const created = await client.send(new CreateEventDataStoreCommand({ Name: 'audit-store' }));
    await client.send(new GetEventDataStoreCommand({ EventDataStore: created.EventDataStoreArn }));
    await expect(client.send(new ListEventDataStoresCommand({}))).rejects.toBeInstanceOf(AccessDeniedException);
    expect(asked).toEqual([
      `cloudtrail:CreateEventDataStore arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:eventdatastore/*`,
      `cloudtrail:GetEventDataStore ${created.EventDataStoreArn}`,
      'cloudtrail:ListEventDataStores *',
    ]);
    const denied = trail.events().find((r) => r.eventName === 'ListEventDataStores');
    expect(denied?.errorCode).toBe('AccessDeniedException'); // as for the trail operations (test/engine/authorize.spec.ts)
    expect(await trail.listEventDataStores().catch((e: Error) => e.name)).toBe('AccessDeniedException');
  });

  it('leaves Lake calls out with controlPlaneEvents: false', async () => {
    const trail = createLocalTrail({ controlPlaneEvents: false });
    await trail.createEventDataStore({ Name: 'quiet-store' });
    expect(trail.events()).toEqual([]);
  });
});
