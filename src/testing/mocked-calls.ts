// Records calls made through aws-sdk-client-mock stubs (whose send skips the middleware stack) with the real recorder.
import { currentActor } from '../recorder/call-context.js';
import type { HasRecorder } from '../recorder/middleware.js';
import type { RecorderContext } from '../recorder/recorder.js';

/** One call as sinon keeps it: the command, the client it was sent on, and what the stub returned or threw. */
export interface MockedSendCall {
  args: readonly unknown[];
  thisValue?: unknown;
  returnValue?: unknown;
  exception?: unknown;
  callId?: number;
}

/** An `aws-sdk-client-mock` stub (`mockClient(S3Client)`), or anything else that lists its `send` calls. */
export interface MockedClientLike {
  calls(): readonly MockedSendCall[];
}

/** The public credentials members a record may show (never the secret). */
export interface MockedCallIdentity {
  accessKeyId: string;
  sessionToken?: string;
  accountId?: string;
}

export interface RecordMockedCallsOptions {
  /**
   * Who the calls are made as, when the mocked clients were not given credentials (clients on the default
   * provider chain are never asked: that chain may reach the network). Default: the client's own credentials
   * when they were passed in code, else an `Unknown` identity.
   */
  credentials?: MockedCallIdentity;
  /** Region when the client's own cannot be read. Default: the trail's region. */
  region?: string;
}

interface ClientLike {
  constructor: { name: string };
  config?: {
    region?: unknown;
    credentials?: unknown;
    defaultSigningName?: unknown;
  };
}

interface CommandLike {
  constructor: { name: string };
  input?: unknown;
  schema?: unknown;
}

/** sinon call ids already recorded, per trail, so calling this again records only new calls. */
const recordedCallIds = new WeakMap<HasRecorder, Set<unknown>>();

/**
 * Records, through the trail's own recorder (same records as `trail.plugin()` would give, minus what only the wire
 * knows: host, user agent, request id), every call the given `aws-sdk-client-mock` stubs received that this trail
 * has not recorded yet, in call order. Await it after the code under test ran and before asserting.
 * @example
 * const s3Mock = mockClient(S3Client);
 * s3Mock.on(PutObjectCommand).resolves({});
 * await uploadReport(new S3Client({ region: 'eu-west-1' }));
 * await recordMockedCalls(trail, s3Mock);
 * expect(trail).toHaveRecordedCommand(PutObjectCommand, { Bucket: 'reports' });
 */
export async function recordMockedCalls(
  trail: HasRecorder,
  mocks: MockedClientLike | readonly MockedClientLike[],
  options: RecordMockedCallsOptions = {},
): Promise<number> {
  const list = Array.isArray(mocks) ? (mocks as readonly MockedClientLike[]) : [mocks as MockedClientLike];
  let seen = recordedCallIds.get(trail);
  if (!seen) recordedCallIds.set(trail, (seen = new Set()));
  const calls = list
    .flatMap((mock) => mock.calls())
    .filter((call) => !seen.has(call.callId ?? call))
    .sort((a, b) => (a.callId ?? 0) - (b.callId ?? 0));
  for (const call of calls) {
    seen.add(call.callId ?? call);
    await recordOne(trail, call, options);
  }
  return calls.length;
}

async function recordOne(trail: HasRecorder, call: MockedSendCall, options: RecordMockedCallsOptions): Promise<void> {
  const command = call.args[0] as CommandLike | undefined;
  if (!command || typeof command !== 'object') return;
  try {
    const client = call.thisValue as ClientLike | undefined;
    const schema = Array.isArray(command.schema) && command.schema[0] === 9 ? (command.schema as unknown[]) : undefined;
    const context: RecorderContext = {
      clientName: sdkClientName(client),
      commandName: command.constructor.name,
      __smithy_context: {
        operation: typeof schema?.[2] === 'string' ? schema[2] : command.constructor.name.replace(/Command$/, ''),
        ...(schema ? { operationSchema: schema } : {}),
      },
    };
    const capture = trail.recorder.begin(context, command.input, currentActor());
    const region = (await readRegion(client)) ?? options.region ?? trail.recorder.config.region;
    const signingName = typeof client?.config?.defaultSigningName === 'string' ? client.config.defaultSigningName : undefined;
    const credentials = options.credentials ?? (await readCredentials(client));
    // Stands in for what the SDK's auth middleware would have selected; the recorder reads it from the context.
    context.__smithy_context!['selectedHttpAuthScheme'] = {
      // The recorder only asks whether a session token exists; the token itself is not handed on.
      identity: credentials && {
        accessKeyId: credentials.accessKeyId,
        ...(credentials.sessionToken ? { sessionToken: 'present' } : {}),
        ...(credentials.accountId ? { accountId: credentials.accountId } : {}),
      },
      httpAuthOption: { signingProperties: { ...(signingName ? { signingName } : {}), signingRegion: region } },
    };
    const settled = await settle(call);
    if (settled.failed) trail.recorder.finishWithError(capture, context, settled.error);
    else trail.recorder.finishWithOutput(capture, context, settled.output, undefined);
  } catch (error) {
    trail.recorder.sink.reportError(error, 'record-mocked-call');
  }
}

/**
 * The SDK client class name (`S3Client`) even for a subclass (`class Uploads extends S3Client`): the recorder keys
 * service details on it, as it does on the name the SDK itself puts in the call context.
 */
function sdkClientName(client: ClientLike | undefined): string | undefined {
  let ctor = client?.constructor as (Function & { name: string }) | undefined;
  while (ctor) {
    const parent = Object.getPrototypeOf(ctor) as (Function & { name: string }) | null;
    // The smithy base class is `Client`; the SDK's own client class extends it directly.
    if (!parent || parent === Function.prototype || parent.name === 'Client') return ctor.name;
    ctor = parent;
  }
  return undefined;
}

async function settle(call: MockedSendCall): Promise<{ output?: unknown; error?: unknown; failed: boolean }> {
  if (call.exception !== undefined) return { error: call.exception, failed: true };
  try {
    return { output: await call.returnValue, failed: false };
  } catch (error) {
    return { error, failed: true };
  }
}

async function readRegion(client: ClientLike | undefined): Promise<string | undefined> {
  const region = client?.config?.region;
  try {
    const value = typeof region === 'function' ? await (region as () => unknown)() : region;
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Only credentials given in code (the SDK marks them `attributed`); the default chain is never run from here. */
async function readCredentials(client: ClientLike | undefined): Promise<MockedCallIdentity | undefined> {
  const provider = client?.config?.credentials as (((...a: unknown[]) => unknown) & { attributed?: boolean }) | undefined;
  if (typeof provider !== 'function' || provider.attributed !== true) return undefined;
  try {
    const value = (await provider()) as Partial<MockedCallIdentity> | undefined;
    if (!value || typeof value.accessKeyId !== 'string') return undefined;
    // Copy only the public members: the secret never leaves the SDK's object.
    return {
      accessKeyId: value.accessKeyId,
      ...(typeof value.sessionToken === 'string' ? { sessionToken: value.sessionToken } : {}),
      ...(typeof value.accountId === 'string' ? { accountId: value.accountId } : {}),
    };
  } catch {
    return undefined;
  }
}
