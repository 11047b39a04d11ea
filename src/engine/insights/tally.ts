// Counts behind an Insights event: calls, and per user identity, user agent and error code (its attributions).
import type { CloudTrailRecord } from '../../vocabulary/record.js';

/** Distinct values kept per attribute in one tally; later new values still count, unattributed. */
export const MAX_ATTRIBUTED_VALUES = 64;

export interface Tally {
  count: number;
  users: Map<string, number>;
  agents: Map<string, number>;
  errors: Map<string, number>;
}

export function newTally(): Tally {
  return { count: 0, users: new Map(), agents: new Map(), errors: new Map() };
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = map.get(key);
  if (n !== undefined) map.set(key, n + by);
  else if (map.size < MAX_ATTRIBUTED_VALUES) map.set(key, by);
}

/** Adds one minute's records (CloudTrail writes a missing value as the string "null"). */
export function addRecords(into: Tally, records: readonly CloudTrailRecord[]): void {
  into.count += records.length;
  for (const r of records) {
    bump(into.users, r.userIdentity?.arn ?? 'null', 1);
    bump(into.agents, r.userAgent ?? 'null', 1);
    bump(into.errors, r.errorCode ?? 'null', 1);
  }
}

export function mergeTally(into: Tally, from: Tally): void {
  into.count += from.count;
  for (const [k, v] of from.users) bump(into.users, k, v);
  for (const [k, v] of from.agents) bump(into.agents, k, v);
  for (const [k, v] of from.errors) bump(into.errors, k, v);
}

/** The five largest, largest first; ties in the order first seen. */
export function topFive(map: Map<string, number>): Array<[string, number]> {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, 5);
}
