// Which records an SDK Command class stands for: its operation, service and eventName, read from the class itself.
import { eventNameFor } from '../catalog/event-names.js';
import { eventSourceFor, signingNameForNamespace } from '../catalog/services.js';

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
  const instance = instanceOf(command);
  // lib-dynamodb's PutCommand & co. wrap the client command that is really sent (and recorded).
  const wrapped = (instance as { clientCommand?: { constructor?: unknown } } | undefined)?.clientCommand?.constructor;
  if (wrapped && wrapped !== command && isCommandClass(wrapped)) {
    const underlying = commandIdentity(wrapped, matcherName);
    const identity: CommandIdentity = { ...underlying, commandName: command.name || underlying.commandName };
    cache.set(command, identity);
    return identity;
  }
  const schema = schemaOf(instance);
  const operation = typeof schema?.[2] === 'string' ? schema[2] : command.name.replace(/Command$/, '');
  if (!operation) throw new TypeError(`${matcherName}: ${command.name || 'this class'} does not look like an SDK command class`);
  const namespace = typeof schema?.[1] === 'string' ? schema[1] : undefined;
  const eventSource = namespace ? eventSourceFor(signingNameForNamespace(namespace)) : undefined;
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

/** An instance built with an empty input (command constructors only store the input), or undefined. */
function instanceOf(command: CommandClass): object | undefined {
  try {
    return new (command as unknown as new (input: object) => object)({});
  } catch {
    return undefined;
  }
}

/** The operation schema an instance carries (current clients build it into each command class). */
function schemaOf(instance: object | undefined): readonly unknown[] | undefined {
  const schema = (instance as { schema?: unknown } | undefined)?.schema;
  return Array.isArray(schema) && schema[0] === 9 ? schema : undefined;
}

/** The HTTP path template in the schema's `http` trait (Lambda's eventName carries its API date). */
function httpPathOf(schema: readonly unknown[] | undefined): string | undefined {
  const traits = schema?.[3];
  if (typeof traits !== 'object' || traits === null) return undefined;
  const http = (traits as { http?: unknown }).http;
  return Array.isArray(http) && typeof http[1] === 'string' ? http[1] : undefined;
}
