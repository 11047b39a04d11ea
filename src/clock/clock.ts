// Injectable time: every time rule (5-minute files, hourly digests, 90-day history, Insights) reads this, never Date.now().

/**
 * A source of the current time and of timers. Timers must not keep the process alive (`unref`).
 * @example
 * const trail = createLocalTrail({ clock: new ManualClock('2026-03-01T10:00:00Z') }); // or your own Clock
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * A timer a {@link Clock} set, to clear it.
 * @example
 * const handle: TimerHandle = systemClock.setTimeout(() => {}, 1000);
 * systemClock.clearTimeout(handle);
 */
export interface TimerHandle {
  readonly id: number;
}

let nextTimerId = 1;

/**
 * The real clock: `Date.now()` and unref'd Node timers.
 * @example
 * createLocalTrail({ clock: systemClock }); // the default
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return { id: nextTimerId++, timer } as TimerHandle;
  },
  clearTimeout(handle) {
    clearTimeout((handle as TimerHandle & { timer: ReturnType<typeof setTimeout> }).timer);
  },
};
