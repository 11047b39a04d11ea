// The plugin and the middleware entries: one record per logical call (outermost, so after all retries), never in the way.
import type {
  AbsoluteLocation,
  FinalizeHandler,
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  FinalizeRequestHandlerOptions,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  InitializeHandlerOptions,
  InitializeHandlerOutput,
  InitializeMiddleware,
  MetadataBearer,
  Pluggable,
} from '@smithy/types';
import type { CallCapture } from './call-capture.js';
import { attachCapture, noteRequest, watchAuthScheme } from './call-capture.js';
import { recordCall } from './record-call.js';
import type { Recorder, RecorderContext } from './recorder.js';
import { hookStack } from './stack-hook.js';

/**
 * Where localtrail sits in the stack. A fixed `name` with `override: true` makes adding it twice replace, not
 * duplicate, so a client records each call once.
 * @example
 * client.middlewareStack.add(localTrailMiddleware(trail), localTrailMiddlewareOptions);
 */
export const localTrailMiddlewareOptions: InitializeHandlerOptions & AbsoluteLocation & { name: string; override: true } = {
  name: 'localTrailMiddleware',
  step: 'initialize',
  priority: 'high',
  tags: ['LOCALTRAIL', 'AUDIT'],
  override: true,
};

/**
 * Anything that can hand out its recorder: a LocalTrail.
 * @example
 * client.middlewareStack.add(localTrailMiddleware(trail), localTrailMiddlewareOptions); // a LocalTrail is a HasRecorder
 */
export interface HasRecorder {
  readonly recorder: Recorder;
}

/**
 * Where the request middleware sits: any finalizeRequest position sees the finished request (headers are set in
 * build); it runs once per attempt and only hands the request to the call's capture.
 * @example
 * client.middlewareStack.add(localTrailRequestMiddleware(), localTrailRequestMiddlewareOptions);
 */
export const localTrailRequestMiddlewareOptions: FinalizeRequestHandlerOptions & AbsoluteLocation & { name: string; override: true } = {
  name: 'localTrailRequestMiddleware',
  step: 'finalizeRequest',
  priority: 'low',
  tags: ['LOCALTRAIL', 'AUDIT'],
  override: true,
};

/**
 * Options of {@link localTrailMiddleware}.
 * @example
 * client.middlewareStack.add(localTrailRequestMiddleware(), localTrailRequestMiddlewareOptions);
 * client.middlewareStack.add(localTrailMiddleware(trail, { withRequestMiddleware: true }), localTrailMiddlewareOptions);
 */
export interface LocalTrailMiddlewareConfig {
  /**
   * True when {@link localTrailRequestMiddleware} is on the same stack. Default false: the middleware then sees the
   * request by watching the SDK's auth scheme (see `watchAuthScheme`), which is right unless the client was created
   * with `cacheMiddleware: true` and makes concurrent calls.
   */
  withRequestMiddleware?: boolean;
}

/**
 * The recording middleware for a LocalTrail, as a stack entry: `client.middlewareStack.add(localTrailMiddleware(trail),
 * localTrailMiddlewareOptions)` records every field on its own, and shows in `identify()` and `remove()`.
 * `trail.plugin()` records the same without an entry, at less cost per call (stack-hook.ts).
 * @example
 * client.middlewareStack.add(localTrailMiddleware(trail), localTrailMiddlewareOptions);
 * client.middlewareStack.remove(localTrailMiddlewareOptions.name); // stops recording this client
 */
export function localTrailMiddleware<Input extends object, Output extends MetadataBearer>(
  trail: HasRecorder,
  config: LocalTrailMiddlewareConfig = {},
): InitializeMiddleware<Input, Output> {
  const recorder = trail.recorder;
  const pass = config.withRequestMiddleware === true ? attachCapture : watchRequest;
  return (next: InitializeHandler<Input, Output>, context: HandlerExecutionContext) =>
    (args: InitializeHandlerArguments<Input>): Promise<InitializeHandlerOutput<Output>> =>
      recordCall(recorder, next, context, args, pass);
}

/** Without a request middleware: watch the SDK's auth scheme, whose signer is handed each attempt's request. */
function watchRequest<Input extends object>(
  args: InitializeHandlerArguments<Input>,
  context: HandlerExecutionContext,
  capture: CallCapture,
): InitializeHandlerArguments<Input> {
  const smithy = (context as unknown as RecorderContext).__smithy_context;
  if (smithy) watchAuthScheme(smithy, capture);
  return args;
}

/**
 * Hands each attempt's finished request (user agent, host, path, length) to the recording middleware; for a
 * `localTrailMiddleware(trail, { withRequestMiddleware: true })` entry on a client with `cacheMiddleware: true`.
 * @example
 * const client = new S3Client({ cacheMiddleware: true });
 * client.middlewareStack.add(localTrailRequestMiddleware(), localTrailRequestMiddlewareOptions);
 * client.middlewareStack.add(localTrailMiddleware(trail, { withRequestMiddleware: true }), localTrailMiddlewareOptions);
 */
export function localTrailRequestMiddleware<Input extends object, Output extends MetadataBearer>(): FinalizeRequestMiddleware<Input, Output> {
  return (next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext) =>
    (args: FinalizeHandlerArguments<Input>): Promise<FinalizeHandlerOutput<Output>> => {
      noteRequest(args, context);
      return next(args);
    };
}

/**
 * The plugin for `client.middlewareStack.use(getLocalTrailPlugin(trail))` (what `trail.plugin()` returns). It hooks
 * the stack rather than adding an entry (see stack-hook.ts); on a stack that is not the SDK's kind it adds
 * {@link localTrailMiddleware} with {@link localTrailMiddlewareOptions}.
 * @example
 * client.middlewareStack.use(getLocalTrailPlugin(trail)); // the same as trail.plugin()
 */
export function getLocalTrailPlugin<Input extends object = object, Output extends MetadataBearer = MetadataBearer>(
  trail: HasRecorder,
): Pluggable<Input, Output> {
  return {
    applyToStack(stack) {
      if (!hookStack(stack, trail.recorder)) {
        stack.add(localTrailMiddleware<Input, Output>(trail), localTrailMiddlewareOptions);
      }
    },
  };
}
