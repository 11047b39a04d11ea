// A clock tests drive by hand: time moves only when told, and due timers fire in order as it moves.
import type { Clock, TimerHandle } from './clock.js';
import { LocalTrailConfigError } from '../vocabulary/config-error.js';

interface PendingTimer {
  handle: TimerHandle;
  due: number;
  callback: () => void;
}

/**
 * A manual clock for tests.
 * @example
 * const clock = new ManualClock('2026-01-01T00:00:00Z');
 * const trail = createLocalTrail({ clock });
 * await clock.advance(5 * 60_000); // fires the 5-minute delivery timer
 */
export class ManualClock implements Clock {
  private current: number;
  private timers: PendingTimer[] = [];
  private nextId = 1;

  constructor(start: number | string | Date = 0) {
    this.current = typeof start === 'number' ? start : new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new LocalTrailConfigError('start', `ManualClock: invalid start time ${String(start)}`);
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = { id: this.nextId++ };
    this.timers.push({ handle, due: this.current + Math.max(0, ms), callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.handle.id !== handle.id);
  }

  /** Sets the time without firing timers (for example to go back, or to jump over a window on purpose). */
  set(time: number | string | Date): void {
    this.current = typeof time === 'number' ? time : new Date(time).getTime();
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in due order, with the clock set to
   * each timer's due time while it runs. Awaits pending promise callbacks after each timer so async work settles.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      this.timers.sort((a, b) => a.due - b.due || a.handle.id - b.handle.id);
      const next = this.timers[0];
      if (!next || next.due > target) break;
      this.timers.shift();
      this.current = next.due;
      next.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** Number of timers waiting to fire. */
  get pendingTimers(): number {
    return this.timers.length;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
