// A store's backlog is loaded into DuckDB in the background once it is long, and bounded while it cannot be.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.js';
import { Lake } from '../../src/lake/lake.js';
import { makeRecord } from '../delivery/fixtures.js';

function lake(options: { loadBatch?: number; maxPending?: number } = {}) {
  const errors: unknown[] = [];
  const l = new Lake({ clock: new ManualClock('2026-03-02T00:00:00Z'), accountId: '111122223333', region: 'us-east-1', onError: (e) => errors.push(e), ...options });
  return { lake: l, errors };
}

const management = (i: number) => makeRecord(Date.parse('2026-03-01T10:00:00Z') + i * 1000, 'us-east-1', { eventCategory: 'Management', managementEvent: true, eventName: 'DescribeTable' });

describe('a store backlog', () => {
  it('is loaded in the background past loadBatch records, and queries see every record once', async () => {
    const { lake: l, errors } = lake({ loadBatch: 5 });
    const { EventDataStoreArn } = l.createEventDataStore({ Name: 'backlog' });
    for (let i = 0; i < 12; i++) l.accept(management(i));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(l.databaseOpen).toBe(true);
    const { QueryId } = await l.startQuery({ QueryStatement: `SELECT count(*) AS n, count(DISTINCT eventID) AS ids FROM ${EventDataStoreArn!.split('/').pop()}` });
    while (l.describeQuery({ QueryId }).QueryStatus === 'RUNNING') await new Promise((resolve) => setTimeout(resolve, 5));
    expect(l.getQueryResults({ QueryId }).QueryResultRows).toEqual([[{ n: '12' }, { ids: '12' }]]);
    expect(errors).toEqual([]);
    await l.close();
  });

  it('keeps at most maxPending records before the first load, counting the rest as dropped', () => {
    const { lake: l } = lake({ loadBatch: 1_000, maxPending: 3 });
    l.createEventDataStore({ Name: 'bounded' });
    for (let i = 0; i < 10; i++) l.accept(management(i));
    expect(l.droppedRecords).toBe(7);
    expect(l.databaseOpen).toBe(false);
  });
});
