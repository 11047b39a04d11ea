// SQS's record rules: a message body is never logged.
import type { ServiceRules } from './types.js';

const SEND_MESSAGE = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-logging-using-cloudtrail.html';

export const SQS_RULES: ServiceRules = {
  service: 'sqs',
  request: {
    MessageBody: { source: SEND_MESSAGE, as: 'hidden' },
    // Message attributes are the application's data too; the record holds the marker, as for the body.
    MessageAttributes: { source: SEND_MESSAGE, as: 'hidden' },
  },
};
