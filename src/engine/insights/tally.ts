// Counts behind an Insights event: calls, and per user identity, user agent and error code (its attributions).
import type { CloudTrailRecord } from '../../vocabulary/record.js';

/** Distinct values kept per attribute in one tally; later new values still count, unattributed. */
export const MAX_ATTRIBUTED_VALUES = 64;

/**
 * Counts per value. A run of the same value (a burst from one principal, one tool) costs a comparison per record,
 * not a Map update: minutes are tallied on a timer, but that work is still the application's CPU.
 */
export class Counter {
  private readonly counts = new Map<string, number>();
  private run: string | undefined;
  private runCount = 0;

  add(key: string, by = 1): void {
    if (key === this.run) {
      this.runCount += by;
      return;
    }
    this.settle();
    this.run = key;
    this.runCount = by;
  }

  /** Every value and its count. */
  entries(): Map<string, number> {
    this.settle();
    return this.counts;
  }

  private settle(): void {
    if (this.run === undefined) return;
    const n = this.counts.get(this.run);
    if (n !== undefined) this.counts.set(this.run, n + this.runCount);
    else if (this.counts.size < MAX_ATTRIBUTED_VALUES) this.counts.set(this.run, this.runCount);
    this.run = undefined;
  }
}

export interface Tally {
  count: number;
  users: Counter;
  agents: Counter;
  errors: Counter;
}

export function newTally(): Tally {
  return { count: 0, users: new Counter(), agents: new Counter(), errors: new Counter() };
}

/** Counts one record (CloudTrail writes a missing value as the string "null"). */
export function addRecord(into: Tally, r: CloudTrailRecord): void {
  into.count++;
  into.users.add(r.userIdentity?.arn ?? 'null');
  into.agents.add(r.userAgent ?? 'null');
  into.errors.add(r.errorCode ?? 'null');
}

export function mergeTally(into: Tally, from: Tally): void {
  into.count += from.count;
  for (const [k, v] of from.users.entries()) into.users.add(k, v);
  for (const [k, v] of from.agents.entries()) into.agents.add(k, v);
  for (const [k, v] of from.errors.entries()) into.errors.add(k, v);
}

/** The five largest, largest first; ties in the order first seen. */
export function topFive(counter: Counter): Array<[string, number]> {
  return [...counter.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
}
