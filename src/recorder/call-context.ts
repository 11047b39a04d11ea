// Per-async-call context: who the application says is acting (runAs) and whether recording is suppressed.
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The application's own end user, attached to every SDK call made inside `trail.runAs(actor, fn)`.
 * Recorded under `additionalEventData.actor`; `sourceIpAddress` (when given) becomes the record's `sourceIPAddress`,
 * as CloudTrail shows the end user's address for console calls.
 * @example
 * await trail.runAs({ userId: req.user.id, sourceIpAddress: req.ip, attributes: { tenant: 'acme' } }, () => handler(req));
 */
export interface Actor {
  userId: string;
  sourceIpAddress?: string;
  userAgent?: string;
  /** Anything else worth keeping with the call (tenant, request id …); must be JSON-serialisable. */
  attributes?: Record<string, string | number | boolean>;
}

/** What the current async context says about SDK calls made in it. */
export interface CallContext {
  actor?: Actor;
  /** True inside {@link runWithoutRecording}: localtrail's own SDK calls (the S3 sink) are not recorded. */
  suppressed?: boolean;
}

const storage = new AsyncLocalStorage<CallContext>();

/** The current async context (one lookup for both the actor and suppression, on every recorded call). */
export function currentCall(): CallContext | undefined {
  return storage.getStore();
}

/** The actor of the current async context, if any. */
export function currentActor(): Actor | undefined {
  return storage.getStore()?.actor;
}

/** Runs `fn` with `actor` as the acting end user for every SDK call it makes (also across awaits). */
export function runAsActor<T>(actor: Actor, fn: () => T): T {
  const parent = storage.getStore();
  return storage.run({ ...parent, actor }, fn);
}

/**
 * Runs `fn` with recording suppressed: SDK calls made inside are not recorded by any LocalTrail.
 * Sinks that write through the AWS SDK use this so a trail never records its own delivery.
 * @example
 * await runWithoutRecording(() => s3.send(new PutObjectCommand(upload))); // not recorded
 */
export function runWithoutRecording<T>(fn: () => T): T {
  const parent = storage.getStore();
  return storage.run({ ...parent, suppressed: true }, fn);
}
