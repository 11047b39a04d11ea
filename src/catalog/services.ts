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
 * Services whose SigV4 signing name (and so eventSource) differs from their SDK name lower-cased: the client class
 * without `Client` (`SFNClient` → `sfn`) or the last segment of the Smithy namespace (`com.amazonaws.sfn` → `sfn`).
 * Used when no signing name was seen: a call that failed before auth, or a command class in a test matcher.
 */
const SIGNING_NAME_BY_SERVICE: Readonly<Record<string, string>> = {
  cloudwatch: 'monitoring',
  cloudwatchlogs: 'logs',
  eventbridge: 'events',
  sfn: 'states',
  cognitoidentityprovider: 'cognito-idp',
  cognitoidentity: 'cognito-identity',
  apigatewaymanagementapi: 'execute-api',
  elasticloadbalancingv2: 'elasticloadbalancing',
  sesv2: 'ses',
  kinesisanalyticsv2: 'kinesisanalytics',
  rdsdata: 'rds-data',
  ssoadmin: 'sso',
  ssooidc: 'sso-oauth',
  ssmincidents: 'ssm-incidents',
  marketplacecatalog: 'aws-marketplace',
  pinpoint: 'mobiletargeting',
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

/** The signing name to assume for a client class (`S3Client`) when the call never reached auth. */
export function signingNameForClient(clientName: string | undefined): string {
  if (!clientName) return 'unknown';
  return signingNameForService(clientName.replace(/Client$/, ''));
}

/** The signing name of a Smithy service namespace (`com.amazonaws.s3` → `s3`). */
export function signingNameForNamespace(namespace: string): string {
  return signingNameForService(namespace.slice(namespace.lastIndexOf('.') + 1));
}

function signingNameForService(name: string): string {
  const key = name.toLowerCase();
  return SIGNING_NAME_BY_SERVICE[key] ?? key;
}

/** True for services whose events CloudTrail records in us-east-1 regardless of the client's region. */
export function isGlobalService(signingName: string): boolean {
  return GLOBAL_SIGNING_NAMES.has(signingName);
}

/** True for a global-service event by eventSource (used by the engine's routing). */
export function isGlobalEventSource(eventSource: string): boolean {
  return GLOBAL_SIGNING_NAMES.has(eventSource.slice(0, eventSource.indexOf('.')));
}
