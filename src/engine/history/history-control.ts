// LookupEvents for a caller: the history of the caller's (account, region), brought up to date, then queried.
import type { LookupEventsRequest, LookupEventsResponse } from '../control-plane-shapes.js';
import type { Clock } from '../../clock/clock.js';
import type { RegionStates } from '../region-state.js';
import type { Caller } from '../trail-registry.js';
import { RETENTION_MS } from './event-history.js';
import { lookupEvents } from './lookup.js';

export class HistoryControl {
  constructor(
    private readonly regions: RegionStates,
    private readonly clock: Clock,
  ) {}

  /** 90 days of management events (or Insights events) of the caller's (account, region). */
  lookupEvents(input: LookupEventsRequest, caller: Caller): LookupEventsResponse {
    const state = this.regions.current(caller.accountId, caller.region);
    const now = this.clock.now();
    state.history.management.expire(now - RETENTION_MS);
    state.history.insight.expire(now - RETENTION_MS);
    return lookupEvents(input, state.history, now, `${caller.accountId}/${caller.region}`);
  }
}
