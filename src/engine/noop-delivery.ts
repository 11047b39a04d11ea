// A DeliveryPort that delivers nothing: the engine's default when no delivery is wired in.
import type { DeliveryPort } from './delivery-port.js';

/**
 * Accepts every call and does nothing; `status` is empty and there are no public keys.
 * @example
 * new TrailEngine({ delivery: noopDelivery });
 */
export const noopDelivery: DeliveryPort = {
  enqueue() {},
  loggingStarted() {},
  loggingStopped() {},
  trailUpdated() {},
  status: () => ({}),
  listPublicKeys: () => [],
};
