// What the recorder holds for one call in flight, and the two ways it sees the request the SDK really sends.
import type { JsonObject } from '../vocabulary/record.js';
import type { PackedJson } from '../vocabulary/packed-json.js';
import type { Actor } from './call-context.js';
import type { OperationPlans } from './schema-plan.js';

/** The members of the SDK's selected auth scheme the recorder reads (identity, signing name and region). */
export interface SelectedAuthScheme {
  identity?: { accessKeyId?: string; sessionToken?: string; accountId?: string };
  httpAuthOption?: { signingProperties?: Record<string, unknown> };
  signer?: { sign(request: unknown, ...rest: unknown[]): unknown };
}

/** The request as sent: headers, host and path. */
export interface SentRequest {
  headers?: Record<string, string>;
  hostname?: string;
  path?: string;
  protocol?: string;
}

export interface CallCapture {
  operation: string;
  clientName?: string;
  input: Record<string, unknown>;
  /** As JSON text where it could be written so (see recorder.ts `parameters`). */
  requestParameters: JsonObject | PackedJson | null;
  plans?: OperationPlans;
  actor?: Actor;
  request?: SentRequest;
  /** Set when the call has settled and its record was built. */
  settled?: boolean;
}

/**
 * Where the capture of the call in flight travels to the request middleware: on the handler arguments, which the
 * SDK's middlewares pass down or spread (`{ ...args, request }`) step by step, so each call carries its own. The
 * handler context is not enough on its own: with `cacheMiddleware: true` one context serves every concurrent call of
 * a command class. It is the fallback for a middleware that builds its arguments afresh.
 */
export const CAPTURE = Symbol.for('localtrail.capture');

/** The arguments to pass on, carrying the capture (a copy: the caller's command object is never written to). */
export function attachCapture<Args extends object>(args: Args, context: object, capture: CallCapture): Args {
  (context as Record<symbol, unknown>)[CAPTURE] = capture;
  return withCapture(args, capture);
}

/** The arguments to pass on, carrying the capture, without the context fallback. */
export function withCapture<Args extends object>(args: Args, capture: CallCapture): Args {
  return { ...args, [CAPTURE]: capture };
}

/**
 * Hands an attempt's request to its call's capture: what the request middleware, the auth-scheme watch and the stack
 * hook's innermost handler all do. A settled capture is a finished call's (the capture a shared context or a cached
 * handler still points at while a later call runs unrecorded, inside runWithoutRecording) and is left alone.
 */
export function noteSent(capture: CallCapture | undefined, request: unknown): void {
  if (capture !== undefined && capture.settled !== true) capture.request = request as SentRequest;
}

/** The request middleware (finalizeRequest) hands each attempt's request to the call's capture. */
export function noteRequest(args: { request: unknown }, context: object): void {
  const capture =
    (args as Record<symbol, CallCapture | undefined>)[CAPTURE] ?? (context as Record<symbol, CallCapture | undefined>)[CAPTURE];
  noteSent(capture, args.request);
}

/**
 * How the recording middleware entry sees the request without a request middleware (a lone
 * `middlewareStack.add(localTrailMiddleware(trail), localTrailMiddlewareOptions)`): the user-agent and host headers
 * exist only from the build step on, and an initialize middleware never sees the request. The SDK's
 * httpAuthSchemeMiddleware stores `{ identity, signer, httpAuthOption }` on
 * `context.__smithy_context.selectedHttpAuthScheme` and httpSigningMiddleware then calls `signer.sign(request)` with
 * the finished request; watching that property (per call) and handing the SDK a signer that notes the request and
 * delegates untouched shows the request. Replayed alone it looked cheap (~0.3 µs), but end to end the property and
 * accessor it adds to the SDK's fresh context on every call cost far more, which is one reason `trail.plugin()` does
 * not use it (docs/architecture.md): it sees the request at the innermost handler (stack-hook.ts). The watch's limit:
 * it lives on the handler context, which `cacheMiddleware: true` shares between concurrent calls (see
 * `localTrailRequestMiddleware`).
 */
export function watchAuthScheme(smithyContext: Record<string | symbol, unknown>, capture: CallCapture): void {
  const state = smithyContext[WATCH] as WatchState | undefined;
  if (state !== undefined) {
    // The same context again: a client with cacheMiddleware: true reuses it for every call of the command.
    state.capture = capture;
    return;
  }
  // One added property and the accessor: every property added to the SDK's fresh context object costs a map
  // transition and a bigger property store, per call.
  smithyContext[WATCH] = { capture, scheme: smithyContext['selectedHttpAuthScheme'] as SelectedAuthScheme | undefined };
  Object.defineProperty(smithyContext, 'selectedHttpAuthScheme', SCHEME_WATCH);
}

interface WatchState {
  capture: CallCapture;
  scheme: SelectedAuthScheme | undefined;
}

const WATCH = Symbol('localtrail.watch');

// One shared descriptor whose accessors keep state on the object itself: a per-call closure accessor costs ~4 µs
// (V8 cannot share the object's shape), this ~0.2 µs.
const SCHEME_WATCH: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: Record<symbol, WatchState>) {
    return this[WATCH].scheme;
  },
  set(this: Record<symbol, WatchState>, value: SelectedAuthScheme | undefined) {
    const state = this[WATCH];
    state.scheme = value;
    const capture = state.capture;
    const signer = value?.signer;
    if (signer && typeof signer.sign === 'function') {
      // Inherits the signer's other members (errorHandler, successHandler) and notes each attempt's request.
      const spy = Object.create(signer) as typeof signer;
      spy.sign = (request: unknown, ...rest: unknown[]) => {
        noteSent(capture, request);
        return signer.sign(request, ...rest);
      };
      value.signer = spy;
    }
  },
};
