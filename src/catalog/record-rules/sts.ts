// STS's record rules: the temporary credentials a call issued (key id and expiry, never the secret or token).
import type { OperationRule, ServiceRules } from './types.js';

const STS_EXAMPLES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html#cloudtrail-integration_examples-sts-api';

/** Reads that issue credentials: CloudTrail writes their responseElements, so a key can be tied to its session. */
const ISSUES_CREDENTIALS: OperationRule = { source: STS_EXAMPLES, responseElements: 'always' };

export const STS_RULES: ServiceRules = {
  service: 'sts',
  request: {
    // The MFA code a caller sends is not in the record, nor the identity provider's token or assertion.
    TokenCode: { source: STS_EXAMPLES, as: 'omit' },
    WebIdentityToken: { source: 'https://awsteele.com/blog/2023/10/25/aws-role-session-tags-for-github-actions.html', as: 'omit' },
    SAMLAssertion: { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html#stscloudtrailexample_saml', as: 'omit' },
  },
  response: {
    Credentials: { source: STS_EXAMPLES, as: 'keep' },
    'Credentials.SecretAccessKey': { source: STS_EXAMPLES, as: 'omit' },
    // CloudTrail logs the session token; localtrail never writes a secret.
    'Credentials.SessionToken': { source: STS_EXAMPLES, as: 'hidden' },
  },
  operations: {
    AssumeRole: ISSUES_CREDENTIALS,
    AssumeRoleWithSAML: ISSUES_CREDENTIALS,
    AssumeRoleWithWebIdentity: ISSUES_CREDENTIALS,
    AssumeRoot: ISSUES_CREDENTIALS,
    GetSessionToken: ISSUES_CREDENTIALS,
    GetFederationToken: ISSUES_CREDENTIALS,
    GetCallerIdentity: {
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html',
      requestParameters: 'null',
    },
  },
};
