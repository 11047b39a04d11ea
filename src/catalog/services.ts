// Service knowledge as data: eventSource names, global services, and how a service is named when auth never ran.

/** Signing names whose CloudTrail eventSource is not `<signingName>.amazonaws.com`. */
const EVENT_SOURCE_EXCEPTIONS: Readonly<Record<string, string>> = {
  'execute-api': 'apigateway.amazonaws.com',
  'aws-marketplace': 'marketplacecatalog.amazonaws.com',
  mobiletargeting: 'pinpoint.amazonaws.com',
  awsssooidc: 'sso-oauth.amazonaws.com',
  'sso-oauth': 'sso-oauth.amazonaws.com',
  'rds-data': 'rdsdata.amazonaws.com',
  'lex-runtime': 'lex.amazonaws.com',
};

/**
 * Client class names whose signing name is not the class name lower-cased minus `Client` (used only when the call
 * failed before auth, so no signing name is known).
 */
const CLIENT_SIGNING_NAMES: Readonly<Record<string, string>> = {
  CloudWatchClient: 'monitoring',
  CloudWatchLogsClient: 'logs',
  EventBridgeClient: 'events',
  SFNClient: 'states',
  SESClient: 'ses',
  SESv2Client: 'ses',
  ElasticLoadBalancingV2Client: 'elasticloadbalancing',
  CognitoIdentityProviderClient: 'cognito-idp',
  ApiGatewayManagementApiClient: 'execute-api',
  LambdaClient: 'lambda',
  RDSDataClient: 'rds-data',
};

/**
 * Services CloudTrail treats as global: their events are recorded in us-east-1 whatever region the client uses
 * (cloudtrail-facts §6). STS is global only through its global endpoint, decided by the caller.
 */
const GLOBAL_SIGNING_NAMES: ReadonlySet<string> = new Set([
  'iam',
  'cloudfront',
  'route53',
  'organizations',
  'waf',
  'shield',
  'signin',
]);

export const GLOBAL_SERVICE_REGION = 'us-east-1';

const eventSourceCache = new Map<string, string>();

/** `s3` → `s3.amazonaws.com`, with CloudTrail's exceptions. */
export function eventSourceFor(signingName: string): string {
  let source = eventSourceCache.get(signingName);
  if (source === undefined) {
    source = EVENT_SOURCE_EXCEPTIONS[signingName] ?? `${signingName}.amazonaws.com`;
    eventSourceCache.set(signingName, source);
  }
  return source;
}

/** The signing name to assume for a client class when the call never reached auth. */
export function signingNameForClient(clientName: string | undefined): string {
  if (!clientName) return 'unknown';
  return CLIENT_SIGNING_NAMES[clientName] ?? clientName.replace(/Client$/, '').toLowerCase();
}

/** True for services whose events CloudTrail records in us-east-1 regardless of the client's region. */
export function isGlobalService(signingName: string): boolean {
  return GLOBAL_SIGNING_NAMES.has(signingName);
}

/** True for a global-service event by eventSource (used by the engine's routing). */
export function isGlobalEventSource(eventSource: string): boolean {
  return GLOBAL_SIGNING_NAMES.has(eventSource.slice(0, eventSource.indexOf('.')));
}
