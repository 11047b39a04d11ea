// Events to EventBridge as CloudTrail sends them: each event a logging trail records, once, to its account's default
// bus in its region, in PutEvents batches (≤ 10 entries, ≤ 256 KB); rules evaluated with EventBridge's patterns.
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { DeliveryRoute } from '../../engine/delivery-port.js';
import type { DeliveryDestination, DestinationContext, DestinationShutdownReport, DestinationStats } from './destination.js';
import { newDestinationStats, shutdownReport } from './destination.js';
import type { EventPattern } from './event-pattern.js';
import { compileEventPattern } from './event-pattern.js';
import type { EventBridgeEvent, PutEventsEntry, SourceFor } from './eventbridge-event.js';
import { defaultSource, putEventsEntrySize, toEventBridgeEvent, toPutEventsEntry } from './eventbridge-event.js';
import type { DestinationQueueOptions, SendOutcome } from './retry-queue.js';
import { resolveQueueOptions, RetryQueue } from './retry-queue.js';

/** PutEvents takes at most 10 entries a request. */
export const MAX_PUT_EVENTS_ENTRIES = 10;
/** …of at most 256 KB together; CloudTrail sends no event larger than 256 KB to EventBridge. */
export const MAX_PUT_EVENTS_BYTES = 256 * 1024;
/** Matches kept per rule for `matched()` (the oldest go first). */
const MAX_MATCHES = 10_000;

/**
 * A rule to evaluate on every event delivered. EventBridge gives CloudTrail's read-only management events only to
 * rules in state `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS` (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event.html#eb-service-event-cloudtrail).
 */
export interface EventBridgeRule {
  name: string;
  pattern: EventPattern | string;
  /** Default `ENABLED`. */
  state?: 'ENABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  /** Called with each matching event (what the rule's target would get). */
  onMatch?: (event: EventBridgeEvent) => void | Promise<void>;
}

/** What a PutEvents call reports: the indexes of entries that failed (sent again). */
export interface PutEventsResult {
  failed?: number[];
}

export interface EventBridgeDestinationOptions extends DestinationQueueOptions {
  name?: string;
  /** Callback form: the events of one PutEvents-sized batch, as EventBridge would hold them. */
  onEvents?: (events: EventBridgeEvent[]) => void | Promise<void>;
  /** PutEvents form (`eventBridgeDestination({ client })` from `localtrail/destinations/eventbridge` fills it). */
  putEvents?: (entries: PutEventsEntry[]) => void | PutEventsResult | Promise<void | PutEventsResult>;
  rules?: EventBridgeRule[];
  /** `source` per service. Default `aws.<service>`; a real bus refuses `aws.*` from PutEvents, so map it there. */
  source?: SourceFor;
  /** PutEvents' `EventBusName`. Default: the client's default bus. */
  eventBusName?: string;
}

interface Item {
  record: CloudTrailRecord;
  event?: EventBridgeEvent;
  entry?: PutEventsEntry;
  size?: number;
}

interface CompiledRule {
  rule: EventBridgeRule;
  test: (event: unknown) => boolean;
  matches: EventBridgeEvent[];
}

function readOnlyManagementCall(event: EventBridgeEvent): boolean {
  return event['detail-type'] === 'AWS API Call via CloudTrail' && event.detail.readOnly === true && event.detail.managementEvent === true;
}

/**
 * @example
 * const bridge = new EventBridgeDestination({ rules: [{ name: 'trail-tampering', pattern: { detail: { eventName: ['StopLogging', 'DeleteTrail'] } } }] });
 * const trail = createLocalTrail({ delivery: { destinations: [bridge] } });
 * // … await trail.stopLogging(…); await trail.flush();
 * bridge.matched('trail-tampering'); // [the StopLogging event]
 */
export class EventBridgeDestination implements DeliveryDestination {
  readonly name: string;
  private readonly options: EventBridgeDestinationOptions;
  private readonly queueOptions: ReturnType<typeof resolveQueueOptions>;
  private readonly rules: CompiledRule[];
  private readonly counters: DestinationStats = newDestinationStats();
  private queue: RetryQueue<Item> | undefined;
  private context: DestinationContext | undefined;
  /** The engine hands a record over once per trail that gets it; the bus gets it once. */
  private last: CloudTrailRecord | undefined;

  constructor(options: EventBridgeDestinationOptions = {}) {
    this.name = options.name ?? 'eventbridge';
    this.options = options;
    this.queueOptions = resolveQueueOptions(options, this.name);
    const names = new Set<string>();
    this.rules = (options.rules ?? []).map((rule) => {
      if (typeof rule?.name !== 'string' || names.has(rule.name)) throw new TypeError(`localtrail: ${this.name}: every rule needs a unique name`);
      names.add(rule.name);
      return { rule, test: compileEventPattern(rule.pattern), matches: [] };
    });
  }

  attach(context: DestinationContext): void {
    this.context = context;
    this.queue = new RetryQueue<Item>({
      where: this.name,
      context,
      options: this.queueOptions,
      stats: this.counters,
      take: (items) => this.batchLength(items),
      send: (batch) => this.send(batch),
    });
  }

  routed(_route: DeliveryRoute, record: CloudTrailRecord): void {
    if (record === this.last) return;
    this.last = record;
    this.queue?.add({ record });
  }

  /** The events rule `name` matched so far (at most the last 10,000). */
  matched(name: string): EventBridgeEvent[] {
    const rule = this.rules.find((r) => r.rule.name === name);
    if (rule === undefined) throw new TypeError(`localtrail: ${this.name} has no rule named "${name}"`);
    return [...rule.matches];
  }

  flush(): Promise<void> {
    return this.queue?.flush() ?? Promise.resolve();
  }

  async shutdown(): Promise<DestinationShutdownReport> {
    return shutdownReport(this.name, this.queue ? [await this.queue.shutdown()] : []);
  }

  stats(): DestinationStats {
    return { ...this.counters };
  }

  private prepare(item: Item): number {
    if (item.size === undefined) {
      item.event = toEventBridgeEvent(item.record, this.options.source ?? defaultSource);
      item.entry = toPutEventsEntry(item.event, this.options.eventBusName);
      item.size = putEventsEntrySize(item.entry);
    }
    return item.size;
  }

  /** Up to 10 entries within 256 KB together; an oversized entry rides along to be skipped. */
  private batchLength(items: readonly Item[]): number {
    let bytes = 0;
    let n = 0;
    for (const item of items) {
      if (n === MAX_PUT_EVENTS_ENTRIES) break;
      const size = this.prepare(item);
      if (size <= MAX_PUT_EVENTS_BYTES) {
        if (bytes + size > MAX_PUT_EVENTS_BYTES) break;
        bytes += size;
      }
      n++;
    }
    return n;
  }

  private async send(batch: Item[]): Promise<SendOutcome<Item>> {
    const sending = batch.filter((item) => this.prepare(item) <= MAX_PUT_EVENTS_BYTES);
    const skipped = batch.length - sending.length;
    if (sending.length === 0) return { skipped };
    const { putEvents, onEvents } = this.options;
    let failed: number[] = [];
    if (putEvents !== undefined) failed = (await putEvents(sending.map((item) => item.entry!)))?.failed ?? [];
    const retry = failed.map((i) => sending[i]!).filter((item) => item !== undefined);
    const delivered = sending.filter((item) => !retry.includes(item)).map((item) => item.event!);
    if (onEvents !== undefined && delivered.length > 0) await onEvents(delivered);
    this.evaluate(delivered);
    return { retry, skipped };
  }

  private evaluate(events: EventBridgeEvent[]): void {
    for (const event of events) {
      const readOnly = readOnlyManagementCall(event);
      for (const r of this.rules) {
        if (readOnly && r.rule.state !== 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS') continue;
        if (!r.test(event)) continue;
        if (r.matches.push(event) > MAX_MATCHES) r.matches.shift();
        if (r.rule.onMatch === undefined) continue;
        Promise.resolve()
          .then(() => r.rule.onMatch!(event))
          .catch((error: unknown) => this.context?.reportError(error, `${this.name}.rule(${r.rule.name})`));
      }
    }
  }
}
