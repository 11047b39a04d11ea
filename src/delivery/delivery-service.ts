// The DeliveryPort implementation: one channel per (trail, region, account), signing keys, status and stats.
import type { Clock } from '../clock/clock.js';
import type { CloudTrailRecord } from '../vocabulary/record.js';
import { SigningKeyRing } from '../integrity/signing-keys.js';
import type { SigningKey } from '../integrity/signing-keys.js';
import type { PreviousDigest } from '../integrity/digest-file.js';
import { DeliveryChannel } from './channel.js';
import type { DeliveryOptions, ResolvedDeliveryOptions } from './delivery-options.js';
import { resolveDeliveryOptions } from './delivery-options.js';
import type { DeliveryStats } from './delivery-stats.js';
import { newDeliveryStats } from './delivery-stats.js';
import type { OutgoingObject } from './outbox.js';
import type { DeliveryPort, DeliveryPublicKey, DeliveryRoute, DeliveryStatus, DeliveryTrail } from '../engine/delivery-port.js';
import type { DestinationShutdownReport, DestinationStats } from './destinations/destination.js';
import { DestinationSet } from './destinations/destination-set.js';

/**
 * An object `shutdown()` could not deliver.
 * @example
 * for (const u of (await trail.shutdown()).undelivered) console.error(`${u.bucket}/${u.key}: ${u.error}`);
 */
export interface UndeliveredObject {
  kind: 'log' | 'digest';
  bucket: string;
  key: string;
  trailArn: string;
  recordCount: number;
  error: string;
}

/**
 * What `shutdown()` achieved.
 * @example
 * const { complete, undelivered } = await trail.shutdown();
 */
export interface DeliveryShutdownResult {
  /** True when everything queued reached every sink. */
  complete: boolean;
  undelivered: UndeliveredObject[];
  /** Per destination (when there are any): what its queues could not deliver. */
  destinations?: DestinationShutdownReport[];
}

/**
 * The end of one digest chain, to tell the validator where a chain must end.
 * @example
 * const report = await validateLogs({ source: memorySource(sink), expectedChainEnds: trail.delivery.chainEndsDelivered() });
 */
export interface ChainEnd {
  bucket: string;
  key: string;
}

export interface DeliveryServiceContext {
  clock: Clock;
  onError: (error: unknown, where: string) => void;
}

/**
 * Delivery: batches routed records into CloudTrail log files, signs hourly digest chains, writes both to sinks.
 * @example
 * const delivery = new DeliveryService({ sinks: [new MemorySink()] }, { clock: systemClock, onError: console.error });
 * delivery.enqueue(route, record);
 * await delivery.shutdown();
 */
export class DeliveryService implements DeliveryPort {
  readonly options: ResolvedDeliveryOptions;
  readonly keys: SigningKeyRing;
  readonly clock: Clock;
  readonly stats: DeliveryStats = newDeliveryStats();
  private readonly channels = new Map<string, DeliveryChannel>();
  private readonly routeCache = new WeakMap<DeliveryRoute, DeliveryChannel>();
  private readonly statuses = new Map<string, DeliveryStatus>();
  private readonly logging = new Set<string>();
  private readonly chainEnds = new Map<string, PreviousDigest>();
  private readonly background = new Set<Promise<unknown>>();
  private shutdownResult: Promise<DeliveryShutdownResult> | undefined;
  private readonly onError: (error: unknown, where: string) => void;
  /** CloudWatch Logs, EventBridge, SNS; undefined when none are configured (the recording path then skips them). */
  private readonly destinations: DestinationSet | undefined;

  constructor(options: DeliveryOptions | undefined, context: DeliveryServiceContext) {
    this.options = resolveDeliveryOptions(options);
    this.clock = context.clock;
    this.onError = context.onError;
    this.keys = new SigningKeyRing({
      clock: this.clock,
      supplied: this.options.signingKeys,
      onNewKey: (key) => this.publishKey(key),
    });
    if (this.options.destinations.length > 0) {
      this.destinations = new DestinationSet(this.options.destinations, { clock: this.clock, reportError: (error, where) => this.onError(error, where) });
    }
  }

  /** Counters of each destination, by name. */
  destinationStats(): Record<string, DestinationStats> {
    return this.destinations?.stats() ?? {};
  }

  enqueue(route: DeliveryRoute, record: CloudTrailRecord): void {
    if (this.shutdownResult) {
      this.stats.droppedRecords++;
      return;
    }
    this.destinations?.routed(route, record);
    if (record.eventCategory === 'Insight') {
      this.insightChannel(route).add(record);
      return;
    }
    let channel = this.routeCache.get(route);
    if (!channel) {
      // A new route object means a new trail snapshot: a region or account covered again may need its chain back.
      const logging = this.logging.has(route.trail.arn);
      channel = this.channels.get(channelKey(route.trail.arn, route.region, route.accountId));
      if (!channel) {
        // The engine routes only to logging trails: a record that opens a channel says its trail logs.
        this.logging.add(route.trail.arn);
        channel = this.openChannel(route.trail, route.region, route.accountId);
      }
      if (logging && route.trail.logFileValidationEnabled && !channel.chainOpen) channel.startChain(this.clock.now());
      this.routeCache.set(route, channel);
    }
    channel.trail = route.trail;
    channel.add(record);
  }

  loggingStarted(trail: DeliveryTrail, at: number): void {
    if (this.shutdownResult) return;
    this.logging.add(trail.arn);
    if (!this.channels.has(channelKey(trail.arn, trail.homeRegion, trail.accountId))) this.openChannel(trail, trail.homeRegion, trail.accountId);
    if (trail.logFileValidationEnabled) {
      for (const channel of this.channelsOf(trail.arn)) {
        channel.trail = trail;
        channel.startChain(at);
      }
    }
  }

  loggingStopped(trail: DeliveryTrail, at: number): void {
    this.logging.delete(trail.arn);
    for (const channel of this.channelsOf(trail.arn)) {
      channel.trail = trail;
      this.endChain(channel, at);
    }
  }

  trailUpdated(before: DeliveryTrail, after: DeliveryTrail, at: number): void {
    let channels = this.channelsOf(after.arn);
    for (const channel of channels) channel.trail = after;
    // Regions (or member accounts) the trail no longer covers get no more events: close their chains now rather
    // than signing empty digests for them every hour.
    const dropped = channels.filter(
      (c) => (!after.isMultiRegionTrail && c.region !== after.homeRegion) || (!after.isOrganizationTrail && c.accountId !== after.accountId),
    );
    for (const channel of dropped) this.endChain(channel, at);
    channels = channels.filter((c) => !dropped.includes(c));
    if (before.logFileValidationEnabled && !after.logFileValidationEnabled) {
      for (const channel of channels) this.endChain(channel, at);
    } else if (!before.logFileValidationEnabled && after.logFileValidationEnabled && this.logging.has(after.arn)) {
      for (const channel of channels) channel.startChain(at);
    }
  }

  status(trailArn: string): DeliveryStatus {
    return { ...this.statuses.get(trailArn), ...this.destinations?.status(trailArn) };
  }

  listPublicKeys(region: string, start: number, end: number): DeliveryPublicKey[] {
    return this.keys.list(region, start, end);
  }

  /** Every digest chain's newest digest so far: pass to `validateLogs({ expectedChainEnds })` to catch a deleted newest digest. */
  chainEndsDelivered(): ChainEnd[] {
    for (const channel of this.channels.values()) this.rememberEnd(channel);
    return [...this.chainEnds.values()].map(({ bucket, key }) => ({ bucket, key }));
  }

  /** Cuts everything queued into log files and delivers every undelivered object now. */
  async flush(): Promise<void> {
    await Promise.all([...this.background]);
    await Promise.all([...this.channels.values()].map((c) => c.flush()));
    await this.destinations?.flush();
  }

  /**
   * Delivers everything queued, closes every chain with a final digest and stops timers; resolves to what could not
   * be delivered. Run-once: later calls get the same result, and records routed after it are dropped and counted.
   */
  shutdown(): Promise<DeliveryShutdownResult> {
    this.shutdownResult ??= this.runShutdown();
    return this.shutdownResult;
  }

  private async runShutdown(): Promise<DeliveryShutdownResult> {
    const at = this.clock.now();
    await Promise.all([...this.background]);
    const left: OutgoingObject[][] = await Promise.all([...this.channels.values()].map((c) => c.shutdown(at)));
    // Keys created for the final digests are published in the background: wait for the sinks to have them.
    await Promise.all([...this.background]);
    for (const channel of this.channels.values()) this.rememberEnd(channel);
    const undelivered = left.flat().map<UndeliveredObject>((o) => ({
      kind: o.object.kind,
      bucket: o.object.bucket,
      key: o.object.key,
      trailArn: o.object.trailArn,
      recordCount: o.recordCount,
      error: o.lastError ?? 'not attempted',
    }));
    // After the channels: their last files still notify SNS.
    const destinations = await this.destinations?.shutdown();
    for (const sink of this.options.sinks) {
      try {
        await sink.shutdown?.();
      } catch (error) {
        this.onError(error, `delivery.shutdown(${sink.name})`);
      }
    }
    if (undelivered.length > 0) {
      const records = undelivered.reduce((n, o) => n + o.recordCount, 0);
      this.onError(
        new Error(`localtrail: shutdown could not deliver ${undelivered.length} object(s) holding ${records} record(s): ${undelivered.map((o) => `s3://${o.bucket}/${o.key} (${o.error})`).join(', ')}`),
        'delivery.shutdown',
      );
    }
    const complete = undelivered.length === 0 && (destinations ?? []).every((d) => d.undelivered === 0);
    for (const d of destinations ?? []) {
      if (d.undelivered > 0) this.onError(new Error(`localtrail: shutdown could not deliver ${d.undelivered} item(s) to ${d.name}: ${d.error ?? 'not attempted'}`), 'delivery.shutdown');
    }
    return destinations ? { complete, undelivered, destinations } : { complete, undelivered };
  }

  /** Insights events are batched apart: their files go to the CloudTrail-Insight folder, outside digest chains. */
  private insightChannel(route: DeliveryRoute): DeliveryChannel {
    const key = `${channelKey(route.trail.arn, route.region, route.accountId)}\u0000insight`;
    let channel = this.channels.get(key);
    if (!channel) {
      this.logging.add(route.trail.arn);
      channel = this.openChannel(route.trail, route.region, route.accountId, 'insight');
    }
    channel.trail = route.trail;
    return channel;
  }

  /** A new channel; its digest chain starts at once when its trail logs with validation on (never for Insights). */
  private openChannel(trail: DeliveryTrail, region: string, accountId: string, kind: 'log' | 'insight' = 'log'): DeliveryChannel {
    const channel = new DeliveryChannel(
      trail,
      region,
      accountId,
      {
        clock: this.clock,
        options: this.options,
        keys: this.keys,
        stats: this.stats,
        statusOf: (arn) => this.statusOf(arn),
        reportError: (error, where) => this.onError(error, where),
        fileDelivered: (place, object) =>
          this.destinations?.fileDelivered({ trail: place.trail, region: place.region, accountId: place.accountId, bucket: object.bucket, key: object.key, deliveredAt: this.clock.now() }),
      },
      kind,
    );
    const key = channelKey(trail.arn, region, accountId);
    this.channels.set(kind === 'insight' ? `${key}\u0000insight` : key, channel);
    if (trail.logFileValidationEnabled && this.logging.has(trail.arn)) channel.startChain(this.clock.now());
    return channel;
  }

  private channelsOf(arn: string): DeliveryChannel[] {
    return [...this.channels.values()].filter((c) => c.trail.arn === arn);
  }

  private statusOf(arn: string): DeliveryStatus {
    let status = this.statuses.get(arn);
    if (!status) this.statuses.set(arn, (status = {}));
    return status;
  }

  /** Closes a channel's digest chain with a final digest (in the background) and remembers where it ended. */
  private endChain(channel: DeliveryChannel, at: number): void {
    this.track(channel.closeChain(at).then(() => this.rememberEnd(channel)));
  }

  private rememberEnd(channel: DeliveryChannel): void {
    const latest = channel.latestDigest;
    if (latest) this.chainEnds.set(channelKey(channel.trail.arn, channel.region, channel.accountId), latest);
  }

  /** Work outside the channels (closing a chain, publishing a key): waited for by flush and shutdown, and counted. */
  private track(work: Promise<unknown>): void {
    this.stats.pendingTasks++;
    const p = work
      .catch((error: unknown) => this.onError(error, 'delivery'))
      .finally(() => {
        this.background.delete(p);
        this.stats.pendingTasks--;
      });
    this.background.add(p);
  }

  private publishKey(key: SigningKey): void {
    for (const sink of this.options.sinks) {
      if (!sink.publishPublicKey) continue;
      const published = {
        region: key.region,
        fingerprint: key.fingerprint,
        der: key.der,
        pem: key.pem,
        validityStartTime: key.validityStartTime,
        validityEndTime: key.validityEndTime,
      };
      this.track(Promise.resolve().then(() => sink.publishPublicKey!(published)));
    }
  }
}

function channelKey(trailArn: string, region: string, accountId: string): string {
  return `${trailArn}\u0000${region}\u0000${accountId}`;
}
