// Serves CloudTrail's own API (awsJson1.1) from a LocalTrail (or an engine), so an unchanged CloudTrailClient manages
// local trails. The targets are the rows of operations.ts.
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { Readable } from 'node:stream';
import type { ControlPlaneCaller } from './control-plane-gate.js';
import { CloudTrailError } from './errors.js';
import type { CallerOptions, OperationInput, OperationName, OperationOutput } from './operations.js';
import { OPERATIONS, operationNamed } from './operations.js';

/**
 * What the handler serves: a LocalTrail (the public way: calls pass its gate, so they are authorized and recorded) or
 * a TrailEngine (a server over delivered files). Both run an operation by its row's name.
 */
export interface CloudTrailApi {
  run<N extends OperationName>(name: N, input: OperationInput<N> | undefined, caller?: ControlPlaneCaller): OperationOutput<N> | Promise<OperationOutput<N>>;
}

/** awsJson sends timestamps as epoch seconds; the operation's row names its timestamp members. */
function toDates(input: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  if (keys.length === 0) return input;
  const out = { ...input };
  for (const key of keys) {
    const v = out[key];
    if (typeof v === 'number') out[key] = new Date(v * 1000);
    else if (typeof v === 'string') out[key] = new Date(v);
  }
  return out;
}

/** Output to awsJson: Dates as epoch seconds, blobs as base64. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

function reply(status: number, body: unknown, requestId: string): { response: HttpResponse } {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  return {
    response: {
      statusCode: status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(bytes.length), 'x-amzn-requestid': requestId },
      body: Readable.from([bytes]),
    },
  };
}

async function readBody(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  // A view of the bytes: the SDK's JSON body is a Uint8Array whose string methods (Buffer.from(body) calls
  // valueOf) print a deprecation warning.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Region and access key id from SigV4's `Credential=<key>/<date>/<region>/cloudtrail/aws4_request`. */
function signingScope(request: HttpRequest): { region?: string; accessKeyId?: string } {
  const auth = request.headers['authorization'] ?? request.headers['Authorization'] ?? '';
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(auth);
  if (match) return { accessKeyId: match[1]!, region: match[2]! };
  const host = /^cloudtrail\.([a-z0-9-]+)\./.exec(request.hostname ?? '');
  return host ? { region: host[1]! } : {};
}

/**
 * Options of {@link cloudTrailRequestHandler}.
 * @example
 * cloudTrailRequestHandler(trail.engine, { accountFor: (keyId) => (keyId === 'AKIAOTHER' ? '444455556666' : undefined) });
 */
export interface CloudTrailHandlerOptions {
  /** The calling account for an access key id (default: the `identities` mapping, else the default account). */
  accountFor?: (accessKeyId: string | undefined) => string | undefined;
  /** Also serve CloudTrail Lake's operations (event data stores, queries) from this Lake, e.g. `trail.lake`. */
  lake?: WireOperations;
}

/** More operations by wire name (CloudTrail Lake's), served beside the trail operations. */
export interface WireOperations {
  wireOperation(name: string): ((input: Record<string, unknown>, caller: CallerOptions) => unknown) | undefined;
}

let requestCounter = 0;

function header(request: HttpRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** The principal of a signed request, as the LocalTrail records and authorizes it. */
function callerOf(request: HttpRequest, requestId: string, options: CloudTrailHandlerOptions): ControlPlaneCaller {
  const scope = signingScope(request);
  const caller: ControlPlaneCaller = { requestId };
  if (scope.region) caller.region = scope.region;
  if (scope.accessKeyId) caller.accessKeyId = scope.accessKeyId;
  if (header(request, 'x-amz-security-token') !== undefined) caller.temporaryCredentials = true;
  const userAgent = header(request, 'user-agent');
  if (userAgent !== undefined) caller.userAgent = userAgent;
  const host = header(request, 'host') ?? request.hostname;
  if (host && request.protocol === 'https:') caller.host = host;
  const accountId = options.accountFor?.(scope.accessKeyId);
  if (accountId) caller.accountId = accountId;
  return caller;
}

/**
 * A request handler for `@aws-sdk/client-cloudtrail` that answers from a LocalTrail instead of the network: the real
 * client serialises, signs and parses, errors arrive as the SDK's own exception classes. The region is the
 * request's signing region; the access key id is the caller (through the `identities` option), so calls are
 * authorized and recorded as CloudTrail records its own API.
 * @example
 * const ct = new CloudTrailClient({ region: 'eu-west-1', credentials, requestHandler: cloudTrailRequestHandler(trail) });
 * await ct.send(new CreateTrailCommand({ Name: 'audit', S3BucketName: 'logs' }));
 */
export function cloudTrailRequestHandler(api: CloudTrailApi, options: CloudTrailHandlerOptions = {}) {
  return {
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      const requestId = `localtrail-${(++requestCounter).toString(16).padStart(8, '0')}`;
      const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '';
      const wireName = target.slice(target.lastIndexOf('.') + 1);
      const name: OperationName | undefined = operationNamed(wireName);
      const lakeOperation = name ? undefined : options.lake?.wireOperation(wireName);
      if (!name && !lakeOperation) {
        return reply(400, { __type: 'UnsupportedOperationException', Message: `localtrail does not implement ${wireName || 'this operation'}.` }, requestId);
      }
      try {
        const text = await readBody(request.body);
        const input = toDates(text ? (JSON.parse(text) as Record<string, unknown>) : {}, name ? OPERATIONS[name].timestamps : []);
        const caller = callerOf(request, requestId, options);
        const result = name ? await api.run(name, input as never, caller) : await lakeOperation!(input, caller);
        return reply(200, toWire(result), requestId);
      } catch (error) {
        if (error instanceof CloudTrailError) return reply(400, { __type: error.name, Message: error.message }, requestId);
        // A body that is not JSON, or a member of the wrong type the engine cannot read, is the caller's mistake.
        if (error instanceof SyntaxError || error instanceof TypeError) return reply(400, { __type: 'SerializationException', Message: `Could not read the request: ${error.message}` }, requestId);
        return reply(500, { __type: 'InternalFailure', Message: 'localtrail failed to serve the request.' }, requestId);
      }
    },
  };
}
