// EventBridge through a real EventBridgeClient: PutEvents, failed entries sent again; recording is suppressed for
// these calls. Subpath export `localtrail/destinations/eventbridge`.
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { EventBridgeDestinationOptions } from './eventbridge.js';
import { EventBridgeDestination } from './eventbridge.js';

export interface EventBridgeClientDestinationOptions extends Omit<EventBridgeDestinationOptions, 'putEvents'> {
  /** The client to send with (its region and endpoint decide the bus). */
  client: EventBridgeClient;
}

/**
 * Real EventBridge refuses PutEvents entries whose source starts with `aws.` (only AWS may send those); for a real
 * bus pass `source: (service) => \`localtrail.${service}\``. Emulators and LocalStack take `aws.*` as CloudTrail sends it.
 * @example
 * import { eventBridgeDestination } from 'localtrail/destinations/eventbridge';
 * createLocalTrail({ delivery: { destinations: [eventBridgeDestination({ client: new EventBridgeClient({}) })] } });
 */
export function eventBridgeDestination(options: EventBridgeClientDestinationOptions): EventBridgeDestination {
  const { client, ...rest } = options;
  return new EventBridgeDestination({
    ...rest,
    putEvents: async (entries) => {
      const out = await client.send(new PutEventsCommand({ Entries: entries }));
      if (!out.FailedEntryCount) return {};
      const failed: number[] = [];
      (out.Entries ?? []).forEach((entry, i) => {
        if (entry.ErrorCode !== undefined) failed.push(i);
      });
      return { failed };
    },
  });
}
