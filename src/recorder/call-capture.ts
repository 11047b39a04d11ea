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
export function watchAuthScheme(smithyContext: Record<string, unknown>, capture: CallCapture): void {
  let scheme = smithyContext['selectedHttpAuthScheme'] as SelectedAuthScheme | undefined;
  Object.defineProperty(smithyContext, 'selectedHttpAuthScheme', {
    configurable: true,
    enumerable: true,
    get: () => scheme,
    set: (value: SelectedAuthScheme | undefined) => {
      scheme = value;
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
  });
}
