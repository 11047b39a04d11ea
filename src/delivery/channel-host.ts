// What the pieces of a channel share: the service's clock, options, keys and counters, and the place it delivers for.
import type { Clock } from '../clock/clock.js';
import type { DeliveryStatus, DeliveryTrail } from '../engine/delivery-port.js';
import type { SigningKeyRing } from '../integrity/signing-keys.js';
import type { ResolvedDeliveryOptions } from './delivery-options.js';
import type { DeliveryStats } from './delivery-stats.js';
import type { DeliveryObject } from './sink.js';

/** What a channel needs from the service that owns it. */
export interface ChannelHost {
  readonly clock: Clock;
  readonly options: ResolvedDeliveryOptions;
  readonly keys: SigningKeyRing;
  readonly stats: DeliveryStats;
  /** The trail's GetTrailStatus fields, written as objects are delivered or refused. */
  statusOf(trailArn: string): DeliveryStatus;
  reportError(error: unknown, where: string): void;
  /** A log (or Insights) file reached every sink: the SNS destinations' notifications. */
  fileDelivered?(place: ChannelPlace, object: DeliveryObject): void;
}

/** One (trail, region, account): the trail as the engine last described it, the region and account folders. */
export interface ChannelPlace {
  readonly trail: DeliveryTrail;
  readonly region: string;
  readonly accountId: string;
}
