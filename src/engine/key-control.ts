// ListPublicKeys: the digest-signing keys delivery used in the caller's region.
import type { ListPublicKeysRequest, ListPublicKeysResponse } from './control-plane-shapes.js';
import type { Clock } from '../clock/clock.js';
import type { DeliveryPort } from './delivery-port.js';
import { InvalidTimeRangeException } from './errors.js';
import type { Caller } from './trail-registry.js';

export class KeyControl {
  constructor(
    private readonly clock: Clock,
    private readonly delivery: DeliveryPort,
  ) {}

  /** Keys valid at any time in [StartTime, EndTime], newest first; no times = the current key. */
  listPublicKeys(input: ListPublicKeysRequest, caller: Caller): ListPublicKeysResponse {
    const now = this.clock.now();
    const start = input.StartTime !== undefined ? new Date(input.StartTime).getTime() : now;
    const end = input.EndTime !== undefined ? new Date(input.EndTime).getTime() : now;
    if (Number.isNaN(start) || Number.isNaN(end) || start > end) {
      throw new InvalidTimeRangeException('Start time must be equal to or earlier than end time.');
    }
    const keys = this.delivery.listPublicKeys(caller.region, start, end);
    return {
      PublicKeyList: keys.map((key) => ({
        Value: key.value,
        ValidityStartTime: new Date(key.validityStartTime),
        ValidityEndTime: new Date(key.validityEndTime),
        Fingerprint: key.fingerprint,
      })),
    };
  }
}
