// The SDK middleware: one record per logical call (outermost at initialize, so after all retries), never in the way.
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
import { isRecordingSuppressed } from './call-context.js';
import type { CallCapture } from './call-capture.js';
import { attachCapture, noteRequest } from './call-capture.js';
import type { Recorder, RecorderContext } from './recorder.js';

/**
 * Where localtrail sits in the stack. A fixed `name` with `override: true` makes adding it twice replace, not
 * duplicate, so a client records each call once.
 */
export const localTrailMiddlewareOptions: InitializeHandlerOptions & AbsoluteLocation & { name: string; override: true } = {
  name: 'localTrailMiddleware',
  step: 'initialize',
  priority: 'high',
  tags: ['LOCALTRAIL', 'AUDIT'],
  override: true,
};

/** Anything that can hand out its recorder: a LocalTrail. */
export interface HasRecorder {
  readonly recorder: Recorder;
}

/**
 * Where the request middleware sits: any finalizeRequest position sees the finished request (headers are set in
 * build); it runs once per attempt and only hands the request to the call's capture.
 */
export const localTrailRequestMiddlewareOptions: FinalizeRequestHandlerOptions & AbsoluteLocation & { name: string; override: true } = {
  name: 'localTrailRequestMiddleware',
  step: 'finalizeRequest',
  priority: 'low',
  tags: ['LOCALTRAIL', 'AUDIT'],
  override: true,
};

export interface LocalTrailMiddlewareConfig {
  /**
   * True when {@link localTrailRequestMiddleware} is on the same stack (as `getLocalTrailPlugin` adds it with
   * `requestMiddleware: true`). Default false: the middleware then sees the request by watching the SDK's auth scheme.
   */
  withRequestMiddleware?: boolean;
}

/**
 * The recording middleware for a LocalTrail, for `client.middlewareStack.add(localTrailMiddleware(trail),
 * localTrailMiddlewareOptions)`, which records every field on its own; `client.middlewareStack.use(trail.plugin())`
 * adds the same.
 */
export function localTrailMiddleware<Input extends object, Output extends MetadataBearer>(
  trail: HasRecorder,
  config: LocalTrailMiddlewareConfig = {},
): InitializeMiddleware<Input, Output> {
  const recorder = trail.recorder;
  const watchRequest = config.withRequestMiddleware !== true;
  return (next: InitializeHandler<Input, Output>, context: HandlerExecutionContext) =>
    async (args: InitializeHandlerArguments<Input>): Promise<InitializeHandlerOutput<Output>> => {
      if (isRecordingSuppressed()) {
        recorder.sink.countSuppressed();
        return next(args);
      }
      const ctx = context as unknown as RecorderContext;
      let capture: CallCapture | undefined;
      let passed = args;
      try {
        capture = recorder.begin(ctx, args.input, watchRequest);
        if (!watchRequest) passed = attachCapture(args, context, capture);
      } catch (e) {
        recorder.sink.reportError(e, 'capture');
      }
      let result: InitializeHandlerOutput<Output>;
      try {
        result = await next(passed);
      } catch (error) {
        if (capture) recorder.finish(capture, ctx, undefined, undefined, error, true);
        throw error;
      }
      if (capture) recorder.finish(capture, ctx, result.output, result.response, undefined, false);
      return result;
    };
}

/** Hands each attempt's finished request (user agent, host, path, length) to the recording middleware. */
export function localTrailRequestMiddleware<Input extends object, Output extends MetadataBearer>(): FinalizeRequestMiddleware<Input, Output> {
  return (next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext) =>
    (args: FinalizeHandlerArguments<Input>): Promise<FinalizeHandlerOutput<Output>> => {
      noteRequest(args, context);
      return next(args);
    };
}

export interface LocalTrailPluginOptions {
  /**
   * Also add {@link localTrailRequestMiddleware}, which hands each call its own request through the handler
   * arguments. Only a client created with `cacheMiddleware: true` needs it, and only for concurrent calls: the SDK
   * then shares one handler context between them (and mixes their endpoints itself), so without it one call's
   * user agent, host and size can land in another's record. Default false: the second middleware costs every call
   * about as much as the recording itself (the SDK resolves each middleware anew per call).
   */
  requestMiddleware?: boolean;
}

/** The plugin for `client.middlewareStack.use(getLocalTrailPlugin(trail))` (what `trail.plugin()` returns). */
export function getLocalTrailPlugin<Input extends object = object, Output extends MetadataBearer = MetadataBearer>(
  trail: HasRecorder,
  options: LocalTrailPluginOptions = {},
): Pluggable<Input, Output> {
  const withRequestMiddleware = options.requestMiddleware === true;
  return {
    applyToStack(stack) {
      stack.add(localTrailMiddleware<Input, Output>(trail, { withRequestMiddleware }), localTrailMiddlewareOptions);
      if (withRequestMiddleware) stack.add(localTrailRequestMiddleware<Input, Output>(), localTrailRequestMiddlewareOptions);
    },
  };
}
