// The contract of a destination beside the sinks (CloudWatch Logs, EventBridge, SNS): what delivery tells it, what
// it reports back. Delivery calls these; a destination never sees the engine.
import type { Clock } from '../../clock/clock.js';
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { DeliveryRoute, DeliveryStatus, DeliveryTrail } from '../../engine/delivery-port.js';
import { describeError } from '../sink-attempt.js';

/** What delivery hands a destination when it is attached. */
export interface DestinationContext {
  clock: Clock;
  /** Failures go to the LocalTrail's onError (and stats), never to the application. */
  reportError(error: unknown, where: string): void;
}

/** Counters of one destination; nothing is dropped silently. */
export interface DestinationStats {
  /** Items waiting (events, or file notifications). */
  queued: number;
  delivered: number;
  /** Dropped because the queue was full. */
  dropped: number;
  /** Not sent on purpose: larger than the service takes (256 KB), or refused by it for good (too old …). */
  skipped: number;
  /** Failed attempts (each retried with backoff). */
  failedAttempts: number;
}

/** What `shutdown()` could not deliver. */
export interface DestinationShutdownReport {
  name: string;
  undelivered: number;
  /** The last failure, when something is left. */
  error?: string;
}

/** A log file (or Insights file) that reached every sink. */
export interface DeliveredFile {
  trail: DeliveryTrail;
  region: string;
  accountId: string;
  bucket: string;
  key: string;
  deliveredAt: number;
}

/**
 * A destination: gets routed records and/or delivered files, delivers them with retries from a bounded queue.
 * @example
 * createLocalTrail({ delivery: { destinations: [new MemoryCloudWatchLogs(), new EventBridgeDestination({ onEvents })] } });
 */
export interface DeliveryDestination {
  readonly name: string;
  /** Called once, before anything else. */
  attach(context: DestinationContext): void;
  /** On the recording path, once per (trail, record) routed: O(1), no I/O. */
  routed?(route: DeliveryRoute, record: CloudTrailRecord): void;
  /** A log file reached every sink (SNS notifications). */
  fileDelivered?(file: DeliveredFile): void;
  /** Tries everything queued now. */
  flush(): Promise<void>;
  /** Delivers what it can (a few attempts), stops timers; run-once. */
  shutdown(): Promise<DestinationShutdownReport>;
  stats(): DestinationStats;
  /** The GetTrailStatus fields it reports for a trail. */
  status?(trailArn: string): Partial<DeliveryStatus>;
}

/** One report from the shutdowns of a destination's queues. */
export function shutdownReport(name: string, results: ReadonlyArray<{ undelivered: number; error?: string }>): DestinationShutdownReport {
  const error = results.find((r) => r.undelivered > 0 && r.error !== undefined)?.error;
  return { name, undelivered: results.reduce((n, r) => n + r.undelivered, 0), ...(error !== undefined ? { error } : {}) };
}

export function newDestinationStats(): DestinationStats {
  return { queued: 0, delivered: 0, dropped: 0, skipped: 0, failedAttempts: 0 };
}

/** Per trail, the last success's time and the last failure, as GetTrailStatus shows them (a success clears the error). */
export class TrailOutcomes {
  private readonly byTrail = new Map<string, Partial<DeliveryStatus>>();

  constructor(
    private readonly timeField: 'latestNotificationTime' | 'latestCloudWatchLogsDeliveryTime',
    private readonly errorField: 'latestNotificationError' | 'latestCloudWatchLogsDeliveryError',
  ) {}

  settled(trailArn: string, error: unknown, now: number): void {
    let status = this.byTrail.get(trailArn);
    if (status === undefined) this.byTrail.set(trailArn, (status = {}));
    if (error === undefined) {
      status[this.timeField] = now;
      delete status[this.errorField];
    } else {
      status[this.errorField] = describeError(error);
    }
  }

  of(trailArn: string): Partial<DeliveryStatus> {
    return { ...this.byTrail.get(trailArn) };
  }
}
