// What every control-plane call on a LocalTrail passes through: who calls, whether they may (the authorize hook),
// and the cloudtrail.amazonaws.com event CloudTrail records for the call, success or failure.
import type { Clock } from '../clock/clock.js';
import type { CompiledRedaction } from '../event/redaction.js';
import { applyRedactionPaths } from '../event/redaction.js';
import type { CloudTrailRecord, UserIdentity } from '../vocabulary/record.js';
import { currentCall } from '../recorder/call-context.js';
import type { IdentityResolver } from '../recorder/identity.js';
import { DEFAULT_USER_NAME, syntheticId } from '../recorder/identity.js';
import { actorJson } from '../recorder/recorder.js';
import type { Authorize, AuthorizeCaller } from './authorize.js';
import { accessDenied, allows, resourcesOf } from './authorize.js';
import { partitionOf } from './names.js';
import { controlPlaneRecord } from './self-events.js';
import type { CallerOptions } from './operations.js';

/**
 * Who makes a control-plane call: the account and region (as for the engine), and the principal.
 * @example
 * await trail.stopLogging({ Name: 'audit' }, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }); // alice, through `identities`
 */
export interface ControlPlaneCaller extends CallerOptions {
  /** The caller's access key id, turned into `userIdentity` through the `identities` option as SDK calls are. Default: the account's `localtrail-user`. */
  accessKeyId?: string;
  /** The key is temporary (a session token came with it): an AssumedRole unless `identities` maps it. */
  temporaryCredentials?: boolean;
  userAgent?: string;
  /** Default: the actor's (runAs), else the LocalTrail's `sourceIpAddress`. */
  sourceIpAddress?: string;
  /** The record's requestID (the wire handler passes the one it answers with). */
  requestId?: string;
  /** The host a wire request was sent to (recorded in `tlsDetails`). */
  host?: string;
}

export interface ControlPlaneGateOptions {
  clock: Clock;
  accountId: string;
  region: string;
  sourceIpAddress: string;
  identities: IdentityResolver;
  redaction: CompiledRedaction;
  authorize?: Authorize;
  /** Record the calls as events. */
  record: boolean;
  accept(record: CloudTrailRecord): void;
  countSuppressed(): void;
  reportError(error: unknown, where: string): void;
  /** Throws what changing the named trail would throw (not found, not its home region, not its owner). */
  checkChange(nameOrArn: string | undefined, caller: CallerOptions): void;
}

/** Operations whose trail stops logging: their event is routed first, so the trail's last file (and digest) holds it. */
const STOPPING = new Set(['StopLogging', 'DeleteTrail']);
/** Request ids answered by the wire handler, remembered so a plugin on the same client does not record the call again. */
const MAX_REMEMBERED = 1000;

interface Call {
  operation: string;
  input: Record<string, unknown>;
  caller: ControlPlaneCaller;
  engineCaller: CallerOptions & { accountId: string; region: string };
  identity: UserIdentity;
}

/**
 * Runs a control-plane operation for a caller: authorizes it, runs it, records it.
 * @example
 * gate.run('StopLogging', input, caller, (c) => engine.stopLogging(input, c));
 */
export class ControlPlaneGate {
  private readonly served = new Set<string>();
  private readonly defaultIdentities = new Map<string, UserIdentity>();

  constructor(private readonly options: ControlPlaneGateOptions) {}

  async run<T>(operation: string, input: unknown, caller: ControlPlaneCaller | undefined, fn: (caller: CallerOptions) => T | Promise<T>): Promise<T> {
    const call = this.begin(operation, (input ?? {}) as Record<string, unknown>, caller ?? {});
    let recorded = false;
    try {
      await this.authorize(call);
      if (STOPPING.has(operation)) {
        // Checked first, so the success event can reach the trail before it stops.
        this.options.checkChange(call.input['Name'] as string | undefined, call.engineCaller);
        this.record(call, {}, undefined, false);
        recorded = true;
      }
      const result = await fn(call.engineCaller);
      if (!recorded) this.record(call, result, undefined, false);
      return result;
    } catch (error) {
      if (!recorded) this.record(call, undefined, error, true);
      throw error;
    }
  }

  /** True (once) for a plugin's record of a call this LocalTrail's wire handler already recorded. */
  isDuplicate(record: CloudTrailRecord): boolean {
    return this.served.size !== 0 && record.eventSource === 'cloudtrail.amazonaws.com' && record.requestID !== undefined && this.served.delete(record.requestID);
  }

  private begin(operation: string, input: Record<string, unknown>, caller: ControlPlaneCaller): Call {
    const { identities } = this.options;
    const credentials = caller.accessKeyId
      ? { accessKeyId: caller.accessKeyId, ...(caller.temporaryCredentials ? { sessionToken: 'present' } : {}), ...(caller.accountId ? { accountId: caller.accountId } : {}) }
      : undefined;
    const accountId = caller.accountId ?? (credentials ? identities.accountFor(credentials) : this.options.accountId);
    const region = caller.region ?? this.options.region;
    const identity = credentials ? identities.identityFor(credentials) : this.defaultIdentity(accountId, region);
    return { operation, input, caller, engineCaller: { accountId, region }, identity };
  }

  /** The account's `localtrail-user`, without an access key (a method call made no request). */
  private defaultIdentity(accountId: string, region: string): UserIdentity {
    let identity = this.defaultIdentities.get(accountId);
    if (identity === undefined) {
      identity = Object.freeze({
        type: 'IAMUser',
        principalId: syntheticId('AIDA', `${accountId}:user/${DEFAULT_USER_NAME}`),
        arn: `arn:${partitionOf(region)}:iam::${accountId}:user/${DEFAULT_USER_NAME}`,
        accountId,
        userName: DEFAULT_USER_NAME,
      } as const);
      this.defaultIdentities.set(accountId, identity);
    }
    return identity;
  }

  private async authorize(call: Call): Promise<void> {
    const authorize = this.options.authorize;
    if (authorize === undefined) return;
    const { accountId, region } = call.engineCaller;
    const principalArn = call.identity.arn ?? `arn:${partitionOf(region)}:iam::${accountId}:root`;
    const who: AuthorizeCaller = { accountId, region, principalArn, userIdentity: call.identity };
    const action = `cloudtrail:${call.operation}`;
    for (const resource of resourcesOf(call.operation, call.input, call.engineCaller)) {
      const decision = await authorize(who, action, resource);
      if (!allows(decision)) throw accessDenied(principalArn, action, resource, decision === 'ExplicitDeny');
    }
  }

  private record(call: Call, output: unknown, error: unknown, failed: boolean): void {
    const { options } = this;
    if (!options.record) return;
    const context = currentCall();
    if (context?.suppressed === true) {
      options.countSuppressed();
      return;
    }
    const { caller } = call;
    const actor = context?.actor;
    let record: CloudTrailRecord;
    try {
      record = controlPlaneRecord({
        operation: call.operation,
        time: options.clock.now(),
        region: call.engineCaller.region,
        accountId: call.engineCaller.accountId,
        identity: call.identity,
        sourceIpAddress: caller.sourceIpAddress ?? actor?.sourceIpAddress ?? options.sourceIpAddress,
        input: call.input,
        output,
        error,
        failed,
        secretNames: options.redaction.names,
        ...(caller.userAgent !== undefined ? { userAgent: caller.userAgent } : {}),
        ...(caller.host !== undefined ? { host: caller.host } : {}),
        ...(caller.requestId !== undefined ? { requestId: caller.requestId } : {}),
        ...(actor !== undefined ? { actor: actorJson(actor) } : {}),
      });
      if (options.redaction.paths.length > 0) applyRedactionPaths(record, options.redaction.paths);
    } catch (e) {
      // Recording never changes the call's outcome.
      options.reportError(e, 'control-plane record');
      return;
    }
    options.accept(record);
    if (caller.requestId !== undefined) {
      this.served.add(caller.requestId);
      if (this.served.size > MAX_REMEMBERED) this.served.delete(this.served.values().next().value!);
    }
  }
}
