// The counters every channel of a delivery service adds to: nothing is dropped or retried without a count.

/**
 * Counters shared by every channel of a delivery service.
 * @example
 * const { deliveredFiles, droppedRecords, failedAttempts } = trail.stats().delivery;
 */
export interface DeliveryStats {
  /** Records waiting in queues or in undelivered files. */
  queued: number;
  deliveredFiles: number;
  deliveredRecords: number;
  deliveredDigests: number;
  /** Records dropped because a queue was full (or delivery was shut down). */
  droppedRecords: number;
  /** Failed attempts to store an object (each retried). */
  failedAttempts: number;
  /** Objects waiting for (re)delivery. */
  pendingObjects: number;
  /** Delivery tasks queued or running: cutting files, signing digests, writing to sinks, publishing keys. 0 = idle. */
  pendingTasks: number;
}

export function newDeliveryStats(): DeliveryStats {
  return { queued: 0, deliveredFiles: 0, deliveredRecords: 0, deliveredDigests: 0, droppedRecords: 0, failedAttempts: 0, pendingObjects: 0, pendingTasks: 0 };
}
