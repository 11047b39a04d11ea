// What the recorder holds for one call in flight, and the hook that sees the request the SDK really sends.
import type { JsonObject } from '../event/record.js';
import type { Actor } from './call-context.js';
import type { OperationPlans } from './schema-plan.js';

/** The members of the SDK's selected auth scheme the recorder reads (identity, signing name and region). */
export interface SelectedAuthScheme {
  identity?: { accessKeyId?: string; sessionToken?: string; accountId?: string };
  httpAuthOption?: { signingProperties?: Record<string, unknown> };
  signer?: { sign(request: unknown, ...rest: unknown[]): unknown };
}

/** The request as signed: headers, host and path. */
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
  requestParameters: JsonObject | null;
  plans?: OperationPlans;
  actor?: Actor;
  scheme?: SelectedAuthScheme;
  request?: SentRequest;
}

/**
 * Sees the auth scheme and the final request of a call, with one middleware at `initialize`, so a plain
 * `middlewareStack.add(localTrailMiddleware(trail), localTrailMiddlewareOptions)` records every field.
 *
 * Why this way: the user-agent and host headers exist only from the build step on, and an initialize middleware
 * never sees the request. The SDK's httpAuthSchemeMiddleware stores `{ identity, signer, httpAuthOption }` on
 * `context.__smithy_context.selectedHttpAuthScheme` and httpSigningMiddleware later calls `signer.sign(request)`
 * with the finished request; watching that property (per call) and wrapping `sign` (delegating untouched) shows
 * us both, once per attempt, without a second middleware or any copy of the request.
 */
export function watchAuthScheme(smithyContext: Record<string | symbol, unknown>, capture: CallCapture): void {
  smithyContext[CAPTURE] = capture;
  if (smithyContext[WATCHED] === true) return;
  smithyContext[SCHEME] = smithyContext['selectedHttpAuthScheme'];
  smithyContext[WATCHED] = true;
  Object.defineProperty(smithyContext, 'selectedHttpAuthScheme', SCHEME_WATCH);
}

const CAPTURE = Symbol('localtrail.capture');
const SCHEME = Symbol('localtrail.scheme');
const WATCHED = Symbol('localtrail.watched');

// One shared descriptor whose accessors keep state on the object itself: a per-call closure accessor costs ~4 µs
// (V8 cannot share the object's shape), this ~0.2 µs.
const SCHEME_WATCH: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: Record<symbol, unknown>) {
    return this[SCHEME];
  },
  set(this: Record<symbol, unknown>, value: SelectedAuthScheme | undefined) {
    this[SCHEME] = value;
    const capture = this[CAPTURE] as CallCapture | undefined;
    if (!capture) return;
    capture.scheme = value;
    const signer = value?.signer;
    if (signer && typeof signer.sign === 'function') {
      const spy = Object.create(signer) as typeof signer;
      spy.sign = (request: unknown, ...rest: unknown[]) => {
        capture.request = request as SentRequest;
        return signer.sign(request, ...rest);
      };
      value.signer = spy;
    }
  },
};
