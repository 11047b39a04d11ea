// One attempt to hand an object to a sink, bounded by a timeout on the injectable clock.
import type { DeliveryObject, DeliverySink } from './sink.js';

/**
 * Raised when a sink neither resolves nor rejects within `exportTimeoutMillis`.
 * @example
 * createLocalTrail({ onError: (e) => { if (e instanceof DeliveryTimeoutError) console.warn(e.code, e.message); } });
 */
export class DeliveryTimeoutError extends Error {
  override readonly name = 'DeliveryTimeoutError';
  readonly code = 'DELIVERY_TIMEOUT';
}

export interface AttemptOptions {
  timeoutMs: number;
  /** Keep the process alive until the attempt ends (while shutting down: a hung sink must end in a report). */
  keepProcessAlive: boolean;
}

/**
 * Runs `sink.put(object)`; a synchronous throw, a rejection and a hang past `timeoutMs` all become a rejection.
 * The timeout is real time (a Node timer), not the injectable clock: it bounds real I/O, and a ManualClock moved
 * forward in a test must not time out an upload that is simply still on the wire.
 */
export function putWithTimeout(sink: DeliverySink, object: DeliveryObject, { timeoutMs, keepProcessAlive }: AttemptOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new DeliveryTimeoutError(`sink "${sink.name}" did not store s3://${object.bucket}/${object.key} within ${timeoutMs} ms`));
    }, timeoutMs);
    if (!keepProcessAlive) timer.unref();
    let pending: Promise<void>;
    try {
      pending = Promise.resolve(sink.put(object));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A short, readable description of a delivery failure (GetTrailStatus's LatestDeliveryError). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
