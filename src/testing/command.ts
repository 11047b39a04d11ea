// Which records an SDK Command class stands for: its operation, service and eventName, read from the class itself.
import { eventNameFor } from '../catalog/event-names.js';
import { eventSourceFor } from '../catalog/services.js';

/** Any SDK v3 command class (`PutObjectCommand`, `GetItemCommand` …); only its name and schema are read. */
export type CommandClass = abstract new (input: never) => unknown;

/** What a command class says about the records it produces. */
export interface CommandIdentity {
  /** `PutObjectCommand`. */
  commandName: string;
  /** `PutObject`. */
  operation: string;
  /** `s3.amazonaws.com`, when the class carries a service schema. */
  eventSource?: string;
  /** CloudTrail's eventName (`PutObject`; Lambda: `CreateFunction20150331`). */
  eventName: string;
  /** The operation schema (`[9, namespace, name, traits, input, output]`) for input conversion, when present. */
  operationSchema?: readonly unknown[];
}

/**
 * Smithy namespaces whose SigV4 signing name (and so CloudTrail eventSource) differs from the namespace's last
 * segment. Command classes do not carry the signing name; this covers the common clients.
 */
const SIGNING_NAME_BY_NAMESPACE: Readonly<Record<string, string>> = {
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
  route53domains: 'route53domains',
  ssmincidents: 'ssm-incidents',
  marketplacecatalog: 'aws-marketplace',
  pinpoint: 'mobiletargeting',
};

const cache = new WeakMap<object, CommandIdentity>();

function isCommandClass(value: unknown): value is CommandClass & { name: string } {
  return typeof value === 'function' && typeof (value as { name?: unknown }).name === 'string';
}

/**
 * Reads a command class once. Throws a TypeError naming the mistake when `command` is not a command class
 * (e.g. an instance: `new PutObjectCommand(...)` instead of `PutObjectCommand`).
 * @example
 * commandIdentity(PutObjectCommand); // { commandName: 'PutObjectCommand', operation: 'PutObject', eventSource: 's3.amazonaws.com', eventName: 'PutObject' }
 */
export function commandIdentity(command: unknown, matcherName = 'localtrail'): CommandIdentity {
  if (!isCommandClass(command)) {
    const hint = typeof command === 'object' && command !== null ? ' (pass the class, e.g. PutObjectCommand, not an instance)' : '';
    throw new TypeError(`${matcherName}: expected an AWS SDK v3 command class${hint}`);
  }
  const cached = cache.get(command);
  if (cached) return cached;
  const schema = schemaOf(command);
  const operation = typeof schema?.[2] === 'string' ? schema[2] : command.name.replace(/Command$/, '');
  if (!operation) throw new TypeError(`${matcherName}: ${command.name || 'this class'} does not look like an SDK command class`);
  const namespace = typeof schema?.[1] === 'string' ? schema[1] : undefined;
  const eventSource = namespace ? eventSourceFor(signingNameFor(namespace)) : undefined;
  const identity: CommandIdentity = {
    commandName: command.name || `${operation}Command`,
    operation,
    eventName: eventSource ? eventNameFor(eventSource, operation, httpPathOf(schema)) : operation,
    ...(eventSource ? { eventSource } : {}),
    ...(schema ? { operationSchema: schema } : {}),
  };
  cache.set(command, identity);
  return identity;
}

/** `com.amazonaws.s3` → `s3`, with the exceptions above. */
export function signingNameFor(namespace: string): string {
  const last = namespace.slice(namespace.lastIndexOf('.') + 1).toLowerCase();
  return SIGNING_NAME_BY_NAMESPACE[last] ?? last;
}

/** The operation schema an instance carries (current clients build it into each command class). */
function schemaOf(command: CommandClass): readonly unknown[] | undefined {
  try {
    const instance = new (command as unknown as new (input: object) => { schema?: unknown })({});
    const schema = instance.schema;
    return Array.isArray(schema) && schema[0] === 9 ? schema : undefined;
  } catch {
    return undefined;
  }
}

/** The HTTP path template in the schema's `http` trait (Lambda's eventName carries its API date). */
function httpPathOf(schema: readonly unknown[] | undefined): string | undefined {
  const traits = schema?.[3];
  if (typeof traits !== 'object' || traits === null) return undefined;
  const http = (traits as { http?: unknown }).http;
  return Array.isArray(http) && typeof http[1] === 'string' ? http[1] : undefined;
}
