// The SDK middleware: one record per logical call (outermost at initialize, so after all retries), never in the way.
import type {
  AbsoluteLocation,
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
 * The recording middleware for a LocalTrail, for `client.middlewareStack.add(localTrailMiddleware(trail),
 * localTrailMiddlewareOptions)`. Prefer `client.middlewareStack.use(trail.plugin())`.
 */
export function localTrailMiddleware<Input extends object, Output extends MetadataBearer>(
  trail: HasRecorder,
): InitializeMiddleware<Input, Output> {
  const recorder = trail.recorder;
  return (next: InitializeHandler<Input, Output>, context: HandlerExecutionContext) =>
    async (args: InitializeHandlerArguments<Input>): Promise<InitializeHandlerOutput<Output>> => {
      if (isRecordingSuppressed()) {
        recorder.sink.countSuppressed();
        return next(args);
      }
      let capture: CallCapture | undefined;
      try {
        capture = recorder.begin(context as unknown as RecorderContext, args.input);
      } catch (e) {
        recorder.sink.reportError(e, 'capture');
      }
      let result: InitializeHandlerOutput<Output>;
      try {
        result = await next(args);
      } catch (error) {
        if (capture) recorder.finish(capture, undefined, undefined, error, true);
        throw error;
      }
      if (capture) recorder.finish(capture, result.output, result.response, undefined, false);
      return result;
    };
}

/** The plugin for `client.middlewareStack.use(getLocalTrailPlugin(trail))` (what `trail.plugin()` returns). */
export function getLocalTrailPlugin<Input extends object = object, Output extends MetadataBearer = MetadataBearer>(
  trail: HasRecorder,
): Pluggable<Input, Output> {
  return {
    applyToStack(stack) {
      stack.add(localTrailMiddleware<Input, Output>(trail), localTrailMiddlewareOptions);
    },
  };
}
