// Waits for delivery to go quiet, for tests that drive delivery with a ManualClock: moving the clock fires timers at
// once, but cutting files, signing digests and writing to sinks still take real time.
import type { DeliveryStats } from '../../src/delivery/delivery-stats.js';

/**
 * Resolves once no delivery task is queued or running (`stats.pendingTasks` is 0 on three polls in a row), so only
 * timers are left to fire.
 * @example
 * await clock.advance(5 * 60_000);
 * await deliverySettled(delivery);
 */
export async function deliverySettled(delivery: { readonly stats: DeliveryStats }): Promise<void> {
  const idle = (): boolean => delivery.stats.pendingTasks === 0;
  for (let stable = 0; stable < 3; ) {
    await new Promise<void>((resolve) => setTimeout(resolve, idle() ? 0 : 2));
    stable = idle() ? stable + 1 : 0;
  }
}
