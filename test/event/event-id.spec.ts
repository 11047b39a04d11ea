import { describe, expect, it } from 'vitest';
import { eventIdTime, newEventId } from '../../src/event/event-id.js';

describe('eventID', () => {
  it('is a lowercase GUID carrying its millisecond, unique and sorted by time, also within one millisecond', () => {
    const t0 = Date.UTC(2026, 2, 4, 9, 15, 2, 123);
    const ids = [t0, t0, t0, t0 + 1, t0 + 1, t0 + 5000].map((t) => newEventId(t));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map(eventIdTime)).toEqual([t0, t0, t0, t0 + 1, t0 + 1, t0 + 5000]);
  });

  it('stays monotonic when the clock steps back', () => {
    const a = newEventId(Date.UTC(2030, 0, 1));
    const b = newEventId(Date.UTC(2029, 0, 1));
    expect(b > a).toBe(true);
  });

  it('carries the bits of randomness: 100,000 ids in one millisecond are distinct', () => {
    const t = Date.UTC(2031, 0, 1);
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(newEventId(t));
    expect(ids.size).toBe(100_000);
  });
});
