// SNS's record rules: a published message is never logged.
import type { ServiceRules } from './types.js';

const PUBLISH =
  'https://github.com/elastic/integrations/blob/a7935d403eb6f8dfed4d940316cc1b2fc0ddc7cc/packages/aws/data_stream/cloudtrail/_dev/test/pipeline/test-publish-json.log';

export const SNS_RULES: ServiceRules = {
  service: 'sns',
  request: {
    Message: { source: PUBLISH, as: 'hidden' },
    // Subject and message attributes are the application's data too; the record holds the marker, as for Message.
    Subject: { source: PUBLISH, as: 'hidden' },
    MessageAttributes: { source: PUBLISH, as: 'hidden' },
  },
};
