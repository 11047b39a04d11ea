// Lambda's record rules: access denials spelled AccessDenied, and Invoke written without parameters.
import type { ServiceRules } from './types.js';

const LAMBDA_LOGGING = 'https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html';
const INVOKE_DATA_EVENTS = 'https://awsteele.com/blog/2023/03/21/lambda-cloudtrail-data-events.html';

export const LAMBDA_RULES: ServiceRules = {
  service: 'lambda',
  errorCodes: { codes: { AccessDeniedException: 'AccessDenied' }, source: LAMBDA_LOGGING },
  deniedRequestParameters: { value: 'null', source: LAMBDA_LOGGING },
  operations: {
    // The Invoke data event holds neither the request nor the response (the payloads are application data).
    Invoke: { source: INVOKE_DATA_EVENTS, requestParameters: 'null', responseElements: 'null' },
  },
};
