// One SDK call recorded around the handler that runs it: the capture begins before, the record is built after, and
// the application's result or error passes through untouched whatever fails inside localtrail.
import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, InitializeHandlerOutput, MetadataBearer } from '@smithy/types';
import type { CallCapture } from './call-capture.js';
import { currentCall } from './call-context.js';
import type { Recorder, RecorderContext } from './recorder.js';

/**
 * Shows the call's capture to whatever will see its request (the SDK builds the request after the recording
 * begins) and returns the arguments to pass on.
 */
export type PassCapture = <Input extends object>(
  args: InitializeHandlerArguments<Input>,
  context: HandlerExecutionContext,
  capture: CallCapture,
) => InitializeHandlerArguments<Input>;

/** Records one call of `next`; resolves or rejects exactly as `next` does. */
export async function recordCall<Input extends object, Output extends MetadataBearer>(
  recorder: Recorder,
  next: InitializeHandler<Input, Output>,
  context: HandlerExecutionContext,
  args: InitializeHandlerArguments<Input>,
  pass: PassCapture,
): Promise<InitializeHandlerOutput<Output>> {
  const call = currentCall();
  if (call?.suppressed === true) {
    recorder.sink.countSuppressed();
    return next(args);
  }
  const ctx = context as unknown as RecorderContext;
  let capture: CallCapture | undefined;
  let passed = args;
  try {
    capture = recorder.begin(ctx, args.input, call?.actor);
    passed = pass(args, context, capture);
  } catch (e) {
    recorder.sink.reportError(e, 'capture');
  }
  let result: InitializeHandlerOutput<Output>;
  try {
    result = await next(passed);
  } catch (error) {
    if (capture) recorder.finishWithError(capture, ctx, error);
    throw error;
  }
  if (capture) recorder.finishWithOutput(capture, ctx, result.output, result.response);
  return result;
}
