// SNS notifications through a real SNSClient: Publish to the trail's topic; recording is suppressed for these
// calls. Subpath export `localtrail/destinations/sns`.
import { PublishCommand } from '@aws-sdk/client-sns';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SnsDestinationOptions } from './sns-notifications.js';
import { SnsDestination } from './sns-notifications.js';

export interface SnsClientDestinationOptions extends Omit<SnsDestinationOptions, 'publish'> {
  /** The client to publish with. */
  client: SNSClient;
}

/**
 * @example
 * import { snsDestination } from 'localtrail/destinations/sns';
 * createLocalTrail({ delivery: { destinations: [snsDestination({ client: new SNSClient({}) })] } });
 */
export function snsDestination(options: SnsClientDestinationOptions): SnsDestination {
  const { client, ...rest } = options;
  return new SnsDestination({
    ...rest,
    publish: async ({ topicArn, message }) => {
      await client.send(new PublishCommand({ TopicArn: topicArn, Message: message }));
    },
  });
}
