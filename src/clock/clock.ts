// Injectable time: every time rule (5-minute files, hourly digests, 90-day history, Insights) reads this, never Date.now().

/** A source of the current time and of timers. Timers must not keep the process alive (`unref`). */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

let nextTimerId = 1;

/** The real clock: `Date.now()` and unref'd Node timers. */
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
