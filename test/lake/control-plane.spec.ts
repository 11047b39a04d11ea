// CloudTrail Lake's event data store API through an unchanged CloudTrailClient: shapes, defaults, limits, errors.
import {
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  EventDataStoreAlreadyExistsException,
  EventDataStoreARNInvalidException,
  EventDataStoreMaxLimitExceededException,
  EventDataStoreNotFoundException,
  EventDataStoreTerminationProtectedException,
  GetEventDataStoreCommand,
  InactiveEventDataStoreException,
  InvalidEventSelectorsException,
  InvalidParameterException,
  ListEventDataStoresCommand,
  UpdateEventDataStoreCommand,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, lakeSetup, storeId } from './helpers.js';

describe('event data stores through CloudTrailClient', () => {
  it('creates a store with CloudTrail Lake defaults and reads it back by ARN and by ID', async () => {
    const { client, clock } = lakeSetup();
    const created = await client.send(new CreateEventDataStoreCommand({ Name: 'audit-store', TagsList: [{ Key: 'team', Value: 'sec' }] }));
    expect(created.EventDataStoreArn).toMatch(new RegExp(`^arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:eventdatastore/[0-9a-f-]{36}$`));
    expect(created).toMatchObject({
      Name: 'audit-store',
      Status: 'ENABLED',
      AdvancedEventSelectors: [{ Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      MultiRegionEnabled: true,
      OrganizationEnabled: false,
      RetentionPeriod: 366,
      TerminationProtectionEnabled: true,
      BillingMode: 'EXTENDABLE_RETENTION_PRICING',
      TagsList: [{ Key: 'team', Value: 'sec' }],
    });
    expect(created.CreatedTimestamp).toEqual(new Date(clock.now()));
    const byArn = await client.send(new GetEventDataStoreCommand({ EventDataStore: created.EventDataStoreArn }));
    const byId = await client.send(new GetEventDataStoreCommand({ EventDataStore: storeId(created.EventDataStoreArn) }));
    expect(byArn.Name).toBe('audit-store');
    expect(byId.EventDataStoreArn).toBe(created.EventDataStoreArn);
    const fixed = await client.send(new CreateEventDataStoreCommand({ Name: 'fixed', BillingMode: 'FIXED_RETENTION_PRICING' }));
    expect(fixed.RetentionPeriod).toBe(2557);
  });

  it('keeps ten stores per region, unique names, and validates retention, names and selectors', async () => {
    const { client } = lakeSetup();
    for (let i = 0; i < 10; i++) await client.send(new CreateEventDataStoreCommand({ Name: `store-${i}` }));
    await expect(client.send(new CreateEventDataStoreCommand({ Name: 'store-10' }))).rejects.toBeInstanceOf(EventDataStoreMaxLimitExceededException);
    const other = lakeSetup('us-east-1');
    await expect(other.client.send(new CreateEventDataStoreCommand({ Name: 'x'.repeat(2) }))).rejects.toBeInstanceOf(InvalidParameterException);
    await other.client.send(new CreateEventDataStoreCommand({ Name: 'dup' }));
    await expect(other.client.send(new CreateEventDataStoreCommand({ Name: 'dup' }))).rejects.toBeInstanceOf(EventDataStoreAlreadyExistsException);
    const tooLong = other.client.send(new CreateEventDataStoreCommand({ Name: 'r', RetentionPeriod: 3654 }));
    await expect(tooLong).rejects.toBeInstanceOf(InvalidParameterException);
    const fixedTooLong = other.client.send(new CreateEventDataStoreCommand({ Name: 'rr1', BillingMode: 'FIXED_RETENTION_PRICING', RetentionPeriod: 3000 }));
    await expect(fixedTooLong).rejects.toThrow('RetentionPeriod must be a whole number of days between 7 and 2557 for billing mode FIXED_RETENTION_PRICING.');
    const badSelectors = other.client.send(
      new CreateEventDataStoreCommand({ Name: 'sel', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }] }),
    );
    await expect(badSelectors).rejects.toBeInstanceOf(InvalidEventSelectorsException);
  });

  it('lists with paging, updates settings, and resolves ARNs strictly', async () => {
    const { client } = lakeSetup();
    const arns: string[] = [];
    for (const name of ['a-store', 'b-store', 'c-store']) arns.push((await client.send(new CreateEventDataStoreCommand({ Name: name }))).EventDataStoreArn!);
    const first = await client.send(new ListEventDataStoresCommand({ MaxResults: 2 }));
    expect(first.EventDataStores?.map((s) => s.Name)).toEqual(['a-store', 'b-store']);
    const second = await client.send(new ListEventDataStoresCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.EventDataStores?.map((s) => s.Name)).toEqual(['c-store']);
    expect(second.NextToken).toBeUndefined();
    const updated = await client.send(new UpdateEventDataStoreCommand({ EventDataStore: arns[0], Name: 'renamed', RetentionPeriod: 30, MultiRegionEnabled: false }));
    expect(updated).toMatchObject({ Name: 'renamed', RetentionPeriod: 30, MultiRegionEnabled: false });
    await expect(client.send(new UpdateEventDataStoreCommand({ EventDataStore: arns[1], Name: 'renamed' }))).rejects.toBeInstanceOf(EventDataStoreAlreadyExistsException);
    await expect(client.send(new GetEventDataStoreCommand({ EventDataStore: 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/x' }))).rejects.toBeInstanceOf(
      EventDataStoreARNInvalidException,
    );
    const missing = await client.send(new GetEventDataStoreCommand({ EventDataStore: '00000000-0000-4000-8000-000000000000' })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(EventDataStoreNotFoundException);
    expect((missing as Error).message).toBe('The specified event data store 00000000-0000-4000-8000-000000000000 was not found.');
  });

  it('termination protection blocks deletion; a deleted store is PENDING_DELETION for seven days, then gone', async () => {
    const { client, clock } = lakeSetup();
    const { EventDataStoreArn: arn } = await client.send(new CreateEventDataStoreCommand({ Name: 'protected' }));
    const refused = await client.send(new DeleteEventDataStoreCommand({ EventDataStore: arn })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EventDataStoreTerminationProtectedException);
    await client.send(new UpdateEventDataStoreCommand({ EventDataStore: arn, TerminationProtectionEnabled: false }));
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: arn }));
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }))).Status).toBe('PENDING_DELETION');
    await expect(client.send(new UpdateEventDataStoreCommand({ EventDataStore: arn, Name: 'again' }))).rejects.toBeInstanceOf(InactiveEventDataStoreException);
    clock.set(clock.now() + 7 * 86_400_000);
    await expect(client.send(new GetEventDataStoreCommand({ EventDataStore: arn }))).rejects.toBeInstanceOf(EventDataStoreNotFoundException);
    expect((await client.send(new ListEventDataStoresCommand({}))).EventDataStores).toEqual([]);
  });
});
