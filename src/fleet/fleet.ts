// Fleets: many processes delivering into one bucket. Each process logs through its own trail name (`<base>-<instance>`),
// so its digest chain is its own and AWS's validate-logs follows it; `shutdownOnSignals` delivers everything on stop.
import { hostname } from 'node:os';
import { validateTrailName } from '../engine/names.js';

/** What a stopping process needs: `LocalTrail.shutdown()`. */
export interface ShutsDown {
  shutdown(): Promise<unknown>;
}

/**
 * Lower-case letters, digits and single hyphens: a name part that keeps the trail name valid and never contains `_`,
 * which would let aws-cli's digest key pattern for one trail (`…_<name>_<home region>_…`) match another's keys.
 */
function sanitize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * This process's instance id: `LOCALTRAIL_INSTANCE` when set (give each process of a fleet a stable one, e.g. the pod
 * or worker name, so the runs of one process form one chain with gaps between runs), else `<hostname>-<pid>`.
 * @example
 * fleetInstanceId({ LOCALTRAIL_INSTANCE: 'Worker_3' }); // 'worker-3'
 */
export function fleetInstanceId(env: Record<string, string | undefined> = process.env): string {
  const id = sanitize(env['LOCALTRAIL_INSTANCE'] ?? `${hostname()}-${process.pid}`);
  if (id === '') throw new TypeError('localtrail: LOCALTRAIL_INSTANCE must contain letters or digits');
  return id;
}

/**
 * The trail name of one fleet member: `<base>-<instance>`, checked against CloudTrail's trail-name rules.
 * @example
 * await trail.createTrail({ Name: fleetTrailName('audit', fleetInstanceId()), S3BucketName: 'audit-logs', EnableLogFileValidation: true });
 */
export function fleetTrailName(base: string, instanceId: string): string {
  const instance = sanitize(instanceId);
  if (instance === '') throw new TypeError(`localtrail: instance id "${instanceId}" has no letters or digits`);
  const name = `${base}-${instance}`;
  validateTrailName(name);
  return name;
}

export interface ShutdownOnSignalsOptions {
  /** Default `['SIGTERM', 'SIGINT']`. */
  signals?: NodeJS.Signals[];
  /**
   * Stops taking work and resolves once the SDK calls in flight are done (e.g. `server.close()`): a call that ends
   * after shutdown began would not be delivered.
   */
  drain?: () => Promise<unknown>;
  /** Called with an error from shutdown (delivery failures are reported to onError as well). */
  onError?: (error: unknown) => void;
}

/**
 * On the first of `signals`, drains (`drain`), delivers everything and closes the digest chains (`trail.shutdown()`),
 * then lets the signal end the process as it would have. Returns a function that removes the handlers.
 * @example
 * shutdownOnSignals(trail); // a SIGTERM from the orchestrator no longer loses queued records
 */
export function shutdownOnSignals(trail: ShutsDown, options: ShutdownOnSignalsOptions = {}): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const remove = (): void => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
  function handler(signal: NodeJS.Signals): void {
    remove();
    Promise.resolve()
      .then(() => options.drain?.())
      .then(() => trail.shutdown())
      .then(
      () => process.kill(process.pid, signal),
      (error: unknown) => {
        options.onError?.(error);
        process.kill(process.pid, signal);
      },
    );
  }
  for (const signal of signals) process.once(signal, handler);
  return remove;
}
