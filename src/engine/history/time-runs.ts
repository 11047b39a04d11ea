// The event times of a history as runs: the first id of each run of records with the same time, and that time.
// The recorder writes one eventTime per second, so recording pushes a run once a second at most instead of a time
// per record, and a lookup reads a time without touching the (cold) record.

export class TimeRuns {
  /** First id of each run, ascending. */
  private ids: number[] = [];
  private times: number[] = [];
  /** The run the last `at` found: lookups walk ids in order, so the next one is mostly here or next door. */
  private memo = 0;

  /** Starts a run at `id` (greater than every id before) with time `t`. */
  push(id: number, t: number): void {
    this.ids.push(id);
    this.times.push(t);
  }

  /** The time of record `id`, at or after the first run's first id. */
  at(id: number): number {
    const ids = this.ids;
    const n = ids.length;
    let r = this.memo;
    if (r >= n) r = n - 1;
    if (ids[r]! <= id) {
      if (r + 1 === n || id < ids[r + 1]!) return this.times[(this.memo = r)]!;
      if (r + 2 === n || id < ids[r + 2]!) return this.times[(this.memo = r + 1)]!;
    } else if (r > 0 && ids[r - 1]! <= id) return this.times[(this.memo = r - 1)]!;
    // Elsewhere: the last run starting at or before id.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ids[mid]! <= id) lo = mid;
      else hi = mid - 1;
    }
    return this.times[(this.memo = lo)]!;
  }

  /** Forgets the runs that end before `id` (records below it are gone). */
  dropBefore(id: number): void {
    const ids = this.ids;
    let k = 0;
    while (k + 1 < ids.length && ids[k + 1]! <= id) k++;
    if (k === 0) return;
    ids.splice(0, k);
    this.times.splice(0, k);
    this.memo = 0;
  }
}
