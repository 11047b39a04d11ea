// How `trail.plugin()` records without adding a middleware entry: it wraps the handler each call's stack resolves.
import type { HandlerExecutionContext, InitializeHandlerArguments, InitializeHandlerOutput, MetadataBearer } from '@smithy/types';
import type { CallCapture } from './call-capture.js';
import { CAPTURE, noteSent, withCapture } from './call-capture.js';
import type { PassCapture } from './record-call.js';
import { recordCall } from './record-call.js';
import type { Recorder } from './recorder.js';

/**
 * The SDK copies, sorts and resolves every entry of a client's stack anew on each `send` (`clientStack.concat(
 * commandStack).resolve(...)`), so one more entry costs every call more than the recording itself (callgrind, DynamoDB
 * GetItem: +37k instructions, 2.2% of the call, for an entry that does nothing). The hook costs less (+15k empty):
 * the stack a call resolves gets its `resolve` wrapped, so the recording runs outside every middleware (after all
 * retries, as an initialize/high entry would) and sees each attempt's finished, signed request at the innermost
 * handler (no watch on the SDK's context needed).
 *
 * What gets wrapped:
 * - on the stack the plugin was used on: `resolve` (code that resolves it directly), `concat` (a client's stack,
 *   which `send` concatenates with the command's stack on every call), `applyToStack` (a command's stack, copied
 *   into the client's one, or any stack copied with `use(stack)`: the copy is hooked too) and `clone`;
 * - on the stack `concat` makes for one call: `resolve`, and `concat` again (see {@link hookDerived}).
 *
 * Limits: no entry means `identify()` does not list localtrail and `remove(...)` cannot take it off; a stack without
 * these methods gets the plain middleware entry instead (see {@link hookStack}).
 */
const HOOK = Symbol.for('localtrail.stackHook');

/** What a hooked stack records into; a second `use(trail.plugin())` replaces the recorder, so one call records once. */
interface StackHook {
  recorder: Recorder;
}

/** Handler arguments at any step: the request from the serialize step on, the capture when a call attached it. */
type HandlerArgs = InitializeHandlerArguments<object> & { request?: unknown; [CAPTURE]?: CallCapture };
type AnyHandler = (args: HandlerArgs) => Promise<InitializeHandlerOutput<MetadataBearer>>;

/** The members of the SDK's middleware stack (`constructStack()` in @smithy) the hook wraps. */
interface HookableStack {
  concat(from: unknown): HookableStack;
  applyToStack(to: unknown): unknown;
  clone(): HookableStack;
  resolve(handler: AnyHandler, context: HandlerExecutionContext): AnyHandler;
  [HOOK]?: StackHook;
}

/**
 * Hooks `stack` so every call resolved from it is recorded by `recorder`. Returns false, changing nothing, when the
 * stack is not the SDK's kind (then the caller adds the middleware entry).
 */
export function hookStack(stack: object, recorder: Recorder): boolean {
  const hookable = stack as Partial<HookableStack>;
  const existing = hookable[HOOK];
  if (existing !== undefined) {
    existing.recorder = recorder;
    return true;
  }
  if (!isHookable(hookable)) return false;
  install(hookable, { recorder });
  return true;
}

function isHookable(stack: Partial<HookableStack>): stack is HookableStack {
  return (
    typeof stack.concat === 'function' &&
    typeof stack.applyToStack === 'function' &&
    typeof stack.clone === 'function' &&
    typeof stack.resolve === 'function'
  );
}

function install(stack: HookableStack, hook: StackHook): void {
  const { applyToStack, clone } = stack;
  Object.defineProperty(stack, HOOK, { value: hook, configurable: true });
  hookDerived(stack, hook);
  stack.applyToStack = (to) => {
    const out = applyToStack.call(stack, to);
    const target = to as Partial<HookableStack>;
    if (target[HOOK] === undefined && isHookable(target)) install(target, hook);
    return out;
  };
  stack.clone = () => {
    const out = clone.call(stack);
    if (isHookable(out)) install(out, hook);
    return out;
  };
}

/**
 * Hooks `resolve` and `concat` only: what a stack made for one call needs, which is why it costs little. Its
 * `concat` is hooked too because a wrapping command concatenates again (lib-dynamodb's DocumentClient commands
 * resolve `clientStack.concat(...)` through the inner command's `resolveMiddleware`, which concatenates that).
 */
function hookDerived(stack: HookableStack, hook: StackHook): void {
  const concat = stack.concat;
  hookResolve(stack, hook);
  stack.concat = (from) => {
    const out = concat.call(stack, from);
    // A hooked command stack has already hooked the copy while it was copied in (applyToStack above).
    if (out[HOOK] === undefined) hookDerived(out, hook);
    return out;
  };
}

/** Wraps `stack.resolve`: the handler it returns records each call it runs. */
function hookResolve(stack: HookableStack, hook: StackHook): void {
  const resolve = stack.resolve;
  stack.resolve = (handler, context) => {
    // The capture of the call in flight that did not attach its own. A resolved handler serves one call, unless the
    // client caches it (`cacheMiddleware: true`); then a call that overlaps another carries its capture down the
    // handler arguments instead, as the SDK's middlewares pass them on.
    let current: CallCapture | undefined;
    const innermost: AnyHandler = (args) => {
      noteSent(args[CAPTURE] ?? current, args.request);
      return handler(args);
    };
    const next = resolve.call(stack, innermost, context);
    const pass: PassCapture = (args, _context, capture) => {
      if (current === undefined || current.settled === true) {
        current = capture;
        return args;
      }
      return withCapture(args, capture);
    };
    return (args) => recordCall(hook.recorder, next, context, args, pass);
  };
}
