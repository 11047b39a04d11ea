// The destinations of one DeliveryService, as delivery calls them: routed records, delivered files, flush,
// shutdown, stats and GetTrailStatus fields.
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { DeliveryRoute, DeliveryStatus } from '../../engine/delivery-port.js';
import type { DeliveredFile, DeliveryDestination, DestinationContext, DestinationShutdownReport, DestinationStats } from './destination.js';

/** Throws a TypeError at construction for anything that is not a destination (or a name used twice). */
export function validateDestinations(destinations: unknown): DeliveryDestination[] {
  if (destinations === undefined) return [];
  if (!Array.isArray(destinations)) throw new TypeError('localtrail: delivery.destinations must be a list');
  const names = new Set<string>();
  for (const d of destinations as DeliveryDestination[]) {
    if (!d || typeof d.attach !== 'function' || typeof d.flush !== 'function' || typeof d.shutdown !== 'function' || typeof d.stats !== 'function') {
      throw new TypeError('localtrail: every delivery destination needs attach, flush, shutdown and stats (use CloudWatchLogsDestination, EventBridgeDestination, SnsDestination …)');
    }
    if (names.has(d.name)) throw new TypeError(`localtrail: two delivery destinations are named "${d.name}"; give one a name`);
    names.add(d.name);
  }
  return destinations as DeliveryDestination[];
}

export class DestinationSet {
  private readonly routing: DeliveryDestination[];
  private readonly files: DeliveryDestination[];

  constructor(
    private readonly destinations: readonly DeliveryDestination[],
    context: DestinationContext,
  ) {
    for (const d of destinations) d.attach(context);
    this.routing = destinations.filter((d) => d.routed !== undefined);
    this.files = destinations.filter((d) => d.fileDelivered !== undefined);
  }

  /** On the recording path. */
  routed(route: DeliveryRoute, record: CloudTrailRecord): void {
    for (let i = 0; i < this.routing.length; i++) this.routing[i]!.routed!(route, record);
  }

  fileDelivered(file: DeliveredFile): void {
    for (const d of this.files) d.fileDelivered!(file);
  }

  async flush(): Promise<void> {
    await Promise.all(this.destinations.map((d) => d.flush()));
  }

  shutdown(): Promise<DestinationShutdownReport[]> {
    return Promise.all(this.destinations.map((d) => d.shutdown()));
  }

  stats(): Record<string, DestinationStats> {
    const out: Record<string, DestinationStats> = {};
    for (const d of this.destinations) out[d.name] = d.stats();
    return out;
  }

  status(trailArn: string): Partial<DeliveryStatus> {
    const out: Partial<DeliveryStatus> = {};
    for (const d of this.destinations) Object.assign(out, d.status?.(trailArn));
    return out;
  }
}
